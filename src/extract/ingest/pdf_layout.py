"""A PDF page's words laid back out as a reader sees them: columns, lines, then paragraphs.

A PDF knows glyphs and positions, not paragraphs. Segmentation starts a paragraph (and a sentence) at
every line end, so a PDF's own line ends, kept, cut every sentence that wraps, and the names and
relations in it with it. Lines are therefore re-flowed: a paragraph ends only where the layout says it
does (a larger vertical gap, an indent, a line that ends short of the column's right edge, a change of
font size or weight as at a heading), and its lines are joined by a space.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from typing import Any

#: Words whose tops differ by less than this (points) share a line.
Y_TOLERANCE = 3
#: A vertical gap above a line larger than this many times the column's tightest gap between lines
#: (its leading), and than this share of the line height, starts a new paragraph. The tightest gap,
#: not the median: in a short page of few lines the paragraph gaps would pull a median up to their size.
PARAGRAPH_GAP_FACTOR = 2.0
PARAGRAPH_GAP_MIN = 0.5
#: A line starting this many font sizes right of the column's left edge is indented: a new paragraph.
INDENT_SIZES = 0.8
#: Slack (in font sizes) when asking whether the next line's first word would have fitted on this one.
FIT_SLACK_SIZES = 0.5
#: A gap between two words wider than this share of the font size is a space.
SPACE_SIZES = 0.1
#: A gutter is a vertical strip at least this many points wide, in the middle half of the page, that
#: no more than a share of the page's lines crosses (titles over both columns) while at least another
#: share has words on both sides of it.
GUTTER_MIN_WIDTH = 8.0
GUTTER_CROSSING_SHARE = 0.2
GUTTER_LINE_SHARE = 0.5
#: Line-end characters that split a word in two.
HYPHENS = ("-", "\u2010")
SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True)
class Line:
    """One text line of a column, with what the re-flow reads: extent, font, first word's width."""

    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    first_width: float
    left: float = 0.0  # the column's left and right edges
    right: float = 0.0


def page_lines(words: list[dict[str, Any]], width: float) -> list[Line]:
    """The lines of a page in reading order: a two-column page column by column.

    Lines that cross the gutter (a title over both columns) are read where they stand, and the column
    text between two of them is read left column first. A column's edges are where its text reaches,
    and the page's margins are taken as even, so a page of short lines still has its right edge.
    """
    if not words:
        return []
    margin = min(w["x0"] for w in words)
    page_edges = (margin, max(width - margin, max(w["x1"] for w in words)))
    gutter = _gutter(words, width)
    if gutter is None:
        return _lines(words, page_edges)
    split, rejoin = gutter
    right_words = [w for w in words if w["x0"] >= rejoin]
    columns = ((margin, split), (min((w["x0"] for w in right_words), default=rejoin), page_edges[1]))
    out: list[Line] = []
    pending: list[dict[str, Any]] = []
    for row in _rows(words):
        if any(w["x0"] < rejoin and w["x1"] > split for w in row):
            out += _column_lines(pending, split, columns)
            pending = []
            out += _lines(row, page_edges)
        else:
            pending += row
    return out + _column_lines(pending, split, columns)


def _column_lines(
    words: list[dict[str, Any]], split: float, columns: tuple[tuple[float, float], tuple[float, float]]
) -> list[Line]:
    """Lines of the words left of ``split``, then of those right of it."""
    left = _lines([w for w in words if w["x1"] <= split], columns[0])
    return left + _lines([w for w in words if w["x1"] > split], columns[1])


def _rows(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped by line: tops within :data:`Y_TOLERANCE`, each row left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]["top"]) < Y_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _lines(words: list[dict[str, Any]], edges: tuple[float, float]) -> list[Line]:
    """The words' rows as :class:`Line` records of a column with these (left, right) edges."""
    return [_line(row, edges) for row in _rows(words)]


