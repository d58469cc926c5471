"""Word files (.docx) through python-docx: the body's paragraphs and tables in order, nothing around them.

Headers, footers and comments live in parts of their own, so reading the body leaves them out. Tracked
changes are read as accepted: a deletion (``w:del``) is left out and an insertion (``w:ins``) kept, which
is what the author means the release to say. python-docx's ``Paragraph.text`` reads only the runs that
are the paragraph's own children and so would lose inserted text; the text is read from the XML instead.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extract.ingest.extracted import Extracted, Refused, describe

#: An OLE compound file: what an encrypted .docx (or an old .doc renamed) is, instead of a zip.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Elements of a paragraph that give text, and the text each gives ("t" gives its own).
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def read_docx(path: Path) -> Extracted:
    """A Word file's text: paragraphs and tables as blocks; title from a heading or the properties."""
    with path.open("rb") as handle:
        if handle.read(len(_OLE_MAGIC)) == _OLE_MAGIC:
            raise Refused("error", "ingest.docx_encrypted")
    if not zipfile.is_zipfile(path):  # python-docx would say "package not found" with the full path
        raise Refused("error", "ingest.docx_corrupt", error="not a zip archive")
    import docx  # imported here: only Word files need it

    try:
        document = docx.Document(str(path))
    except Exception as error:  # a damaged zip or package raises from zipfile, lxml or python-docx
        raise Refused("error", "ingest.docx_corrupt", error=describe(error)) from error
    blocks: list[str] = []
    title: str | None = None
    for kind, element in _body_blocks(document.element.body):
        if kind == "table":
            rows = ("\t".join(_cell_text(cell) for cell in row) for row in _rows(element))
            text = "\n".join(row for row in rows if row.strip())
        else:
            text = _paragraph_text(element)
            if title is None and text and _is_heading(element, document):
                title = text
        if text.strip():
            blocks.append(text.strip())
    if not blocks:
        raise Refused("skipped", "ingest.docx_no_text")
    if title is None:
        title = " ".join((document.core_properties.title or "").split()) or None
    return Extracted(text="\n\n".join(blocks), title=title)


def _body_blocks(container: Any) -> Iterator[tuple[str, Any]]:
    """("paragraph" | "table", element) in document order; content controls are looked into."""
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield "paragraph", child
        elif child.tag == f"{_W}tbl":
            yield "table", child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)


def _rows(table: Any) -> Iterator[list[Any]]:
    """The rows of a table, each a list of its cells."""
    for row in table.iterchildren(f"{_W}tr"):
        yield list(row.iterchildren(f"{_W}tc"))


def _cell_text(cell: Any) -> str:
    """A table cell's paragraphs on one line: a row is read as one line of cells."""
    return " ".join(filter(None, (_paragraph_text(p) for p in cell.iter(f"{_W}p"))))


def _paragraph_text(paragraph: Any) -> str:
    """A paragraph's text with tracked deletions left out and insertions kept."""
    parts = []
    for element in paragraph.iter(*_RUN_TEXT):
        if any(ancestor.tag == f"{_W}del" for ancestor in element.iterancestors()):
            continue
        parts.append((element.text or "") if _RUN_TEXT[element.tag] is None else _RUN_TEXT[element.tag])
    return " ".join("".join(parts).split(" ")).strip()


def _is_heading(paragraph: Any, document: Any) -> bool:
    """Does the paragraph carry a Title or Heading style?"""
    from docx.text.paragraph import Paragraph

    try:
        name = Paragraph(paragraph, document.part).style.name or ""
    except (KeyError, ValueError, AttributeError):
        return False
    return name == "Title" or name.startswith("Heading")
