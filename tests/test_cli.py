"""The command lines: the stage scripts of pipeline/ take the options of ``extract run`` and refuse
what it refuses, with the same messages and exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.cli import stages
from extract.cli.main import main
from extract.core.errors import message

ROOT = Path(__file__).resolve().parents[1]


def stage_script(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``pipeline/NAME.py ARGS`` as make does, in ``cwd``."""
    return subprocess.run(
        [sys.executable, str(ROOT / "pipeline" / f"{name}.py"), *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=False,
    )


def test_recognise_script_refuses_an_unknown_engine(tmp_path: Path) -> None:
    done = stage_script(
        "recognise", "--work", str(tmp_path / "out" / ".cache"), "--engine", "daks", cwd=tmp_path
    )
    assert done.returncode == 2
    assert "argument --engine: invalid choice: 'daks'" in done.stderr
    assert not (tmp_path / "out").exists()


def test_recognise_script_refuses_a_negative_number_of_processes(tmp_path: Path) -> None:
    done = stage_script(
        "recognise", "--work", str(tmp_path / "out" / ".cache"), "--processes", "-1", cwd=tmp_path
    )
    expected = message(
        "settings.range", name="run.processes", path="--processes", expected="an integer >= 0", got=-1
    )
    assert done.returncode == 2
    assert done.stderr == f"pipeline/recognise.py: {expected}\n"
    assert not (tmp_path / "out").exists()


def exit_code(command: Callable[[list[str]], int], argv: list[str]) -> int:
    """The exit code of a command line, whether it returns it or argparse exits with it."""
    try:
        return command(argv)
    except SystemExit as exit:
        return int(exit.code or 0)


@pytest.mark.parametrize(
    "argv",
    [["--processes", "-1"], ["--engine", "daks"], ["--scheduler", "tcp://h:1"]],
)
def test_extract_run_and_the_recognise_stage_refuse_the_same_options(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert exit_code(main, ["run", "--raw", str(tmp_path), "--out", str(out), *argv]) == 2
    run_error = capsys.readouterr().err.splitlines()[-1]
    assert exit_code(stages.recognise, ["--work", str(out / ".cache"), *argv]) == 2
    stage_error = capsys.readouterr().err.splitlines()[-1]
    assert run_error.split(": ", 1)[1] == stage_error.split(": ", 1)[1]
    assert not out.exists()


def test_the_stage_scripts_chain_as_make_calls_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    work = str(out / ".cache")
    assert stages.ingest(["--raw", str(raw), "--work", work, "--allow-shrink"]) == 0  # an empty raw folder
    assert stages.segment(["--work", work]) == 0
    assert stages.recognise(["--work", work, "--processes", "1", "--no-progress"]) == 0
    assert stages.normalise(["--work", work]) == 0
    assert stages.write(["--work", work, "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "ingest: 0 files, 0 with text",
        "segment: 0 documents (none)",
        "recognise: 0 processed, 0 reused",
    ]
    assert sorted(p.name for p in out.glob("*.parquet")) == [
        "documents.parquet",
        "entities.parquet",
        "facts.parquet",
        "mentions.parquet",
        "relations.parquet",
    ]
