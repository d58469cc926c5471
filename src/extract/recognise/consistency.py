"""Document-wide rules: the candidates of one document made to agree with each other.

A model labels each occurrence of a name on its own, and often differently; these rules look at all
the candidates of a document together, after overlaps are settled: a name found once is tagged at its
other occurrences, with the label of its strongest evidence; a person's surname alone is that person;
the items of a list are organisations or people together; two acronyms side by side are one name; and a
pattern match over "A and B" gives way to the two organisations the model reads in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from extract.core.records import Paragraph
from extract.languages import lexicon
from extract.languages.name_forms import after_head, brand
from extract.recognise.candidates import Candidate
from extract.recognise.names import (
    NAME_PART,
    called_by,
    common_words,
    first_names,
    has_head,
    is_person_name,
    person_particles,
    quoted_speaker,
    role_apposed,
    share_symbol,
    shouted_name,
    worth_propagating,
)
from extract.recognise.places import place_names
from extract.recognise.spans import Spans, occurrences, url_at
from extract.text.acronyms import initials, is_acronym
from extract.text.fold import fold_same_length

#: The sources of an organisation that a person's surname, named in full elsewhere in the text, overrides:
#: the model's reading, and a cue that made a model "person" an organisation ("excited about Assael’s
#: appointment", in a text that names Dr. Leon Assael).
SURNAME_OVERRIDES = frozenset({"model", "cue"})


def propagate(
    text: str,
    paragraphs: Sequence[Paragraph],
    chosen: list[Candidate],
    shouting: Spans,
    places: set[str],
) -> list[Candidate]:
    """Tag every other occurrence of a name found once; relabel by the strongest evidence."""
    labels: dict[str, tuple[int, str, str]] = {}
    for c in chosen:
        name = text[c.start : c.end]
        best = labels.get(name)
        if best is None or c.rank > best[0]:
            labels[name] = (c.rank, c.label, c.lang)
    relabelled = [
        replace(c, label=labels[text[c.start : c.end]][1]) if labels[text[c.start : c.end]][0] >= 3 else c
        for c in chosen
    ]
    surnames = _surnames(labels, common_words(text))
    surnames.update({k: v for k, v in _given_names(labels).items() if k not in surnames})
    relabelled = [
        replace(c, label="PERSON")
        if c.source in SURNAME_OVERRIDES and c.label == "ORG" and text[c.start : c.end] in surnames
        else c
        for c in relabelled
    ]
    relabelled = _spelled_out(text, labels, relabelled)
    names = {
        name: value
        for name, value in labels.items()
        if worth_propagating(name, value[1]) and (value[0] >= 3 or name not in places)
    }
    # a given name or surname written after a preposition of place, that the models read as no organisation
    # ("in Sydney", "en France"), is that place (a given name after "in", "confidence in Mark", is lost with
    # it: on the tune half three mentions lost for seven places no longer read as people); a surname found
    # alone once already, after a title ("Mr Keogh"), is still that person everywhere else ("Keogh said")
    names.update(
        {
            name: value
            for name, value in surnames.items()
            if (name not in labels or labels[name][1] == "PERSON")
            and not (name in places and name in _after_place_prepositions(text))
        }
    )
    names.update({name: value for name, value in _short_forms(labels).items() if name not in labels})
    names.update({name: value for name, value in _brands(text, labels, places).items() if name not in labels})
    names.update({name: value for name, value in _initialisms(labels).items() if name not in labels})
    if not names:
        return relabelled
    skip = Spans((p.start, p.end) for p in paragraphs if p.boilerplate)
    taken = Spans((c.start, c.end) for c in relabelled)
    added: list[Candidate] = []
    for start, end in occurrences(text, names, before="@/.-", after="@/-"):
        added += _occurrence(text, start, end, names[text[start:end]], taken, skip)
    # Names in all-capital lines ("CENTRE LEON BERARD"): compare without case and accents.
    keys = {fold_same_length(n): v for n, v in names.items() if v[1] == "ORG" and shouted_name(n, v[2])}
    if keys and shouting:
        for start, end in shouting:
            folded = fold_same_length(text[start:end])
            for at, until in occurrences(folded, keys):
                _, label, lang = keys[folded[at:until]]
                added += _occurrence(text, start + at, start + until, (0, label, lang), taken, skip)
    return relabelled + added + _other_capitals(text, names, taken, skip)


#: Letters of the acronyms whose written-out names are looked for: two letters spell too much by chance.
SPELLED_LETTERS = range(3, 7)


def _spelled_out(
    text: str, labels: dict[str, tuple[int, str, str]], chosen: list[Candidate]
) -> list[Candidate]:
    """``chosen`` with the name each organisation's acronym stands for, written out with no bracket to pair
    them ("France Nature Environnement" in a release that says "FNE" throughout): capitalised words, the
    language's connectors between, whose initials spell it. The models often read such a name of common
    nouns as nothing or as a person ("France Nature"): the spelled-out name replaces what a model alone
    read over it."""
    acronyms: dict[str, set[str]] = {}  # by language: its connectors join the words
    for name, (_, label, lang) in labels.items():
        if label == "ORG" and is_acronym(name) and len(name) in SPELLED_LETTERS:
            acronyms.setdefault(lang, set()).add(name)
    spelled: list[Candidate] = []
    for lang, names in acronyms.items():
        for run in _capitalised_runs(lang).finditer(text):
            words = list(re.finditer(r"\S+", run.group()))
            letters = [initials(word.group()) for word in words]  # a connector has none
            for first in (n for n, word in enumerate(words) if word.group()[0].isupper()):
                spelled_so_far = letters[first]
                for last in range(first + 1, len(words)):
                    spelled_so_far += letters[last]
                    if len(spelled_so_far) > max(SPELLED_LETTERS):
                        break
                    start, end = run.start() + words[first].start(), run.start() + words[last].end()
                    if letters[last] and spelled_so_far in names and not url_at(text, start, end):
                        spelled.append(Candidate(start, end, "ORG", "pattern", lang))
    if not spelled:
        return chosen
    read = Spans((c.start, c.end) for c in spelled)
    kept = [c for c in chosen if c.rank > 1 or not read.overlaps(c.start, c.end)]
    firm = Spans((c.start, c.end) for c in kept)
    return kept + [c for c in spelled if not firm.overlaps(c.start, c.end)]


@cache
def _capitalised_runs(lang: str) -> re.Pattern[str]:
    """Capitalised words in a row, the language's connectors allowed between them."""
    connectors = lexicon.alternation(lexicon.vocabulary(lang).connectors)
    word = r"[A-ZÀ-ÖØ-Þ][\w’'-]*"
    return re.compile(rf"(?<![\w’'-]){word}(?:\s+(?:(?:{connectors})\s+)?{word})+")


