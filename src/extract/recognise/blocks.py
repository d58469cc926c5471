"""Blocks: the runs of paragraphs that a language model reads at once.

A model reads text of one language, and reads many short texts faster in one call than one by one, but
its cost grows with the length of what it reads; so a document's paragraphs are grouped into runs of one
language, cut to at most ``recognise.max_block_chars`` characters.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from extract.core.records import Paragraph
from extract.languages.registry import languages


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
        for start, end in _pieces(text, paragraph.start, paragraph.end, max_chars):
            last = blocks[-1] if blocks else None
            joinable = last and last.lang == paragraph.lang and end - last.start <= max_chars
            between = text[last.end : start] if last else ""
            if joinable and between.strip() == "":
                blocks[-1] = Block(last.start, end, last.lang)
            else:
                blocks.append(Block(start, end, paragraph.lang))
    return blocks


def _pieces(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long paragraph at sentence ends or spaces so no piece exceeds ``max_chars``."""
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 1 if cut > max_chars // 2 else window.rfind(" ")
        cut = cut if cut > 0 else max_chars
        yield start, start + cut
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end
