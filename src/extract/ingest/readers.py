"""Ingest: files in, decoded text out, one :class:`Ingested` record per file.

A folder of press releases collected by hand holds anything: legacy encodings,
scanned PDFs, web pages saved with their menus, stray binaries, broken links. A
run must go past every bad file and say why it did, so :func:`ingest` never
raises for a file's content: it returns status ``skipped`` (nothing to extract,
by design) or ``error`` (the file is broken or cannot be read), with a message
from :mod:`extract.core.errors` that a person can act on.

Gold offsets are character offsets into the file's own text with ``\\n`` line
ends, so plain text is decoded and nothing else: no stripping, no Unicode
normalisation. PDF and HTML text is rebuilt by the extractors, so it has no such
contract; it is shaped for reading instead (paragraphs as blocks, running
headers and footers dropped, hyphenated words re-joined).
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import itertools
import logging
import os
import re
import stat
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.core.errors import ExtractError, message

#: File suffix (lower case) -> the format name written to ``documents.format``.
FORMATS_BY_SUFFIX: dict[str, str] = {".txt": "txt", ".pdf": "pdf", ".html": "html", ".htm": "html"}

# pdfminer logs a warning for every harmless defect of a PDF (missing CropBox,
# odd fonts); at the CLI's INFO level they would bury the run's own report.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Ingested:
    """One file after ingest: its decoded text, or the reason it has none.

    ``message`` is the reason for a skip or error, or the warnings of an ``ok``
    document joined by "; " (for the documents table, which has one message
    column); ``warnings`` keeps them apart for the run's report.
    """

    path: str  # relative to the raw folder, "/" separators
    sha256: str  # of the file's bytes; "" when they were not read
    format: str  # txt | pdf | html, else the lower-case suffix without its dot
    title: str | None
    text: str  # "" unless status is "ok"
    status: str  # ok | skipped | error
    message: str | None
    warnings: tuple[str, ...] = ()


class _Refused(Exception):
    """A file's content cannot give text: carries the status of its row; ``str()`` is the message."""

    def __init__(self, status: str, key: str, **fields: object) -> None:
        super().__init__(message(key, **fields))
        self.status = status


@dataclass(frozen=True)
class _Extracted:
    """What a format's reader returns for a file that gives text."""

    text: str
    title: str | None = None
    warnings: tuple[str, ...] = ()


# --- discovery -------------------------------------------------------------------


def discover(root: Path) -> list[Path]:
    """Every non-hidden file under ``root``, sorted by relative POSIX path.

    Symbolic links to folders are followed, since collections are often
    assembled with links, but a link back to a folder it stands in (a loop)
    is not entered: it is returned as an entry, so that :func:`ingest` reports
    it as a row instead of the walk hanging or the link vanishing silently.
    Broken links and sub-folders that cannot be listed are returned likewise.
    Unsupported files are returned too: the run lists them as skipped, so a
    user sees that a ``.docx`` was not read rather than wondering where it went.
    """
    if not root.exists():
        raise ExtractError("run.no_raw", path=root)
    try:
        entries = list(os.scandir(root))
    except OSError as error:
        raise ExtractError("ingest.root_unreadable", path=root, error=error.strerror or error) from error
    found: list[Path] = []
    _walk(entries, ancestors=frozenset({_folder_key(root)}), found=found)
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def _walk(
    entries: Iterable[os.DirEntry[str]], *, ancestors: frozenset[tuple[int, int]], found: list[Path]
) -> None:
    """Collect the files below ``entries``; ``ancestors`` are the folders being walked (for loops)."""
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        key = _folder_key(path)
        if key is None or key in ancestors:
            found.append(path)
            continue
        try:
            children = list(os.scandir(path))
        except OSError:
            found.append(path)
            continue
        _walk(children, ancestors=ancestors | {key}, found=found)


