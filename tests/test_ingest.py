"""Ingest: every kind of file a raw folder may hold, good and bad, made here in tmp_path."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.core.errors import ExtractError, message
from extract.ingest.files import discover, doc_id_for, ingest, ingest_all
from extract.ingest.html import decode_html
from extract.ingest.pdf_layout import join_hyphenated
from renderings import render_eml

MakePdf = Callable[..., Path]


def write(root: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``root/name`` (folders made as needed) and return the path."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- discover ------------------------------------------------------------------------


def test_discover_lists_files_recursively_sorted_by_relative_path(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.pdf", "a/b/c.html", "A.txt"):
        write(tmp_path, name, b"x")
    found = [path.relative_to(tmp_path).as_posix() for path in discover(tmp_path)]
    # Code-point order: upper case before lower case, "a/..." after "A.txt" and before "b.txt".
    assert found == ["A.txt", "a/b/c.html", "a/z.pdf", "b.txt"]


def test_discover_skips_hidden_files_and_folders(tmp_path: Path) -> None:
    write(tmp_path, "kept.txt", b"x")
    write(tmp_path, ".hidden.txt", b"x")
    write(tmp_path, ".git/config.txt", b"x")
    assert discover(tmp_path) == [tmp_path / "kept.txt"]


def test_discover_returns_unsupported_files_for_a_skipped_row(tmp_path: Path) -> None:
    write(tmp_path, "notes.docx", b"x")
    assert discover(tmp_path) == [tmp_path / "notes.docx"]


def test_discover_does_not_enter_a_symlink_loop_and_returns_the_link(tmp_path: Path) -> None:
    write(tmp_path, "sub/a.txt", b"x")
    os.symlink(tmp_path / "sub", tmp_path / "sub" / "loop")
    assert discover(tmp_path) == [tmp_path / "sub/a.txt", tmp_path / "sub/loop"]


def test_discover_follows_a_symlink_to_a_folder_outside_the_root(tmp_path: Path) -> None:
    write(tmp_path, "elsewhere/a.txt", b"x")
    root = tmp_path / "raw"
    root.mkdir()
    os.symlink(tmp_path / "elsewhere", root / "linked")
    assert discover(root) == [root / "linked/a.txt"]


def test_discover_refuses_a_missing_root(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as caught:
        discover(tmp_path / "missing")
    assert caught.value.key == "run.no_raw"


# --- paths, IDs and file-level problems ------------------------------------------------


def test_doc_id_is_the_first_16_hex_digits_of_the_path_sha256() -> None:
    assert doc_id_for("press/acme.txt") == hashlib.sha256(b"press/acme.txt").hexdigest()[:16]


def test_ingested_path_is_relative_with_slashes_and_sha256_of_the_bytes(tmp_path: Path) -> None:
    data = b"Acme hires Jane Doe."
    path = write(tmp_path, "2021/acme.txt", data)
    result = ingest(path, tmp_path)
    assert (result.path, result.sha256) == ("2021/acme.txt", hashlib.sha256(data).hexdigest())


def test_strange_file_name_is_kept_as_written(tmp_path: Path) -> None:
    name = "Communiqué de presse 'été' \"2021\" #1.txt"
    path = write(tmp_path, f"dossier à part/{name}", "Bonjour, été.".encode())
    result = ingest(path, tmp_path)
    assert (result.status, result.path, result.text) == ("ok", f"dossier à part/{name}", "Bonjour, été.")


def test_unsupported_extension_is_skipped_with_its_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "slides.PPTX", b"PK\x03\x04")
    result = ingest(path, tmp_path)
    assert (result.status, result.format, result.message) == (
        "skipped",
        "pptx",
        message("ingest.unsupported", suffix=".PPTX"),
    )


def test_file_over_the_size_limit_is_skipped_unread(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"0123456789A")  # 11 bytes
    result = ingest(path, tmp_path, max_file_bytes=10)
    assert (result.status, result.message, result.sha256) == (
        "skipped",
        message("ingest.too_large", size=11, limit=10),
        "",
    )


def test_symlink_loop_is_an_error_row(tmp_path: Path) -> None:
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")
    result = ingest(tmp_path / "self.txt", tmp_path)
    assert (result.status, result.message) == ("error", message("ingest.symlink_loop"))


def test_link_back_into_its_own_folder_is_an_error_row(tmp_path: Path) -> None:
    os.symlink(tmp_path, tmp_path / "loop")
    result = ingest(tmp_path / "loop", tmp_path)
    assert (result.status, result.message) == ("error", message("ingest.symlink_loop"))


def test_unreadable_file_is_an_error_row(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"hidden")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as a user (root) who can read a mode-000 file")
    result = ingest(path, tmp_path)
    assert (result.status, result.sha256, result.message) == (
        "error",
        "",
        message("ingest.unreadable", error="Permission denied"),
    )


def test_folder_given_as_a_file_is_an_error_row(tmp_path: Path) -> None:
    # discover() returns a folder it could not list; root can list any, so a
    # listable folder stands in for it here.
    (tmp_path / "odd.txt").mkdir()
    result = ingest(tmp_path / "odd.txt", tmp_path)
    assert (result.status, result.message) == ("error", message("ingest.unreadable", error="Is a directory"))


# --- plain text ----------------------------------------------------------------------


def test_utf8_text_is_decoded_unchanged(tmp_path: Path) -> None:
    text = "Le Centre Léon Bérard — « partenaire » depuis 2012.\n"
    result = ingest(write(tmp_path, "a.txt", text.encode()), tmp_path)
    assert (result.status, result.format, result.text, result.message) == ("ok", "txt", text, None)


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    result = ingest(write(tmp_path, "a.txt", b"\xef\xbb\xbfAcme"), tmp_path)
    assert (result.text, result.message) == ("Acme", None)


def test_crlf_and_lone_cr_become_lf(tmp_path: Path) -> None:
    result = ingest(write(tmp_path, "a.txt", b"one\r\ntwo\rthree\n"), tmp_path)
    assert result.text == "one\ntwo\nthree\n"


def test_cp1252_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    # 0xe9 is é and 0x92 is ’ in cp1252; neither byte is valid UTF-8 here.
    result = ingest(write(tmp_path, "a.txt", b"l\x92\xe9t\xe9"), tmp_path)
    assert (result.status, result.text, result.message) == (
        "ok",
        "l’été",
        message("ingest.legacy_encoding", encoding="cp1252"),
    )


def test_bytes_cp1252_leaves_undefined_fall_back_to_latin1(tmp_path: Path) -> None:
    # 0x81 has no character in cp1252; in latin-1 it is the control U+0081.
    result = ingest(write(tmp_path, "a.txt", b"caf\xe9 \x81"), tmp_path)
    assert (result.text, result.warnings) == (
        "café \x81",
        (message("ingest.legacy_encoding", encoding="latin-1"),),
    )


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    result = ingest(write(tmp_path, "a.txt", "Réseau\r\nUnicancer".encode("utf-16")), tmp_path)
    expected = ("ok", "Réseau\nUnicancer", message("ingest.utf16"))
    assert (result.status, result.text, result.message) == expected


def test_empty_text_file_is_skipped(tmp_path: Path) -> None:
    result = ingest(write(tmp_path, "a.txt", b""), tmp_path)
    assert (result.status, result.text, result.message) == ("skipped", "", message("ingest.empty"))


def test_whitespace_only_text_file_is_skipped(tmp_path: Path) -> None:
    result = ingest(write(tmp_path, "a.txt", b" \r\n\t\n "), tmp_path)
    assert (result.status, result.message) == ("skipped", message("ingest.whitespace"))


def test_binary_file_named_txt_is_skipped(tmp_path: Path) -> None:
    result = ingest(write(tmp_path, "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), tmp_path)
    assert (result.status, result.message) == ("skipped", message("ingest.binary"))


# --- PDF -----------------------------------------------------------------------------


def test_pdf_drops_running_header_and_footer_and_rejoins_hyphenated_words(
    tmp_path: Path, make_pdf: MakePdf
) -> None:
    pages = [
        ["Acme opens a lab in Lyon.", "The coopera-", "tion with Jean-", "Yves Martin began in 2021."],
        ["Second page text."],
        ["Third page text."],
    ]
    path = make_pdf(tmp_path / "a.pdf", pages, header="ACME Press Release", footer="Page {page} of 3")
    result = ingest(path, tmp_path)
    # Lines of a paragraph are joined by a space; a word split at a line end is made whole,
    # the hyphen kept before a capital; a line ending short of the column's edge ends a paragraph.
    assert result.text == (
        "Acme opens a lab in Lyon.\n\nThe cooperation with Jean-Yves Martin began in 2021."
        "\n\nSecond page text.\n\nThird page text."
    )


def test_pdf_blank_line_separates_paragraphs(tmp_path: Path, make_pdf: MakePdf) -> None:
    lines = ["First paragraph, its line split at a hyphen: coopera-", "tion.", "", "Second paragraph."]
    path = make_pdf(tmp_path / "a.pdf", [lines])
    text = ingest(path, tmp_path).text
    assert text == "First paragraph, its line split at a hyphen: cooperation.\n\nSecond paragraph."


def test_pdf_keeps_a_line_that_repeats_on_only_one_of_three_pages(tmp_path: Path, make_pdf: MakePdf) -> None:
    pages = [["Contact: press office"], ["Body two."], ["Body three."]]
    path = make_pdf(tmp_path / "a.pdf", pages)
    assert ingest(path, tmp_path).text.startswith("Contact: press office\n\n")


def test_pdf_title_comes_from_its_metadata(tmp_path: Path, make_pdf: MakePdf) -> None:
    path = make_pdf(tmp_path / "a.pdf", [["Body."]], title="Acme opens a lab")
    assert ingest(path, tmp_path).title == "Acme opens a lab"


def test_pdf_without_title_metadata_has_no_title(tmp_path: Path, make_pdf: MakePdf) -> None:
    path = make_pdf(tmp_path / "a.pdf", [["Body."]])
    assert ingest(path, tmp_path).title is None


def test_pdf_without_text_is_skipped(tmp_path: Path, make_pdf: MakePdf) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [[], []])
    result = ingest(path, tmp_path)
    assert (result.status, result.message) == ("skipped", message("ingest.pdf_no_text"))


def test_pdf_with_some_pages_without_text_warns(tmp_path: Path, make_pdf: MakePdf) -> None:
    path = make_pdf(tmp_path / "a.pdf", [["Typed page."], [], []])
    result = ingest(path, tmp_path)
    assert (result.status, result.text, result.message) == (
        "ok",
        "Typed page.",
        message("ingest.pdf_pages_no_text", count=2, total=3),
    )


def test_truncated_pdf_is_a_corrupt_error(tmp_path: Path, make_pdf: MakePdf) -> None:
    whole = make_pdf(tmp_path / "whole.pdf", [["Some text."]]).read_bytes()
    path = write(tmp_path, "cut.pdf", whole[: len(whole) // 2])
    result = ingest(path, tmp_path)
    assert result.status == "error"
    assert result.message.startswith(message("ingest.pdf_corrupt", error=""))


def test_encrypted_pdf_is_an_error(tmp_path: Path, make_pdf: MakePdf) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [["Secret text."]], encrypt=True)
    result = ingest(path, tmp_path)
    assert (result.status, result.message) == ("error", message("ingest.pdf_encrypted"))


def test_hyphen_before_lower_case_is_a_line_break_inside_a_word() -> None:
    assert join_hyphenated(["la coopéra-", "tion"]) == "la coopération"


def test_hyphen_before_a_digit_is_kept() -> None:
    assert join_hyphenated(["in 2016-", "2017 it grew"]) == "in 2016-2017 it grew"


def test_dash_after_a_space_is_not_a_hyphenation() -> None:
    assert join_hyphenated(["Lyon -", "the city"]) == "Lyon - the city"


def test_soft_hyphen_at_line_end_is_removed() -> None:
    assert join_hyphenated(["Jean\u00ad", "Yves"]) == "JeanYves"


# --- HTML ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Acme opens a lab in Lyon</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">Newsroom</a></li></ul></nav>
<main><article>
<h1>Acme opens a lab in Lyon</h1>
<p>Acme Corporation opened a research laboratory in Lyon on 3 March 2021, its first in France.</p>
<p>The laboratory is led by Marie Dupont, who joined Acme from the University of Lyon in 2019.</p>
</article></main>
<footer><p>Follow us on social media</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def test_html_keeps_main_paragraphs_as_blocks(tmp_path: Path) -> None:
    result = ingest(write(tmp_path, "a.html", PAGE.encode()), tmp_path)
    assert result.status == "ok"
    assert (
        "Acme Corporation opened a research laboratory in Lyon on 3 March 2021, its first in France.\n\n"
        "The laboratory is led by Marie Dupont, who joined Acme from the University of Lyon in 2019."
    ) in result.text


def test_html_drops_navigation_and_footer(tmp_path: Path) -> None:
    text = ingest(write(tmp_path, "a.html", PAGE.encode()), tmp_path).text
    assert [word for word in ("Newsroom", "Privacy policy", "Follow us") if word in text] == []


def test_html_title_is_kept(tmp_path: Path) -> None:
    assert ingest(write(tmp_path, "a.htm", PAGE.encode()), tmp_path).title == "Acme opens a lab in Lyon"


def test_html_that_is_all_script_is_skipped(tmp_path: Path) -> None:
    page = b"<html><head><script>var a = 1;</script></head><body><script>go('x');</script></body></html>"
    result = ingest(write(tmp_path, "a.html", page), tmp_path)
    assert (result.status, result.message) == ("skipped", message("ingest.html_no_text"))


def test_html_is_decoded_as_its_meta_charset_declares() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>é</body></html>'.encode("latin-1")
    assert decode_html(page) == ('<html><head><meta charset="iso-8859-1"></head><body>é</body></html>', None)


def test_html_without_charset_that_is_not_utf8_falls_back_with_a_warning() -> None:
    assert decode_html(b"<p>caf\xe9</p>") == (
        "<p>café</p>",
        message("ingest.legacy_encoding", encoding="cp1252"),
    )


# --- PDF layout: re-flow, headings, page numbers, columns ---------------------------


def _flowed_pdf(path: Path, blocks: list[tuple[str, str]], *, columns: int = 1, footer: str = "") -> Path:
    """A PDF of ``(style, text)`` blocks flowed by fpdf2 ("h" bold heading, "p" justified paragraph)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    width = (180 - 10 * (columns - 1)) / columns
    for column in range(columns):
        pdf.set_xy(15 + column * (width + 10), 30)
        for style, text in blocks:
            pdf.set_font("helvetica", "B" if style == "h" else "", 12 if style == "h" else 10)
            pdf.set_x(15 + column * (width + 10))
            pdf.multi_cell(width, 5, text, align="L" if style == "h" else "J", new_x="LEFT", new_y="NEXT")
    if footer:
        pdf.set_xy(15, 282)
        pdf.cell(0, 5, footer, align="C")
    pdf.output(str(path))
    return path


