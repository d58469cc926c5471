"""Table diffs: what changed between two versions of the extracted tables.

Users commit ``extracted/*.parquet`` and review a new batch of press releases, or
a change of rules, before accepting it. Rows are matched by their stable keys
(:data:`extract.core.schema.KEYS`), never by position, so a row inserted near the top
of a table shows as one added row rather than as every later row changed.

A version ("side") is either a folder of table files or a git revision, whose
files are read straight from the object store into memory, so comparing with
``HEAD`` needs no checkout and leaves the working copy alone. A table missing
on one side counts as empty: all its rows are added (or removed).

The report is shown by :mod:`extract.review.render`; the command ``extract diff``
is :mod:`extract.cli.diff`.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from extract.core.errors import ExtractError
from extract.core.schema import ENTITY_TYPES, KEYS, LABELS, PREDICATES, TABLES
from extract.core.table_set import read_table_set
from extract.core.tables import sort_table

Row = dict[str, Any]

#: Per table, the column its summary counts rows by and the order its groups are listed in
#: (groups outside the known vocabulary follow, sorted); documents are only counted.
SUMMARY_GROUPS: dict[str, tuple[str, tuple[str, ...]] | None] = {
    "documents": None,
    "mentions": ("label", LABELS),
    "entities": ("type", ENTITY_TYPES),
    "relations": ("predicate", PREDICATES),
    "facts": ("predicate", PREDICATES),
}


@dataclass(frozen=True, slots=True)
class Side:
    """One version of the tables, as row dicts in each table's stable order."""

    label: str  # how reports name this version: a revision or a folder
    tables: Mapping[str, list[Row]]

    def rows(self, name: str) -> list[Row]:
        """The rows of table ``name``; none when this side has no such table."""
        return self.tables.get(name, [])


@dataclass(frozen=True, slots=True)
class ColumnChange:
    """One column of a matched row whose value differs between the two sides."""

    column: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class RowChange:
    """A row present on both sides (same key) with at least one column changed."""

    key: tuple[Any, ...]
    old: Row
    new: Row
    columns: tuple[ColumnChange, ...]


@dataclass(frozen=True, slots=True)
class TableDiff:
    """Rows of one table added, removed and changed, each in the table's stable order."""

    name: str
    added: list[Row] = field(default_factory=list)
    removed: list[Row] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        """Whether anything at all differs in this table."""
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True, slots=True)
class Count:
    """One summary line: how many rows of a table (or of one group in it) on each side."""

    table: str
    group: str  # "all", or a label, entity type or predicate
    before: int
    after: int

    @property
    def delta(self) -> int:
        """After minus before."""
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class Report:
    """The whole comparison: the two sides (kept for name look-ups), per-table diffs, summary."""

    old: Side
    new: Side
    tables: tuple[TableDiff, ...]
    summary: tuple[Count, ...]

    @property
    def has_changes(self) -> bool:
        """Whether any compared table differs; decides the exit code."""
        return any(diff.has_changes for diff in self.tables)

    def table(self, name: str) -> TableDiff:
        """The diff of table ``name`` (empty when the filters left it out)."""
        return next((diff for diff in self.tables if diff.name == name), TableDiff(name))


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """What the reader asked to see. Each filter narrows the tables it concerns.

    ``label`` and ``predicate`` also narrow the report to the tables they concern
    (mentions and entities, relations), since a reader asking for ORG changes has no
    use for the documents table; ``table`` overrides that choice.
    """

    table: str | None = None
    doc: str | None = None  # doc_id or path (full, or its tail such as the file name)
    label: str | None = None  # mentions.label, entities.type
    predicate: str | None = None  # relations.predicate, facts.predicate

    def table_names(self) -> tuple[str, ...]:
        """The tables the report covers, in schema order."""
        if self.table is not None:
            return (self.table,)
        wanted: set[str] = set()
        if self.label is not None:
            wanted |= {"mentions", "entities"}
        if self.predicate is not None:
            wanted |= {"relations", "facts"}
        return tuple(name for name in TABLES if not wanted or name in wanted)


# --- loading a side -------------------------------------------------------------------


def load_side(spec: str, *, tables_dir: Path, cwd: Path) -> Side:
    """Load the side named ``spec``: a folder if one exists there, else a git revision.

    A folder wins over a revision of the same name, as it is the more specific
    thing the user can see; ``tables_dir`` is the tables folder inside the
    repository, used for revisions.
    """
    folder = cwd / spec
    if folder.is_dir():
        return load_folder(folder, label=spec)
    return load_revision(spec, tables_dir=tables_dir, cwd=cwd)