def _folder_key(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the folder ``path`` leads to, or None when it is no folder."""
    try:
        info = path.stat()
    except OSError:  # broken link or link loop
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else None


# --- one file ----------------------------------------------------------------------


def doc_id_for(relpath: str) -> str:
    """A document's stable ID: the first 16 hex digits of the SHA-256 of its relative POSIX path.

    The path, not the content, so that a corrected file keeps its ID and its
    rows can be compared between runs.
    """
    return hashlib.sha256(relpath.encode("utf-8")).hexdigest()[:16]


def ingest(path: Path, root: Path, *, max_file_bytes: int = 200_000_000) -> Ingested:
    """Read and decode one file found under ``root``; never raises for a bad file."""
    rel = path.relative_to(root).as_posix()
    # A name in no valid UTF-8 cannot go into a Parquet string: show it readably.
    rel = rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    suffix = path.suffix.lower()
    fmt = FORMATS_BY_SUFFIX.get(suffix, suffix.lstrip("."))

    def row(status: str, msg: str | None, *, sha256: str = "", found: _Extracted | None = None) -> Ingested:
        found = found or _Extracted(text="")
        return Ingested(rel, sha256, fmt, found.title, found.text, status, msg, found.warnings)

    if path.is_symlink() and (not path.exists() or path.is_dir()):
        # is_dir here means discover() found a link back into its own folders.
        return row("error", message("ingest.symlink_loop"))
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            os.listdir(path)  # discover() returns a folder it could not list: say why
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    except OSError as error:
        return row("error", message("ingest.unreadable", error=error.strerror or error))
    if not stat.S_ISREG(info.st_mode):
        # A pipe blocks the read until a writer comes, and a device such as
        # /dev/zero never ends: neither is a document, so neither is opened.
        return row("error", message("ingest.not_regular", kind=_file_kind(info.st_mode)))
    if info.st_size > max_file_bytes:
        # Skipped before hashing: reading a file that is refused for its size
        # would cost what the limit is there to avoid.
        return row("skipped", message("ingest.too_large", size=info.st_size, limit=max_file_bytes))
    try:
        sha256 = _file_sha256(path)
    except OSError as error:
        return row("error", message("ingest.unreadable", error=error.strerror or error))
    reader = _READERS.get(fmt)
    if reader is None:
        return row("skipped", message("ingest.unsupported", suffix=path.suffix or "(none)"), sha256=sha256)
    if info.st_size == 0:
        return row("skipped", message("ingest.empty"), sha256=sha256)
    try:
        found = reader(path)
    except _Refused as refused:
        return row(refused.status, str(refused), sha256=sha256)
    except OSError as error:
        return row("error", message("ingest.unreadable", error=error.strerror or error), sha256=sha256)
    except Exception as error:  # a reader's own failure (a library missing or broken) stops one file only
        failure = message("ingest.reader_failed", format=fmt, error=_describe(error))
        return row("error", failure, sha256=sha256)
    text = found.text.replace("\r\n", "\n").replace("\r", "\n")
    found = _Extracted(text=text, title=found.title, warnings=found.warnings)
    return row("ok", "; ".join(found.warnings) or None, sha256=sha256, found=found)


def _file_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, in words."""
    kinds = (
        (stat.S_ISFIFO, "named pipe"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    )
    return next((name for is_kind, name in kinds if is_kind(mode)), "special file")


def _file_sha256(path: Path) -> str:
    """SHA-256 of the file's bytes, read in chunks so a large PDF is never held whole."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


# --- plain text --------------------------------------------------------------------


def read_text(path: Path) -> _Extracted:
    """The text of a .txt file: decoded, line ends normalised, otherwise as in the file."""
    text, warning = decode_text(path.read_bytes())
    if not text.strip():
        raise _Refused("skipped", "ingest.whitespace")
    return _Extracted(text=text, warnings=(warning,) if warning else ())


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode a text file's bytes; return the text and a warning when the decoding was a guess.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are certain. Anything
    else was most likely written by an old Windows program, hence cp1252,
    then latin-1, which decodes any byte; the warning tells the user to check.
    NUL bytes never occur in 8-bit text, so they mark a binary file.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
        if text is not None and "\x00" not in text:
            return text, message("ingest.utf16")
    if b"\x00" in data:
        raise _Refused("skipped", "ingest.binary")
    text, encoding = _decode_cascade(data, "utf-8-sig")
    return text, None if encoding == "utf-8-sig" else message("ingest.legacy_encoding", encoding=encoding)


def _decode_cascade(data: bytes, first: str) -> tuple[str, str]:
    """Decode with ``first``, else cp1252, else latin-1; return the text and the codec used."""
    for encoding in (first, "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


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


def read_pdf(path: Path) -> _Extracted:
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
            raise _Refused("error", "ingest.pdf_encrypted") from error
        raise _Refused("error", "ingest.pdf_corrupt", error=_describe(cause)) from error
    except OSError:
        raise
    except Exception as error:  # pdfminer raises almost anything on a damaged file
        raise _Refused("error", "ingest.pdf_corrupt", error=_describe(error)) from error
    blank = sum(1 for lines in pages if not lines)
    if blank == len(pages):
        raise _Refused("skipped", "ingest.pdf_no_text")
    running = _running_lines(pages)
    blocks = [_page_text(_strip_running(lines, running)) for lines in pages]
    text = "\n\n".join(block for block in blocks if block)
    warnings = (message("ingest.pdf_pages_no_text", count=blank, total=len(pages)),) if blank else ()
    return _Extracted(text=text, title=title, warnings=warnings)


def _describe(error: BaseException) -> str:
    """An exception as "Type: detail", readable in a one-line message."""
    detail = " ".join(str(error).split())  # one line: the message goes into a log line and a cell
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


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


# --- HTML --------------------------------------------------------------------------

#: Where a page declares its encoding: <meta charset=...>, <meta http-equiv ... charset=...>,
#: or an XML declaration; browsers look in the first 1024 bytes, we allow some more.
_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)|<\?xml[^>]*encoding\s*=\s*["']([-\w.:]+)""", re.I
)
_CHARSET_WINDOW = 4096
#: Declared charsets that browsers read differently (WHATWG Encoding Standard):
#: "latin-1" pages are in fact cp1252, and a UTF-16 label readable as ASCII is a lie.
_CHARSET_ALIASES = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}


