"""The work files the stages pass to one another, under ``OUT/.cache/``: their schemas, reading, writing.

A stage reads the files of the stages before it and writes its own; the Dask workers write parts with
the schema of ``recognised.parquet``. Every work file is written with its checksum and checked on read
(:mod:`extract.core.checksums`; the work tables under ``tables/`` by their manifest,
:mod:`extract.core.table_set`). For the stage that owns it, a work file that is missing, damaged or of
an older layout reads as no rows, so that stage rebuilds it; a damaged file is named in a warning.
:func:`check_work`, run first by the ingest stage, removes every damaged work file, so that make (which
goes by times) and each stage rebuild it rather than read it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.core.checksums import (
    Damaged,
    check_parquet,
    sealed_parquet,
    sealed_text,
    unseal_parquet,
    unseal_text,
)
from extract.core.errors import ExtractError, message
from extract.core.schema import TABLES
from extract.core.table_set import MANIFEST, checked_bytes, finish_switch
from extract.core.tables import write_atomic

log = logging.getLogger(__name__)

WORK = ".cache"  # the work folder, inside the output folder
#: The Parquet work files of the stages, in the work folder, in stage order.
STAGE_FILES = ("documents.parquet", "segmented.parquet", "recognised.parquet")
TABLES_DIR = "tables"  # the work tables, written by the normalise stage
#: The mark of the normalise stage: a hash of its inputs, in the work folder (see ``run.runner``).
INPUTS_MARK = "tables/.inputs"
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
    """Rows of a work file, for the stage that owns it: none when it is missing, damaged (then said in a
    warning) or from an older layout, so that the stage builds it again."""
    try:
        table = _read_checked(path)
    except FileNotFoundError:
        return []
    except Damaged as error:
        log.warning("%s", message("work.rebuilt", path=path, error=error))
        return []
    return table.to_pylist() if table.schema == schema else []


def read_input(path: Path, schema: pa.Schema) -> list[dict[str, Any]]:
    """Rows of a work file, for a later stage that reads it: none when it is missing or of an older layout.

    A damaged file is removed and stops the stage (:class:`ExtractError`): building it is not this stage's
    work, and reading it as empty would drop its documents from the tables. :func:`check_work` removes
    damaged files before any stage runs, so this happens only if a file is damaged during a run.
    """
    try:
        table = _read_checked(path)
    except FileNotFoundError:
        return []
    except Damaged as error:
        path.unlink(missing_ok=True)
        raise ExtractError("work.damaged_input", path=path, error=error) from error
    return table.to_pylist() if table.schema == schema else []


def _read_checked(path: Path) -> pa.Table:
    """The table of a work file, its checksums verified (:class:`Damaged` if not)."""
    return unseal_parquet(_read_bytes(path))


def _read_bytes(path: Path) -> bytes:
    """The bytes of a work file; FileNotFoundError when it is missing, :class:`Damaged` when unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as error:
        raise Damaged(f"unreadable: {error.strerror or error}") from error


def write_work(
    path: Path, rows: Sequence[dict[str, Any]], schema: pa.Schema, key: str = "doc_id", *, touch: bool = True
) -> None:
    """Write a work file, rows sorted by ``key``, with its checksum; unchanged bytes are not rewritten (see
    ``write_atomic``)."""
    rows = sorted(rows, key=lambda r: r[key])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    write_atomic(path, sealed_parquet(table), touch=touch)


def read_mark(path: Path) -> str | None:
    """The text of a small work file (a mark), or None when it is missing or damaged (said in a warning)."""
    try:
        return unseal_text(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, Damaged) as error:
        log.warning("%s", message("work.rebuilt", path=path, error=error))
        return None


def write_mark(path: Path, text: str) -> None:
    """Write a small work file (a mark) with its checksum."""
    write_atomic(path, sealed_text(text))


def check_work(work: Path) -> None:
    """Remove every damaged work file of ``work``, each named in a warning, so that it is built again.

    The stage files are checked by their checksums, the work tables by their manifest (a switch of them
    left half done by a killed run is finished first; a damaged set is removed whole), the mark by its
    checksum. Call it holding the output lock, before any stage reads the work folder.
    """
    for name in STAGE_FILES:
        path = work / name
        try:
            check_parquet(_read_bytes(path))
        except FileNotFoundError:
            continue
        except Damaged as error:
            log.warning("%s", message("work.rebuilt", path=path, error=error))
            path.unlink(missing_ok=True)
    tables = work / TABLES_DIR
    if tables.is_dir():
        finish_switch(tables)
        if any(tables.glob("*.parquet")) or (tables / MANIFEST).exists():
            try:
                checked_bytes(tables, TABLES)
            except Damaged as error:
                log.warning("%s", message("work.rebuilt", path=tables, error=error))
                for path in (*tables.glob("*.parquet"), tables / MANIFEST):
                    path.unlink(missing_ok=True)
    mark = work / INPUTS_MARK
    if mark.exists() and read_mark(mark) is None:
        mark.unlink(missing_ok=True)
