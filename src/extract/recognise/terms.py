"""Acronyms a text defines by a common noun phrase name things, not organisations.

"maintenance, repair and overhaul (MRO)", "low Earth orbit (LEO)", "offre publique d'achat (OPA)": the
words before the brackets spell the acronym (Schwartz & Hearst, :func:`extract.text.acronyms.long_form_start`)
and open on a lower-case word that is neither a function word ("for the National Institutes of Health
(FNIH)" is a long form cut short) nor the head noun of an organisation ("ministère de l'Europe et des
Affaires étrangères (MEAE)" is one). The text itself says what the acronym stands for, and it is no
name: every candidate written as that acronym in the text is left out, whatever read it as a name (a
trained recogniser reads "MRO" as an organisation after it has seen many acronyms that are).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from extract.languages import lexicon
from extract.recognise.candidates import Candidate
from extract.recognise.spans import after_elision, elisions
from extract.text import acronyms

#: An acronym in brackets.
_DEFINED = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
#: Characters before the brackets that may hold the long form.
WINDOW = 150
#: The lists of every language whose words open no long form of their own.
FUNCTION_LISTS = (
    "articles",
    "definite_articles",
    "conjunctions",
    "name_prepositions",
    "place_prepositions",
    "role_complements",
    "workplace_prepositions",
)


def without_terms(text: str, candidates: Sequence[Candidate], *, max_len: int) -> list[Candidate]:
    """``candidates`` but those written as an acronym ``text`` defines by a common noun phrase."""
    terms = defined_terms(text, max_len=max_len)
    return [c for c in candidates if text[c.start : c.end] not in terms]


def defined_terms(text: str, *, max_len: int) -> frozenset[str]:
    """The acronyms of ``text`` whose long form, before their brackets, is a common noun phrase."""
    found = set()
    for match in _DEFINED.finditer(text):
        short = match.group(1)
        if short in found or not acronyms.looks_like_acronym(short, max_len=max_len):
            continue
        before = text[max(0, match.start() - WINDOW) : match.start()].rstrip()
        clause = before[max(before.rfind(mark) for mark in ";:\n(") + 1 :]
        words = " ".join(clause.split()[-2 * len(short) :])
        start = acronyms.long_form_start(short, words)
        if start is not None and _common_noun_phrase(words[start:]) and not _named_before(words[:start]):
            found.add(short)
    return frozenset(found)


def _common_noun_phrase(long_form: str) -> bool:
    """Whether a long form opens on a lower-case word that is no function word and no organisation head."""
    words = long_form.split()
    if not words or not words[0][:1].islower():
        return False
    first = words[0]
    return not (first in _function_words() or first in _head_openers() or first.startswith(elisions()))


def _named_before(before: str) -> bool:
    """Whether a capitalised organisation head ends the words before a long form: the long form found by
    its letters is then the tail of a name ("L’Agence européenne du médicament (EMA)": the letters of the
    English name's acronym fall in "européenne du médicament"; "l'Association russe de l'arbitrage (RAA)")."""
    words = before.split()
    if not words:
        return False
    last = after_elision(words[-1], elisions()) or words[-1]
    return last[:1].isupper() and last.lower() in lexicon.every_language("org_heads")


@cache
def _function_words() -> frozenset[str]:
    return frozenset().union(*(lexicon.every_language(key) for key in FUNCTION_LISTS))


@cache
def _head_openers() -> frozenset[str]:
    """The first words of every language's organisation heads ("université", "centre hospitalier")."""
    heads = lexicon.every_language("org_heads") | lexicon.every_language("org_heads_lowercase")
    return frozenset(head.split()[0] for head in heads if head.split())
