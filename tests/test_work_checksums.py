"""Work files verified on read (issue 16, item 2): a flipped bit anywhere in a work file means "rebuilt".

First the checks themselves, a flip at every byte of each kind of file; then whole runs over an output
folder whose work files were damaged at several places: the tables come out byte-identical to those of a
clean run, with one warning naming the damaged file.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.core.checksums import (
    PLACEHOLDER,
    SEAL_KEY,
    Damaged,
    sealed_parquet,
    sealed_text,
    unseal_parquet,
    unseal_text,
)
from extract.core.errors import ExtractError, message
from extract.core.schema import TABLES
from extract.core.settings import load_settings
from extract.core.table_set import MANIFEST, verified_tables, write_tables
from extract.core.tables import sha256_hex, table_bytes, to_table
from extract.core.work_files import RECOGNISED, read_input, read_work, write_work
from extract.run import dask_engine
from extract.run.runner import run
from trust_corpus import Done, complete_run, tables_bytes

ROW = {
    "doc_id": "d1",
    "sha256": "s1",
    "version": "v1",
    "status": "ok",
    "message": None,
    "mentions": [
        {
            "start": 0,
            "end": 4,
            "label": "ORG",
            "text": "Acme",
            "lang": "en",
            "source": "model",
            "value": None,
            "key": "k1",
        }
    ],
    "relations": [],
}


def _flip(data: bytes, offset: int) -> bytes:
    damaged = bytearray(data)
    damaged[offset] ^= 0x01
    return bytes(damaged)


def _sealed_work_file() -> bytes:
    return sealed_parquet(pa.Table.from_pylist([ROW], schema=RECOGNISED))


# --- the checks ------------------------------------------------------------------------------------------


def test_a_sealed_work_file_reads_back_as_written() -> None:
    assert unseal_parquet(_sealed_work_file()).to_pylist() == [ROW]


def test_a_flipped_bit_at_any_byte_of_a_parquet_work_file_is_caught() -> None:
    data = _sealed_work_file()
    caught = 0
    for offset in range(len(data)):
        try:
            unseal_parquet(_flip(data, offset))
        except Damaged:
            caught += 1
    assert caught == len(data)


def test_a_flipped_bit_at_any_byte_of_a_text_work_file_is_caught() -> None:
    data = sealed_text("a" * 64)
    caught = 0
    for offset in range(len(data)):
        try:
            unseal_text(_flip(data, offset))
        except Damaged:
            caught += 1
    assert (unseal_text(data), caught) == ("a" * 64, len(data))


def test_a_flipped_bit_at_any_byte_of_a_work_tables_manifest_is_caught(tmp_path: Path) -> None:
    write_tables(tmp_path, {name: to_table(name, []) for name in TABLES}, page_checksums=True)
    data = (tmp_path / MANIFEST).read_bytes()
    caught = 0
    for offset in range(len(data)):
        (tmp_path / MANIFEST).write_bytes(_flip(data, offset))
        try:
            verified_tables(tmp_path, TABLES)
        except Damaged:
            caught += 1
    assert caught == len(data)


def test_parquet_page_checksums_are_written_and_checked() -> None:
    # A bit flipped inside a data page, the file's own sha256 then made to match: the page CRC still
    # catches it, where a plain read returns the altered rows without a word.
    table = pa.table({"n": list(range(1000)), "s": [f"x{i}" for i in range(1000)]})
    data = sealed_parquet(table)
    meta = pq.read_metadata(pa.BufferReader(data))
    column = meta.row_group(0).column(1)
    start = min(column.data_page_offset, column.dictionary_page_offset or column.data_page_offset)
    damaged = _flip(data, start + column.total_compressed_size - 3).replace(
        meta.metadata[SEAL_KEY], PLACEHOLDER
    )
    damaged = damaged.replace(PLACEHOLDER, sha256_hex(damaged).encode())
    with pytest.raises(Damaged, match="CRC checksum verification failed"):
        unseal_parquet(damaged)


def test_a_work_file_without_a_checksum_is_rebuilt_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "recognised.parquet"
    path.write_bytes(
        table_bytes(pa.Table.from_pylist([ROW], schema=RECOGNISED))
    )  # as an older version wrote it
    assert read_work(path, RECOGNISED) == []
    error = "no checksum in it (written by an older version?)"
    assert caplog.messages == [message("work.rebuilt", path=path, error=error)]


def test_a_work_file_damaged_under_a_later_stage_is_removed_and_stops_it(tmp_path: Path) -> None:
    path = tmp_path / "segmented.parquet"
    write_work(path, [ROW], RECOGNISED)
    path.write_bytes(_flip(path.read_bytes(), 100))
    with pytest.raises(ExtractError) as caught:
        read_input(path, RECOGNISED)
    assert (caught.value.key, path.exists()) == ("work.damaged_input", False)


# --- Dask parts ------------------------------------------------------------------------------------------


class _Task:
    def __init__(self, part: str) -> None:
        self.part = part

    def result(self) -> tuple[str, list[str]]:
        return self.part, ["en"]


class _Client:
    """Runs a resubmitted batch by writing a good part: what a worker would do."""

    def __init__(self, good: Path) -> None:
        self.good, self.submitted = good, 0

    def submit(self, *_: object, **__: object) -> _Task:
        self.submitted += 1
        return _Task(str(self.good))


def _part(path: Path, *, damaged: bool) -> Path:
    write_work(path, [ROW], RECOGNISED)
    if damaged:
        path.write_bytes(_flip(path.read_bytes(), 200))
    return path


def test_a_damaged_dask_part_is_said_and_its_batch_run_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bad, good = _part(tmp_path / "bad.parquet", damaged=True), _part(tmp_path / "good.parquet", damaged=False)
    client = _Client(good)
    rows, _ = dask_engine._collect(client, _Task(str(bad)), ("name", [], [], str(bad)))
    assert (client.submitted, rows[0]["mentions"], len(caplog.messages)) == (1, ROW["mentions"], 1)
    assert str(bad) in caplog.messages[0]


def test_a_dask_part_damaged_twice_stops_the_run(tmp_path: Path) -> None:
    bad = _part(tmp_path / "bad.parquet", damaged=True)
    with pytest.raises(ExtractError) as caught:
        dask_engine._collect(_Client(bad), _Task(str(bad)), ("name", [], [], str(bad)))
    assert caught.value.key == "run.part_unreadable"


# --- whole runs ------------------------------------------------------------------------------------------

#: Every kind of work file, by its path under .cache/.
WORK_FILES = (
    "documents.parquet",
    "segmented.parquet",
    "recognised.parquet",
    *(f"tables/{name}.parquet" for name in TABLES),
    f"tables/{MANIFEST}",
    "tables/.inputs",
)
#: Where in a file a byte is flipped, as shares of its length: its start, body and footer.
AT = (0.0, 0.3, 0.6, 0.97)


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> Done:
    return complete_run(tmp_path_factory.mktemp("checksums"))


def _damaged_copy(done: Done, tmp_path: Path, work_file: str, share: float) -> Path:
    out = tmp_path / "out"
    shutil.copytree(done.out, out)
    path = out / ".cache" / work_file
    data = path.read_bytes()
    path.write_bytes(_flip(data, min(int(share * len(data)), len(data) - 1)))
    return out


@pytest.mark.parametrize("share", AT)
@pytest.mark.parametrize("work_file", WORK_FILES)
def test_a_flipped_bit_in_any_work_file_is_rebuilt_and_the_tables_are_those_of_a_clean_run(
    done: Done, tmp_path: Path, caplog: pytest.LogCaptureFixture, work_file: str, share: float
) -> None:
    out = _damaged_copy(done, tmp_path, work_file, share)
    caplog.set_level(logging.WARNING)
    run(done.raw, out, settings=load_settings(), progress=False)
    damaged = out / ".cache" / work_file
    named = damaged.parent if damaged.parent.name == "tables" and work_file != "tables/.inputs" else damaged
    warnings = [m for m in caplog.messages if m.startswith(f"work file {named} is damaged")]
    assert (tables_bytes(out) == tables_bytes(done.out), len(warnings)) == (True, 1), caplog.messages


def test_make_extract_rebuilds_a_damaged_work_file_that_its_times_say_is_up_to_date(
    done: Done, tmp_path: Path
) -> None:
    out = _damaged_copy(done, tmp_path, "segmented.parquet", 0.5)
    repo = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    command = ["make", "-s", "-C", str(repo), "extract", f"RAW={done.raw}", f"OUT={out}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    assert (result.returncode, tables_bytes(out) == tables_bytes(done.out)) == (0, True), result.stderr
    assert f"work file {out / '.cache' / 'segmented.parquet'} is damaged" in result.stderr
    assert json.loads((out / ".cache" / "tables" / MANIFEST).read_text())["tables"].keys() == TABLES.keys()