def _other_capitals(
    text: str, names: dict[str, tuple[int, str, str]], taken: Spans, skip: Spans
) -> list[Candidate]:
    """An organisation's name written with other capitals elsewhere ("Advamed" for "AdvaMed", "Network
    rail" for "Network Rail"): still opened by a capital, and a name no common noun spells."""
    keys = {n.lower(): v for n, v in names.items() if v[1] == "ORG" and shouted_name(n, v[2])}
    lowered = text.lower()
    if not keys or len(lowered) != len(text):  # a letter whose lower case is longer: offsets would move
        return []
    added: list[Candidate] = []
    for start, end in occurrences(lowered, keys, before="@/.-", after="@/-"):
        if text[start].isupper() and text[start:end] not in names:
            _, label, lang = keys[lowered[start:end]]
            added += _occurrence(text, start, end, (0, label, lang), taken, skip)
    return added


def _occurrence(
    text: str,
    start: int,
    end: int,
    found: tuple[int, str, str],
    taken: Spans,
    skip: Spans,
) -> list[Candidate]:
    """One more occurrence of a name (rank, label, language of ``found``), unless its place is taken.

    It counts as a model mention when only a model found the name, as a rule's otherwise.
    """
    if taken.overlaps(start, end) or skip.contains(start, end) or url_at(text, start, end):
        return []
    if share_symbol(text, start, end):
        return []  # "Areva (AREVA.FR)": the share's symbol, not the company again
    taken.add(start, end)
    return [Candidate(start, end, found[1], "model" if found[0] <= 1 else "pattern", found[2])]


