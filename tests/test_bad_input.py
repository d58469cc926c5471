"""Bad input: one ``extract run`` over a folder of every kind of broken file, as a user would run it.

The corpus is made here; the command runs once for the module (it loads both models), and each test
checks one file's row, or one promise of the run: exit 0, every file has a row, each bad file is named
on stderr with its reason, and the good documents come through with their mentions.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from extract.core.errors import message
from extract.ingest.files import ingest

#: What zipfile says of a .docx that is no zip (the detail of its "corrupt Word file" message).
_BAD_ZIP = "not a zip archive"

GOOD_EN = (
    "Greenfield Hospital opens a new research wing\n\n"
    "Leeds, 14 March 2024 – Greenfield Hospital today opened a new research wing funded by the city. "
    "Dr Sarah Jones, director of research at the hospital, said the wing would host forty scientists.\n"
)
GOOD_FR = (
    "L'Université de Lyon inaugure un nouveau laboratoire\n\n"
    "Lyon, le 3 avril 2023 – L'Université de Lyon a inauguré un laboratoire consacré à l'étude du climat. "
    "Marie Dubois, présidente de l'université, a salué le travail des équipes de recherche.\n"
)
GERMAN = (
    "Die Universität Hamburg hat heute ein neues Forschungszentrum eröffnet. Der Präsident der "
    "Universität sagte, das Zentrum werde die Zusammenarbeit mit anderen Hochschulen stärken.\n"
)
FRENCH_CP1252 = (
    "Le Conseil régional a voté le budget de l’année prochaine à une large majorité. "
    "Les élus ont salué l’effort consenti pour les lycées et les transports.\n"
)
# 0x81 is undefined in cp1252, so only latin-1 can read this file.
ENGLISH_BAD_UTF8 = (
    b"The museum reopened its doors to visitors after a renovation \x81 that lasted two years, "
    b"the city announced on Monday in a short statement.\n"
)
ENGLISH_UTF16 = "The association elected a new board at its general meeting, held in the town hall.\n"
#: The last paragraph of the long document: one line longer than a block, a date at its very end.
LONG_ENDING = " ".join(["The committee reviewed every proposal in detail."] * 60) + (
    " The report was published on 9 October 2031.\n"
)
STRANGE_NAME = 'Communiqué « final » d’été "v2" (copy).txt'
BLOCK_CHARS = 1_000  # recognise.max_block_chars of the run: the long document is read in ~40 blocks
PDF_PAGES = 200


@dataclass(frozen=True)
class Run:
    """The finished run: its process result, its tables' rows by path, and its mentions."""

    result: subprocess.CompletedProcess[str]
    documents: dict[str, dict]
    mentions: list[dict]


def _write(root: Path, name: str, data: bytes) -> None:
    (root / name).write_bytes(data)


def _pdf_line(page: int) -> str:
    """The one line of page ``page`` (from 0) of the long PDF: pages differ by their digits only."""
    return f"Item {page} of the annual inventory of the county archives."


