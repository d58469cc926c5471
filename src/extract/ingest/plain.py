"""Plain text files: decoded, and nothing else, so that gold offsets into the file's text line up.

UTF-8 (with or without BOM) and UTF-16 with a BOM are certain; anything else is decoded as cp1252 or
latin-1 with a warning the user sees.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from pathlib import Path

from extract.core.errors import ExtractError, message
from extract.ingest.extracted import Extracted, Refused
from extract.languages.registry import read_json

# --- plain text --------------------------------------------------------------------


def read_text(path: Path) -> Extracted:
    """The text of a .txt file: decoded, line ends normalised, otherwise as in the file."""
    text, warning = decode_text(path.read_bytes())
    if not text.strip():
        raise Refused("skipped", "ingest.whitespace")
    return Extracted(text=text, title=headline(text), warnings=(warning,) if warning else ())


#: A headline is a short line; a longer first line is the text's first sentence.
HEADLINE_MAX_CHARS = 160
#: How many opening lines may be release labels ("FOR IMMEDIATE RELEASE") before the headline.
HEADLINE_SEARCH_LINES = 3
#: A dateline ("Villejuif / Lyon, le 17 décembre 2020", "Tuesday, September 18, 2007"): a short line with
#: a year after a comma or dash, which opens a release but is no title.
_DATELINE = re.compile(r"^(?:\S+\s+){0,8}?\S*[,–—-]\s*(?:\S+\s+){0,5}?\S*\b(?:1[89]|20)\d\d\b\S*$")


def headline(text: str) -> str | None:
    """The text's title: its first line when that reads as a headline (short, no sentence stop, more text
    after it), after any release label ("COMMUNIQUÉ DE PRESSE", patterns in ``data/boilerplate.json``)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines[:HEADLINE_SEARCH_LINES]):
        if any(label.fullmatch(line) for label in _release_labels()) or _DATELINE.search(line):
            continue
        short = len(line) <= HEADLINE_MAX_CHARS and len(line.split()) >= 2
        stopped = line.endswith((".", ",", ";", ":"))
        return " ".join(line.split()) if short and not stopped and number + 1 < len(lines) else None
    return None


@cache
def _release_labels() -> tuple[re.Pattern[str], ...]:
    path = "boilerplate.json"
    try:
        return tuple(re.compile(p, re.IGNORECASE) for p in read_json(path)["release_labels"])
    except (KeyError, TypeError, re.error) as error:
        raise ExtractError("data.invalid", path=path, problem=f"release_labels: {error}") from error


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
