"""The table contract, checked before any table is written.

Scoring and review read the tables blindly, so a broken invariant (a mention
whose text is not the document's text at its offsets, a dangling entity ID)
must stop the write rather than reach them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa

from extract.core.errors import ExtractError
from extract.core.schema import KEYS, LABELS, PREDICATES, STATUSES, SYMMETRIC_PREDICATES, TABLES


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
    _check_facts(tables, set(documents))


def _check_facts(tables: Mapping[str, pa.Table], doc_ids: set[str]) -> None:
    """Facts gather the relations exactly: each relation in one fact, of its own triple."""
    relations = {r["relation_id"]: r for r in tables["relations"].to_pylist()}
    entities = set(tables["entities"].column("entity_id").to_pylist())
    gathered: Counter[str] = Counter()
    triples: Counter[tuple[str, str, str]] = Counter()
    for fact in tables["facts"].to_pylist():
        problem = _fact_problem(fact, relations, entities, doc_ids)
        if problem:
            _fail("facts", f"fact {fact['fact_id']} {problem}")
        gathered.update(fact["relation_ids"])
        triples[(fact["subject_id"], fact["predicate"], fact["object_id"])] += 1
    if any(n > 1 for n in triples.values()):
        _fail("facts", "two facts have one (subject_id, predicate, object_id)")
    if set(gathered) != set(relations) or any(n > 1 for n in gathered.values()):
        _fail("facts", "a relation is in no fact, or in more than one")


def _fact_problem(
    fact: dict[str, Any], relations: Mapping[str, dict[str, Any]], entities: set[str], doc_ids: set[str]
) -> str | None:
    """What is wrong with one fact row, or None: a symmetric predicate's fact has its smaller entity_id
    as subject, its documents are those of its relations, its evidence is one of theirs."""
    subject, predicate, obj = fact["subject_id"], fact["predicate"], fact["object_id"]
    if predicate not in PREDICATES or subject not in entities or obj not in entities:
        return f"has predicate {predicate!r} or points to a missing entity"
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        return f"({predicate}) must have the smaller entity_id as subject"
    members = [relations[r] for r in fact["relation_ids"] if r in relations]
    if not members or len(members) != len(fact["relation_ids"]):
        return "names no relation, or a missing one"
    wanted = {(subject, predicate, obj)}
    if predicate in SYMMETRIC_PREDICATES:
        wanted.add((obj, predicate, subject))
    if any((r["subject_id"], r["predicate"], r["object_id"]) not in wanted for r in members):
        return "gathers a relation of another triple"
    documents = sorted({r["doc_id"] for r in members})
    if fact["doc_ids"] != documents or not set(documents) <= doc_ids:
        return "has doc_ids that are not its relations' documents"
    if fact["n_docs"] != len(fact["doc_ids"]):
        return "has n_docs that is not the number of its doc_ids"
    best = relations.get(fact["evidence_relation_id"])
    if fact["evidence_relation_id"] not in fact["relation_ids"] or best is None:
        return "has evidence_relation_id that is not one of its relations"
    if (best["evidence"], best["doc_id"]) != (fact["evidence"], fact["evidence_doc_id"]):
        return "has evidence that is not its evidence relation's"
    return None
