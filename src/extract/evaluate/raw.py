"""The text a gold file's offsets count in: its raw file read by ingest, as ``documents.text`` holds it.

Gold offsets are character offsets into ``documents.text``: for a ``.txt`` its decoded characters, for
a PDF, a web page, a Word file or an e-mail the text its reader rebuilds. The gold tools (check,
export, agree) therefore read a raw file with the very ingest code of a run (:func:`ingest_all`, the
default settings), so their offsets are the pipeline's for every format; reading a PDF's bytes as
UTF-8, or a web page's source, would put every offset somewhere else.
"""

from __future__ import annotations

from pathlib import Path

from extract.core.errors import message
from extract.core.settings import load_settings
from extract.ingest.files import container_of, ingest_all


class NoText(Exception):
    """A gold file's raw document cannot be had: not found, or ingest gives it no text; ``str()`` says why."""


def find_raw(raw_dir: Path, doc: str) -> Path | None:
    """The file a gold ``doc`` comes from: ``raw_dir/doc``, else the first file of that name below it.

    A document attached to an e-mail (``message.eml#release.pdf``) comes from its message.
    """
    source = container_of(doc)
    direct = raw_dir / source
    if direct.is_file():
        return direct
    return next(iter(sorted(p for p in raw_dir.rglob(Path(source).name) if p.is_file())), None)


def raw_text(raw_dir: Path, doc: str) -> str:
    """The ``documents.text`` of gold ``doc`` under ``raw_dir``; raise :class:`NoText` when there is none."""
    path = find_raw(raw_dir, doc)
    if path is None:
        raise NoText(message("gold.raw_missing", doc=doc, raw=raw_dir))
    return document_text(path, doc)


def document_text(path: Path, doc: str | None = None) -> str:
    """The ``documents.text`` ingest gives the file ``path`` (or the document ``doc`` attached to it).

    Raises :class:`NoText` when ingest skips or refuses it (a scanned PDF, a page with no main text).
    """
    settings = load_settings()
    attached = doc[len(container_of(doc)) :] if doc else ""  # "#release.pdf", or ""
    wanted = path.name + attached
    rows = ingest_all(path, path.parent, max_file_bytes=settings.ingest_max_file_bytes)
    found = next((row for row in rows if row.path == wanted), None)
    if found is None:
        raise NoText(message("gold.raw_missing", doc=wanted, raw=path))
    if found.status != "ok":
        raise NoText(
            message("gold.raw_no_text", raw=path, status=found.status, reason=found.message or "no text")
        )
    return found.text
