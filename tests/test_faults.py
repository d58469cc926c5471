"""Faults: runs killed part-way, two runs on one folder, and a document that makes a stage raise.

A killed run must leave the previous tables readable and byte for byte as they were, and the next run
must finish normally with the tables a run without the kill gives. The killed runs are real processes
stopped with SIGKILL, as the kernel or a user would stop them, at several moments of the run.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract.core.errors import message
from extract.core.schema import TABLES as SCHEMAS
from extract.core.settings import load_settings
from extract.core.table_set import JOURNAL, MANIFEST
from extract.core.work_files import WORK
from extract.run.runner import LOCK, output_lock, run
from trust_corpus import MARKER, recogniser_fails_on_marker

TABLES = tuple(SCHEMAS)
#: Moments of a run at which it is killed, as shares of how long the whole run takes.
KILL_AT = (0.2, 0.45, 0.7, 0.9)
#: A child that runs ``extract run`` and kills itself just before it would rename its first table into place
#: (every new table staged, the journal written).
KILL_BEFORE_REPLACE = """
import os, signal, sys
from pathlib import Path
out = Path(sys.argv[1]).resolve()
real_replace = os.replace
def replace(src, dst):
    if Path(dst).parent.resolve() == out and Path(dst).suffix == ".parquet":
        os.kill(os.getpid(), signal.SIGKILL)
    real_replace(src, dst)
