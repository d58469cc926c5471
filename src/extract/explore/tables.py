"""The extracted tables as a reader takes them: checked on reading, with names where a person expects them.

Every reader of this room (show, query, export, load) starts here, so a folder without tables, or
with tables of an older version (no ``facts.parquet``), gets the same one-line message everywhere.
The tables themselves hold IDs; :func:`with_names` adds the entity names and document paths that a
person reads them by, next to the IDs they stand for.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.core.errors import ExtractError
from extract.core.schema import TABLES
from extract.core.tables import read_table

#: Per table, the columns :func:`with_names` adds: (new column, the ID column it follows, its look-up).
NAMED: dict[str, tuple[tuple[str, str, str], ...]] = {
    "mentions": (("path", "doc_id", "path"), ("entity_name", "entity_id", "name")),
    "relations": (
        ("path", "doc_id", "path"),
        ("subject_name", "subject_id", "name"),
        ("object_name", "object_id", "name"),
    ),
    "facts": (
        ("subject_name", "subject_id", "name"),
        ("object_name", "object_id", "name"),
        ("evidence_path", "evidence_doc_id", "path"),
    ),
}


def table_paths(folder: str | Path) -> dict[str, Path]:
    """The file of each table in ``folder``; a clear error when there are none, or some are missing."""
    folder = Path(folder)
    paths = {name: folder / f"{name}.parquet" for name in TABLES}
    missing = [name for name, path in paths.items() if not path.is_file()]
    if len(missing) == len(paths):
        raise ExtractError("explore.no_tables", path=folder, names=_files(missing))
    if missing:
        raise ExtractError("explore.missing_tables", path=folder, names=_files(missing))
    return paths


def _files(names: list[str]) -> str:
    return ", ".join(f"{name}.parquet" for name in names)


def read_tables(folder: str | Path) -> dict[str, pa.Table]:
    """The five tables of ``folder``, each checked against its schema."""
    tables = {}
    for name, path in table_paths(folder).items():
        try:
            tables[name] = read_table(path, name)
        except (OSError, KeyError, pa.ArrowException) as error:
            raise ExtractError("explore.unreadable", path=path, error=error) from error
    return tables


def lookups(tables: Mapping[str, pa.Table]) -> dict[str, dict[str, str]]:
    """entity_id -> name and doc_id -> path, the two look-ups :data:`NAMED` uses."""
    entities, documents = tables["entities"], tables["documents"]
    return {
        "name": dict(zip(entities["entity_id"].to_pylist(), entities["name"].to_pylist(), strict=True)),
        "path": dict(zip(documents["doc_id"].to_pylist(), documents["path"].to_pylist(), strict=True)),
    }


def with_names(tables: Mapping[str, pa.Table]) -> dict[str, pa.Table]:
    """The tables with the columns of :data:`NAMED` added, each right after the ID it names."""
    found = lookups(tables)
    named = dict(tables)
    for name, columns in NAMED.items():
        table = tables[name]
        for column, id_column, lookup in columns:
            values = [found[lookup].get(key) if key else None for key in table[id_column].to_pylist()]
            at = table.schema.get_field_index(id_column) + 1
            table = table.add_column(at, pa.field(column, pa.string()), pa.array(values, pa.string()))
        named[name] = table
    return named


def cell(value: Any) -> str:
    """A value as text for a table or CSV cell: null as empty, a list as its items joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(item) for item in value)
    return str(value)
