"""A user's own aliases: a CSV file outside the package, named by the setting ``linking.aliases``.

The shipped organisations list (``data/organisations.csv``) is read by recognition and linking alike; a
user's list (their organisations' official names and short forms) is read by linking only, so that
changing it re-links the entities of the corpus without parsing a document again: the recognise
stage's cache key does not include it (:func:`extract.run.version.pipeline_version` leaves the setting
out), the normalise stage's fingerprint does (its rows, :func:`user_aliases`).

The file has the columns of the shipped list (``canonical,alias``, one form per row, ``#`` comment
lines and blank lines allowed). A user's row wins over a shipped row for the same form, and each
canonical name counts as an alias of itself.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from extract.core.errors import ExtractError
from extract.languages import lexicon
from extract.languages.name_forms import canonical_of, name_key

SETTING = "linking.aliases"
HEADER = ["canonical", "alias"]

Alias = tuple[str, str]  # (canonical, alias)


def user_aliases(path: str | Path | None) -> tuple[Alias, ...]:
    """The (canonical, alias) rows of the user's file, checked; none when the setting is empty.

    Read afresh at every call (not cached): the file is small and outside the package, and a run
    must see its current content.
    """
    if not path:
        return ()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise ExtractError("linking.aliases_unreadable", setting=SETTING, path=path, error=reason) from error
    return _parse(text, path)


def _parse(text: str, path: str | Path) -> tuple[Alias, ...]:
    rows: list[Alias] = []
    seen: dict[str, tuple[str, int]] = {}
    header = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        values = [value.strip() for value in next(csv.reader([line]))]
        if not header:
            if values != HEADER:
                _fail(path, number, f"the first row must be the header 'canonical,alias', not {line!r}")
            header = True
            continue
        if len(values) != 2 or not all(values):
            _fail(path, number, f"a row needs exactly two values, a canonical name and an alias: {line!r}")
        canonical, alias = values
        for form in dict.fromkeys((alias, canonical)):
            earlier = seen.get(name_key(form))
            if earlier is not None and earlier[0] != canonical:
                _fail(path, number, f"{form!r} is already an alias of {earlier[0]!r} (line {earlier[1]})")
            seen.setdefault(name_key(form), (canonical, number))
        rows.append((canonical, alias))
    if not header:
        _fail(path, 1, "the file is empty: it needs the header 'canonical,alias'")
    return tuple(rows)


def _fail(path: str | Path, line: int, problem: str) -> None:
    raise ExtractError("linking.aliases_invalid", setting=SETTING, path=path, line=line, problem=problem)


def canonical_names(extra: Iterable[Alias] = ()) -> dict[str, str]:
    """The key (:func:`name_key`) of every alias -> its canonical name: the shipped list, with the user's
    rows ``extra`` laid over it (a user's canonical name is an alias of itself)."""
    merged = dict(canonical_of())
    for canonical, alias in extra:
        merged[name_key(canonical)] = canonical
        merged[name_key(alias)] = canonical
    return merged


def all_aliases(extra: Iterable[Alias] = ()) -> tuple[Alias, ...]:
    """Every (canonical, alias) row: the shipped list's, then the user's (for look-ups by any name)."""
    return lexicon.organisations() + tuple(extra)