os.replace = replace
from extract.cli.main import main
sys.exit(main(["run", "--raw", sys.argv[2], "--out", sys.argv[1], "--no-progress"]))
"""

#: A child that runs ``extract run`` and kills itself just after it renamed its first table into place.
KILL_AFTER_FIRST_RENAME = """
import os, signal, sys
from pathlib import Path
out = Path(sys.argv[1]).resolve()
real_replace = os.replace
def replace(src, dst):
    real_replace(src, dst)
    if Path(dst).parent.resolve() == out and Path(dst).suffix == ".parquet":
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
from extract.cli.main import main
sys.exit(main(["run", "--raw", sys.argv[2], "--out", sys.argv[1], "--no-progress"]))
"""


def tables_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLES}


@dataclass(frozen=True)
class Before:
    """An output folder after a complete run over ``raw``, before two files were added to ``raw``."""

    raw: Path
    out: Path
    tables: dict[str, bytes]
    after: dict[str, bytes]  # the tables of a complete run once the two files are added
    seconds: float  # how long that second run takes
    rerun: Path  # the output folder of that complete run


@pytest.fixture(scope="module")
def before(
    tmp_path_factory: pytest.TempPathFactory,
    release_text: Callable[..., str],
    run_extract: Callable[..., subprocess.CompletedProcess[str]],
) -> Before:
    root = tmp_path_factory.mktemp("faults")
    raw, out = root / "raw", root / "out"
    raw.mkdir()
    for n in range(4):
        (raw / f"release-{n}.txt").write_text(release_text(4_000, ending=f"Release number {n}.\n"))
    first = run_extract("run", "--raw", raw, "--out", out, "--no-progress")
    assert first.returncode == 0, first.stderr
    for n in (4, 5):
        (raw / f"release-{n}.txt").write_text(release_text(4_000, ending=f"Release number {n}.\n"))
    rerun = root / "rerun"
    shutil.copytree(out, rerun)
    started = time.perf_counter()
    second = run_extract("run", "--raw", raw, "--out", rerun, "--no-progress")
    seconds = time.perf_counter() - started
    assert second.returncode == 0, second.stderr
    return Before(raw, out, tables_bytes(out), tables_bytes(rerun), seconds, rerun)


def _copy(before: Before, dest: Path) -> Path:
    shutil.copytree(before.out, dest)
    return dest


def _kill_after(start: Callable[..., subprocess.Popen[bytes]], seconds: float, raw: Path, out: Path) -> None:
    """Start ``extract run`` and SIGKILL it ``seconds`` later (if still running)."""
    child = start("run", "--raw", raw, "--out", out, "--no-progress")
    try:
        child.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()


@dataclass(frozen=True)
class Killed:
    """An output folder after runs killed one after another, then a run left to finish."""

    states: list[dict[str, bytes]]  # the tables after each kill
    result: subprocess.CompletedProcess[str]  # the run after the kills
    tables: dict[str, bytes]  # the tables after it


@pytest.fixture(scope="module")
def killed(
    before: Before,
    tmp_path_factory: pytest.TempPathFactory,
    start_extract: Callable[..., subprocess.Popen[bytes]],
    run_extract: Callable[..., subprocess.CompletedProcess[str]],
) -> Killed:
    out = _copy(before, tmp_path_factory.mktemp("killed") / "out")
    states, elapsed = [], 0.0
    for share in KILL_AT:  # each run starts from what the killed one left in the work folder
        _kill_after(start_extract, share * before.seconds - elapsed, before.raw, out)
        states.append(tables_bytes(out))
        elapsed = share * before.seconds
    result = run_extract("run", "--raw", before.raw, "--out", out, "--no-progress")
    return Killed(states, result, tables_bytes(out))


def test_run_killed_part_way_leaves_the_previous_tables_byte_identical(
    before: Before, killed: Killed
) -> None:
    # A kill after the run's last write would leave the new tables; never anything else.
    assert [state in (before.tables, before.after) for state in killed.states] == [True] * len(KILL_AT)


def test_kills_land_before_the_run_writes_its_tables(before: Before, killed: Killed) -> None:
    # Guards the test above: the kills must fall inside the run, not after it.
    assert killed.states[0] == before.tables


def test_run_after_kills_gives_the_tables_of_an_uninterrupted_run(before: Before, killed: Killed) -> None:
    assert (killed.result.returncode, killed.tables == before.after) == (0, True), killed.result.stderr


@pytest.fixture(scope="module")
def killed_before_replace(
    before: Before, tmp_path_factory: pytest.TempPathFactory, child_env: dict[str, str]
) -> tuple[int, Path]:
    """A run killed after writing its first table's temporary file, just before putting it in place."""
    out = _copy(before, tmp_path_factory.mktemp("replace") / "out")
    child = subprocess.run(
        [sys.executable, "-c", KILL_BEFORE_REPLACE, str(out), str(before.raw)],
        env=child_env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    return child.returncode, out


def test_run_killed_just_before_replacing_a_table_leaves_the_previous_tables(
    before: Before, killed_before_replace: tuple[int, Path]
) -> None:
    returncode, out = killed_before_replace
    assert (returncode, tables_bytes(out) == before.tables) == (-signal.SIGKILL, True)


def test_run_after_a_kill_before_replacing_completes(
    before: Before,
    killed_before_replace: tuple[int, Path],
    run_extract: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    _, out = killed_before_replace
    result = run_extract("run", "--raw", before.raw, "--out", out, "--no-progress")
    assert (result.returncode, tables_bytes(out) == before.after) == (0, True), result.stderr


@pytest.fixture(scope="module")
def killed_between_renames(
    before: Before, tmp_path_factory: pytest.TempPathFactory, child_env: dict[str, str]
) -> tuple[int, Path, dict[str, bytes]]:
    """A run killed just after it renamed its first table over the old one: (exit status, out, tables)."""
    out = _copy(before, tmp_path_factory.mktemp("between") / "out")
    child = subprocess.run(
        [sys.executable, "-c", KILL_AFTER_FIRST_RENAME, str(out), str(before.raw)],
        env=child_env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    return child.returncode, out, tables_bytes(out)


def test_a_kill_between_two_table_renames_leaves_a_mix_on_disk_and_its_journal(
    before: Before, killed_between_renames: tuple[int, Path, dict[str, bytes]]
) -> None:
    # the moment the test is about: one table new, the others old, and the journal that says so
    returncode, out, tables = killed_between_renames
    new = [name for name in TABLES if tables[name] == before.after[name] != before.tables[name]]
    assert (returncode, new, (out / JOURNAL).exists()) == (-signal.SIGKILL, [TABLES[0]], True)


def test_extract_diff_refuses_a_set_left_half_switched_in_one_line(
    before: Before,
    killed_between_renames: tuple[int, Path, dict[str, bytes]],
    tmp_path: Path,
    run_extract: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    _, killed, _ = killed_between_renames
    out = _copy_killed(killed, tmp_path / "out")
    result = run_extract("diff", before.out, out, timeout=60)
    problem = "a run is replacing them, or was stopped while it did"
    expected = "extract diff: " + message("tables.mixed", path=out, problem=problem)
    assert (result.returncode, result.stderr.strip()) == (2, expected)


def test_the_run_after_a_kill_between_renames_finishes_the_switch_and_gives_the_tables_of_a_clean_run(
    before: Before,
    killed_between_renames: tuple[int, Path, dict[str, bytes]],
    tmp_path: Path,
    run_extract: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    _, killed, _ = killed_between_renames
    out = _copy_killed(killed, tmp_path / "out")
    result = run_extract("run", "--raw", before.raw, "--out", out, "--no-progress")
    finished = message("tables.switch_finished", path=out)
    assert (result.returncode, finished in result.stderr) == (0, True), result.stderr
    assert (tables_bytes(out), (out / JOURNAL).exists()) == (before.after, False)
    assert (out / MANIFEST).read_bytes() == (before.rerun / MANIFEST).read_bytes()


def test_a_run_that_stops_early_still_finishes_a_switch_left_by_a_kill_first(
    before: Before,
    killed_between_renames: tuple[int, Path, dict[str, bytes]],
    tmp_path: Path,
    run_extract: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    # the switch is finished as soon as the lock is taken, not only by a run that reaches its end
    _, killed, _ = killed_between_renames
    out, empty = _copy_killed(killed, tmp_path / "out"), tmp_path / "empty"
    empty.mkdir()
    result = run_extract("run", "--raw", empty, "--out", out, "--no-progress")
    assert (result.returncode, tables_bytes(out), (out / JOURNAL).exists()) == (2, before.after, False)


def _copy_killed(killed: Path, dest: Path) -> Path:
    shutil.copytree(killed, dest)
    return dest


# --- two runs at once ---------------------------------------------------------------------------------


def test_second_run_on_a_locked_folder_stops_with_exit_code_2_and_says_who_holds_it(
    before: Before, tmp_path: Path, run_extract: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    out = _copy(before, tmp_path / "out")
    with output_lock(out):  # this process is "the first run"
        result = run_extract("run", "--raw", before.raw, "--out", out, "--no-progress", timeout=60)
    expected = "extract run: " + message("run.locked", path=out, pid=os.getpid(), lock=out / LOCK)
    assert (result.returncode, result.stderr.strip()) == (2, expected)


def test_second_run_on_a_locked_folder_writes_nothing(
    before: Before, tmp_path: Path, run_extract: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    out = _copy(before, tmp_path / "out")
    work_before = {p.name: p.read_bytes() for p in (out / WORK).iterdir() if p.is_file()}
    with output_lock(out):
        run_extract("run", "--raw", before.raw, "--out", out, "--no-progress", timeout=60)
    work_after = {p.name: p.read_bytes() for p in (out / WORK).iterdir() if p.is_file()}
    assert (tables_bytes(out) == before.tables, work_after == work_before) == (True, True)


def test_lock_of_a_killed_run_does_not_stop_the_next(before: Before, tmp_path: Path) -> None:
    out = _copy(before, tmp_path / "out")
    (out / LOCK).write_text("999999999")  # a pid left by a run that was killed: the kernel freed its flock
    with output_lock(out):
        held = (out / LOCK).read_text()
    assert held == str(os.getpid())


# --- a document that makes a stage raise ---------------------------------------------------------------

GOOD = (
    "Greenfield Hospital opens a new research wing\n\n"
    "Leeds, 14 March 2024 – Greenfield Hospital today opened a new research wing funded by the city. "
    "Dr Sarah Jones, director of research at the hospital, said the wing would host forty scientists.\n"
)


def _corpus(raw: Path, *others: tuple[str, str]) -> Path:
    raw.mkdir()
    bad = GOOD.replace("forty scientists", f"forty scientists ({MARKER})")
    for name, text in (("marked.txt", bad), *others):
        (raw / name).write_text(text)
    return raw


def test_document_that_makes_the_recogniser_raise_is_an_error_row_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recogniser_fails_on_marker(monkeypatch)
    raw = _corpus(tmp_path / "raw", ("good.txt", GOOD))
    run(raw, tmp_path / "out", settings=load_settings(), progress=False)
    rows = {r["path"]: r for r in pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()}
    good_id = rows["good.txt"]["doc_id"]
    good_mentions = [
        m for m in pq.read_table(tmp_path / "out" / "mentions.parquet").to_pylist() if m["doc_id"] == good_id
    ]
    error = message("stage.failed", stage="recognise", error=f"cannot read {MARKER}")
    assert (
        rows["marked.txt"]["status"],
        rows["marked.txt"]["message"],
        rows["good.txt"]["status"],
        len(good_mentions) > 0,
    ) == (
        "error",
        error,
        "ok",
        True,
    )


def test_document_that_makes_segmentation_raise_is_an_error_row_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract.ingest.segment

    real = extract.ingest.segment.segment

    def segment(text, settings):
        if MARKER in text:
            raise ValueError(f"cannot split {MARKER}")
        return real(text, settings)

    monkeypatch.setattr(extract.ingest.segment, "segment", segment)
    german = "Die Universität Hamburg hat heute ein neues Forschungszentrum für Klimafragen eröffnet.\n"
    raw = _corpus(tmp_path / "raw", ("deutsch.txt", german))
    run(raw, tmp_path / "out", settings=load_settings(), progress=False)
    rows = {r["path"]: r for r in pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()}
    assert [(rows[p]["status"], rows[p]["message"]) for p in ("marked.txt", "deutsch.txt")] == [
        ("error", message("stage.failed", stage="segment", error=f"cannot split {MARKER}")),
        ("skipped", message("ingest.other_language", lang="de")),
    ]
