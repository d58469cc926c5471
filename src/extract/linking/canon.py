"""Canonical entities: one entity per organisation or person, however the texts spell it.

Within a document, mentions are grouped by a normalised form of their text
(case, accents, punctuation and leading articles ignored), by acronym
definitions and initials ("CLB" for "Centre Léon Bérard"), by a name core
that ignores the language of the head noun ("Institut Curie" / "Curie
Institute"), by the organisations list (``data/organisations.csv``), and, for
people, by surname with compatible first names or initials.

Across documents, the entities of each document are joined when they share a
normalised full form or a canonical name from the organisations list; a
shared acronym joins them only when it is not claimed by two different long
forms, so "ESO" in an oncology release and in an astronomy one stay apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from extract.core.errors import ExtractError
from extract.core.records import Mention
from extract.languages import lexicon
from extract.languages.registry import read_json
from extract.text import acronyms
from extract.text.fold import fold, fold_all

_ARTICLES = re.compile(r"^(the|le|la|les|l)\s+")


def name_key(text: str) -> str:
    """``fold`` with a leading article left out: the form two spellings of one name share."""
    return _ARTICLES.sub("", fold(text))


@cache
def _heads() -> tuple[dict[str, str], frozenset[str]]:
    path = "names/head_classes.json"
    try:
        data = read_json(path)
        classes = {fold(word): name for name, words in data["classes"].items() for word in words}
        descriptors = frozenset(fold(word) for word in data["descriptors"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ExtractError("data.invalid", path=path, problem=error) from error
    return classes, descriptors


def name_core(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(head classes, other words) of a name, connectors and descriptors left out."""
    classes, descriptors = _heads()
    connectors = _folded_connectors()
    words = [w for w in name_key(text).split() if w not in connectors]
    heads = frozenset(classes[w] for w in words if w in classes)
    rest = frozenset(w for w in words if w not in classes and w not in descriptors)
    return heads, rest


@cache
def _folded_connectors() -> frozenset[str]:
    """Folded connectors of both languages: a fixed set that :func:`name_core` reads for every name."""
    return fold_all(lexicon.vocabulary("en").connectors | lexicon.vocabulary("fr").connectors)


@cache
def _canonical_of() -> dict[str, str]:
    """Folded alias -> canonical name, from the organisations list."""
    return {name_key(alias): canonical for canonical, alias in lexicon.organisations()}


def is_acronym(text: str) -> bool:
    return " " not in text and acronyms.looks_like_acronym(text.replace("-", ""), max_len=20)


class _Union:
    """Union-find over hashable items, with deterministic representatives."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, item):
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self, items: Iterable) -> dict:
        out: dict = defaultdict(list)
        for item in items:
            out[self.find(item)].append(item)
        return out


def canonical_name(forms: Counter[str]) -> str:
    """The fullest form: from the organisations list if one is there, else the longest non-acronym."""
    listed = sorted({_canonical_of()[name_key(f)] for f in forms if name_key(f) in _canonical_of()})
    if listed:
        return listed[0]
    full = [f for f in forms if not is_acronym(f)] or list(forms)
    return min(full, key=lambda f: (-len(f), -forms[f], f))


# --- within a document ----------------------------------------------------------------


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
        if _BRACKET.fullmatch(between) and (is_acronym(first.text) or is_acronym(second.text)):
            pairs.append((first.text, second.text))
    return pairs


def _org_keys(forms: Counter[str], pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    union = _Union()
    by_key: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        union.find(form)
        by_key[name_key(form)].append(form)
        canonical = _canonical_of().get(name_key(form))
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
    keys = {}
    for members in union.groups(forms).values():
        key = "ORG|" + name_key(canonical_name(Counter({m: forms[m] for m in members})))
        keys.update({("ORG", m): key for m in members})
    return keys


def _same_core(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Same head classes and the same distinctive words (descriptors aside)."""
    return bool(a[0]) and a[0] == b[0] and bool(a[1]) and a[1] == b[1]


def _person_keys(forms: Counter[str]) -> dict[tuple[str, str], str]:
    union = _Union()
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


# --- across documents -----------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """One canonical entity of the corpus."""

    entity_id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    n_docs: int
    n_mentions: int


def entity_id(type_: str, name: str) -> str:
    """A stable ID from the entity's type and canonical name."""
    digest = hashlib.sha256(f"{type_}|{name_key(name)}".encode()).hexdigest()
    return f"{type_[0]}{digest[:15]}"


def link(
    documents: Sequence[tuple[str, Sequence[Mention]]],
) -> tuple[dict[tuple[str, str], str], list[Entity]]:
    """Join the document-local entities of all documents.

    Returns the entity ID of each (doc_id, local key) and the entities.
    """
    local: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    types: dict[tuple[str, str], str] = {}
    for doc_id, mentions in documents:
        for m in mentions:
            if m.key is not None:
                local[(doc_id, m.key)][m.text] += 1
                types[(doc_id, m.key)] = m.label
    union = _Union()
    shared: dict[tuple[str, str], list] = defaultdict(list)
    acronym_users: dict[tuple[str, str], list] = defaultdict(list)
    for item, forms in local.items():
        union.find(item)
        for form in forms:
            if is_acronym(form):
                acronym_users[(types[item], form)].append(item)
            else:
                shared[(types[item], name_key(form))].append(item)
            canonical = _canonical_of().get(name_key(form))
            if canonical and types[item] == "ORG":
                shared[("list", canonical)].append(item)
    for group in shared.values():
        for other in group[1:]:
            union.union(group[0], other)
    for users in acronym_users.values():
        # One acronym, long forms that agree ("Organisation"/"Organization of European Cancer
        # Institutes"): one body. Long forms that disagree: two bodies that share an acronym.
        cores = {name_core(f) for u in users for f in local[u] if not is_acronym(f)}
        if len(cores) <= 1:
            for other in users[1:]:
                union.union(users[0], other)
    merged: dict[str, tuple[str, str, list, Counter[str]]] = {}
    for members in union.groups(sorted(local)).values():
        forms: Counter[str] = Counter()
        for member in members:
            forms.update(local[member])
        type_ = types[members[0]]
        name = canonical_name(forms)
        eid = entity_id(type_, name)
        if eid in merged:  # two groups that reduce to one canonical name are one entity
            _, _, old_members, old_forms = merged.pop(eid)
            members, forms = old_members + members, old_forms + forms
            name = canonical_name(forms)
            eid = entity_id(type_, name)
        merged[eid] = (type_, name, members, forms)
    ids: dict[tuple[str, str], str] = {}
    entities = []
    for eid, (type_, name, members, forms) in merged.items():
        ids.update({member: eid for member in members})
        entities.append(
            Entity(eid, type_, name, tuple(sorted(forms)), len({m[0] for m in members}), sum(forms.values()))
        )
    return ids, sorted(entities, key=lambda e: (e.type, e.name, e.entity_id))
