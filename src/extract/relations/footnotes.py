"""Footnotes that list organisations, and the markers that stand for them in the text.

"five French Comprehensive Cancer Centres (FCCCs)(2) were awarded the label by the OECI" names the
centres only in footnote "(2) Institut Curie, Centre Léon Bérard, ...": the marker is given an anchor of
its own, the sentence rules run as usual, and each relation with that anchor is then repeated for every
organisation the footnote lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Span

from extract.relations.view import RENAMING_DASHES, Anchor, Found

#: A footnote line opens with its marker: "(2) Institut Curie, ...", "[3] ...".
FOOTNOTE = re.compile(r"\s*[(\[](\d{1,2})[)\]]")
#: The key prefix of a footnote marker's anchor (no mention key starts with it).
NOTE_KEY = "note:"
NOTE_MARKER = re.compile(r"(?<=\S)[(\[](\d{1,2})[)\]]")


def footnote_lists(parsed: Sequence[tuple[int, Span, list[Anchor]]]) -> dict[str, list[str]]:
    """Footnotes that list organisations, by marker: "(2) Institut A, Centre B and Institut C – D" gives
    {"2": [A, B, C]} (a name after a dash renames the one before it). A footnote with a verb says
    something else and is not a list."""
    notes: dict[str, list[str]] = {}
    for _offset, line, anchors in parsed:
        marker = FOOTNOTE.match(line.text)
        orgs = [a for a in anchors if a.label == "ORG"]
        inside = {i for a in anchors for i in range(a.start, a.end)}
        if marker is None or not orgs or any(t.pos_ in ("VERB", "AUX") for t in line if t.i not in inside):
            continue
        keys: list[str] = []
        for before, anchor in zip([None, *orgs], orgs, strict=False):
            dash = before is not None and line.doc[before.end : anchor.start].text.strip() in RENAMING_DASHES
            if not dash and anchor.key not in keys:
                keys.append(anchor.key)
        notes[marker.group(1)] = keys
    return notes


def note_anchors(sent: Span, notes: dict[str, list[str]], anchors: Sequence[Anchor]) -> list[Anchor]:
    """ "five cancer centres(2) were awarded ...": a footnote marker glued to a word stands for the
    organisations its footnote lists, as one anchor resolved after the rules have run. Markers are found
    in the text, as tokenisers split "(FCCCs)(2)" in odd places."""
    found, doc = [], sent.doc
    named_ends = {doc[a.end - 1].idx + len(doc[a.end - 1]) for a in anchors}
    for marker in NOTE_MARKER.finditer(sent.text):
        start = sent.start_char + marker.start()
        if marker.group(1) not in notes or start in named_ends:
            continue  # "European Agency(1)": a note on a named organisation, not a list standing for it
        span = doc.char_span(start, start + len(marker.group()), alignment_mode="expand")
        if span is not None and not any(a.start < span.end and span.start < a.end for a in anchors):
            found.append(Anchor(span.start, span.end, NOTE_KEY + marker.group(1), "ORG"))
    return found


def resolve_notes(found: Iterator[Found], notes: dict[str, list[str]]) -> Iterator[Found]:
    """Each relation with a footnote anchor, once for every organisation the footnote lists."""
    for one in found:
        subjects = _members(one.subject, notes)
        objects = _members(one.object, notes)
        for subject in subjects:
            for obj in objects:
                if subject != obj:
                    yield Found(subject, one.predicate, obj, one.role, one.date)


def _members(key: str, notes: dict[str, list[str]]) -> list[str]:
    return notes.get(key[len(NOTE_KEY) :], []) if key.startswith(NOTE_KEY) else [key]