def _line(row: list[dict[str, Any]], edges: tuple[float, float]) -> Line:
    """One row of words as a line: words joined by a space where the gap between them is one."""
    parts = [row[0]["text"]]
    for before, word in itertools.pairwise(row):
        space = word["x0"] - before["x1"] > SPACE_SIZES * max(word.get("size", 10.0), 1.0)
        parts.append((" " if space else "") + word["text"])
    sizes = [w.get("size", 10.0) for w in row]
    return Line(
        text="".join(parts),
        top=min(w["top"] for w in row),
        bottom=max(w["bottom"] for w in row),
        x0=row[0]["x0"],
        x1=row[-1]["x1"],
        size=round(statistics.median(sizes), 1),
        bold=all("bold" in str(w.get("fontname", "")).lower() for w in row),
        first_width=row[0]["x1"] - row[0]["x0"],
        left=edges[0],
        right=edges[1],
    )


def _gutter(words: list[dict[str, Any]], width: float) -> tuple[float, float] | None:
    """(left, right) of the empty strip between two columns, or None for a page of one column."""
    rows = _rows(words)
    if len(rows) < 6:
        return None
    step = 2.0
    free = []
    x = width / 4
    while x < 3 * width / 4:
        crossing = sum(1 for row in rows if any(w["x0"] < x + step and w["x1"] > x for w in row))
        both_sides = sum(1 for row in rows if row[0]["x0"] < x and row[-1]["x1"] > x + step)
        few_cross = crossing <= GUTTER_CROSSING_SHARE * len(rows)
        free.append(few_cross and both_sides >= GUTTER_LINE_SHARE * len(rows))
        x += step
    best: tuple[float, float] | None = None
    for is_free, group in itertools.groupby(enumerate(free), key=lambda item: item[1]):
        if not is_free:
            continue
        cells = [i for i, _ in group]
        left, right = width / 4 + cells[0] * step, width / 4 + (cells[-1] + 1) * step
        if right - left >= GUTTER_MIN_WIDTH and (best is None or right - left > best[1] - best[0]):
            best = (left, right)
    return best


def paragraphs(lines: list[Line]) -> list[str]:
    """Lines in reading order re-flowed into paragraphs (see the module's docstring).

    A line above the one before it starts a column or a page: no gap can be read there, so a
    paragraph that runs on into the next column or page stays one unless its last line ends short.
    """
    if not lines:
        return []
    gaps = [line.top - before.bottom for before, line in itertools.pairwise(lines)]
    leading = max(min((gap for gap in gaps if gap >= 0), default=0.0), 0.0)
    height = statistics.median(line.bottom - line.top for line in lines)
    threshold = max(PARAGRAPH_GAP_FACTOR * leading, PARAGRAPH_GAP_MIN * height)
    groups: list[list[str]] = [[lines[0].text]]
    for gap, before, line in zip(gaps, lines, lines[1:], strict=False):
        if gap > threshold or _breaks(before, line):
            groups.append([line.text])
        else:
            groups[-1].append(line.text)
    return [join_hyphenated(group) for group in groups]


def _breaks(before: Line, line: Line) -> bool:
    """Does a paragraph end between ``before`` and ``line``, which follow each other closely?"""
    if (before.size, before.bold) != (line.size, line.bold):
        return True  # a heading and its text, or a caption
    indent = INDENT_SIZES * line.size
    if line.x0 - line.left > indent and before.x0 - before.left <= indent:
        return True
    if before.text.endswith((*HYPHENS, SOFT_HYPHEN)) and before.text[-2:-1].isalnum():
        return False  # a word split at the line end: the paragraph goes on, however short the line
    room = before.right - before.x1
    return room > line.first_width + FIT_SLACK_SIZES * line.size


def join_hyphenated(lines: list[str]) -> str:
    """Lines of one paragraph joined by a space, with words split at a line end made whole.

    "coopera-" + "tion" gives "cooperation". When the next line starts with a
    capital or a digit the hyphen is part of the word ("Jean-" + "Yves" gives
    "Jean-Yves", "2016-" + "2017" gives "2016-2017"), so it is kept. A soft
    hyphen is only ever a break, so it always goes.
    """
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        starts_word = line[:1].isalnum()
        if previous.endswith(SOFT_HYPHEN) and starts_word:
            out[-1] = previous[:-1] + line
        elif previous.endswith(HYPHENS) and previous[-2:-1].isalnum() and starts_word:
            out[-1] = (previous[:-1] if line[0].islower() else previous) + line
        else:
            out.append(line)
    return re.sub(r"[ \t]+", " ", " ".join(out)).strip()
