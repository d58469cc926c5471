"""What a format's reader gives back: text with its title and warnings, or a refusal with its status.

Each reader (:mod:`.plain`, :mod:`.pdf`, :mod:`.html`) returns :class:`Extracted` for a file that gives
text and raises :class:`Refused` for one whose content cannot (a scanned PDF, a binary named .txt); the
dispatcher in :mod:`.files` turns either into a documents row.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.core.errors import message


class Refused(Exception):
    """A file's content cannot give text: carries the status of its row; ``str()`` is the message.

    ``warnings`` are what the reader had to say on the way (a library's own log lines), reported by
    the file's path beside the refusal.
    """

    def __init__(self, status: str, key: str, *, warnings: tuple[str, ...] = (), **fields: object) -> None:
        super().__init__(message(key, **fields))
        self.status = status
        self.warnings = warnings


@dataclass(frozen=True)
class Extracted:
    """What a format's reader returns for a file that gives text."""

    text: str
    title: str | None = None
    warnings: tuple[str, ...] = ()


def describe(error: BaseException) -> str:
    """An exception as "Type: detail", readable in a one-line message."""
    detail = " ".join(str(error).split())  # one line: the message goes into a log line and a cell
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__
