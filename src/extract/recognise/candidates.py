"""Candidates: the mentions that rules and models propose, before cleaning and overlap resolution.

Its own module because every part of recognition handles candidates (the recogniser that makes them,
the name judgements that read them, the document-wide rules that add and relabel them), and none of
those should import another just for the type. It imports nothing of the package, so it is never
part of an import circle.
"""

from __future__ import annotations

from dataclasses import dataclass

#: How much each kind of evidence weighs when two candidates overlap.
RANKS = {
    "gazetteer": 5,
    "definition": 4,
    "title": 3,
    "pattern": 3,
    "cue": 3,
    # an item of a list a plural kind noun opens ("brands such as Jo Malone London"): a source apart from
    # "cue" so that the coordination step, which runs a name on over "cue" items, leaves it alone
    "kind": 3,
    "wire": 3,  # a news agency in a dateline, whatever its case
    "model": 1,
    "acronym": 1,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed mention, before cleaning and overlap resolution."""

    start: int
    end: int
    label: str
    source: str  # a key of RANKS
    lang: str
    value: str | None = None

    @property
    def rank(self) -> int:
        return RANKS[self.source]


@dataclass(frozen=True, slots=True)
class Definition:
    """An acronym and its long form, as defined in the text ("Long Form (ACR)")."""

    short: tuple[int, int]
    long: tuple[int, int]