#: What gender_guesser answers for a name it surely knows as a given name.
GIVEN = frozenset({"male", "female", "mostly_male", "mostly_female"})


def _surnames(
    labels: dict[str, tuple[int, str, str]], lower: frozenset[str]
) -> dict[str, tuple[int, str, str]]:
    """The last part of each full person name ("Okonkwo" of "Aisha Okonkwo"), which a release
    uses alone after the first mention ("said Okonkwo"); the model reads it as anything.

    Only names that are surely people give surnames (found by a title or a cue, with a known given
    name, or made of name parts only, none of them a word the text writes in ``lower`` case, nor a
    place: "Bronia Jenkins", "H. Julene Butler"): a model "person" such as "Santé Cancer Rhône-Alpes"
    must not spread.
    """
    found: dict[str, tuple[int, str, str]] = {}
    for name, (rank, label, lang) in labels.items():
        parts = name.split()
        sure = rank >= 3 or first_names().get_gender(parts[0].split("-")[0]) != "unknown"
        sure = sure or (
            all(NAME_PART.fullmatch(part) for part in parts)
            and not any(part.lower() in lower or part in place_names() for part in parts)
        )
        if label == "PERSON" and 2 <= len(parts) <= 3 and sure and not parts[-1].endswith("."):
            last = parts[-1]
            if len(last) >= 3 and last[0].isupper() and last.lower() not in person_particles():
                found[last] = (max(rank, 3), "PERSON", lang)
    return found


def _short_forms(labels: dict[str, tuple[int, str, str]]) -> dict[str, tuple[int, str, str]]:
    """A company's name without its legal form ("Suominen" of "Suominen Corporation", "Acal" of
    "Acal plc"), which a release uses after the first mention; the model often reads it as nothing."""
    forms = lexicon.every_language("legal_forms")
    found: dict[str, tuple[int, str, str]] = {}
    for name, value in labels.items():
        words = name.split()
        if value[1] == "ORG" and len(words) >= 2 and words[-1] in forms:
            short = " ".join(words[:-1]).rstrip(",")
            if len(short) >= 3 and short.split()[-1].lower() not in lexicon.vocabulary(value[2]).connectors:
                found[short] = value
    return found


def _brands(
    text: str, labels: dict[str, tuple[int, str, str]], places: set[str]
) -> dict[str, tuple[int, str, str]]:
    """A company's brand without the endings of its name ("Index" of "Index Ventures", "Dongfeng" of
    "Dongfeng Motor Group"), or a body's name without the head noun that opens it ("Paris-Dauphine" of
    "Université Paris-Dauphine"), which a release uses alone after the first mention. A brand the text also
    writes in lower case is a common word ("Digital" of "Digital Media Group"), and one that names a
    place is the place ("Boston" of "Boston Holdings"), unless a cue made the name an organisation and only
    the models' votes made the brand a place: neither is taken."""
    found: dict[str, tuple[int, str, str]] = {}
    for name, value in labels.items():
        if value[1] != "ORG":
            continue
        short = brand(name)
        headless = after_head(name) if short is None else None
        short = short or headless
        if short is None or len(short) < 3 or short in place_names() or (value[0] < 3 and short in places):
            continue
        if all(word.lower() in common_words(text) for word in short.split()):
            continue
        if headless and short in _after_place_prepositions(text):
            continue  # "l'université Bourgogne Franche-Comté ... en Bourgogne Franche-Comté": a region
        found[short] = value
    return found


@lru_cache(maxsize=4)
def _after_place_prepositions(text: str) -> frozenset[str]:
    """The capitalised names the text writes after a preposition of place ("en Bourgogne Franche-Comté"),
    each with every run of its first words, read once per document."""
    prepositions = lexicon.alternation(lexicon.every_language("place_prepositions"))
    found: set[str] = set()
    for match in re.finditer(rf"(?<!\w)(?:{prepositions})\s+((?:[A-ZÀ-ÖØ-Þ][\w’'-]*\s?){{1,4}})", text):
        words = match.group(1).split()
        found.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(found)


