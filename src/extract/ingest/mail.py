"""E-mail (.eml) through the standard library's ``email`` package: a release forwarded as a message.

The subject is the title and the text part the text (the HTML part, through trafilatura as a web page
is read, when there is no plain one). What the sender adds around a release is left out: the quoted
message a reply carries (lines starting with ">", and everything from "On ... wrote:" or "-----Original
Message-----" down) and the signature (from the "-- " line down). Attachments that are documents
(.pdf, .docx, .html) are read as documents of their own by :mod:`.files`, which asks
:func:`email_attachments` for them.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path, PurePath
from typing import cast

from extract.ingest.extracted import Extracted, Refused, describe
from extract.ingest.html import html_text

#: Attachments read as documents of their own.
ATTACHED_SUFFIXES = (".pdf", ".docx", ".html", ".htm")
#: Where the quoted message of a reply begins: everything from there down is the earlier message.
_QUOTE_START = re.compile(
    r"^(?:On .{0,200} wrote:|Le .{0,200} a écrit ?:"
    r"|-{2,}\s*(?:Original Message|Message d'origine)\s*-{2,})\s*$",
    re.IGNORECASE,
)
#: The signature delimiter ("-- ", and "--" as mail programs that strip spaces leave it).
_SIGNATURE = re.compile(r"^-- ?$")
#: The banner a forward puts before the forwarded message, and the header lines under it.
_FORWARD = re.compile(r"^-{2,}\s*(?:Forwarded message|Message transféré)\s*-{2,}\s*$", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^(?:From|To|Cc|Date|Sent|Subject|De|À|Objet|Envoyé|Cc) ?:", re.IGNORECASE)


def _message(path: Path) -> EmailMessage:
    """The parsed message; the parser is lenient, so only a failure to read the bytes stops it."""
    with path.open("rb") as handle:
        return cast(EmailMessage, BytesParser(policy=policy.default).parse(handle))  # so policy.default does


def read_eml(path: Path) -> Extracted:
    """The text of an e-mail's body with its subject as title; quoted replies and signature left out."""
    message = _message(path)
    title = " ".join(str(message.get("subject", "")).split()) or None
    try:
        body = message.get_body(preferencelist=("plain", "html"))
        content = body.get_content() if body is not None else ""
    except (LookupError, ValueError) as error:  # an unknown charset or a broken transfer encoding
        raise Refused("error", "ingest.eml_unreadable", error=describe(error)) from error
    said: tuple[str, ...] = ()  # what trafilatura logged while reading an HTML body
    if body is not None and body.get_content_subtype() == "html":
        try:
            found = html_text(content)
            text, said = found.text, found.warnings
        except Refused as refused:
            text, said = "", refused.warnings
    else:
        text = sender_text(content)
    if not text.strip():
        raise Refused("skipped", "ingest.eml_no_text", warnings=said)
    return Extracted(text=text, title=title, warnings=said)


def sender_text(body: str) -> str:
    """A plain-text body without the quoted reply, the signature and a forward's banner and headers."""
    kept: list[str] = []
    in_forward_headers = False
    for line in body.replace("\r\n", "\n").split("\n"):
        bare = line.strip()
        if _SIGNATURE.match(line) or _QUOTE_START.match(bare):
            break
        if line.startswith(">"):
            continue
        if _FORWARD.match(bare):
            in_forward_headers = True
            continue
        if in_forward_headers:
            if _HEADER_LINE.match(bare) or not bare:
                in_forward_headers = bool(bare)
                continue
            in_forward_headers = False
        kept.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def email_attachments(path: Path) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the attachments that are documents, names made unique within the message."""
    found: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    for part in _message(path).iter_attachments():
        name = PurePath((part.get_filename() or "").replace("\\", "/")).name
        if not name.lower().endswith(ATTACHED_SUFFIXES):
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        unique, n = name, 1
        while unique in seen:
            n += 1
            unique = f"{PurePath(name).stem}-{n}{PurePath(name).suffix}"
        seen.add(unique)
        found.append((unique, data))
    return found
