"""Write the explorer: a static site over a tables folder, opened as a file with no server and no network.

The site is four files: the page, its script and its style, copied from this package's ``assets/``, and
``data.js``, which assigns the tables' rows to ``window.EXPLORER_DATA`` (a script, because browsers refuse
``fetch()`` of a local file). The same tables always give the same bytes: rows keep the tables' order,
JSON keys are sorted, nothing depends on the time or the machine.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.core.errors import ExtractError
from extract.core.tables import read_table, write_atomic
from extract.explore.site.facts import facts_of

#: The files copied from ``assets/`` as they are.
ASSETS = ("index.html", "explorer.js", "explorer.css")
#: The tables the site is made of (the facts come from :func:`facts_of`).
TABLE_NAMES = ("documents", "mentions", "entities", "relations")

Row = dict[str, Any]


def build_site(*, tables: Path, out: Path) -> Path:
    """Write the site for the tables folder ``tables`` into the folder ``out``; return its page's path.

    Each file is replaced atomically and only when its bytes change.
    """
    if out.exists() and not out.is_dir():
        raise ExtractError("explore.out_not_folder", path=out)
    data = data_script(site_data(tables))
    package = resources.files("extract.explore.site") / "assets"
    for name in ASSETS:
        write_atomic(out / name, package.joinpath(name).read_bytes(), touch=False)
    write_atomic(out / "data.js", data, touch=False)
    return out / "index.html"


def site_data(tables: Path) -> Row:
    """What the page shows, from the tables: entities, documents, mentions and relations per document,
    facts; offsets counted in UTF-16 code units, as JavaScript strings count them."""
    rows = {name: _read(tables, name) for name in TABLE_NAMES}
    units = {doc["doc_id"]: utf16_offsets(doc["text"]) for doc in rows["documents"]}
    mentions: dict[str, list[list[Any]]] = defaultdict(list)
    for m in rows["mentions"]:
        at = units.get(m["doc_id"], _same)
        mentions[m["doc_id"]].append([at(m["start"]), at(m["end"]), m["label"], m["entity_id"], m["value"]])
    return {
        "entities": [_entity(entity) for entity in rows["entities"]],
        "documents": [_document(doc) for doc in rows["documents"]],
        "mentions": dict(mentions),
        "relations": [_relation(r, units.get(r["doc_id"], _same)) for r in rows["relations"]],
        "facts": [_fact(fact) for fact in _facts(tables)],
    }


def data_script(data: Row) -> bytes:
    """``data`` as a script assigning it to ``window.EXPLORER_DATA``: sorted keys, one line.

    ``<`` is written ``\\u003c``, so no text from a document can close a script element, should the file
    ever be inlined in a page.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.EXPLORER_DATA = {text};\n".encode()


def utf16_offsets(text: str) -> Callable[[int], int]:
    """A function from a code point offset into ``text`` to the same place counted in UTF-16 units.

    Only characters outside the Basic Multilingual Plane (emoji, some CJK) take two units; a text without
    any keeps its offsets.
    """
    if text.isascii() or all(ord(char) < 0x10000 for char in text):
        return _same
    units = [0]
    for char in text:
        units.append(units[-1] + (2 if ord(char) >= 0x10000 else 1))
    return lambda offset: units[max(0, min(offset, len(text)))]


def _same(offset: int) -> int:
    return offset


def _read(tables: Path, name: str) -> list[Row]:
    path = tables / f"{name}.parquet"
    if not path.is_file():
        raise ExtractError("explore.no_table", path=path, name=name)
    try:
        return read_table(path, name).to_pylist()
    except (OSError, KeyError, pa.ArrowException) as error:
        raise ExtractError("explore.unreadable", path=path, error=error) from error


def _facts(tables: Path) -> list[Row]:
    try:
        return facts_of(tables)
    except (OSError, KeyError, pa.ArrowException) as error:
        raise ExtractError("explore.unreadable", path=tables / "facts.parquet", error=error) from error


def _entity(row: Row) -> Row:
    return {
        "id": row["entity_id"],
        "type": row["type"],
        "name": row["name"],
        "aliases": list(row["aliases"]),
        "n_docs": row["n_docs"],
        "n_mentions": row["n_mentions"],
    }


def _document(row: Row) -> Row:
    return {
        "id": row["doc_id"],
        "path": row["path"],
        "title": row["title"],
        "format": row["format"],
        "lang": row["lang"],
        "status": row["status"],
        "message": row["message"],
        "text": row["text"],
    }


def _relation(row: Row, at: Callable[[int], int]) -> Row:
    return {
        "id": row["relation_id"],
        "doc": row["doc_id"],
        "s": row["subject_id"],
        "p": row["predicate"],
        "o": row["object_id"],
        "role": row["role"],
        "date": row["date"],
        "start": at(row["start"]),
        "end": at(row["end"]),
    }


def _fact(row: Row) -> Row:
    return {
        "id": row["fact_id"],
        "s": row["subject_id"],
        "p": row["predicate"],
        "o": row["object_id"],
        "n_docs": row["n_docs"],
        "doc_ids": list(row["doc_ids"]),
        "relation_ids": list(row["relation_ids"]),
        "first": row["first_date"],
        "last": row["last_date"],
        "evidence": row["evidence"],
        "ev_doc": row["evidence_doc_id"],
        "ev_rel": row["evidence_relation_id"],
    }
