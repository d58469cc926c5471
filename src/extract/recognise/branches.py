"""An organisation's branch named by the place written right after it: "Save the Children Nigeria",
"McKesson Canada", "la Mutualité Française Pays de la Loire".

A national or regional branch takes its parent's name and its place's, with nothing between; the model
reads the two as an organisation and a place side by side. The place must be one the model reads as a
place at that very spot (so "Morgan Stanley", where a town's name ends a name, is not read so), on the
same line, and no other mention may start there; a place followed by a comma and another place or by a
number is an address ("Acme Ltd London, UK"), and one joined to another place the places a role covers
("BGIS US and Europe"), not a branch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from extract.languages import lexicon
from extract.recognise.blocks import Block
from extract.recognise.candidates import Candidate
from extract.recognise.votes import PLACE_LABELS

#: What may follow a branch's place: the end of the name, not an address ("London, UK", "Paris 75008").
_ADDRESS = re.compile(r"\s*,\s*[A-ZÀ-ÖØ-Þ]|\s*\d")


@cache
def _scope() -> re.Pattern[str]:
    """A conjunction and another capitalised word after the place: the places a role covers ("President,
    BGIS US and Europe"), not a branch's name."""
    conjunctions = lexicon.alternation(lexicon.every_language("conjunctions"))
    return re.compile(rf"\s+(?:{conjunctions}|&)\s+[A-ZÀ-ÖØ-Þ]")


def branch_places(
    text: str, chosen: Sequence[Candidate], blocks: Sequence[tuple[Block, Doc]]
) -> list[Candidate]:
    """``chosen`` with each organisation run on over a place the model reads right after it."""
    places = {
        block.start + ent.start_char: block.start + ent.end_char
        for block, doc in blocks
        for ent in doc.ents
        if ent.label_ in PLACE_LABELS
    }
    starts = {c.start for c in chosen}
    result = []
    for c in chosen:
        end = places.get(c.end + 1)
        if c.label == "ORG" and end is not None and _branch(text, c.end, end) and c.end + 1 not in starts:
            c = replace(c, end=end)
        result.append(c)
    return result


def _branch(text: str, start: int, end: int) -> bool:
    """Whether the place at ``start + 1``–``end`` follows a name with a single space and ends the name."""
    ends = not re.match(r"[\w-]", text[end : end + 1])
    return text[start] == " " and ends and not _ADDRESS.match(text, end) and not _scope().match(text, end)
