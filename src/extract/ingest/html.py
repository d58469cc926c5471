"""Web pages through trafilatura: the main text without menus and footers, and the page's title."""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from extract.core.errors import message
from extract.ingest.extracted import Extracted, Refused, describe
from extract.ingest.plain import decode_cascade

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


def read_html(path: Path) -> Extracted:
    """The main text of a web page, paragraphs as "\\n\\n"-separated blocks, and its title.

    trafilatura drops menus, footers and sidebars; favouring precision would
    also drop short paragraphs such as datelines and press contacts, which the
    guidelines annotate, so it stays off.
    """
    html, warning = decode_html(path.read_bytes())
    try:
        found = html_text(html)
    except Refused as refused:
        refused.warnings = ((warning,) if warning else ()) + refused.warnings
        raise
    warnings = ((warning,) if warning else ()) + found.warnings
    return Extracted(text=found.text, title=found.title, warnings=warnings)


def html_text(html: str) -> Extracted:
    """The main text and title of a decoded page (also an e-mail's HTML part): see :func:`read_html`.

    trafilatura's own log lines (warnings and errors) become one warning of the page, so that the run
    reports them by the file's path, on one line, instead of as lines that name no file.
    """
    import trafilatura  # imported here: it is slow to load and only HTML needs it

    with _library_lines() as lines:
        try:
            document = trafilatura.bare_extraction(
                html, include_comments=False, favor_precision=False, with_metadata=True
            )
        except Exception as error:  # lxml and trafilatura raise on pages they cannot parse
            failure = describe(error)
        else:
            failure = None
    said = (message("ingest.library_said", library="trafilatura", lines="; ".join(lines)),) if lines else ()
    if failure is not None:
        raise Refused("error", "ingest.html_failed", error=failure, warnings=said)
    body = getattr(document, "body", None)
    text = "\n\n".join(_block_text(block) for block in body) if body is not None else ""
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise Refused("skipped", "ingest.html_no_text", warnings=said)
    title = " ".join((document.title or "").split()) or None
    return Extracted(text=text, title=title, warnings=said)


#: The loggers of trafilatura and of the libraries it calls: their lines name no file.
_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


class _Lines(logging.Handler):
    """Keeps the text of each warning or error logged to it, once, on one line."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        line = " ".join(record.getMessage().split())
        if line not in self.lines:
            self.lines.append(line)


@contextmanager
def _library_lines() -> Iterator[list[str]]:
    """The warnings and errors trafilatura logs inside the block, held back from the terminal.

    The caller turns them into the page's warnings; a page is read in one thread at a time, so no line
    of another page can slip in.
    """
    handler = _Lines()
    loggers = [logging.getLogger(name) for name in _LIBRARY_LOGGERS]
    before = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
    try:
        yield handler.lines
    finally:
        for logger, propagate in zip(loggers, before, strict=True):
            logger.removeHandler(handler)
            logger.propagate = propagate


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
    text, used = decode_cascade(data, declared)
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
