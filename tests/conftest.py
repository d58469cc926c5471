"""Shared fixtures; each stage's tests keep their own section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# --- ingest ------------------------------------------------------------------------


def build_pdf(
    path: Path,
    pages: list[list[str]],
    *,
    header: str | None = None,
    footer: str | None = None,
    title: str | None = None,
    encrypt: bool = False,
) -> Path:
    """Write a PDF with one body line per string ("" leaves a blank line) and return ``path``.

    Lines are placed one by one rather than flowed, so a test decides where a
    line ends (and so where a word is hyphenated). ``footer`` may hold
    ``{page}``, filled with the page number, to make footers that differ by a
    digit. Core fonts only: text must be Latin-1.
    """
    from fpdf import FPDF  # a dev dependency: imported only by the tests that build PDFs

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_left_margin(15)
    pdf.set_font("helvetica", size=11)
    if title is not None:
        pdf.set_title(title)
    if encrypt:
        pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header is not None:
            pdf.set_xy(15, 12)
            pdf.cell(0, 6, header)
        pdf.set_xy(15, 35)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        if footer is not None:
            pdf.set_xy(15, 280)
            pdf.cell(0, 6, footer.format(page=number))
    pdf.output(str(path))
    return path


@pytest.fixture
def make_pdf() -> Callable[..., Path]:
    """:func:`build_pdf`, for tests that need a PDF of their own."""
    return build_pdf
