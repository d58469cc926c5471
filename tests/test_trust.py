"""Trust: a run never wipes the tables by accident, never reads its own output, and says what failed.

Cases of issue 16: an empty or shrunken raw folder, an output folder inside the raw folder, a failing
single new document, file modes that follow the umask, and the papercuts of the summary and ``make diff``.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract.cli.main import main
from extract.core.errors import message
from extract.core.work_files import WORK
from trust_corpus import MARKER, NAMES, TEXT, Done, complete_run, recogniser_fails_on_marker, tables_bytes


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> Done:
    return complete_run(tmp_path_factory.mktemp("trust"))


def _copy(done: Done, tmp_path: Path, keep: tuple[str, ...]) -> tuple[Path, Path]:
    """A copy of the output folder, and a raw folder holding the files ``keep`` only."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for name in keep:
        shutil.copy2(done.raw / name, raw / name)
    shutil.copytree(done.out, out)
    return raw, out


# --- item 4: an empty or shrunken raw folder -------------------------------------------------------------


@pytest.mark.parametrize(
    ("keep", "key", "fields"),
    [((), "run.raw_empty", {}), (("a.txt",), "run.raw_shrunk", {"lost": 2, "total": 3})],
    ids=["empty", "lost-two-of-three"],
)
def test_empty_or_shrunken_raw_folder_stops_with_exit_code_2_and_writes_nothing(
    done: Done,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    keep: tuple[str, ...],
    key: str,
    fields: dict,
) -> None:
    raw, out = _copy(done, tmp_path, keep)
    before = folder_bytes(out)
    code = main(["run", "--raw", str(raw), "--out", str(out), "--no-progress"])
    stderr = capsys.readouterr().err.strip().splitlines()[-1]
    expected = "extract run: " + message(key, path=raw, **fields)
    assert (code, stderr, folder_bytes(out) == before) == (2, expected, True)


def test_allow_shrink_lets_a_run_drop_the_lost_files(done: Done, tmp_path: Path) -> None:
    raw, out = _copy(done, tmp_path, ("a.txt",))
    code = main(["run", "--raw", str(raw), "--out", str(out), "--no-progress", "--allow-shrink"])
    paths = pq.read_table(out / "documents.parquet").column("path").to_pylist()
    assert (code, paths) == (0, ["a.txt"])


def test_losing_half_of_the_files_or_fewer_is_a_normal_run(done: Done, tmp_path: Path) -> None:
    raw, out = _copy(done, tmp_path, ("a.txt", "b.txt"))
    code = main(["run", "--raw", str(raw), "--out", str(out), "--no-progress"])
    paths = pq.read_table(out / "documents.parquet").column("path").to_pylist()
    assert (code, paths) == (0, ["a.txt", "b.txt"])


def test_ingest_stage_script_stops_on_an_empty_raw_folder_unless_allow_shrink(
    done: Done, tmp_path: Path
) -> None:
    from extract.cli.stages import ingest

    raw, out = _copy(done, tmp_path, ())
    work = out / WORK
    before = folder_bytes(out)
    stopped = ingest(["--raw", str(raw), "--work", str(work)])
    unchanged = folder_bytes(out) == before
    allowed = ingest(["--raw", str(raw), "--work", str(work), "--allow-shrink"])
    assert (stopped, unchanged, allowed) == (2, True, 0)


# --- item 5: an output folder inside the raw folder -----------------------------------------------------


def test_output_folder_inside_the_raw_folder_is_never_read_as_input(done: Done, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(done.raw, raw)
    out = raw / "extracted"
    first = main(["run", "--raw", str(raw), "--out", str(out), "--no-progress"])
    tables = tables_bytes(out)
    second = main(["run", "--raw", str(raw), "--out", str(out), "--no-progress"])
    paths = pq.read_table(out / "documents.parquet").column("path").to_pylist()
    assert (first, second, tables_bytes(out) == tables, paths) == (0, 0, True, list(NAMES))


# --- item 6: recognition fails on the only new document --------------------------------------------------



def test_recognition_failing_on_the_only_new_document_is_an_error_row_with_its_path(
    done: Done, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recogniser_fails_on_marker(monkeypatch)
    raw, out = _copy(done, tmp_path, NAMES)
    (raw / "new.txt").write_text(TEXT.format(org="Blue Lake Council") + f"Ref {MARKER}.\n")
    code = main(["run", "--raw", str(raw), "--out", str(out), "--no-progress"])
    rows = {r["path"]: r for r in pq.read_table(out / "documents.parquet").to_pylist()}
    error = message("stage.failed", stage="recognise", error=f"cannot read {MARKER}")
    assert (code, rows["new.txt"]["status"], rows["new.txt"]["message"], rows["a.txt"]["status"]) == (
        0,
        "error",
        error,
        "ok",
    )


# --- item 12: files follow the umask ---------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_tables_and_reports_follow_the_umask(tmp_path: Path, umask: int) -> None:
    from extract.core.table_set import MANIFEST, write_tables
    from extract.core.tables import to_table, write_atomic

    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "report.md", b"a report\n")
        write_tables(tmp_path, {"documents": to_table("documents", [])})
    finally:
        os.umask(old)
    modes = {
        p.name: stat.S_IMODE(p.stat().st_mode)
        for p in (tmp_path / "report.md", tmp_path / "documents.parquet", tmp_path / MANIFEST)
    }
    assert modes == {name: 0o666 & ~umask for name in ("report.md", "documents.parquet", MANIFEST)}


# --- item 13: papercuts ----------------------------------------------------------------------------------


def test_summary_line_says_1_document_and_1_error_in_the_singular() -> None:
    from collections import Counter

    from extract.run.runner import Summary

    one = Summary(documents=1, statuses=Counter(error=1), mentions=Counter(ORG=1), entities=1, relations=1)
    two = Summary(documents=2, statuses=Counter(error=2), entities=2, relations=2)
    assert (one.line().split(";")[0], two.line().split(";")[0]) == (
        "1 document (0 ok, 0 skipped, 1 error), 1 mention (ORG 1, PERSON 0, DATE 0), 1 entity, 1 relation",
        "2 documents (0 ok, 0 skipped, 2 errors), 0 mentions (ORG 0, PERSON 0, DATE 0), "
        "2 entities, 2 relations",
    )


@pytest.mark.parametrize(("diff_status", "make_status"), [(0, 0), (1, 0), (2, 2)])
def test_make_diff_succeeds_when_there_are_changes_and_fails_on_an_error(
    tmp_path: Path, diff_status: int, make_status: int
) -> None:
    import subprocess

    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text(f"#!/bin/sh\nexit {diff_status}\n")  # stands for `python -m extract diff`
    python.chmod(0o755)
    (venv / ".installed").touch()  # newer than the lock files: make does not set the venv up
    repo = Path(__file__).resolve().parent.parent
    # run as a top-level make even under `make test`, whose MAKELEVEL would make this a sub-make
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    result = subprocess.run(
        ["make", "-s", "-C", str(repo), "diff", f"VENV={venv}"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert (result.returncode, "***" in result.stderr) == (make_status, make_status != 0)
