"""Showing a table diff to a person: a coloured terminal report, or Markdown for a pull request.

Rows are written the way a reviewer thinks of them (a mention as its document,
offsets, label and text; a relation as a sentence with entity names) rather than
as ids, looking names up in the tables of the same side as the row. Both formats
are built from the same list of :class:`Section` values, so they always agree.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from extract.review.diff import Report, Row, RowChange, Side, TableDiff

#: Line prefix and terminal style of each kind of row.
MARKS = {"added": "+", "removed": "-", "changed": "~"}
STYLES = {"added": "green", "removed": "red", "changed": "yellow"}
#: Column values longer than this are cut in "old → new" lines (documents.text can be pages long).
MAX_VALUE_CHARS = 120


@dataclass(frozen=True, slots=True)
class Names:
    """Look-ups for one side: document paths and entity names, by id."""

    doc_paths: dict[str, str]
    entity_names: dict[str, str]

    @classmethod
    def of(cls, side: Side) -> Names:
        """The look-ups of ``side``, from its full (unfiltered) tables."""
        return cls(
            doc_paths={row["doc_id"]: row["path"] for row in side.rows("documents")},
            entity_names={row["entity_id"]: row["name"] for row in side.rows("entities")},
        )

    def doc(self, doc_id: str) -> str:
        """The path of a document, or its id when this side has no such document."""
        return self.doc_paths.get(doc_id, doc_id)

    def entity(self, entity_id: str | None) -> str:
        """The name of an entity, or its id when this side has no such entity."""
        if entity_id is None:
            return "?"
        return self.entity_names.get(entity_id, entity_id)


@dataclass(frozen=True, slots=True)
class Entry:
    """One row as shown: its description and, for a changed row, one line per changed column."""

    kind: str  # added | removed | changed
    text: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """The rows of one kind in one table, cut to the limit, with the number left out."""

    table: str
    kind: str
    total: int
    entries: tuple[Entry, ...]

    @property
    def hidden(self) -> int:
        """How many rows the limit left out."""
        return self.total - len(self.entries)


def describe(table: str, row: Row, names: Names) -> str:
    """One row of ``table`` as a reviewer reads it."""
    if table == "documents":
        text = f"{row['path']} ({row['lang']}, {row['status']}, {row['n_chars']} chars)"
        if row.get("title"):
            text += f" {quote(row['title'])}"
        if row.get("message"):
            text += f": {row['message']}"
        return text
    if table == "mentions":
        text = f"{names.doc(row['doc_id'])}:{row['start']}-{row['end']} {row['label']} {quote(row['text'])}"
        return f"{text} ({row['value']})" if row.get("value") else text
    if table == "entities":
        aliases = f" [{', '.join(row['aliases'])}]" if row.get("aliases") else ""
        return f"{row['type']} {row['name']}{aliases}"
    if table == "relations":
        qualifiers = ", ".join(str(row[column]) for column in ("role", "date") if row.get(column))
        text = (
            f"{names.entity(row['subject_id'])} — {row['predicate']} — {names.entity(row['object_id'])}"
            + (f" ({qualifiers})" if qualifiers else "")
        )
        return f"{text}: {quote(row['evidence'])}"
    if table == "facts":
        dates = "–".join(dict.fromkeys(d for d in (row.get("first_date"), row.get("last_date")) if d))
        qualifiers = ", ".join(
            [f"{row['n_docs']} document{'s' if row['n_docs'] != 1 else ''}", *([dates] if dates else [])]
        )
        subject, obj = names.entity(row["subject_id"]), names.entity(row["object_id"])
        return f"{subject} — {row['predicate']} — {obj} ({qualifiers}): {quote(row['evidence'])}"
    return " ".join(f"{column}={value_text(value)}" for column, value in row.items())


def quote(text: str) -> str:
    """``text`` in double quotes, on one line (newlines and quotes escaped)."""
    return json.dumps(text, ensure_ascii=False)


def value_text(value: Any) -> str:
    """A column value for an "old → new" line: strings quoted, lists as lists, long text cut."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(value_text(item) for item in value) + "]"
    if isinstance(value, str):
        if len(value) > MAX_VALUE_CHARS:
            return quote(value[:MAX_VALUE_CHARS]) + f"… ({len(value)} chars)"
        return quote(value)
    return str(value)


def sections_by_table(report: Report, *, limit: int | None) -> dict[str, list[Section]]:
    """:func:`sections` grouped by the table they belong to, in report order."""
    grouped: dict[str, list[Section]] = {}
    for section in sections(report, limit=limit):
        grouped.setdefault(section.table, []).append(section)
    return grouped