def _initialisms(labels: dict[str, tuple[int, str, str]]) -> dict[str, tuple[int, str, str]]:
    """The initials of an organisation's name of two capitalised words or more ("UQ" of "University of
    Queensland", "ARS" of "Agence Régionale de Santé"), which a release may use with no bracket to
    introduce it; the models often read it as nothing."""
    found: dict[str, tuple[int, str, str]] = {}
    for name, (rank, label, lang) in labels.items():
        if label != "ORG" or is_acronym(name):
            continue
        letters = initials(name)
        if len(letters) >= 2 and letters not in lexicon.vocabulary(lang).acronym_stoplist:
            found[letters] = (rank, "ORG", lang)
    return found


def _given_names(labels: dict[str, tuple[int, str, str]]) -> dict[str, tuple[int, str, str]]:
    """The given name of each full person name whose given name is a known one ("Joan" of "Joan
    Reynolds Hoge"): quotes call a colleague by it alone ("I am sure Joan will..."), and the model
    reads a lone given name as nothing.

    Only names whose first part after their initials ("H. Julene Butler"), or whose nickname ("Michael
    ‘Mike’ Hoover"), is a known given name give one, so that "Santé Cancer" gives nothing.
    """
    found: dict[str, tuple[int, str, str]] = {}
    for name, (rank, label, lang) in labels.items():
        parts = name.split()
        if label != "PERSON" or not 2 <= len(parts) <= 5 or not NAME_PART.fullmatch(parts[0]):
            continue
        for first in called_by(parts):
            if len(first) >= 3 and first_names().get_gender(first) in GIVEN:
                found[first] = (max(rank, 3), "PERSON", lang)
    return found


