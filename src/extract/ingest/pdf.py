"""PDF files through pdfplumber: running headers, footers and page numbers dropped.

Columns, lines and paragraphs are rebuilt from word positions by :mod:`.pdf_layout`.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.core.errors import message
from extract.ingest.extracted import Extracted, Refused, describe
from extract.ingest.pdf_layout import Y_TOLERANCE, Line, page_lines, paragraphs

# pdfminer logs a warning for every harmless defect of a PDF (missing CropBox,
# odd fonts); at the CLI's INFO level they would bury the run's own report.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


# --- PDF ---------------------------------------------------------------------------

#: Word building: a gap wider than this share of the font size separates words,
#: so small print keeps its spaces and large titles do not split.
_PDF_X_TOLERANCE_RATIO = 0.2
#: Lines at each end of a page that may be a running header or footer.
_PDF_EDGE_LINES = 2
#: The top and bottom bands of a page (shares of its height) where a page number is looked for.
_PDF_MARGIN_BAND = 0.15
#: A page number as it stands alone in a margin: "3", "Page 3", "Page 3 of 4", "- 3 -", "3/4", "p. 3".
_PAGE_NUMBER = re.compile(
    r"(?:(?:page|p\.|seite|pagina)\s*)?[-\u2013\u2014]?\s*\d{1,4}\s*"
    r"(?:[-\u2013\u2014]|(?:/|of|sur|de|von|di)\s*\d{1,4})?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Page:
    """A page's lines in reading order, and its height (for the margin bands)."""

    lines: list[Line]
    height: float


def read_pdf(path: Path) -> Extracted:
    """The text of a PDF: paragraphs as blocks, running headers and footers dropped.

    Pages are read one at a time and their layout caches dropped at once, so
    memory stays bounded by the longest page, not by the number of pages.
    """
    import pdfplumber  # imported here: it is slow to load and only PDFs need it
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    pages: list[_Page] = []
    try:
        with pdfplumber.open(path) as pdf:
            title = _pdf_title(pdf.metadata)
            for page in pdf.pages:
                pages.append(_page_lines(page))
                page.close()
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise Refused("error", "ingest.pdf_encrypted") from error
        raise Refused("error", "ingest.pdf_corrupt", error=describe(cause)) from error
    except OSError:
        raise
    except Exception as error:  # pdfminer raises almost anything on a damaged file
        raise Refused("error", "ingest.pdf_corrupt", error=describe(error)) from error
    blank = sum(1 for page in pages if not page.lines)
    if blank == len(pages):
        raise Refused("skipped", "ingest.pdf_no_text")
    running = _running_lines([page.lines for page in pages])
    lines = [line for page in pages for line in _strip_running(page, running)]
    text = "\n\n".join(paragraphs(lines))
    warnings = (message("ingest.pdf_pages_no_text", count=blank, total=len(pages)),) if blank else ()
    return Extracted(text=text, title=title, warnings=warnings)


def _pdf_title(metadata: dict[str, Any]) -> str | None:
    """The document-information Title, when it holds more than white space."""
    title = metadata.get("Title")
    if isinstance(title, bytes):
        title = title.decode("utf-16") if title.startswith(codecs.BOM_UTF16_BE) else title.decode("latin-1")
    if not isinstance(title, str):
        return None
    return " ".join(title.split()) or None


def _page_lines(page: Any) -> _Page:
    """The text lines of one pdfplumber page, in reading order."""
    words = page.extract_words(
        x_tolerance_ratio=_PDF_X_TOLERANCE_RATIO, y_tolerance=Y_TOLERANCE, extra_attrs=["size", "fontname"]
    )
    lines = page_lines([w for w in words if w["text"].strip()], float(page.width))
    return _Page(lines, float(page.height))


def _line_key(text: str) -> str:
    """A line compared for repetition: digits and spacing ignored, so "Page 3" equals "Page 4"."""
    return " ".join(re.sub(r"\d+", "#", text).split()).casefold()


def _running_lines(pages: list[list[Line]]) -> frozenset[str]:
    """Keys of lines that stand among the first or last lines of most pages: headers and footers.

    "Most" is more than half of the pages, and at least two, so a one-page
    document keeps everything and a cover page without a header does not
    save the header of the pages after it.
    """
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = lines[:_PDF_EDGE_LINES] + lines[-_PDF_EDGE_LINES:]
        counts.update({_line_key(line.text) for line in edges})
    return frozenset(key for key, n in counts.items() if n >= 2 and n > len(pages) / 2)


def _strip_running(page: _Page, running: frozenset[str]) -> list[Line]:
    """A page's lines without its running headers and footers and its page number.

    Only the lines at the page's ends are looked at (the body keeps its own).
    A page number is dropped even in a one-page document, where nothing can
    repeat, when it stands alone in the top or bottom band of the page. A page
    whose every line looks running is kept whole: headers and footers frame a
    body, and pages of one short line each that differ only by their digits
    ("Item 3 of 200") are that body, not a frame around nothing.
    """
    lines = page.lines
    last = len(lines) - _PDF_EDGE_LINES
    kept = [
        line
        for i, line in enumerate(lines)
        if _PDF_EDGE_LINES <= i < last or not (_line_key(line.text) in running or _page_number(line, page))
    ]
    return kept or lines


def _page_number(line: Line, page: _Page) -> bool:
    """Is ``line`` a page number standing in the top or bottom margin band?"""
    in_band = line.bottom < _PDF_MARGIN_BAND * page.height or line.top > (1 - _PDF_MARGIN_BAND) * page.height
    return in_band and _PAGE_NUMBER.fullmatch(line.text.strip()) is not None
