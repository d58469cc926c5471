"""Plain text files: decoded, and nothing else, so that gold offsets into the file's text line up.

UTF-8 (with or without BOM) and UTF-16 with a BOM are certain; anything else is decoded as cp1252 or
latin-1 with a warning the user sees.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from extract.core.errors import message
from extract.ingest.extracted import Extracted, Refused

# --- plain text --------------------------------------------------------------------


def read_text(path: Path) -> Extracted:
    """The text of a .txt file: decoded, line ends normalised, otherwise as in the file."""
    text, warning = decode_text(path.read_bytes())
    if not text.strip():
        raise Refused("skipped", "ingest.whitespace")
    return Extracted(text=text, warnings=(warning,) if warning else ())


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
        raise Refused("skipped", "ingest.binary")
    text, encoding = decode_cascade(data, "utf-8-sig")
    return text, None if encoding == "utf-8-sig" else message("ingest.legacy_encoding", encoding=encoding)


def decode_cascade(data: bytes, first: str) -> tuple[str, str]:
    """Decode with ``first``, else cp1252, else latin-1; return the text and the codec used."""
    for encoding in (first, "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"