def read_html(path: Path) -> _Extracted:
    """The main text of a web page, paragraphs as "\\n\\n"-separated blocks, and its title.

    trafilatura drops menus, footers and sidebars; favouring precision would
    also drop short paragraphs such as datelines and press contacts, which the
    guidelines annotate, so it stays off.
    """
    html, warning = decode_html(path.read_bytes())
    import trafilatura  # imported here: it is slow to load and only HTML needs it

    try:
        document = trafilatura.bare_extraction(
            html, include_comments=False, favor_precision=False, with_metadata=True
        )
    except Exception as error:  # lxml and trafilatura raise on pages they cannot parse
        raise _Refused("error", "ingest.html_failed", error=_describe(error)) from error
    body = getattr(document, "body", None)
    text = "\n\n".join(_block_text(block) for block in body) if body is not None else ""
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise _Refused("skipped", "ingest.html_no_text")
    title = " ".join((document.title or "").split()) or None
    return _Extracted(text=text, title=title, warnings=(warning,) if warning else ())


def decode_html(data: bytes) -> tuple[str, str | None]:
    """Decode a page's bytes as it declares (BOM, then meta charset), UTF-8 when it does not.

    Returns the text and a warning when the declared (or default) encoding
    failed and a fallback was used.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), None
    declared = "utf-8-sig"
    match = _CHARSET.search(data[:_CHARSET_WINDOW])
    if match and not data.startswith(codecs.BOM_UTF8):
        label = (match.group(1) or match.group(2)).decode("ascii")
        try:
            name = codecs.lookup(label).name
            declared = _CHARSET_ALIASES.get(name, name)
        except LookupError:
            pass
    text, used = _decode_cascade(data, declared)
    return text, None if used == declared else message("ingest.legacy_encoding", encoding=used)


#: trafilatura's output elements whose children are lines, and the join of their parts.
_LINE_CONTAINERS: dict[str, Callable[[Any], Iterable[Any]]] = {
    "list": lambda element: (child for child in element if child.tag == "item"),
    "table": lambda element: (child for child in element if child.tag == "row"),
}


def _block_text(element: Any) -> str:
    """One block of trafilatura's output tree as text: list items and table rows on their own lines."""
    if element.tag in _LINE_CONTAINERS:
        return "\n".join(_block_text(child) for child in _LINE_CONTAINERS[element.tag](element))
    if element.tag == "row":
        return "\t".join(_clean(_inline_text(cell)) for cell in element if cell.tag == "cell")
    return _clean(_inline_text(element))


def _inline_text(element: Any) -> str:
    """The text of an element, line breaks (<lb/>) kept and nested lists or tables as their own lines."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _LINE_CONTAINERS:
            parts.append("\n" + _block_text(child) + "\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    """Runs of spaces collapsed and empty lines dropped: markup leaves both behind."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


#: Format name -> the reader that turns a file of that format into text.
_READERS: dict[str, Callable[[Path], _Extracted]] = {"txt": read_text, "pdf": read_pdf, "html": read_html}
