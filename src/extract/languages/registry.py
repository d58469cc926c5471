"""The supported languages, read off the data folder, and the one reader of every packaged data file.

A language is supported when ``data/<code>/`` holds its word files (:data:`LANGUAGE_FILES`): adding one
is a data edit plus a model setting (``[models] <code> = "package"``), no code. Every data file is read
through :func:`read_json` or :func:`read_text`, so a missing or malformed file is refused with one
message that names it, whichever stage asks.

``EXTRACT_DATA`` names another data folder laid out like the packaged one (a user's own vocabularies,
or a test's toy language); the code hash of the cached work covers whichever folder is in use.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from extract.core.errors import ExtractError

#: The word files every language folder holds: names (recognition), dates, relations and their frames.
LANGUAGE_FILES = ("names.json", "dates.json", "relations.json", "frames.json")
#: Document languages besides the supported ones (see ``documents.lang``).
OTHER_DOC_LANGS = ("mixed", "other")
_CODE = re.compile(r"[a-z]{2}")


def data_root() -> Path:
    """The data folder in use: ``$EXTRACT_DATA`` if set, else the package's ``data/``."""
    return _root(os.environ.get("EXTRACT_DATA"))


@cache
def _root(override: str | None) -> Path:
    """Resolved once per value of ``$EXTRACT_DATA``: the stages ask for it at every paragraph and sentence."""
    return Path(override) if override else Path(str(resources.files("extract.data")))


@cache
def _languages(root: Path) -> tuple[str, ...]:
    found = []
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and _CODE.fullmatch(folder.name):
            missing = [name for name in LANGUAGE_FILES if not (folder / name).is_file()]
            if missing:
                raise ExtractError("data.invalid", path=folder, problem=f"missing {', '.join(missing)}")
            found.append(folder.name)
    if not found:
        raise ExtractError("data.invalid", path=root, problem="no language folder (e.g. en/) found")
    return tuple(found)


def languages() -> tuple[str, ...]:
    """The ISO 639-1 codes of the supported languages, sorted: one folder of ``data/`` each."""
    return _languages(data_root())


def doc_langs() -> tuple[str, ...]:
    """Every value ``documents.lang`` may take: the supported languages, then mixed and other."""
    return (*languages(), *OTHER_DOC_LANGS)


def read_text(path: str) -> str:
    """The text of the data file at ``path`` (relative to the data folder)."""
    try:
        return (data_root() / path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExtractError("data.invalid", path=path, problem="file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ExtractError("data.invalid", path=path, problem=error) from error


def read_json(path: str) -> dict[str, Any]:
    """The JSON object in the data file at ``path``; anything else is refused naming the file."""
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise ExtractError("data.invalid", path=path, problem=error) from error
    if not isinstance(data, dict):
        raise ExtractError("data.invalid", path=path, problem="top level must be an object")
    return data


def language_file(lang: str, topic: str) -> str:
    """The path of ``lang``'s word file for ``topic`` (names, dates, relations), checked to exist."""
    if lang not in languages():
        raise ExtractError("data.invalid", path=f"{lang}/{topic}.json", problem=f"no language '{lang}'")
    return f"{lang}/{topic}.json"
