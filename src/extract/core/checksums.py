"""Checksums written with the work files and checked when they are read: damage means rebuilt, never wrong.

The work files under ``OUT/.cache/`` are read back by later stages and later runs, and rows taken from
them reach the tables; a bit flipped on disk, or a file cut short, must be caught on read. So:

- a Parquet work file carries the sha256 of its own bytes in its footer's key-value metadata
  (:data:`SEAL_KEY`). The hash is taken with a fixed placeholder of the same length where the value goes,
  then the value is written over the placeholder, so every byte of the file, footer and the hash itself
  included, is covered; its data pages also carry Parquet's CRC32 page checksums, checked on read;
- a small text work file ends with a line ``sha256:<hash of the text before it>``.

A file that fails its check raises :class:`Damaged` with a few words saying why; the caller rebuilds it.
"""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq

from extract.core.tables import PARQUET_OPTIONS, ROW_GROUP_SIZE, sha256_hex

#: The footer key that holds a Parquet work file's sha256.
SEAL_KEY = b"extract.sha256"
#: What stands in the footer for the hash while it is taken: 64 characters, like the hash itself.
PLACEHOLDER = sha256_hex(b"extract: the sha256 of this work file goes here").encode()
#: How the last line of a sealed text file begins.
TEXT_SEAL = b"\nsha256:"


class Damaged(Exception):
    """A work file that fails its check; ``str()`` says why in a few words ("checksum mismatch")."""


def sealed_parquet(table: pa.Table) -> bytes:
    """``table`` as the bytes of a Parquet work file: page checksums on and the file's sha256 in its footer.

    The same table always gives the same bytes, so an unchanged work file is not rewritten.
    """
    sink = io.BytesIO()
    with pq.ParquetWriter(sink, table.schema, write_page_checksum=True, **PARQUET_OPTIONS) as writer:
        writer.write_table(table, row_group_size=ROW_GROUP_SIZE)
        writer.add_key_value_metadata({SEAL_KEY: PLACEHOLDER})
    data = sink.getvalue()
    if data.count(PLACEHOLDER) != 1:  # the placeholder also in the data: the file could not be checked
        raise ValueError("the checksum placeholder occurs in a work file's data")
    return data.replace(PLACEHOLDER, sha256_hex(data).encode())


def unseal_parquet(data: bytes) -> pa.Table:
    """The table of a Parquet work file's bytes, once its sha256 and page checksums are checked.

    Raises :class:`Damaged` when any byte differs from what was written, and for a file written without
    a checksum (by an older version), which cannot be trusted either.
    """
    check_parquet(data)
    try:
        return pq.read_table(pa.BufferReader(data), page_checksum_verification=True)
    except (OSError, pa.ArrowException) as error:  # a bit flipped between hashing and writing, in memory
        raise Damaged(f"unreadable: {error}") from error


def check_parquet(data: bytes) -> None:
    """Check a Parquet work file's bytes against the sha256 in its footer (:class:`Damaged` if not),
    without decoding its rows: what a sweep of the work folder needs."""
    try:
        footer = pq.read_metadata(pa.BufferReader(data)).metadata or {}
    except (OSError, pa.ArrowException) as error:
        raise Damaged(f"not a readable Parquet file: {error}") from error
    digest = footer.get(SEAL_KEY)
    if digest is None:
        raise Damaged("no checksum in it (written by an older version?)")
    if len(digest) != len(PLACEHOLDER) or data.count(digest) != 1:
        raise Damaged("checksum mismatch")
    if sha256_hex(data.replace(digest, PLACEHOLDER)).encode() != digest:
        raise Damaged("checksum mismatch")


def sealed_text(text: str) -> bytes:
    """``text`` with a last line holding its sha256, as a small text work file's bytes."""
    body = text.encode("utf-8")
    return body + TEXT_SEAL + sha256_hex(body).encode() + b"\n"


def unseal_text(data: bytes) -> str:
    """The text of a small text work file, once checked against its last line; :class:`Damaged` if not."""
    body, found, digest = data.rpartition(TEXT_SEAL)
    if not found:
        raise Damaged("no checksum in it (written by an older version?)")
    if digest != sha256_hex(body).encode() + b"\n":
        raise Damaged("checksum mismatch")
    return body.decode("utf-8")  # the bytes written from a str: the hash says they are unchanged
