"""Trust, continued: odd names, damaged work files, environment failures and command-line papercuts.

Cases of issue 16 (items 7, 9, 11 and the rest of 13) that tests/test_trust.py does not cover.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.cli.main import build_parser, main
from extract.core.errors import message
from extract.core.settings import load_settings
from extract.ingest.files import doc_id_for
from extract.run.runner import run, summarise
from trust_corpus import TEXT, Done, complete_run, tables_bytes


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





@pytest.fixture(scope="module")
def done(tmp_path_factory: pytest.TempPathFactory) -> Done:
    return complete_run(tmp_path_factory.mktemp("trust_more"))


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


def _stop_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.startswith("extract run:")]


def _raw_with_a_new_file(done: Done, tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(done.raw, raw)
    (raw / "d.txt").write_text(TEXT.format(org="Bellweather Trust"))
    return raw


@pytest.mark.parametrize(
    ("target", "code", "words"),
    [
        ("extract.core.work_files.write_atomic", errno.ENOSPC, "no space left on the device while writing"),
        ("extract.core.tables.stage_file", errno.ENOSPC, "no space left on the device while writing"),
        ("extract.core.work_files.write_atomic", errno.EROFS, "(a read-only folder?)"),
        ("extract.core.work_files.write_atomic", errno.EACCES, "(a read-only folder?)"),
    ],
)
def test_disk_full_or_read_only_output_stops_in_one_line_with_exit_code_2_and_tables_untouched(
    done: Done,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    target: str,
    code: int,
    words: str,
) -> None:
    out, raw = _copy_out(done, tmp_path), _raw_with_a_new_file(done, tmp_path)

    def fail(path: Path, *_: object, **__: object) -> None:
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(target, fail)
    assert main(["run", "--raw", str(raw), "--out", str(out), "--no-progress"]) == 2
    lines = _stop_lines(capsys.readouterr().err)
    assert len(lines) == 1 and words in lines[0] and f"the tables in {out} are unchanged" in lines[0]
    assert tables_bytes(out) == tables_bytes(done.out)
    assert not list(out.glob(".*.tmp"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only folder")
def test_a_really_read_only_output_folder_stops_in_one_line(
    done: Done, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, raw = _copy_out(done, tmp_path), _raw_with_a_new_file(done, tmp_path)
    folders = [out, *[p for p in out.rglob("*") if p.is_dir()]]
    for folder in folders:
        folder.chmod(0o555)
    try:
        assert main(["run", "--raw", str(raw), "--out", str(out), "--no-progress"]) == 2
    finally:
        for folder in folders:
            folder.chmod(0o755)
    lines = _stop_lines(capsys.readouterr().err)
    assert len(lines) == 1 and "(a read-only folder?)" in lines[0]
    assert tables_bytes(out) == tables_bytes(done.out)


@pytest.mark.parametrize("below", ["", "sub"])
def test_an_output_path_that_is_a_file_stops_in_one_line_and_is_left_alone(
    done: Done, tmp_path: Path, capsys: pytest.CaptureFixture[str], below: str
) -> None:
    blocker = tmp_path / "tables.txt"
    blocker.write_text("not a folder\n")
    out = blocker / below if below else blocker
    assert main(["run", "--raw", str(done.raw), "--out", str(out), "--no-progress"]) == 2
    lines = _stop_lines(capsys.readouterr().err)
    assert lines == [f"extract run: {message('run.out_not_folder', path=blocker)}"]
    assert blocker.read_text() == "not a folder\n"


def test_raw_that_is_a_file_says_so_and_leaves_no_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, out = tmp_path / "release.txt", tmp_path / "out"
    raw.write_text(TEXT.format(org="Northwind Bank"))
    assert main(["run", "--raw", str(raw), "--out", str(out), "--no-progress"]) == 2
    assert _stop_lines(capsys.readouterr().err) == [f"extract run: {message('run.raw_not_folder', path=raw)}"]
    assert not out.exists()
    assert main(["run", "--raw", str(tmp_path / "nowhere"), "--out", str(out), "--no-progress"]) == 2
    assert not out.exists()


# --- item 13: papercuts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "quiet", "verbose"),
    [
        (["-q", "run"], True, False),
        (["run", "-q"], True, False),
        (["run", "--quiet"], True, False),
        (["run", "--verbose"], False, True),
        (["-v", "run"], False, True),
        (["run"], False, False),
        (["gold", "check", "-q", "gold"], True, False),
    ],
)
def test_quiet_and_verbose_are_accepted_before_and_after_the_command(
    argv: list[str], quiet: bool, verbose: bool
) -> None:
    args = build_parser().parse_args(argv)
    assert (args.quiet, args.verbose) == (quiet, verbose)


def test_quiet_after_the_command_silences_the_summary_and_verbose_adds_debug_lines(
    done: Done, tmp_path: Path
) -> None:
    out = _copy_out(done, tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}

    def stderr(*flags: str) -> str:
        command = [sys.executable, "-m", "extract", "run", *flags, "--raw", str(done.raw), "--out", str(out)]
        done_ = subprocess.run(
            [*command, "--no-progress"], capture_output=True, text=True, env=env, check=True
        )
        return done_.stderr

    assert stderr("-q") == ""
    assert "inputs unchanged, tables reused" in stderr("--verbose")
    plain = stderr()
    assert "3 documents" in plain and "inputs unchanged" not in plain


def test_extract_diff_honours_no_color(
    done: Done, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw, newer = _raw_with_a_new_file(done, tmp_path), tmp_path / "newer"
    run(raw, newer, settings=load_settings(), progress=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich writes escape codes as on a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    capsys.readouterr()
    assert main(["diff", str(done.out), str(newer)]) == 1
    assert "\x1b[32m" in capsys.readouterr().out  # coloured without NO_COLOR, so the check below can fail
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["diff", str(done.out), str(newer)]) == 1
    assert "\x1b[3" not in capsys.readouterr().out


def test_summary_line_never_cuts_a_reason_mid_parenthesis() -> None:
    unsupported = message("ingest.unsupported", suffix=".doc")
    failed = message("stage.failed", stage="recognise", error="boom: (x)")
    documents = pa.table({"status": ["skipped", "error", "ok"], "message": [unsupported, failed, None]})
    empty = pa.table({"label": pa.array([], pa.string())})
    summary = summarise({"documents": documents, "mentions": empty, "entities": empty, "relations": empty})
    reasons = summary.line().split("\nnot extracted: ")[1]
    assert reasons == f"1 recognise failed; 1 {unsupported}"
    assert reasons.count("(") == reasons.count(")")


def test_a_recognition_failure_is_reported_by_path_not_doc_id(
    done: Done, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from extract.recognise.recogniser import Recogniser

    real = Recogniser.recognise

    def recognise(self, documents):
        documents = list(documents)
        if any("Bellweather" in text for text, _ in documents):
            raise RuntimeError("cannot read it")
        return real(self, documents)

    monkeypatch.setattr(Recogniser, "recognise", recognise)
    out, raw = _copy_out(done, tmp_path), _raw_with_a_new_file(done, tmp_path)
    with caplog.at_level("WARNING"):
        run(raw, out, settings=load_settings(), progress=False)
    failed = message("stage.failed", stage="recognise", error="cannot read it")
    assert f"d.txt: {failed} (error)" in caplog.messages
    assert not any(doc_id_for("d.txt") in line for line in caplog.messages)


# --- item 10: make extract with any file name ------------------------------------------------------------


def test_make_extract_reads_names_with_spaces_and_colons_and_then_has_nothing_to_do(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    text = "Acme Corp named Jane Doe chief executive in March 2020.\n"
    (raw / "a b:c.txt").write_text(text, encoding="utf-8")
    repo = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    command = ["make", "-s", "-C", str(repo), "extract", f"RAW={raw}", f"OUT={tmp_path / 'out'}"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    again = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    paths = pq.read_table(tmp_path / "out" / "documents.parquet").column("path").to_pylist()
    # the later stages ran the first time and not again: only ingest runs when nothing changed
    ran = ("recognise:" in first.stdout, "recognise:" in again.stdout)
    assert (first.returncode, paths, again.returncode, ran) == (0, ["a b:c.txt"], 0, (True, False))
