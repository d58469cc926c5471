"""Acronyms: telling them apart from words, and pairing them with their long forms.

The pairing reads the capitals of the words before the short form first, then
follows Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text": every character of the short form
must appear, in order, in the long form, and the first must start a word. It
holds in English and French alike ("Institut national du cancer (INCa)",
"European Organisation for Research and Treatment of Cancer (EORTC)"), and
needs no list of known acronyms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.text.fold import base_letter

ROMAN = re.compile(r"^[IVXLCDM]+$")
_WORD = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=65_536)
def looks_like_acronym(word: str, *, min_len: int = 2, max_len: int = 10) -> bool:
    """An all-capitals word, or nearly ("INCa", "BiG"), that is not a plural, number or numeral.

    Memoised: recognition asks it of every token, and a text repeats its words."""
    if not word[:1].isupper():
        return False  # checked first: it rejects most words of a text without building the letter list
    letters = [c for c in word if c.isalpha()]
    if not (min_len <= len(word) <= max_len) or len(letters) < 2:
        return False
    upper = sum(c.isupper() for c in letters)
    if upper < 2 or upper / len(letters) <= 0.5:
        return False
    if word.endswith("s") and word[:-1].isupper() and len(word) > 2:
        return False  # plural of an acronym ("NCIs", "FCCCs"): a kind of body, not a name
    return not ROMAN.match(word)


def is_acronym(name: str) -> bool:
    """Whether a whole name is one acronym: one word, hyphens aside ("CLB", "ERN-EURACAN")."""
    return " " not in name and looks_like_acronym(name.replace("-", ""), max_len=20)


def long_form_start(short: str, words_before: str) -> int | None:
    """Where in ``words_before`` the long form of ``short`` starts, or None: the fewest last words whose
    capitals spell it, else the shortest run where its letters stand in order (Schwartz & Hearst). The
    letters alone may be found inside words and stop short: "American Association for Cancer Research
    (AACR)" has the "a" of "AACR" in "Cancer", and its long form would lose "American"."""
    spelled = _initials_start(short, words_before)
    return spelled if spelled is not None else _letters_start(short, words_before)


def _initials_start(short: str, words_before: str) -> int | None:
    """Where the fewest last words of ``words_before`` start whose capitals spell ``short``."""
    letters = "".join(c for c in short if c.isalpha()).upper()
    words = list(re.finditer(r"\S+", words_before))
    for word in reversed(words):
        spelled = initials(words_before[word.start() :])
        if spelled == letters:
            return word.start()
        if len(spelled) > len(letters):
            return None
    return None


def _letters_start(short: str, words_before: str) -> int | None:
    """Schwartz & Hearst: every character of ``short`` in order, the first one opening a word."""
    s, pos = len(short) - 1, len(words_before) - 1
    text = words_before
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while pos >= 0 and (
            base_letter(text[pos]) != char or (s == 0 and pos > 0 and text[pos - 1].isalnum())
        ):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    start = pos + 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return start


def initials(name: str, *, skip: frozenset[str] = frozenset()) -> str:
    """The first letters of the capitalised words of ``name``, hyphen parts counted ("Jean-Yves" → JY)."""
    letters = []
    for word in _WORD.findall(name):
        for part in word.split("-"):
            if part and part[0].isupper() and part.lower() not in skip:
                letters.append(base_letter(part[0]).upper())
    return "".join(letters)


def is_initialism_of(
    acronym: str, name: str, *, connectors: frozenset[str] = frozenset(), elisions: tuple[str, ...] = ()
) -> bool:
    """Whether ``acronym`` spells the initials of ``name`` ("CLB", "Centre Léon Bérard"); given the
    ``connectors`` of the languages, also the initials of all its other words, lower-case ones included
    (see :func:`word_initials`)."""
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    if len(letters) < 2:
        return False
    if initials(name) == letters:
        return True
    return bool(connectors) and word_initials(name, connectors, elisions) == letters


def word_initials(name: str, connectors: frozenset[str], elisions: tuple[str, ...]) -> str:
    """The first letters of every word of ``name`` but its connectors, an elided article or preposition
    left out ("Fédération du commerce et de la distribution": FCD; "Fédération française d'Echecs": FFE):
    a French name writes its words after the first in lower case, and its acronym spells them all."""
    letters = []
    for word in _WORD.findall(name):
        lower = word.lower().replace("’", "'")
        for elision in elisions:
            if lower.startswith(elision) and len(lower) > len(elision):
                word, lower = word[len(elision) :], lower[len(elision) :]
                break
        if lower not in connectors and word[:1].isalpha():
            letters.append(base_letter(word[0]).upper())
    return "".join(letters)