def _build_corpus(raw: Path, make_pdf: Callable[..., Path], release_text: Callable[..., str]) -> None:
    """Every kind of bad file a collected folder may hold, plus one good English and French release."""
    raw.mkdir()
    _write(raw, "good-en.txt", GOOD_EN.encode())
    _write(raw, "good-fr.txt", GOOD_FR.encode())
    _write(raw, "empty.txt", b"")
    _write(raw, "blank.txt", b"  \n\t\n   \r\n")
    _write(raw, "binary.txt", bytes(range(256)) * 8)
    _write(raw, "invalid-utf8.txt", ENGLISH_BAD_UTF8)
    _write(raw, "cp1252.txt", FRENCH_CP1252.encode("cp1252"))
    _write(raw, "utf16.txt", ENGLISH_UTF16.encode("utf-16"))
    _write(raw, "long.txt", release_text(30_000, ending=LONG_ENDING).encode())
    _write(raw, "deutsch.txt", GERMAN.encode())
    _write(raw, STRANGE_NAME, GOOD_EN.encode())
    # A name in latin-1 bytes, not UTF-8: as a file copied from an old system.
    Path(os.fsdecode(os.fsencode(raw) + b"/r\xe9sum\xe9.txt")).write_bytes(GOOD_EN.encode())
    _write(raw, "script.html", b"<html><head><script>a();</script></head><body><script>b()</script></body>")
    _write(raw, "notes.docx", b"PK\x03\x04 not really a document")
    whole = make_pdf(raw.parent / "whole.pdf", [["Some text on a page."]]).read_bytes()
    _write(raw, "corrupt.pdf", whole[: len(whole) // 2])
    make_pdf(raw / "encrypted.pdf", [["Secret text."]], encrypt=True)
    make_pdf(raw / "scanned.pdf", [[], [], []])
    make_pdf(raw / "pages.pdf", [[_pdf_line(n)] for n in range(PDF_PAGES)])
    os.symlink(raw / "loop.txt", raw / "loop.txt")
    os.mkfifo(raw / "pipe.txt")
    if os.geteuid() != 0:  # root reads a mode-000 file, so the case only exists for other users
        (raw / "secret.txt").write_bytes(GOOD_EN.encode())
        (raw / "secret.txt").chmod(0)


@pytest.fixture(scope="module")
def bad_run(
    tmp_path_factory: pytest.TempPathFactory,
    pdf_builder: Callable[..., Path],
    release_text: Callable[..., str],
    run_extract: Callable[..., subprocess.CompletedProcess[str]],
) -> Run:
    import pyarrow.parquet as pq

    root = tmp_path_factory.mktemp("bad")
    _build_corpus(root / "raw", pdf_builder, release_text)
    settings = root / "settings.toml"
    settings.write_text(f"[recognise]\nmax_block_chars = {BLOCK_CHARS}\n")
    out = root / "out"
    result = run_extract("run", "--raw", root / "raw", "--out", out, "--settings", settings, "--no-progress")
    documents = pq.read_table(out / "documents.parquet").to_pylist() if result.returncode == 0 else []
    mentions = pq.read_table(out / "mentions.parquet").to_pylist() if result.returncode == 0 else []
    return Run(result, {d["path"]: d for d in documents}, mentions)


def _row(run: Run, path: str) -> dict:
    assert run.result.returncode == 0, run.result.stderr
    return run.documents[path]


# --- the run as a whole --------------------------------------------------------------------------


def test_run_over_the_bad_corpus_exits_0(bad_run: Run) -> None:
    assert bad_run.result.returncode == 0, bad_run.result.stderr


def test_every_file_of_the_corpus_has_a_documents_row(bad_run: Run) -> None:
    expected = {
        "good-en.txt", "good-fr.txt", "empty.txt", "blank.txt", "binary.txt", "invalid-utf8.txt",
        "cp1252.txt", "utf16.txt", "long.txt", "deutsch.txt", STRANGE_NAME, "r\ufffdsum\ufffd.txt",
        "script.html", "notes.docx", "corrupt.pdf", "encrypted.pdf", "scanned.pdf", "pages.pdf",
        "loop.txt", "pipe.txt",
    } | ({"secret.txt"} if os.geteuid() != 0 else set())  # fmt: skip
    assert set(bad_run.documents) == expected


# --- each bad file: its status, its message, and a warning naming it on stderr -------------------

REFUSED = [
    ("empty.txt", "skipped", message("ingest.empty")),
    ("blank.txt", "skipped", message("ingest.whitespace")),
    ("binary.txt", "skipped", message("ingest.binary")),
    ("deutsch.txt", "skipped", message("ingest.other_language", lang="de")),
    ("script.html", "skipped", message("ingest.html_no_text")),
    ("notes.docx", "error", message("ingest.docx_corrupt", error=_BAD_ZIP)),
    ("encrypted.pdf", "error", message("ingest.pdf_encrypted")),
    ("scanned.pdf", "skipped", message("ingest.pdf_no_text")),
    ("loop.txt", "error", message("ingest.symlink_loop")),
    ("pipe.txt", "error", message("ingest.not_regular", kind="named pipe")),
]


@pytest.mark.parametrize(("path", "status", "reason"), REFUSED, ids=[case[0] for case in REFUSED])
def test_bad_file_gets_its_status_and_reason(bad_run: Run, path: str, status: str, reason: str) -> None:
    row = _row(bad_run, path)
    assert (row["status"], row["message"]) == (status, reason)


@pytest.mark.parametrize(("path", "status", "reason"), REFUSED, ids=[case[0] for case in REFUSED])
def test_bad_file_is_named_on_stderr_with_its_reason(
    bad_run: Run, path: str, status: str, reason: str
) -> None:
    assert f"{path}: {reason} ({status})" in bad_run.result.stderr


def test_corrupt_pdf_is_an_error_that_says_what_broke(bad_run: Run) -> None:
    row = _row(bad_run, "corrupt.pdf")
    prefix = message("ingest.pdf_corrupt", error="")
    assert (row["status"], row["message"].startswith(prefix), len(row["message"]) > len(prefix)) == (
        "error",
        True,
        True,
    )


def test_corrupt_pdf_is_named_on_stderr(bad_run: Run) -> None:
    assert f"corrupt.pdf: {_row(bad_run, 'corrupt.pdf')['message']} (error)" in bad_run.result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a mode-000 file")
def test_unreadable_file_is_an_error(bad_run: Run) -> None:
    row = _row(bad_run, "secret.txt")
    assert (row["status"], row["message"]) == (
        "error",
        message("ingest.unreadable", error="Permission denied"),
    )


# --- files that are read with a warning: their text is kept ---------------------------------------

WARNED = [
    ("invalid-utf8.txt", "en", message("ingest.legacy_encoding", encoding="latin-1")),
    ("cp1252.txt", "fr", message("ingest.legacy_encoding", encoding="cp1252")),
    ("utf16.txt", "en", message("ingest.utf16")),
]


@pytest.mark.parametrize(("path", "lang", "warning"), WARNED, ids=[case[0] for case in WARNED])
def test_file_in_a_legacy_encoding_is_extracted_with_a_warning(
    bad_run: Run, path: str, lang: str, warning: str
) -> None:
    row = _row(bad_run, path)
    assert (row["status"], row["lang"], row["message"]) == ("ok", lang, warning)


@pytest.mark.parametrize(("path", "lang", "warning"), WARNED, ids=[case[0] for case in WARNED])
def test_legacy_encoding_warning_names_the_file_on_stderr(
    bad_run: Run, path: str, lang: str, warning: str
) -> None:
    assert f"{path}: {warning}" in bad_run.result.stderr


def test_cp1252_text_is_decoded_to_its_characters(bad_run: Run) -> None:
    assert _row(bad_run, "cp1252.txt")["text"] == FRENCH_CP1252


def test_utf16_text_is_decoded_without_its_byte_order_mark(bad_run: Run) -> None:
    assert _row(bad_run, "utf16.txt")["text"] == ENGLISH_UTF16


# --- good documents and odd names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "lang", "date", "value"),
    [
        ("good-en.txt", "en", "14 March 2024", "2024-03-14"),
        ("good-fr.txt", "fr", "3 avril 2023", "2023-04-03"),
        (STRANGE_NAME, "en", "14 March 2024", "2024-03-14"),
        ("r\ufffdsum\ufffd.txt", "en", "14 March 2024", "2024-03-14"),
    ],
)
def test_good_document_is_extracted_as_usual(
    bad_run: Run, path: str, lang: str, date: str, value: str
) -> None:
    row = _row(bad_run, path)
    dates = [
        (m["text"], m["value"])
        for m in bad_run.mentions
        if m["doc_id"] == row["doc_id"] and m["label"] == "DATE"
    ]
    assert (row["status"], row["lang"], row["message"], dates) == ("ok", lang, None, [(date, value)])


def test_good_document_has_names_besides_its_date(bad_run: Run) -> None:
    doc_id = _row(bad_run, "good-en.txt")["doc_id"]
    labels = {m["label"] for m in bad_run.mentions if m["doc_id"] == doc_id}
    assert {"ORG", "PERSON"} <= labels


def test_pdf_of_200_one_line_pages_keeps_every_page(bad_run: Run) -> None:
    row = _row(bad_run, "pages.pdf")
    lines = row["text"].split("\n\n")
    assert (row["status"], len(lines), lines[-1]) == ("ok", PDF_PAGES, _pdf_line(PDF_PAGES - 1))


# --- a long document, read in blocks ---------------------------------------------------------------


def test_long_document_is_extracted_whole(bad_run: Run) -> None:
    row = _row(bad_run, "long.txt")
    assert (row["status"], row["n_chars"] > 30 * BLOCK_CHARS, row["text"].endswith(LONG_ENDING)) == (
        "ok",
        True,
        True,
    )


def test_long_document_mention_near_the_end_points_into_its_text(bad_run: Run) -> None:
    row = _row(bad_run, "long.txt")
    last = max((m for m in bad_run.mentions if m["doc_id"] == row["doc_id"]), key=lambda m: m["start"])
    # "9 October 2031." closes the text: 15 characters and the line end before the end of the text.
    assert (last["text"], last["value"], last["start"], row["text"][last["start"] : last["end"]]) == (
        "9 October 2031",
        "2031-10-09",
        row["n_chars"] - 16,
        "9 October 2031",
    )


def test_every_mention_of_the_run_points_into_its_documents_text(bad_run: Run) -> None:
    texts = {row["doc_id"]: row["text"] for row in bad_run.documents.values()}
    wrong = [m for m in bad_run.mentions if texts[m["doc_id"]][m["start"] : m["end"]] != m["text"]]
    assert (len(bad_run.mentions) > 0, wrong) == (True, [])


# --- ingest regressions found with this corpus ------------------------------------------------------


def test_pdf_pages_that_differ_only_by_digits_are_not_dropped_as_footers(
    tmp_path: Path, make_pdf: Callable[..., Path]
) -> None:
    path = make_pdf(tmp_path / "list.pdf", [["Item 1 of 3."], ["Item 2 of 3."], ["Item 3 of 3."]])
    assert ingest(path, tmp_path).text == "Item 1 of 3.\n\nItem 2 of 3.\n\nItem 3 of 3."


def test_pdf_running_footer_is_still_dropped_from_a_page_with_a_body(
    tmp_path: Path, make_pdf: Callable[..., Path]
) -> None:
    pages = [["First body line."], ["Second body line."], ["Third body line."]]
    path = make_pdf(tmp_path / "a.pdf", pages, footer="Page {page}")
    assert ingest(path, tmp_path).text == "First body line.\n\nSecond body line.\n\nThird body line."


def test_named_pipe_is_an_error_row_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = ingest(tmp_path / "pipe.txt", tmp_path)
    assert (result.status, result.message) == ("error", message("ingest.not_regular", kind="named pipe"))


def test_link_to_an_endless_device_is_an_error_row_without_reading(tmp_path: Path) -> None:
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    result = ingest(tmp_path / "zero.txt", tmp_path)
    assert (result.status, result.message) == (
        "error",
        message("ingest.not_regular", kind="character device"),
    )


def test_reader_that_fails_unexpectedly_is_an_error_row_for_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract.ingest.files

    def broken(path: Path) -> None:
        raise ImportError("no module named 'lxml_html_clean'\nInstall it")

    monkeypatch.setitem(extract.ingest.files.READERS, "html", broken)
    (tmp_path / "page.html").write_text("<p>Text</p>")
    result = ingest(tmp_path / "page.html", tmp_path)
    reason = message(
        "ingest.reader_failed",
        format="html",
        error="ImportError: no module named 'lxml_html_clean' Install it",
    )
    assert (result.status, result.message) == ("error", reason)
