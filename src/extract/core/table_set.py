"""A set of tables replaced as one: a reader never gets tables of two runs, wherever a kill falls.

The tables stay where users read them (``OUT/<table>.parquet``), and one rename cannot move several
files, so the switch is journaled and finished by whoever comes next. In a folder of tables:

- ``.manifest.json`` lists the tables in place: each one's file, size and sha256. The bytes of a set
  are what the manifest says, or the set is not one;
- ``.manifest.next.json``, the journal, exists only while tables are being replaced: the new manifest
  and the hidden, complete, flushed file that holds each new table.

:func:`write_tables` stages every changed table (flushed to disk), then writes the journal (one atomic
rename), renames the staged files over the tables one by one, writes the new manifest and removes the
journal. A kill before the journal leaves the old set; a kill after it leaves a journal, and
:func:`finish_switch`, which every writer calls under the output lock before anything else, completes
the switch (rolls it forward) from the staged files the journal names. A reader checks the set against
the manifest (:func:`read_table_set`), so it never takes a half-switched set for a whole one.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.core import tables as files
from extract.core.checksums import Damaged
from extract.core.errors import ExtractError, message
from extract.core.schema import TABLES
from extract.core.tables import read_table, sha256_hex, sort_table, table_bytes, write_atomic

log = logging.getLogger(__name__)

MANIFEST = ".manifest.json"
JOURNAL = ".manifest.next.json"
#: The temporary files that a killed writer of a folder of tables may leave (see ``tables.stage_file``).
STALE = (".*.parquet.*.tmp", f".{MANIFEST}.*.tmp", f".{JOURNAL}.*.tmp")
#: How many times, and how far apart in seconds, a reader looks again at a set being switched.
READ_ATTEMPTS, READ_PAUSE = 40, 0.05


def write_tables(folder: Path, tables: Mapping[str, pa.Table], *, page_checksums: bool = False) -> list[str]:
    """Replace the tables of ``folder`` with ``tables``, as one; return the names that changed.

    Every table is serialised and staged before the first is renamed over its old version, so an error
    or a kill while building them leaves every file as it was; from the journal on, a kill is finished
    by the next writer (see the module's docstring). ``page_checksums`` is for work tables.
    """
    folder.mkdir(parents=True, exist_ok=True)
    finish_switch(folder)
    payloads = {
        name: table_bytes(sort_table(name, table.cast(TABLES[name])), page_checksums=page_checksums)
        for name, table in tables.items()
    }
    entries = {name: _entry(name, data) for name, data in payloads.items()}
    changed = [
        name
        for name, data in payloads.items()
        if not files.already_holds(_path(folder, name), data, touch=True)
    ]
    staged: dict[str, Path] = {}
    try:
        for name in changed:
            staged[name] = files.stage_file(_path(folder, name), payloads[name])
    except BaseException:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        raise
    if staged:
        plan = {"tables": entries, "staged": {name: tmp.name for name, tmp in staged.items()}}
        write_atomic(folder / JOURNAL, _json(plan))
        _sync(folder)
        for name, tmp in staged.items():  # from here on, a kill is finished by the next writer
            os.replace(tmp, _path(folder, name))
    write_atomic(folder / MANIFEST, _json({"tables": entries}), touch=False)
    if staged:
        _sync(folder)
        (folder / JOURNAL).unlink()
    return changed


def finish_switch(folder: Path) -> None:
    """Complete a switch of ``folder``'s tables left half done by a killed run, then clear staged leftovers.

    Call it holding the output lock. The journal names a complete staged file for every table not yet
    renamed; each is checked against its sha256 before it is put in place. If one is gone (removed by
    hand), the switch cannot be finished: the journal is dropped, and the set fails its check against the
    manifest until a run writes the tables again.
    """
    journal = folder / JOURNAL
    if journal.exists():
        try:
            plan = json.loads(journal.read_bytes())
            entries, staged = dict(plan["tables"]), dict(plan["staged"])
            missing = [
                name for name, entry in entries.items() if not _roll_forward(folder, entry, staged.get(name))
            ]
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            entries, missing = {}, [f"journal unreadable: {error}"]
        if missing:
            log.warning("%s", message("tables.switch_lost", path=folder, missing=", ".join(missing)))
        else:
            write_atomic(folder / MANIFEST, _json({"tables": entries}), touch=False)
            _sync(folder)
            log.warning("%s", message("tables.switch_finished", path=folder))
        journal.unlink()
    for pattern in STALE:  # staged by a run killed before its journal, or while writing a manifest
        for stale in folder.glob(pattern):
            stale.unlink(missing_ok=True)


def _roll_forward(folder: Path, entry: Mapping[str, Any], staged: str | None) -> bool:
    """Put one table of a journal in place: whether it now holds what the journal says."""
    target = folder / Path(entry["file"]).name
    if _holds(target, entry):
        return True
    source = folder / Path(staged).name if staged else None
    if source is None or not _holds(source, entry):
        return False
    os.replace(source, target)
    return True


def verified_tables(folder: Path, names: Iterable[str]) -> dict[str, pa.Table]:
    """The tables ``names`` of ``folder``, each checked against the manifest; :class:`Damaged` if any
    is missing, altered or unlisted, or if a switch is under way. For work tables: the caller rebuilds."""
    names = list(names)
    data = checked_bytes(folder, names)
    try:
        return {name: read_table(data[name], name) for name in names}
    except (OSError, KeyError, pa.ArrowException) as error:
        raise Damaged(str(error)) from error


def checked_bytes(folder: Path, names: Iterable[str]) -> dict[str, bytes]:
    """The bytes of the tables ``names`` of ``folder``, each checked against the manifest, undecoded;
    :class:`Damaged` as for :func:`verified_tables`."""
    if (folder / JOURNAL).exists():
        raise Damaged("a switch of the tables was left unfinished")
    return _read_checked(folder, list(names), strict=True)


def read_table_set(folder: Path, names: Iterable[str]) -> dict[str, bytes]:
    """The bytes of the tables ``names`` of ``folder`` (those that exist), as one set, for a reader.

    A set being switched is waited for (a switch takes milliseconds); one left half switched by a killed
    run, or whose files are not those of its manifest, stops the reader with a message saying how to
    mend it. A folder without a manifest (written by an older version) is read as it is.
    """
    names = list(names)
    problem = ""
    for attempt in range(READ_ATTEMPTS):
        if attempt:
            time.sleep(READ_PAUSE)
        if (folder / JOURNAL).exists():
            problem = "a run is replacing them, or was stopped while it did"
            continue
        try:
            return _read_checked(folder, names, strict=False)
        except Damaged as error:
            problem = str(error)
    raise ExtractError("tables.mixed", path=folder, problem=problem)


def _read_checked(folder: Path, names: list[str], *, strict: bool) -> dict[str, bytes]:
    """The bytes of the tables ``names``, checked against the manifest (:class:`Damaged` if not).

    ``strict``: every table must be there and listed. Otherwise a missing file is left out, unless the
    manifest lists it, and no manifest means nothing to check.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_bytes())["tables"]
    except FileNotFoundError:
        manifest = None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise Damaged(f"manifest {MANIFEST} unreadable: {error}") from error
    if manifest is None and strict:
        raise Damaged(f"no manifest {MANIFEST}")
    data = {}
    for name in names:
        path = _path(folder, name)
        listed = manifest is not None and name in manifest
        if strict and not listed:
            raise Damaged(f"{path.name} not in the manifest")
        try:
            data[name] = path.read_bytes()
        except FileNotFoundError:
            if strict or listed:
                raise Damaged(f"{path.name} is missing") from None
            continue
        if listed and _entry(name, data[name]) != manifest[name]:
            raise Damaged(f"{path.name} is not the file its manifest lists")
    return data


def _entry(name: str, data: bytes) -> dict[str, Any]:
    """What the manifest says of one table: its file, size and sha256."""
    return {"file": f"{name}.parquet", "bytes": len(data), "sha256": sha256_hex(data)}


def _holds(path: Path, entry: Mapping[str, Any]) -> bool:
    """Whether ``path`` holds the bytes ``entry`` describes."""
    try:
        if path.stat().st_size != entry["bytes"]:
            return False
        return sha256_hex(path.read_bytes()) == entry["sha256"]
    except OSError:
        return False


def _path(folder: Path, name: str) -> Path:
    return folder / f"{name}.parquet"


def _json(value: Any) -> bytes:
    """``value`` as the bytes of a manifest: the same value always gives the same bytes."""
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _sync(folder: Path) -> None:
    """Flush ``folder``'s entries (the renames in it) to disk, so a power cut keeps their order."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