def split_joined(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Drop a pattern match over "A and B" when the model reads two organisations in it.

    "University of Edinburgh and Heriot-Watt University" is two names; "European Organisation
    for Research and Treatment of Cancer" is one, and the model does not split it.
    """
    models = [c for c in candidates if c.source == "model" and c.label == "ORG"]

    def joined(c: Candidate) -> bool:
        inside = [
            m
            for m in models
            if c.start <= m.start and m.end <= c.end and (m.start, m.end) != (c.start, c.end)
        ]
        return len(inside) >= 2 and _joined_by().search(text[c.start : c.end]) is not None

    kept = [c for c in candidates if not (c.source == "pattern" and c.label == "ORG" and joined(c))]
    return [part for c in kept for part in _two_names(c, text)]


def _two_names(c: Candidate, text: str) -> list[Candidate]:
    """ "Vodafone Group and Zain Group", "Allen & Overy and Shearman & Sterling": two names of two words or
    more joined by a conjunction, each ending on an organisation head or each holding an "&", are two
    organisations ("Hagley Museum and Library" and "Research and Treatment of Cancer" stay one)."""
    if c.label != "ORG" or c.source in ("gazetteer", "definition"):
        return [c]
    name = text[c.start : c.end]
    joins = list(re.finditer(rf"\s(?:{_conjunctions()})\s", name))
    if len(joins) != 1:
        return [c]
    left, right = name[: joins[0].start()], name[joins[0].end() :]
    heads = lexicon.vocabulary(c.lang).org_heads
    if len(left.split()) < 2 or len(right.split()) < 2:
        return [c]
    ends = all(side.split()[-1].lower() in heads and side.split()[-1][:1].isupper() for side in (left, right))
    if not ends and not ("&" in left and "&" in right):
        return [c]
    second = c.start + joins[0].end()
    return [replace(c, end=c.start + len(left)), replace(c, start=second)]


def join_neighbours(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """One name from two organisations side by side, a single space between: two acronyms ("ERN
    EURACAN"), or names the model cut word by word ("PSA Peugeot Citroën"); not where the second opens
    on a head noun, a generic noun or a role ("MassBio Board of Directors": the board is a body of its
    own)."""
    joined: list[Candidate] = []
    for c in chosen:
        last = joined[-1] if joined else None
        if last is not None and last.label == c.label == "ORG" and text[last.end : c.start] == " ":
            acronyms = all(_one_acronym(text[x.start : x.end]) for x in (last, c))
            if acronyms or _goes_on(text[c.start : c.end], c.lang):
                joined[-1] = replace(last, end=c.end, source=max(last, c, key=lambda x: x.rank).source)
                continue
        joined.append(c)
    return joined


def _one_acronym(name: str) -> bool:
    return " " not in name and name.isupper()


def _goes_on(name: str, lang: str) -> bool:
    """Whether an organisation's name can go on with ``name``: it opens on no head, generic or role word."""
    vocab = lexicon.vocabulary(lang)
    first = name.split()[0].lower()
    return first not in vocab.org_heads | vocab.generic | vocab.role_words


def _conjunctions() -> str:
    """The conjunctions of every language ("and", "et") as a regex alternation."""
    return lexicon.alternation(lexicon.every_language("conjunctions"))


@cache
def _joined_by() -> re.Pattern[str]:
    """A conjunction or "&" between two words: "A and B"."""
    return re.compile(rf"\s(?:{_conjunctions()}|&)\s")


@cache
def _list_join() -> re.Pattern[str]:
    """What joins the items of a list of names: ", ", " and ", " et ", ", and "."""
    return re.compile(rf"\s*(?:,\s*(?:(?:{_conjunctions()})\s+)?|\s(?:{_conjunctions()}|&)\s)\s*")


@lru_cache(maxsize=8)
def _owns_role(lang: str) -> re.Pattern[str]:
    """A possessive ending or none, then a role word, right after an organisation: it owns the role of
    the name before it ("X, SGX’s chairman", "X, Acme chief executive"), an apposition and no list."""
    endings = lexicon.alternation(lexicon.every_language("possessive_endings"))
    roles = lexicon.alternation(lexicon.vocabulary(lang).role_words)
    return re.compile(rf"(?:{endings})?\s+(?i:{roles})(?![\w-])")


@cache
def _second_person() -> re.Pattern[str]:
    """A second person joined to a first one: "Élodie Marchal et Karim Benslimane"."""
    name = r"((?:[A-ZÀ-ÖØ-Þ][\w’'-]+\s+){1,2}[A-ZÀ-ÖØ-Þ][\w’'-]+)"
    return re.compile(rf"\s+(?:{_conjunctions()}|&)\s+{name}")


def coordinated(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Make the items of a list agree: organisations listed with organisations, people with people.

    The model reads an unfamiliar organisation as a person ("Aqua Libera"); a model PERSON
    whose first word is no known given name, listed next to an organisation, is one. The
    model also stops at the first of two people joined by "and"/"et"; the second is a person
    when it looks like one and no other mention holds it.
    """
    result = list(chosen)
    for i, c in enumerate(chosen):  # left to right, so that a list converts item by item
        if c.label != "PERSON" or c.source != "model":
            continue
        first = text[c.start : c.end].split()[0]
        if first_names().get_gender(first.split("-")[0]) != "unknown":
            continue
        name, vocab = text[c.start : c.end], lexicon.vocabulary(c.lang)
        if quoted_speaker(text, c.start, name, vocab) or role_apposed(text, c.start, name, vocab):
            continue  # "said Eltayeb Adam", "A, et Amed Diallo, président de B": a person, not a list item
        before = result[i - 1] if i else None
        after = chosen[i + 1] if i + 1 < len(chosen) else None
        listed = (
            before is not None
            and before.label == "ORG"
            and _list_join().fullmatch(text[before.end : c.start])
        ) or (
            after is not None
            and after.label == "ORG"
            and _list_join().fullmatch(text[c.end : after.start])
            and not _owns_role(c.lang).match(text, after.end)  # "Chew Choon Seng, SGX’s chairman"
        )
        if listed:
            result[i] = replace(c, label="ORG", source="cue")
    taken = Spans((c.start, c.end) for c in result)
    for c in chosen:
        match = _second_person().match(text, c.end) if c.label == "PERSON" else None
        if match and not taken.overlaps(*match.span(1)) and is_person_name(match.group(1), "model"):
            vocab = lexicon.vocabulary(c.lang)
            if not has_head(match.group(1), vocab):
                taken.add(*match.span(1))
                result.append(Candidate(*match.span(1), "PERSON", "cue", c.lang))
    return sorted(result, key=lambda c: (c.start, c.end))
