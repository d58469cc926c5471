"""Blocks: the runs of paragraphs that a language model reads at once, and the batches it reads them in.

A model reads text of one language, and reads many short texts faster in one call than one by one, but
its cost grows with the length of what it reads; so a document's paragraphs are grouped into runs of one
language, cut to at most ``recognise.max_block_chars`` characters. A paragraph longer than that (a page
that is one line) is cut where a sentence ends, so that no name is cut in two, with its offsets kept.

A model's working memory grows with the characters of the texts it reads together (some 3 KB a
character for spaCy's small models), so blocks are handed to it in batches of at most
``recognise.max_batch_chars`` characters as well as ``recognise.batch_size`` texts (:func:`batches`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from extract.core.records import Paragraph
from extract.languages.lexicon import vocabulary
from extract.languages.registry import languages

#: A sentence stop, with the closing quotes or brackets after it, followed by white space and the first
#: character of the next sentence (group 1: it must not be a lower-case letter).
_SENTENCE_END = re.compile(r"[.!?…][\"'’”»)\]]*(?=\s+(\S))")
#: How far past a piece's limit a sentence end may look for the next sentence's first character.
_LOOKAHEAD = 64
#: A word (group 1: its first character) and the white space after it, before the next word (group 2:
#: that word's first character); the cut would fall at the end of group 1's word.
_SPACE = re.compile(r"(\S)\S*(?=(\s+)(\S))")
#: Opening punctuation left out when the word before a stop is compared with the titles ("(Dr.").
_OPENING = "([{\"'“‘«"


@dataclass(frozen=True, slots=True)
class Block:
    """A run of paragraphs of one language that a model reads at once."""

    start: int
    end: int
    lang: str


def plan_blocks(text: str, paragraphs: Sequence[Paragraph], max_chars: int) -> list[Block]:
    """Runs of non-boilerplate paragraphs of one model language, each at most ``max_chars`` long."""
    blocks: list[Block] = []
    for paragraph in paragraphs:
        if paragraph.boilerplate or paragraph.lang not in languages():
            continue
        for start, end in _pieces(text, paragraph.start, paragraph.end, max_chars, paragraph.lang):
            last = blocks[-1] if blocks else None
            joinable = last and last.lang == paragraph.lang and end - last.start <= max_chars
            between = text[last.end : start] if last else ""
            if joinable and between.strip() == "":
                blocks[-1] = Block(last.start, end, last.lang)
            else:
                blocks.append(Block(start, end, paragraph.lang))
    return blocks


def batches(sizes: Sequence[int], max_texts: int, max_chars: int) -> Iterator[list[int]]:
    """The indexes of ``sizes`` (text lengths) in order, in batches of at most ``max_texts`` texts and
    ``max_chars`` characters; a text longer than ``max_chars`` is a batch of its own."""
    batch: list[int] = []
    total = 0
    for i, size in enumerate(sizes):
        if batch and (len(batch) == max_texts or total + size > max_chars):
            yield batch
            batch, total = [], 0
        batch.append(i)
        total += size
    if batch:
        yield batch


def _pieces(text: str, start: int, end: int, max_chars: int, lang: str) -> Iterator[tuple[int, int]]:
    """Cut an over-long paragraph into pieces of at most ``max_chars``, each ended by :func:`cut_at`."""
    while end - start > max_chars:
        cut = cut_at(text, start, start + max_chars, lang)
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def cut_at(text: str, start: int, limit: int, lang: str) -> int:
    """Where a piece of ``text`` that starts at ``start`` and may run to ``limit`` ends.

    After the last sentence end in the second half of the piece; else at the last white space of that
    half between two words in lower case (so not inside "Jane Smith" nor "University of Leeds"); else at
    its last white space; else (a run without white space) at ``limit``. A stop after an initial or a
    title of ``lang`` ("J.", "Dr.", "Prof.") is no sentence end: a name follows it.
    """
    half = start + (limit - start) // 2
    best = None
    for match in _SENTENCE_END.finditer(text, half, limit + _LOOKAHEAD):
        if (
            match.end() <= limit
            and not match.group(1).islower()
            and not _before_name(text, match.start(), lang)
        ):
            best = match.end()
    if best is not None:
        return best
    quiet = plain = None
    for match in _SPACE.finditer(text, start, limit + 1):
        if match.end() > limit:
            break
        plain = match.end()
        if plain > half and match.group(1).islower() and match.group(3).islower():
            quiet = plain
    return quiet or plain or limit


def _before_name(text: str, stop: int, lang: str) -> bool:
    """Whether the full stop at ``stop`` ends an initial, a title or an abbreviation ("J.", "Dr.", "Mme.",
    "U.S."), not a sentence."""
    if text[stop] != ".":
        return False
    begin = stop
    while begin > 0 and stop - begin < 20 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:stop].lstrip(_OPENING)
    return (len(word) <= 2 and word[:1].isupper()) or "." in word or word.lower() in _titles(lang)


@cache
def _titles(lang: str) -> frozenset[str]:
    """The person titles of ``lang``, without their stop ("dr", "prof", "mme")."""
    return frozenset(title.rstrip(".") for title in vocabulary(lang).titles)
