"""Names listed beside an organisation are organisations: "with Shell, Mars and Unilever", "rivals
Hewlett-Packard and Dell", "Vodafone Group, Orange and Zain Group".

A one-word company name has no head noun and the small models often miss it; in a list whose other items
are organisations it can be nothing else. Only capitalised names joined to an organisation by a comma or a
conjunction are taken, and never a gazetteer place (but after two organisations of the list: "MTN Group,
STC Group, Orange"), a date word of the text's language, a person-like name, a head noun or role alone,
or a common word of the document ("Sales, Marketing and Finance" written in lower case elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extract.languages import lexicon
from extract.languages.date_words import vocabulary as date_vocabulary
from extract.recognise.candidates import Candidate
from extract.recognise.names import common_words, looks_like_person
from extract.recognise.places import place_names
from extract.recognise.spans import Spans
from extract.text.fold import fold

#: A listed name: one to three capitalised words.
NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w&’'-]*(?:\s[A-ZÀ-ÖØ-Þ][\w&’'-]*){0,2}")
#: Items of a list read on from one organisation, at most.
MAX_ITEMS = 8
#: Organisations a list must already hold for a place's name in it to be one more ("MTN Group, STC Group,
#: Orange"): a town in a list of companies is the company of that name.
PLACES_AMONG = 2


def listed_siblings(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """``chosen`` with the unlabelled names listed next to its organisations added as organisations."""
    taken = Spans((c.start, c.end) for c in chosen)
    by_start = {c.start: c for c in chosen}
    people = {word for c in chosen if c.label == "PERSON" for word in text[c.start : c.end].split()}
    added: list[Candidate] = []
    for org in (c for c in chosen if c.label == "ORG"):
        if _ends_on_complement(text[org.start : org.end], org.lang):
            continue  # "Department for Culture, Media and Sport": the list is the name's own
        position, items = org.end, 1
        for _ in range(MAX_ITEMS):
            join = _join().match(text, position)
            name = NAME.match(text, join.end()) if join else None
            if name is None:
                break
            listed = by_start.get(name.start())
            if listed is not None:  # an item already read: go on past it if it is an organisation
                if listed.label != "ORG":
                    break
                position, items = listed.end, items + 1
                continue
            if taken.overlaps(*name.span()) or not _ends_item(text, name.end(), org.lang):
                break
            if not _may_be_org(name.group(), text, org.lang, places=items < PLACES_AMONG):
                break
            if people & set(name.group().split()):
                break  # "... and Sweeney": a person of the text, named by the surname
            taken.add(*name.span())
            added.append(Candidate(name.start(), name.end(), "ORG", "cue", org.lang))
            position = name.end()
    return sorted([*chosen, *added], key=lambda c: (c.start, c.end))


def _ends_item(text: str, end: int, lang: str) -> bool:
    """Whether a list item ends at ``end``: another join, the end of the clause (not an abbreviation's
    dot, "M.D."), or the lower-case word that goes on with the sentence (not one that goes on with the
    name, "Institut de cancérologie")."""
    if re.match(r"\.\w", text[end : end + 2]):
        return False
    if _join().match(text, end) or re.match(r"\s*(?:[.;:)]|$)", text[end : end + 3]):
        return True
    word = re.match(r"\s+([a-zà-öø-ÿ][\w’']*)", text[end : end + 30])
    vocab = lexicon.vocabulary(lang)
    return bool(word) and word.group(1) not in vocab.connectors | vocab.articles


def _ends_on_complement(name: str, lang: str) -> bool:
    """Whether a name ends on a complement of one word ("Department for Culture", "Ministère de la Santé"),
    but a place ("université de Lille": a list after it is no part of the name)."""
    vocab = lexicon.vocabulary(lang)
    words = name.split()
    complement = len(words) >= 3 and words[-2].lower() in vocab.connectors | vocab.articles
    return complement and words[-1] not in place_names()


def _may_be_org(name: str, text: str, lang: str, *, places: bool = True) -> bool:
    """Whether a listed name may be an organisation; a gazetteer place may not when ``places`` holds."""
    words = name.split()
    if len(name) < 3 or name in lexicon.every_language("legal_forms"):
        return False  # an initial ("Charles A. Sanders, M.D."), a legal form ("Groove Networks, Inc.")
    vocab = lexicon.vocabulary(lang)
    if len(words) == 1 and (name.lower() in vocab.org_heads or name.lower() in vocab.role_words):
        return False  # "Hagley Museum and Library", "directeur de X et Président de Y": no name alone
    if (places and name in place_names()) or any(fold(w) in _date_words(lang) for w in words):
        return False
    if looks_like_person(name, vocab):
        return False
    if name.isupper() and len(name) > 5:
        return False  # a heading in capitals
    return not all(w.lower() in common_words(text) for w in words)


@cache
def _date_words(lang: str) -> frozenset[str]:
    vocab = date_vocabulary(lang)
    return frozenset(fold(w) for w in (*vocab.months, *vocab.month_abbreviations, *vocab.weekdays))


@cache
def _join() -> re.Pattern[str]:
    """A comma or a conjunction between two list items (", ", " and ", ", and ", " et ")."""
    conjunctions = lexicon.alternation(lexicon.every_language("conjunctions"))
    return re.compile(rf",\s+(?:(?:{conjunctions})\s+)?|\s+(?:{conjunctions})\s+")  # "&" joins one name