_PROSE = (
    "Acme Corporation opened a research laboratory in Lyon on 3 March 2021, its first in France, "
    "and the laboratory is led by Marie Dupont, who joined Acme from the University of Lyon in 2019."
)


def test_pdf_wrapped_lines_of_a_paragraph_are_joined_by_a_space(tmp_path: Path) -> None:
    path = _flowed_pdf(tmp_path / "a.pdf", [("p", _PROSE)])
    assert ingest(path, tmp_path).text == _PROSE


def test_pdf_heading_stays_a_paragraph_of_its_own(tmp_path: Path) -> None:
    path = _flowed_pdf(tmp_path / "a.pdf", [("h", "Acme opens a lab"), ("p", _PROSE)])
    assert ingest(path, tmp_path).text == "Acme opens a lab\n\n" + _PROSE


def test_pdf_page_number_is_dropped_from_a_one_page_document(tmp_path: Path) -> None:
    for footer in ("3", "Page 3", "Page 3 of 4", "- 3 -", "3/4"):
        path = _flowed_pdf(tmp_path / "a.pdf", [("p", _PROSE)], footer=footer)
        assert ingest(path, tmp_path).text == _PROSE, footer


def test_pdf_two_column_page_is_read_column_by_column(tmp_path: Path) -> None:
    path = _flowed_pdf(tmp_path / "a.pdf", [("p", _PROSE), ("p", _PROSE)], columns=2)
    assert ingest(path, tmp_path).text == "\n\n".join([_PROSE] * 4)


