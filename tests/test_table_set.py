"""The tables replaced as one (issue 16, item 1), on the switch itself: fast, and over every table of TABLES.

A kill is stood in for by an exception that nothing catches, raised from ``os.replace`` after the k-th
table is renamed into place; the end-to-end kill of a real run is in tests/test_faults.py.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from extract.core import table_set
from extract.core.errors import ExtractError, message
from extract.core.schema import TABLES
from extract.core.table_set import JOURNAL, MANIFEST, finish_switch, read_table_set, write_tables


class Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so no ``except Exception`` of the code under test catches it."""


def _value(kind: pa.DataType, tag: str) -> Any:
    """A value of type ``kind`` that differs with ``tag``, for any table's schema."""
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return tag
    if pa.types.is_integer(kind):
        return len(tag)
    if pa.types.is_floating(kind):
        return float(len(tag))
    if pa.types.is_boolean(kind):
        return True
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return [_value(kind.value_type, tag)]
    if pa.types.is_struct(kind):
        return {field.name: _value(field.type, tag) for field in kind}
    return None


def generation(tag: str) -> dict[str, pa.Table]:
    """One table of every name of TABLES, each with one row of values that differ with ``tag``."""
    return {
        name: pa.Table.from_pylist([{f.name: _value(f.type, tag) for f in schema}], schema=schema)
        for name, schema in TABLES.items()
    }


def files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / f"{name}.parquet").read_bytes() for name in TABLES}


@pytest.fixture
def clean(tmp_path: Path) -> dict[str, bytes]:
    """The bytes of every table and of the manifest after a switch to generation "new" left alone."""
    folder = tmp_path / "clean"
    write_tables(folder, generation("old"))
    write_tables(folder, generation("new"))
    return {**files(folder), MANIFEST: (folder / MANIFEST).read_bytes()}


def _kill_after(monkeypatch: pytest.MonkeyPatch, folder: Path, renames: int) -> None:
    """Make ``os.replace`` "kill" the process once ``renames`` tables have been renamed into ``folder``."""
    real = os.replace
    done = []

    def replace(src: Any, dst: Any) -> None:
        if len(done) == renames and Path(dst).parent == folder:
            raise Killed
        real(src, dst)
        if Path(dst).parent == folder and Path(dst).suffix == ".parquet":
            done.append(dst)

    monkeypatch.setattr(table_set.os, "replace", replace)


def _killed_switch(monkeypatch: pytest.MonkeyPatch, folder: Path, renames: int) -> None:
    write_tables(folder, generation("old"))
    with monkeypatch.context() as patch:
        _kill_after(patch, folder, renames)
        with pytest.raises(Killed):
            write_tables(folder, generation("new"))


#: Kills after each table's rename but the last (a mix on disk), and after the last (before the manifest).
BETWEEN = range(1, len(TABLES) + 1)


@pytest.mark.parametrize("renames", BETWEEN)
def test_a_kill_between_renames_leaves_a_journal_that_the_next_writer_rolls_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean: dict[str, bytes], renames: int
) -> None:
    folder = tmp_path / "out"
    _killed_switch(monkeypatch, folder, renames)
    assert (folder / JOURNAL).exists()
    finish_switch(folder)
    assert {**files(folder), MANIFEST: (folder / MANIFEST).read_bytes()} == clean
    assert sorted(p.name for p in folder.iterdir()) == sorted([MANIFEST, *(f"{n}.parquet" for n in TABLES)])


@pytest.mark.parametrize("renames", range(1, len(TABLES)))
def test_the_kill_really_leaves_a_mix_of_two_generations_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean: dict[str, bytes], renames: int
) -> None:
    # guards the test above: the kill falls between renames, so without the journal the set is mixed
    folder = tmp_path / "out"
    _killed_switch(monkeypatch, folder, renames)
    new = [name for name, data in files(folder).items() if data == clean[name]]
    assert new == list(TABLES)[:renames]


@pytest.mark.parametrize("renames", BETWEEN)
def test_a_reader_refuses_a_set_left_half_switched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renames: int
) -> None:
    folder = tmp_path / "out"
    _killed_switch(monkeypatch, folder, renames)
    monkeypatch.setattr(table_set, "READ_ATTEMPTS", 2)
    with pytest.raises(ExtractError) as caught:
        read_table_set(folder, TABLES)
    problem = "a run is replacing them, or was stopped while it did"
    assert str(caught.value) == message("tables.mixed", path=folder, problem=problem)


