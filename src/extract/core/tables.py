"""Reading and writing table files: explicit schemas, stable row order, atomic files.

A file is replaced with ``os.replace`` from a temporary file in the same
folder, so a run killed half-way leaves the previous file whole. Files whose
bytes would not change are not rewritten, so their mtimes (and make's view of
them) stay put. A set of tables is replaced as one by :mod:`extract.core.table_set`.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from extract.core.schema import SORT_KEYS, TABLES


def to_table(name: str, rows: Iterable[Mapping[str, Any]]) -> pa.Table:
    """Build table ``name`` from row dicts, cast to its schema and sorted by its keys."""
    schema = TABLES[name]
    rows = list(rows)
    columns = {field.name: [row.get(field.name) for row in rows] for field in schema}
    table = pa.table(columns, schema=schema)
    return sort_table(name, table)


def sort_table(name: str, table: pa.Table) -> pa.Table:
    """Return ``table`` in the stable row order of :data:`SORT_KEYS`."""
    if table.num_rows == 0:
        return table
    order = pc.sort_indices(table, sort_keys=[(key, "ascending") for key in SORT_KEYS[name]])
    return table.take(order)


#: The Parquet writer settings of every table and work file, fixed so that the output is reproducible.
PARQUET_OPTIONS: dict[str, Any] = {"compression": "zstd", "write_statistics": True, "store_schema": True}
ROW_GROUP_SIZE = 64_000


def table_bytes(table: pa.Table, *, page_checksums: bool = False) -> bytes:
    """Serialise ``table`` to Parquet bytes; ``page_checksums`` adds a CRC32 to each data page (work files
    only: the output tables' bytes stay those of every earlier version)."""
    sink = io.BytesIO()
    extra = {"write_page_checksum": True} if page_checksums else {}
    pq.write_table(table, sink, row_group_size=ROW_GROUP_SIZE, **PARQUET_OPTIONS, **extra)
    return sink.getvalue()


def sha256_hex(data: bytes) -> str:
    """The sha256 of ``data``, in hexadecimal."""
    return hashlib.sha256(data).hexdigest()


def _umask() -> int:
    """The process's umask (read by setting it, then setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def stage_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to a hidden temporary file beside ``path``, flushed to disk; return its path.

    ``mkstemp`` makes the file mode 0600; it is given the mode a new file would have (0666 less the
    umask), so tables and reports on a shared folder can be read by whom the umask allows.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def already_holds(path: Path, data: bytes, *, touch: bool) -> bool:
    """Whether ``path`` already holds ``data``; if so it is touched (unless ``touch`` is false), so make sees
    it up to date with inputs that changed without changing it."""
    if path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data:
        if touch:
            os.utime(path)
        return True
    return False


def write_atomic(path: Path, data: bytes, *, touch: bool = True) -> bool:
    """Replace ``path`` with ``data`` atomically; return False when it already held them (then the file is
    touched, unless ``touch`` is false: the first stage's output keeps its time so that make runs the later
    stages only when it changed)."""
    if already_holds(path, data, touch=touch):
        return False
    os.replace(stage_file(path, data), path)
    return True


def read_table(path: Path | bytes, name: str | None = None) -> pa.Table:
    """Read a table file (or its bytes); with ``name``, check it against that table's schema. Page
    checksums, where the file has them, are verified."""
    source = pa.BufferReader(path) if isinstance(path, bytes) else path
    table = pq.read_table(source, page_checksum_verification=True)
    if name is not None:
        table = table.select([f.name for f in TABLES[name]]).cast(TABLES[name])
    return table