# --- Word (.docx) ---------------------------------------------------------------------


def _docx(path: Path, *, heading: str | None = "Acme opens a lab", body: tuple[str, ...] = (_PROSE,)) -> Path:
    """A Word file with a heading, body paragraphs, a header and a footer; returns ``path``."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Running header"
    document.sections[0].footer.paragraphs[0].text = "Running footer"
    if heading is not None:
        document.add_heading(heading, level=1)
    for text in body:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_docx_gives_its_body_paragraphs_without_header_or_footer(tmp_path: Path) -> None:
    result = ingest(_docx(tmp_path / "a.docx"), tmp_path)
    assert (result.format, result.text) == ("docx", "Acme opens a lab\n\n" + _PROSE)


def test_docx_title_is_its_first_heading(tmp_path: Path) -> None:
    assert ingest(_docx(tmp_path / "a.docx"), tmp_path).title == "Acme opens a lab"


def test_docx_without_heading_takes_its_title_from_core_properties(tmp_path: Path) -> None:
    import docx

    path = _docx(tmp_path / "a.docx", heading=None)
    document = docx.Document(str(path))
    document.core_properties.title = "Acme in Lyon"
    document.save(str(path))
    assert ingest(path, tmp_path).title == "Acme in Lyon"


def test_docx_tables_are_read_in_order_row_by_row(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=2)
    cells = {(0, 0): "Name", (0, 1): "Role", (1, 0): "Marie Dupont", (1, 1): "Director"}
    for (row, col), text in cells.items():
        table.cell(row, col).text = text
    document.add_paragraph("After the table.")
    document.save(str(tmp_path / "a.docx"))
    text = ingest(tmp_path / "a.docx", tmp_path).text
    assert text == "Before the table.\n\nName\tRole\nMarie Dupont\tDirector\n\nAfter the table."


def test_docx_tracked_deletion_is_left_out_and_insertion_kept(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = parse_xml(
        f'<w:p {w}><w:r><w:t xml:space="preserve">Acme hired </w:t></w:r>'
        f'<w:del w:id="1" w:author="a"><w:r><w:delText>John Smith</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="a"><w:r><w:t>Marie Dupont</w:t></w:r></w:ins>'
        f'<w:r><w:t>.</w:t></w:r></w:p>'
    )
    document.element.body.insert(0, paragraph)
    document.save(str(tmp_path / "a.docx"))
    assert ingest(tmp_path / "a.docx", tmp_path).text == "Acme hired Marie Dupont."


def test_docx_comment_is_left_out(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph(_PROSE)
    document.add_comment(paragraph.runs, text="Check this name with legal", author="Editor")
    document.save(str(tmp_path / "a.docx"))
    assert ingest(tmp_path / "a.docx", tmp_path).text == _PROSE


def test_corrupt_docx_is_an_error(tmp_path: Path) -> None:
    whole = _docx(tmp_path / "whole.docx").read_bytes()
    result = ingest(write(tmp_path, "cut.docx", whole[: len(whole) // 2]), tmp_path)
    assert (result.status, result.message.split(":")[0]) == ("error", "corrupt or unreadable Word file")


def test_encrypted_docx_is_an_error(tmp_path: Path) -> None:
    # An encrypted .docx is an OLE compound file holding an EncryptedPackage stream, not a zip.
    path = write(tmp_path, "locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert (ingest(path, tmp_path).status, ingest(path, tmp_path).message) == (
        "error", message("ingest.docx_encrypted"))  # fmt: skip


def test_docx_with_an_empty_body_is_skipped(tmp_path: Path) -> None:
    result = ingest(_docx(tmp_path / "a.docx", heading=None, body=()), tmp_path)
    assert (result.status, result.message) == ("skipped", message("ingest.docx_no_text"))


# --- e-mail (.eml) ---------------------------------------------------------------------


def test_eml_subject_is_title_and_text_part_is_text(tmp_path: Path) -> None:
    path = render_eml("Acme opens a lab", _PROSE + "\n", tmp_path / "m.eml")
    result = ingest(path, tmp_path)
    assert (result.format, result.title, result.text) == ("eml", "Acme opens a lab", _PROSE)


def test_eml_quoted_reply_and_signature_are_left_out(tmp_path: Path) -> None:
    body = f"{_PROSE}\n\nOn Mon, 3 Mar 2021, Jane Roe wrote:\n> Can you send the release?\n"
    assert ingest(render_eml("Re: release", body, tmp_path / "a.eml"), tmp_path).text == _PROSE
    body = f"> an earlier line\n{_PROSE}\n-- \nJohn Carter\nPress officer, Acme\n"
    assert ingest(render_eml("Re: release", body, tmp_path / "b.eml"), tmp_path).text == _PROSE


def test_eml_html_part_is_read_when_there_is_no_text_part(tmp_path: Path) -> None:
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"] = "Acme opens a lab"
    mail.set_content(f"<html><body><article><p>{_PROSE}</p></article></body></html>", subtype="html")
    write(tmp_path, "m.eml", bytes(mail))
    assert ingest(tmp_path / "m.eml", tmp_path).text == _PROSE


def test_eml_with_no_text_part_is_skipped(tmp_path: Path) -> None:
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["Subject"] = "Only a picture"
    mail.set_content(b"\x89PNG\r\n", maintype="image", subtype="png")
    result = ingest(write(tmp_path, "m.eml", bytes(mail)), tmp_path)
    assert (result.status, result.message) == ("skipped", message("ingest.eml_no_text"))


def test_eml_with_an_attached_pdf_gives_two_documents(tmp_path: Path, make_pdf: MakePdf) -> None:
    pdf = make_pdf(tmp_path / "release.pdf", [["Acme opens a lab in Lyon."]]).read_bytes()
    root = tmp_path / "raw"
    root.mkdir()
    body = "Please find our release attached.\n"
    path = render_eml("Fwd: release", body, root / "m.eml", {"release.pdf": pdf})
    rows = ingest_all(path, root)
    assert [(r.path, r.format, r.status, r.text) for r in rows] == [
        ("m.eml", "eml", "ok", "Please find our release attached."),
        ("m.eml#release.pdf", "pdf", "ok", "Acme opens a lab in Lyon."),
    ]


def test_eml_rerun_keeps_its_attached_documents(tmp_path: Path, make_pdf: MakePdf) -> None:
    from extract.core.settings import load_settings
    from extract.run.stages import ingest_stage

    pdf = make_pdf(tmp_path / "release.pdf", [["Acme opens a lab in Lyon."]]).read_bytes()
    (tmp_path / "raw").mkdir()
    render_eml("Fwd: release", "Our release.\n", tmp_path / "raw" / "m.eml", {"release.pdf": pdf})
    first = ingest_stage(tmp_path / "raw", tmp_path / "work", load_settings())
    again = ingest_stage(tmp_path / "raw", tmp_path / "work", load_settings())  # every row reused
    paths = sorted(row["path"] for row in again)
    assert paths == sorted(row["path"] for row in first) == ["m.eml", "m.eml#release.pdf"]


# --- titles of plain text -------------------------------------------------------------------------


def test_a_short_first_line_is_the_title():
    from extract.ingest.plain import headline

    assert headline("Acme names a new chief executive\n\nAcme said on Monday that ...") == (
        "Acme names a new chief executive"
    )


def test_a_first_sentence_is_no_title():
    from extract.ingest.plain import headline

    assert headline("Acme said on Monday that it had named a new chief.\nMore text.") is None


def test_release_labels_and_datelines_are_passed_over():
    from extract.ingest.plain import headline

    text = "COMMUNIQUÉ DE PRESSE\nParis, le 2 avril 2025\nAcme lève 18 millions d'euros\nTexte."
    assert headline(text) == "Acme lève 18 millions d'euros"