def sections(report: Report, *, limit: int | None) -> list[Section]:
    """The added, removed and changed rows of every table, at most ``limit`` of each shown.

    Removed rows are described with the old side's names, the others with the new side's.
    """
    old_names, new_names = Names.of(report.old), Names.of(report.new)
    result: list[Section] = []
    for diff in report.tables:
        kinds: Sequence[tuple[str, Sequence[Any]]] = (
            ("added", diff.added),
            ("removed", diff.removed),
            ("changed", diff.changed),
        )
        for kind, rows in kinds:
            if not rows:
                continue
            shown = rows if limit is None else rows[:limit]
            entries = tuple(_entry(diff, kind, row, old_names, new_names) for row in shown)
            result.append(Section(diff.name, kind, len(rows), entries))
    return result


def _entry(diff: TableDiff, kind: str, row: Any, old_names: Names, new_names: Names) -> Entry:
    """The entry of one added or removed row (a dict) or changed row (a RowChange)."""
    if kind == "added":
        return Entry(kind, describe(diff.name, row, new_names))
    if kind == "removed":
        return Entry(kind, describe(diff.name, row, old_names))
    change: RowChange = row
    details = tuple(f"{c.column}: {value_text(c.old)} → {value_text(c.new)}" for c in change.columns)
    return Entry(kind, describe(diff.name, change.new, new_names), details)


def headline(diff: TableDiff) -> str:
    """``mentions: 2 added, 1 removed, 3 changed`` (or ``no change``)."""
    if not diff.has_changes:
        return f"{diff.name}: no change"
    return f"{diff.name}: {len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"


def signed(number: int) -> str:
    """A delta with its sign: +3, -2, 0."""
    return f"{number:+d}" if number else "0"


# --- Markdown --------------------------------------------------------------------------


def markdown(report: Report, *, limit: int | None = 20) -> str:
    """The report as Markdown: a summary table, then a ``diff`` block per table and kind of change."""
    lines = [f"## Extracted tables: {report.old.label} → {report.new.label}", ""]
    lines += ["| table | group | before | after | delta |", "|---|---|--:|--:|--:|"]
    lines += [
        f"| {count.table} | {count.group} | {count.before} | {count.after} | {signed(count.delta)} |"
        for count in report.summary
    ]
    if not report.has_changes:
        return "\n".join([*lines, "", "No change.", ""])
    by_table = sections_by_table(report, limit=limit)
    for diff in report.tables:
        if not diff.has_changes:
            continue
        lines += ["", f"### {headline(diff)}"]
        for section in by_table[diff.name]:
            lines += ["", f"{section.kind.capitalize()} ({section.total}):", ""]
            body: list[str] = []
            for entry in section.entries:
                body.append(f"{MARKS[entry.kind]} {entry.text}")
                body.extend(f"    {detail}" for detail in entry.details)
            if section.hidden:
                body.append(f"... and {section.hidden} more")
            fence = _fence(body)
            lines += [f"{fence}diff", *body, fence]
    return "\n".join([*lines, ""])


def _fence(body: Iterable[str]) -> str:
    """A code fence longer than any run of backticks in ``body``, so quoted text cannot close it."""
    longest = max((len(run) for line in body for run in re.findall(r"`+", line)), default=0)
    return "`" * max(3, longest + 1)


# --- terminal ----------------------------------------------------------------------------


def terminal(
    report: Report, *, limit: int | None = 20, color: bool = True, file: TextIO | None = None
) -> None:
    """Print the report with rich: coloured on a terminal, plain when piped, with ``color=False`` or
    when the environment sets ``NO_COLOR`` (https://no-color.org).

    Row text goes through :class:`rich.text.Text`, never markup, so brackets in
    names or evidence ("[CLB]") print as written.
    """
    color = color and not os.environ.get("NO_COLOR")
    console = Console(file=file, no_color=not color, highlight=False, soft_wrap=True)
    console.print(Text(f"{report.old.label} → {report.new.label}", style="bold"))
    summary = Table("table", "group", "before", "after", "delta", box=None, pad_edge=False)
    for count in report.summary:
        style = "green" if count.delta > 0 else "red" if count.delta < 0 else ""
        summary.add_row(
            count.table,
            count.group,
            str(count.before),
            str(count.after),
            Text(signed(count.delta), style=style),
        )
    console.print(summary)
    if not report.has_changes:
        console.print("No change.")
        return
    by_table = sections_by_table(report, limit=limit)
    for diff in report.tables:
        if not diff.has_changes:
            continue
        console.print()
        console.print(Text(headline(diff), style="bold"))
        for section in by_table[diff.name]:
            for entry in section.entries:
                console.print(Text(f"{MARKS[entry.kind]} {entry.text}", style=STYLES[entry.kind]))
                for detail in entry.details:
                    console.print(Text(f"    {detail}", style="dim"))
            if section.hidden:
                console.print(Text(f"... and {section.hidden} more {section.kind}", style="dim"))
