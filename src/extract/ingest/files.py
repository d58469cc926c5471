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

import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from extract.core.errors import ExtractError, message
from extract.ingest.extracted import Extracted, Refused, describe
from extract.ingest.html import read_html
from extract.ingest.mail import email_attachments, read_eml
from extract.ingest.pdf import read_pdf
from extract.ingest.plain import read_text
from extract.ingest.word import read_docx

#: File suffix (lower case) -> the format name written to ``documents.format``.
FORMATS_BY_SUFFIX: dict[str, str] = {
    ".txt": "txt",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".eml": "eml",
}


@dataclass(frozen=True)
class Ingested:
    """One file after ingest: its decoded text, or the reason it has none.

    ``message`` is the reason for a skip or error, or the warnings of an ``ok``
    document joined by "; " (for the documents table, which has one message
    column); ``warnings`` keeps them apart for the run's report.
    """

    path: str  # relative to the raw folder, "/" separators
    sha256: str  # of the file's bytes; "" when they were not read
    format: str  # txt | pdf | html | docx | eml, else the lower-case suffix without its dot
    title: str | None
    text: str  # "" unless status is "ok"
    status: str  # ok | skipped | error
    message: str | None
    warnings: tuple[str, ...] = ()
    doc_id: str = ""  # of the raw bytes of the path (doc_id_for); "" for a row built by hand


# --- discovery -------------------------------------------------------------------


def discover(root: Path, *, skip: Iterable[Path] = ()) -> list[Path]:
    """Every non-hidden file under ``root``, sorted by relative POSIX path.

    Folders of ``skip`` (the run's output and work folders) are not entered, so an output folder
    inside the raw folder never has its own tables read back as documents.

    Symbolic links to folders are followed, since collections are often
    assembled with links, but a link back to a folder it stands in (a loop)
    is not entered: it is returned as an entry, so that :func:`ingest` reports
    it as a row instead of the walk hanging or the link vanishing silently.
    Broken links and sub-folders that cannot be listed are returned likewise.
    Unsupported files are returned too: the run lists them as skipped, so a
    user sees that a ``.doc`` was not read rather than wondering where it went.
    """
    if not root.exists():
        raise ExtractError("run.no_raw", path=root)
    try:
        entries = list(os.scandir(root))
    except OSError as error:
        raise ExtractError("ingest.root_unreadable", path=root, error=error.strerror or error) from error
    found: list[Path] = []
    skipped = frozenset(key for key in map(_folder_key, skip) if key is not None)
    _walk(entries, ancestors=frozenset({_folder_key(root)}), found=found, skip=skipped)
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def _walk(
    entries: Iterable[os.DirEntry[str]],
    *,
    ancestors: frozenset[tuple[int, int]],
    found: list[Path],
    skip: frozenset[tuple[int, int]] = frozenset(),
) -> None:
    """Collect the files below ``entries``; ``ancestors`` are the folders being walked (for loops),
    ``skip`` the folders never entered."""
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        key = _folder_key(path)
        if key is not None and key in skip:
            continue
        if key is None or key in ancestors:
            found.append(path)
            continue
        try:
            children = list(os.scandir(path))
        except OSError:
            found.append(path)
            continue
        _walk(children, ancestors=ancestors | {key}, found=found, skip=skip)


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
    rows can be compared between runs. The path's raw bytes (``os.fsencode``), not its readable form:
    two names that differ only in bytes that are not UTF-8 get two IDs, and a UTF-8 name the same ID as
    its UTF-8 encoding.
    """
    try:
        raw = os.fsencode(relpath)
    except UnicodeEncodeError:  # a lone surrogate that no file name's bytes decode to
        raw = relpath.encode("utf-8", "surrogatepass")
    return hashlib.sha256(raw).hexdigest()[:16]


def ingest(path: Path, root: Path, *, max_file_bytes: int = 200_000_000) -> Ingested:
    """Read and decode one file found under ``root``; never raises for a bad file."""
    raw_rel = path.relative_to(root).as_posix()
    # A name in no valid UTF-8 cannot go into a Parquet string: show it readably (the ID keeps its bytes).
    rel = raw_rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    suffix = path.suffix.lower()
    fmt = FORMATS_BY_SUFFIX.get(suffix, suffix.lstrip("."))

    def row(status: str, msg: str | None, *, sha256: str = "", found: Extracted | None = None) -> Ingested:
        found = found or Extracted(text="")
        return Ingested(
            rel, sha256, fmt, found.title, found.text, status, msg, found.warnings, doc_id_for(raw_rel)
        )

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
    reader = READERS.get(fmt)
    if reader is None:
        return row("skipped", message("ingest.unsupported", suffix=path.suffix or "(none)"), sha256=sha256)
    if info.st_size == 0:
        return row("skipped", message("ingest.empty"), sha256=sha256)
    try:
        found = reader(path)
    except Refused as refused:
        said = Extracted(text="", warnings=refused.warnings)
        return row(refused.status, str(refused), sha256=sha256, found=said)
    except OSError as error:
        return row("error", message("ingest.unreadable", error=error.strerror or error), sha256=sha256)
    except Exception as error:  # a reader's own failure (a library missing or broken) stops one file only
        failure = message("ingest.reader_failed", format=fmt, error=describe(error))
        return row("error", failure, sha256=sha256)
    text = found.text.replace("\r\n", "\n").replace("\r", "\n")
    found = Extracted(text=text, title=found.title, warnings=found.warnings)
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


#: The reader of each supported format.
READERS: dict[str, Callable[[Path], Extracted]] = {
    "txt": read_text,
    "pdf": read_pdf,
    "html": read_html,
    "docx": read_docx,
    "eml": read_eml,
}

#: Formats whose files carry other documents: (file name, bytes) of each, read as documents of their own.
CONTAINERS: dict[str, Callable[[Path], list[tuple[str, bytes]]]] = {"eml": email_attachments}


def ingest_all(path: Path, root: Path, *, max_file_bytes: int = 200_000_000) -> list[Ingested]:
    """:func:`ingest` of one file, then of each document it carries (an e-mail's attached PDF).

    A carried document's path is the file's with ``#`` and its name (``message.eml#release.pdf``), so
    its ID is stable and a user sees where it came from. It is read by its own format's reader, so it
    is refused, skipped or warned about as the same file found in the folder would be.
    """
    first = ingest(path, root, max_file_bytes=max_file_bytes)
    container = CONTAINERS.get(first.format)
    if container is None or not first.sha256:
        return [first]
    try:
        carried = container(path)
    except Exception:  # the message itself could not be parsed: its own row already says so
        return [first]
    rows = [first]
    with tempfile.TemporaryDirectory(prefix="extract-attached-") as folder:
        for name, data in carried:
            inner = Path(folder) / name
            inner.write_bytes(data)
            document = ingest(inner, Path(folder), max_file_bytes=max_file_bytes)
            carried_rel = f"{path.relative_to(root).as_posix()}#{name}"
            rows.append(replace(document, path=f"{first.path}#{name}", doc_id=doc_id_for(carried_rel)))
            inner.unlink()
    return rows


def container_of(relpath: str) -> str:
    """The path of the file a document comes from: itself, or the message it was attached to."""
    head, sep, _ = relpath.partition(".eml#")
    return head + ".eml" if sep else relpath