def test_a_reader_waits_for_a_switch_under_way_and_gets_the_new_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean: dict[str, bytes]
) -> None:
    folder = tmp_path / "out"
    _killed_switch(monkeypatch, folder, 1)
    finisher = threading.Timer(0.2, finish_switch, args=(folder,))  # the writer, finishing its switch
    finisher.start()
    try:
        got = read_table_set(folder, TABLES)
    finally:
        finisher.join()
    assert got == {name: clean[name] for name in TABLES}


def test_a_kill_while_staging_leaves_the_old_set_and_no_staged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    write_tables(folder, generation("old"))
    old = files(folder)
    real = table_set.files.stage_file
    calls = []

    def stage_then_die(path: Path, data: bytes) -> Path:
        calls.append(real(path, data))
        if len(calls) == 2:
            raise Killed  # two tables staged, no journal yet
        return calls[-1]

    monkeypatch.setattr(table_set.files, "stage_file", stage_then_die)
    with pytest.raises(Killed):
        write_tables(folder, generation("new"))
    monkeypatch.undo()
    assert (files(folder), (folder / JOURNAL).exists()) == (old, False)
    assert read_table_set(folder, TABLES) == old
    finish_switch(folder)
    assert not list(folder.glob(".*.tmp"))


def test_a_journal_whose_staged_file_is_gone_is_dropped_and_the_next_write_gives_one_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean: dict[str, bytes], caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "out"
    _killed_switch(monkeypatch, folder, 1)
    plan = json.loads((folder / JOURNAL).read_text())
    lost = next(name for name in TABLES if name in plan["staged"] and name != next(iter(TABLES)))
    (folder / plan["staged"][lost]).unlink()
    finish_switch(folder)
    assert not (folder / JOURNAL).exists()
    assert any(message("tables.switch_lost", path=folder, missing=lost) == m for m in caplog.messages)
    monkeypatch.setattr(table_set, "READ_ATTEMPTS", 1)
    with pytest.raises(ExtractError):  # the manifest is the old one: the mix is refused, not read
        read_table_set(folder, TABLES)
    write_tables(folder, generation("new"))
    assert {**files(folder), MANIFEST: (folder / MANIFEST).read_bytes()} == clean


def test_the_manifest_lists_every_table_with_its_size_and_sha256(tmp_path: Path) -> None:
    import hashlib

    write_tables(tmp_path, generation("new"))
    manifest = json.loads((tmp_path / MANIFEST).read_text())["tables"]
    expected = {
        name: {"file": f"{name}.parquet", "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in files(tmp_path).items()
    }
    assert manifest == expected


def test_writing_the_same_tables_again_rewrites_nothing(tmp_path: Path) -> None:
    write_tables(tmp_path, generation("new"))
    before = {p.name: (p.stat().st_ino, p.read_bytes()) for p in tmp_path.iterdir()}
    assert write_tables(tmp_path, generation("new")) == []
    assert {p.name: (p.stat().st_ino, p.read_bytes()) for p in tmp_path.iterdir()} == before


def test_a_reader_refuses_tables_that_are_not_those_of_their_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tables(tmp_path, generation("new"))
    other = tmp_path / "other"
    write_tables(other, generation("old"))
    last = list(TABLES)[-1]
    (tmp_path / f"{last}.parquet").write_bytes((other / f"{last}.parquet").read_bytes())  # copied by hand
    monkeypatch.setattr(table_set, "READ_ATTEMPTS", 1)
    with pytest.raises(ExtractError) as caught:
        read_table_set(tmp_path, TABLES)
    problem = f"{last}.parquet is not the file its manifest lists"
    assert str(caught.value) == message("tables.mixed", path=tmp_path, problem=problem)


def test_a_folder_written_before_manifests_is_read_as_it_is(tmp_path: Path) -> None:
    write_tables(tmp_path, generation("new"))
    (tmp_path / MANIFEST).unlink()
    assert read_table_set(tmp_path, TABLES) == files(tmp_path)
