"""The entity keys of one document: which of its mentions name the same organisation or person.

Mentions are grouped by a normalised form of their text (case, accents, punctuation and leading
articles ignored), by acronym definitions and initials ("CLB" for "Centre Léon Bérard"), by a name
core that ignores the language of the head noun ("Institut Curie" / "Curie Institute"), by the
organisations list (``data/organisations.csv``), and, for people, by surname with compatible first
names or initials.

Part of recognition, not of linking: the key is a column of a document's mentions, set in the
recognise stage (one document at a time, in the workers), which the relation rules of that stage read,
and the acronym definitions it uses are found by the recogniser. Linking (:mod:`extract.linking`)
then joins the keyed entities of all documents.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise

from extract.core.records import Mention
from extract.languages import lexicon
from extract.languages.name_forms import (
    brand,
    canonical_name,
    canonical_of,
    name_core,
    name_key,
    without_legal_form,
)
from extract.recognise.names import called_by
from extract.text import acronyms
from extract.text.acronyms import is_acronym
from extract.text.fold import fold
from extract.text.union_find import UnionFind


def assign_keys(
    text: str, mentions: Sequence[Mention], definitions: Sequence[tuple[tuple[int, int], tuple[int, int]]]
) -> list[Mention]:
    """``mentions`` with ``key`` set: equal keys, one entity of the document."""
    forms = {label: Counter(m.text for m in mentions if m.label == label) for label in ("ORG", "PERSON")}
    orgs = [m for m in mentions if m.label == "ORG"]
    pairs = [*((text[a[0] : a[1]], text[b[0] : b[1]]) for a, b in definitions), *_bracketed_pairs(text, orgs)]
    keys = {**_org_keys(forms["ORG"], pairs), **_person_keys(forms["PERSON"])}
    return [replace(m, key=keys.get((m.label, m.text))) if m.label != "DATE" else m for m in mentions]


_BRACKET = re.compile(r"\s*[(\[]\s*$")


def _bracketed_pairs(text: str, orgs: Sequence[Mention]) -> list[tuple[str, str]]:
    """Names and acronyms that gloss each other in brackets: "X (ACR)", "ACR (X)", "X (ACR, ...)"."""
    pairs = []
    for first, second in pairwise(orgs):
        between = text[first.end : second.start]
        if text[second.end : second.end + 1] == ":":
            continue  # "Abiomed (NSDQ:ABMD)": the exchange the company's share is listed on
        if _BRACKET.fullmatch(between) and (is_acronym(first.text) or is_acronym(second.text)):
            pairs.append((first.text, second.text))
    return pairs


def _org_keys(forms: Counter[str], pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    union = UnionFind()
    by_key: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        union.find(form)
        by_key[name_key(form)].append(form)
        canonical = canonical_of().get(name_key(form))
        if canonical:
            by_key["list:" + canonical].append(form)
    for group in by_key.values():
        for other in group[1:]:
            union.union(group[0], other)
    for a, b in pairs:
        if a in forms and b in forms:
            union.union(a, b)
    longs = [f for f in forms if not is_acronym(f)]
    for form in forms:
        if is_acronym(form):
            spelled = {union.find(n) for n in longs if acronyms.is_initialism_of(form, n)}
            if not spelled:  # "FCD" of "Fédération du commerce et de la distribution": every word spelled
                spelled = {union.find(n) for n in longs if _spells_every_word(form, n)}
            if len(spelled) == 1:
                union.union(form, spelled.pop())
    # "EURACAN" for "ERN-EURACAN" or "ERN EURACAN": one body, named with and without the prefix
    # of its kind ("ERN", a European Reference Network, is not that body).
    for form in forms:
        parts = re.split(r"[\s-]+", form)
        if len(parts) > 1 and all(is_acronym(p) for p in parts) and parts[-1] in forms:
            union.union(form, parts[-1])
    cores = {f: name_core(f) for f in longs}
    for a in longs:
        for b in longs:
            if a < b and _same_core(cores[a], cores[b]):
                union.union(a, b)
    # A name without its head noun ("Heriot-Watt" for "Heriot-Watt University", "Curie" for
    # "Institut Curie") is that body, when only one body of the document has that name.
    for short in longs:
        heads, words = cores[short]
        if not heads and words:
            owners = {union.find(f) for f in longs if cores[f][0] and cores[f][1] == words}
            if len(owners) == 1:
                union.union(short, owners.pop())
    # A company's brand alone ("Index" for "Index Ventures", "GAM" for "GAM Holding AG") or its name without
    # its legal form ("Viterra" for "Viterra Inc."), when only one company of the document has it.
    shorts = [(f, name_key(b)) for f in longs for b in (brand(f), without_legal_form(f)) if b]
    for short in forms:
        owners = {union.find(f) for f, b in shorts if b == name_key(short)}
        if len(owners) == 1:
            union.union(short, owners.pop())
    keys = {}
    for members in union.groups(forms).values():
        key = "ORG|" + name_key(canonical_name(Counter({m: forms[m] for m in members})))
        keys.update({("ORG", m): key for m in members})
    return keys


def _spells_every_word(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells every word of ``name`` but its connectors (see `word_initials`)."""
    connectors, elisions = _connectors()
    return acronyms.is_initialism_of(acronym, name, connectors=connectors, elisions=elisions)


@cache
def _connectors() -> tuple[frozenset[str], tuple[str, ...]]:
    """The connectors and elisions of every language, with a straight apostrophe."""
    connectors = frozenset(w.replace("’", "'") for w in lexicon.every_language("connectors"))
    elisions = tuple(sorted({w.replace("’", "'") for w in lexicon.every_language("elisions")}))
    return connectors, elisions


def _same_core(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Same head classes and the same distinctive words (descriptors aside)."""
    return bool(a[0]) and a[0] == b[0] and bool(a[1]) and a[1] == b[1]


def _person_keys(forms: Counter[str]) -> dict[tuple[str, str], str]:
    union = UnionFind()
    parts = {f: f.replace(".", ". ").replace("-", " ").split() for f in forms}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        union.find(form)
        by_surname[fold(parts[form][-1])].append(form)
    for group in by_surname.values():
        for a in group:
            for b in group:
                if a < b and _compatible_first_names(parts[a][:-1], parts[b][:-1]):
                    union.union(a, b)
    # a given name alone ("Bill said") is the one person of the text who bears it, when no full name ends on
    # it (then it is that person's surname) and no two people share it
    by_first: dict[str, set[str]] = defaultdict(set)
    for form in forms:
        for given in called_by(parts[form]):
            by_first[fold(given)].add(form)
    for form in forms:
        word = fold(form)
        if len(parts[form]) == 1 and len(by_surname[word]) == 1 and len(by_first.get(word, ())) == 1:
            (full,) = by_first[word]
            union.union(form, full)
    keys = {}
    for members in union.groups(forms).values():
        key = "PERSON|" + fold(max(members, key=lambda m: (len(m), forms[m], m)))
        keys.update({("PERSON", m): key for m in members})
    return keys


def _compatible_first_names(a: list[str], b: list[str]) -> bool:
    """'Jean Yves' ~ 'J. Y.' ~ '' (surname alone); 'Jean' !~ 'Pierre'."""
    if not a or not b:
        return True
    initials_a = [fold(p)[:1] for p in a]
    initials_b = [fold(p)[:1] for p in b]
    if initials_a != initials_b:
        return False
    pairs = zip(a, b, strict=False)
    return all(x.rstrip(".") == y.rstrip(".") or x.endswith(".") or y.endswith(".") for x, y in pairs)