def load_folder(folder: Path, *, label: str) -> Side:
    """Load every table file of ``folder``, as one set (checked against its manifest); a missing file is
    an empty table."""
    files = read_table_set(folder, TABLES)
    tables = {
        name: read_rows(data, table=name, where=f"{folder}/{name}.parquet") for name, data in files.items()
    }
    return Side(label=label, tables=tables)


def load_revision(rev: str, *, tables_dir: Path, cwd: Path) -> Side:
    """Load the tables committed at git revision ``rev``, read into memory.

    ``tables_dir`` is relative to ``cwd``, as for a folder. ``git cat-file
    --batch`` fetches all four files in one process and, unlike ``git show``,
    never runs a textconv filter over them.
    """
    top = _toplevel(rev, cwd=cwd)
    commit = _commit(rev, repo=top)
    try:
        folder = (cwd / tables_dir).resolve().relative_to(top.resolve())
    except ValueError:
        raise ExtractError("diff.outside_repo", path=tables_dir, repo=top) from None
    prefix = "" if folder == Path(".") else f"{folder.as_posix()}/"
    specs = {name: f"{commit}:{prefix}{name}.parquet" for name in TABLES}
    request = "".join(f"{spec}\n" for spec in specs.values()).encode()
    status, output, detail = _git(["cat-file", "--batch"], cwd=top, spec=rev, stdin=request)
    if status != 0:
        raise ExtractError(
            "diff.git_failed", what=f"{rev}:{prefix}", detail=detail or f"exit status {status}"
        )
    blobs = _parse_batch(output, len(specs))
    tables = {
        name: read_rows(blob, table=name, where=f"{rev}:{prefix}{name}.parquet")
        for name, blob in zip(specs, blobs, strict=True)
        if blob is not None
    }
    return Side(label=f"{rev} ({commit[:7]})", tables=tables)


def read_rows(source: Path | bytes, *, table: str, where: str) -> list[Row]:
    """Read one table file as row dicts, conformed to the current schema and sorted.

    A file written by an older version may lack a column; it reads as nulls, so
    the column shows as changed rather than the whole comparison failing.
    """
    try:
        data = pq.read_table(pa.BufferReader(source) if isinstance(source, bytes) else source)
        schema = TABLES[table]
        columns = {
            f.name: data.column(f.name).cast(f.type)
            if f.name in data.column_names
            else pa.nulls(data.num_rows, f.type)
            for f in schema
        }
        return sort_table(table, pa.table(columns)).to_pylist()
    except (OSError, pa.ArrowException) as error:
        raise ExtractError("diff.unreadable", table=table, where=where, error=error) from error


