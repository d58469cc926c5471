"""The table contract, checked before any table is written.

Scoring and review read the tables blindly, so a broken invariant (a mention
whose text is not the document's text at its offsets, a dangling entity ID)
must stop the write rather than reach them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pyarrow as pa

from extract.core.errors import ExtractError
from extract.core.schema import KEYS, LABELS, PREDICATES, STATUSES, TABLES


def _fail(table: str, problem: str) -> None:
    raise ExtractError("contract.violated", table=table, problem=problem)


def check_tables(tables: Mapping[str, pa.Table], *, doc_langs: Sequence[str]) -> None:
    """Raise :class:`ExtractError` when ``tables`` break the contract."""
    for name, schema in TABLES.items():
        if name not in tables:
            _fail(name, "the table is missing")
        if not tables[name].schema.equals(schema):
            _fail(name, f"schema differs: {tables[name].schema} != {schema}")
        keys = tables[name].column(KEYS[name][0]).to_pylist()
        if len(keys) != len(set(keys)):
            _fail(name, f"duplicate {KEYS[name][0]}")
    documents = {d["doc_id"]: d for d in tables["documents"].to_pylist()}
    for doc in documents.values():
        if doc["status"] not in STATUSES or doc["lang"] not in doc_langs:
            _fail("documents", f"{doc['path']}: status {doc['status']!r} or lang {doc['lang']!r} not allowed")
        if doc["n_chars"] != len(doc["text"]):
            _fail("documents", f"{doc['path']}: n_chars differs from the text length")
    entities = {e["entity_id"]: e["type"] for e in tables["entities"].to_pylist()}
    for m in tables["mentions"].to_pylist():
        doc = documents.get(m["doc_id"])
        if doc is None or doc["text"][m["start"] : m["end"]] != m["text"]:
            _fail("mentions", f"mention {m['mention_id']} text {m['text']!r} is not the document's text")
        if m["label"] not in LABELS:
            _fail("mentions", f"label {m['label']!r}")
        if m["label"] == "DATE" and (m["value"] is None or m["entity_id"] is not None):
            _fail("mentions", f"DATE {m['text']!r} needs a value and no entity")
        if m["label"] != "DATE" and entities.get(m["entity_id"]) != m["label"]:
            _fail("mentions", f"{m['label']} {m['text']!r} points to no entity of its type")
    for r in tables["relations"].to_pylist():
        if r["predicate"] not in PREDICATES:
            _fail("relations", f"predicate {r['predicate']!r}")
        if r["subject_id"] not in entities or r["object_id"] not in entities or r["doc_id"] not in documents:
            _fail("relations", f"relation {r['relation_id']} points to a missing entity or document")
