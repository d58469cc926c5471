"""PDF files through pdfplumber: reading order, running headers and footers dropped, hyphens re-joined."""

from __future__ import annotations

import codecs
import itertools
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.core.errors import message
from extract.ingest.extracted import Extracted, Refused, describe

# pdfminer logs a warning for every harmless defect of a PDF (missing CropBox,
# odd fonts); at the CLI's INFO level they would bury the run's own report.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


# --- PDF ---------------------------------------------------------------------------

#: Word building: a gap wider than this share of the font size separates words,
#: so small print keeps its spaces and large titles do not split.
_PDF_X_TOLERANCE_RATIO = 0.2
#: Characters whose tops differ by less than this (points) share a line.
_PDF_Y_TOLERANCE = 3
#: Lines at each end of a page that may be a running header or footer.
_PDF_EDGE_LINES = 2
#: A vertical gap above a line larger than this many times the page's tightest
#: gap between lines (its leading), and than this share of the line height,
#: starts a new paragraph. The tightest gap, not the median: in a short page
#: of few lines the paragraph gaps would pull a median up to their own size.
_PDF_PARAGRAPH_GAP_FACTOR = 2.0
_PDF_PARAGRAPH_GAP_MIN = 0.5
#: Line-end characters that split a word in two.
_HYPHENS = ("-", "\u2010")
_SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True)
class _Line:
    """One text line of a PDF page, with the vertical extent used to find paragraphs."""

    text: str
    top: float
    bottom: float


def read_pdf(path: Path) -> Extracted:
    """The text of a PDF: paragraphs as blocks, running headers and footers dropped.

    Pages are read one at a time and their layout caches dropped at once, so
    memory stays bounded by the longest page, not by the number of pages.
    """
    import pdfplumber  # imported here: it is slow to load and only PDFs need it
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    pages: list[list[_Line]] = []
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
    blank = sum(1 for lines in pages if not lines)
    if blank == len(pages):
        raise Refused("skipped", "ingest.pdf_no_text")
    running = _running_lines(pages)
    blocks = [_page_text(_strip_running(lines, running)) for lines in pages]
    text = "\n\n".join(block for block in blocks if block)
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


def _page_lines(page: Any) -> list[_Line]:
    """The text lines of one pdfplumber page, top to bottom."""
    lines = page.extract_text_lines(
        return_chars=False,
        x_tolerance_ratio=_PDF_X_TOLERANCE_RATIO,
        y_tolerance=_PDF_Y_TOLERANCE,
    )
    return [_Line(line["text"], line["top"], line["bottom"]) for line in lines if line["text"].strip()]


def _line_key(text: str) -> str:
    """A line compared for repetition: digits and spacing ignored, so "Page 3" equals "Page 4"."""
    return " ".join(re.sub(r"\d+", "#", text).split()).casefold()


def _running_lines(pages: list[list[_Line]]) -> frozenset[str]:
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


def _strip_running(lines: list[_Line], running: frozenset[str]) -> list[_Line]:
    """``lines`` without the running headers and footers at the page's ends (the body keeps its own).

    A page whose every line looks running is kept whole: headers and footers
    frame a body, and pages of one short line each that differ only by their
    digits ("Item 3 of 200") are that body, not a frame around nothing.
    """
    last = len(lines) - _PDF_EDGE_LINES
    kept = [
        line
        for i, line in enumerate(lines)
        if _PDF_EDGE_LINES <= i < last or _line_key(line.text) not in running
    ]
    return kept or lines


def _page_text(lines: list[_Line]) -> str:
    """A page's lines as text: lines of a paragraph joined by "\\n", paragraphs by "\\n\\n"."""
    if not lines:
        return ""
    gaps = [line.top - before.bottom for before, line in itertools.pairwise(lines)]
    leading = max(min(gaps), 0.0) if gaps else 0.0
    height = statistics.median(line.bottom - line.top for line in lines)
    threshold = max(_PDF_PARAGRAPH_GAP_FACTOR * leading, _PDF_PARAGRAPH_GAP_MIN * height)
    paragraphs: list[list[str]] = [[lines[0].text]]
    for gap, line in zip(gaps, lines[1:], strict=True):
        if gap > threshold:
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
    return "\n\n".join(join_hyphenated(paragraph) for paragraph in paragraphs)


def join_hyphenated(lines: list[str]) -> str:
    """Lines of one paragraph joined by "\\n", with words split at a line end made whole.

    "coopera-" + "tion" gives "cooperation". When the next line starts with a
    capital or a digit the hyphen is part of the word ("Jean-" + "Yves" gives
    "Jean-Yves", "2016-" + "2017" gives "2016-2017"), so it is kept. A soft
    hyphen is only ever a break, so it always goes.
    """
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        starts_word = line[:1].isalnum()
        if previous.endswith(_SOFT_HYPHEN) and starts_word:
            out[-1] = previous[:-1] + line
        elif previous.endswith(_HYPHENS) and previous[-2:-1].isalnum() and starts_word:
            out[-1] = (previous[:-1] if line[0].islower() else previous) + line
        else:
            out.append(line)
    return "\n".join(out)
