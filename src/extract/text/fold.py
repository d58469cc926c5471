"""Folding: the form in which two spellings of a word compare equal, whatever their case and accents.

One module for every rule that compares words without case or accents, so that they agree on what
"the same word" means. :func:`fold` is the one most rules use; the others differ from it on purpose,
each named for what it keeps:

- :func:`fold` drops case, accents and punctuation ("L’Institut-Curie" -> "l institut curie");
- :func:`fold_keeping_punctuation` drops case and accents only ("Sept." -> "sept."), for the date
  words, whose full stops and apostrophes the date grammar reads;
- :func:`fold_same_length` upper-cases and drops accents one character for one, so that offsets in
  the folded text are offsets in the original;
- :func:`base_letter` is the bare letter of one character ("É" -> "e"), for acronym letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_WORD = re.compile(r"[^\w&]+")


def _without_accents(text: str) -> str:
    """``text`` decomposed (NFKD) with its combining marks left out."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ``text`` without accents or punctuation, white space collapsed.

    Memoised: the name rules fold the same short strings (vocabulary words, candidate names) hundreds of
    thousands of times per corpus, and the result depends on ``text`` alone.
    """
    bare = _without_accents(text.replace("’", "'")).casefold()
    return _NOT_WORD.sub(" ", bare).strip()


@lru_cache(maxsize=256)
def fold_all(words: frozenset[str]) -> frozenset[str]:
    """:func:`fold` of every word of a vocabulary set, computed once per set rather than per lookup."""
    return frozenset(fold(word) for word in words)


def fold_keeping_punctuation(word: str) -> str:
    """``word`` in lower case without accents, punctuation and spaces kept as they are.

    Case is folded before the accents are dropped (unlike :func:`fold`), as the date vocabulary
    always has: the two orders differ on a few characters outside French and English.
    """
    return _without_accents(word.casefold())


def fold_same_length(text: str) -> str:
    """Upper-case ``text`` without accents, one character for one (offsets stay valid).

    A character that :func:`fold` turns into nothing (punctuation, space) is kept as it is.
    """
    return "".join(fold(ch).upper()[:1] or ch for ch in text)


def base_letter(char: str) -> str:
    """The first character of ``char``'s decomposition, in lower case: "É" -> "e", "ß" -> "ß"."""
    return unicodedata.normalize("NFKD", char)[0].lower()
