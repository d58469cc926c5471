"""The work files the stages pass to one another, under ``OUT/.cache/``: their schemas, reading, writing.

A stage reads the files of the stages before it and writes its own; the Dask workers write parts with
the schema of ``recognised.parquet``. A work file that is missing, unreadable or of an older layout
reads as no rows, so the stage that owns it rebuilds it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from extract.core.errors import message
from extract.core.schema import TABLES
from extract.core.tables import table_bytes, write_atomic

log = logging.getLogger(__name__)

WORK = ".cache"  # the work folder, inside the output folder
#: The columns that say which document and which run of the rules a recognised row is of.
KEY_COLUMNS = ("doc_id", "sha256", "version")

PARAGRAPH = pa.struct(
    [("start", pa.int64()), ("end", pa.int64()), ("lang", pa.string()), ("boilerplate", pa.bool_())]
)
MENTION = pa.struct(
    [
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("label", pa.string()),
        ("text", pa.string()),
        ("lang", pa.string()),
        ("source", pa.string()),
        ("value", pa.string()),
        ("key", pa.string()),
    ]
)
RELATION = pa.struct(
    [
        ("subject", pa.string()),
        ("predicate", pa.string()),
        ("object", pa.string()),
        ("role", pa.string()),
        ("date", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("evidence", pa.string()),
    ]
)
INGESTED = pa.schema(
    [f for f in TABLES["documents"] if f.name != "lang"]
    + [pa.field("size", pa.int64()), pa.field("mtime_ns", pa.int64()), pa.field("version", pa.string())]
)
SEGMENTED = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sha256", pa.string()),
        ("version", pa.string()),
        ("lang", pa.string()),
        ("status", pa.string()),
        ("message", pa.string()),
        ("paragraphs", pa.list_(PARAGRAPH)),
    ]
)
RECOGNISED = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sha256", pa.string()),
        ("version", pa.string()),
        ("status", pa.string()),
        ("message", pa.string()),
        ("mentions", pa.list_(MENTION)),
        ("relations", pa.list_(RELATION)),
    ]
)



def work_dir(out: Path) -> Path:
    """The work folder of the output folder ``out``."""
    return out / WORK


def read_work(path: Path, schema: pa.Schema) -> list[dict[str, Any]]:
    """Rows of a work file, or none when it is missing or from an older layout."""
    if not path.exists():
        return []
    try:
        table = pq.read_table(path)
        if table.schema != schema:
            return []
        return table.to_pylist()
    except (OSError, pa.ArrowInvalid):
        log.warning("%s", message("work.rebuilt", path=path, error="unreadable"))
        return []


def write_work(
    path: Path, rows: Sequence[dict[str, Any]], schema: pa.Schema, key: str = "doc_id", *, touch: bool = True
) -> None:
    """Write a work file, rows sorted by ``key``; unchanged bytes are not rewritten (see ``write_atomic``)."""
    rows = sorted(rows, key=lambda r: r[key])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    write_atomic(path, table_bytes(table), touch=touch)