def _git(args: Sequence[str], *, cwd: Path, spec: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    """Run one git command: its exit status, output and error text (``spec`` names it if git is missing).

    The caller turns a failure into its own message, as only it knows what the
    command was for; git's error text, when it gives one, goes in as the detail.
    """
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise ExtractError("diff.no_git", spec=spec) from None
    return done.returncode, done.stdout, done.stderr.decode(errors="replace").strip()


def _toplevel(spec: str, *, cwd: Path) -> Path:
    """The root of the git work tree holding ``cwd``."""
    status, output, detail = _git(["rev-parse", "--show-toplevel"], cwd=cwd, spec=spec)
    if status != 0:
        raise ExtractError("diff.not_a_repo", spec=spec, path=cwd, detail=detail or "git rev-parse failed")
    return Path(output.decode().strip())


def _commit(rev: str, *, repo: Path) -> str:
    """The full commit id ``rev`` names; a clear error when it names none."""
    args = ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"]
    status, output, detail = _git(args, cwd=repo, spec=rev)
    if status != 0:  # with --quiet, git says nothing for a name it does not know
        detail = detail or "no such commit, branch or tag"
        raise ExtractError("diff.bad_revision", spec=rev, repo=repo, detail=detail)
    return output.decode().strip()


def _parse_batch(output: bytes, count: int) -> list[bytes | None]:
    """Split ``git cat-file --batch`` output into blobs; None where the object is missing."""
    blobs: list[bytes | None] = []
    position = 0
    for _ in range(count):
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if header[-1] in (b"missing", b"ambiguous"):
            blobs.append(None)
            continue
        size = int(header[2])
        blobs.append(output[position : position + size])
        position += size + 1  # the blob is followed by a newline
    return blobs


# --- comparing --------------------------------------------------------------------------


def diff_table(name: str, old: Sequence[Row], new: Sequence[Row], *, sides: tuple[str, str]) -> TableDiff:
    """Match the rows of table ``name`` by key and list those added, removed and changed.

    Values compare with ``==``, so lists (entities.aliases) compare as lists:
    the same aliases in another order is a change, as the order is the output's.
    """
    old_rows = _index(name, old, where=sides[0])
    new_rows = _index(name, new, where=sides[1])
    result = TableDiff(name)
    for key, row in new_rows.items():
        before = old_rows.get(key)
        if before is None:
            result.added.append(row)
            continue
        columns = tuple(
            ColumnChange(column, before.get(column), row.get(column))
            for column in TABLES[name].names
            if before.get(column) != row.get(column)
        )
        if columns:
            result.changed.append(RowChange(key, before, row, columns))
    result.removed.extend(row for key, row in old_rows.items() if key not in new_rows)
    return result


def _index(name: str, rows: Iterable[Row], *, where: str) -> dict[tuple[Any, ...], Row]:
    """Rows by key, in their order; a duplicate key breaks the table contract, so it stops the diff."""
    index: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        key = tuple(row[column] for column in KEYS[name])
        if key in index:
            raise ExtractError(
                "diff.duplicate_key", where=where, table=name, row_key=", ".join(map(str, key))
            )
        index[key] = row
    return index


def summarise(name: str, old: Sequence[Row], new: Sequence[Row]) -> list[Count]:
    """Rows of table ``name`` before and after: in all, then per group (label, type, predicate)."""
    counts = [Count(name, "all", len(old), len(new))]
    grouping = SUMMARY_GROUPS.get(name)
    if grouping is None:
        return counts
    column, known = grouping
    before = Counter(row[column] for row in old)
    after = Counter(row[column] for row in new)
    extra = sorted((set(before) | set(after)) - set(known), key=str)
    counts.extend(
        Count(name, str(group), before[group], after[group])
        for group in (*known, *extra)
        if before[group] or after[group]
    )
    return counts


def compare(old: Side, new: Side, *, filters: Filters | None = None) -> Report:
    """Compare two sides table by table, after applying ``filters`` to both alike."""
    filters = filters or Filters()
    doc_ids = resolve_doc(filters.doc, (old, new)) if filters.doc is not None else None
    entity_ids = _entities_of(doc_ids, (old, new)) if doc_ids is not None else None
    diffs: list[TableDiff] = []
    summary: list[Count] = []
    for name in filters.table_names():
        before = _select(name, old.rows(name), filters=filters, doc_ids=doc_ids, entity_ids=entity_ids)
        after = _select(name, new.rows(name), filters=filters, doc_ids=doc_ids, entity_ids=entity_ids)
        diffs.append(diff_table(name, before, after, sides=(old.label, new.label)))
        summary.extend(summarise(name, before, after))
    return Report(old=old, new=new, tables=tuple(diffs), summary=tuple(summary))


def resolve_doc(doc: str, sides: Iterable[Side]) -> set[str]:
    """The doc_ids ``doc`` names on either side: a doc_id, a path, or the tail of a path."""
    wanted = Path(doc).as_posix()
    found: set[str] = set()
    paths: list[str] = []
    for side in sides:
        for row in side.rows("documents"):
            path = str(row["path"])
            paths.append(path)
            if doc == row["doc_id"] or path == wanted or path.endswith(f"/{wanted}"):
                found.add(row["doc_id"])
        found |= {row["doc_id"] for row in side.rows("mentions") if row["doc_id"] == doc}
    if not found:
        known = ", ".join(sorted(set(paths))[:3]) or "no documents"
        raise ExtractError("diff.unknown_doc", doc=doc, known=known)
    return found


def _entities_of(doc_ids: set[str], sides: Iterable[Side]) -> set[str]:
    """Entities a set of documents mentions or relates, on either side.

    Entities span documents, so ``--doc`` shows those the document touches.
    """
    ids: set[str] = set()
    for side in sides:
        ids |= {row["entity_id"] for row in side.rows("mentions") if row["doc_id"] in doc_ids}
        for row in side.rows("relations"):
            if row["doc_id"] in doc_ids:
                ids |= {row["subject_id"], row["object_id"]}
    ids.discard(None)
    return ids


def _select(
    name: str,
    rows: Iterable[Row],
    *,
    filters: Filters,
    doc_ids: set[str] | None,
    entity_ids: set[str] | None,
) -> list[Row]:
    """The rows of table ``name`` the filters keep."""
    kept = list(rows)
    if doc_ids is not None:
        if name == "entities":
            kept = [row for row in kept if row["entity_id"] in (entity_ids or set())]
        elif name == "facts":  # a fact stated in the document, among others
            kept = [row for row in kept if doc_ids & set(row["doc_ids"] or ())]
        else:
            kept = [row for row in kept if row["doc_id"] in doc_ids]
    if filters.label is not None and name in ("mentions", "entities"):
        column = "label" if name == "mentions" else "type"
        kept = [row for row in kept if row[column] == filters.label]
    if filters.predicate is not None and name in ("relations", "facts"):
        kept = [row for row in kept if row["predicate"] == filters.predicate]
    return kept
