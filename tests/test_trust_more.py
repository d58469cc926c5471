"""Trust, continued: odd names, damaged work files, environment failures and command-line papercuts.

Cases of issue 16 (items 7, 9, 11 and the rest of 13) that tests/test_trust.py does not cover.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract.cli.main import main
from extract.core.settings import load_settings
from extract.ingest.files import doc_id_for
from extract.run.runner import run

TEXT = (
    "{org} opens a new research wing\n\n"
    "Leeds, 14 March 2024 – {org} today opened a new research wing funded by the city. "
    "Dr Sarah Jones, director of research at {org}, said the wing would host forty scientists.\n"
)


def test_names_differing_only_in_invalid_utf8_bytes_get_two_doc_ids(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for name, org in ((b"release-\xff.txt", "Northwind Bank"), (b"release-\xfe.txt", "Acme Robotics")):
        Path(os.fsdecode(os.fsencode(raw) + b"/" + name)).write_text(TEXT.format(org=org))
    (raw / "café.txt").write_text(TEXT.format(org="Greenfield Hospital"))
    run(raw, out, settings=load_settings(), progress=False)
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    ids = {d["path"]: d["doc_id"] for d in documents if d["path"] == "café.txt"}
    assert ids == {"café.txt": doc_id_for("café.txt")}  # a UTF-8 name keeps the ID of its UTF-8 bytes
    odd = [d for d in documents if d["path"] != "café.txt"]
    assert [d["path"] for d in odd] == ["release-\ufffd.txt"] * 2  # shown readably, alike
    assert len({d["doc_id"] for d in odd}) == 2
    assert all(d["status"] == "ok" for d in documents)


TABLES = ("documents", "mentions", "entities", "relations")
NAMES = ("a.txt", "b.txt", "c.txt")


def tables_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


@dataclass(frozen=True)
class Done:
    """An output folder after a complete run over three texts."""

    raw: Path
    out: Path


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> Done:
    root = tmp_path_factory.mktemp("trust_more")
    raw, out = root / "raw", root / "out"
    raw.mkdir()
    for name, org in zip(NAMES, ("Greenfield Hospital", "Northwind Bank", "Acme Robotics"), strict=True):
        (raw / name).write_text(TEXT.format(org=org))
    run(raw, out, settings=load_settings(), progress=False)
    return Done(raw, out)


def _copy_out(done: Done, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(done.out, out)
    return out


@pytest.mark.parametrize(
    "work_file",
    [
        "tables/documents.parquet",
        "tables/mentions.parquet",
        "tables/entities.parquet",
        "tables/relations.parquet",
        "tables/.inputs",
        "documents.parquet",
        "segmented.parquet",
        "recognised.parquet",
    ],
)
@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_work_file_is_rebuilt_and_the_run_succeeds(
    done: Done, tmp_path: Path, work_file: str, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _copy_out(done, tmp_path)
    path = out / ".cache" / work_file
    data = path.read_bytes()
    path.write_bytes(b"\xff\xfe not parquet \x00" * 8 if damage == "garbage" else data[: len(data) // 2])
    assert main(["run", "--raw", str(done.raw), "--out", str(out), "--no-progress"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert tables_bytes(out) == tables_bytes(done.out)
    if work_file.endswith(".parquet"):
        pq.read_table(path)  # rebuilt, readable again
