"""The facts the explorer shows: one per distinct (subject, predicate, object) over all documents.

The fifth table, ``facts.parquet``, holds exactly these rows; :func:`facts_of` reads it when the tables
folder has it and otherwise groups ``relations.parquet`` the same way, so the explorer works on tables
written before that table existed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from extract.core.schema import SYMMETRIC_PREDICATES

Row = dict[str, Any]

#: The columns of a fact, as ``facts.parquet`` has them.
FACT_COLUMNS = (
    "fact_id",
    "subject_id",
    "predicate",
    "object_id",
    "n_docs",
    "doc_ids",
    "relation_ids",
    "first_date",
    "last_date",
    "evidence",
    "evidence_doc_id",
    "evidence_relation_id",
)


def facts_of(tables: Path) -> list[Row]:
    """The facts of the tables folder ``tables``, sorted by (subject, predicate, object).

    ``facts.parquet`` when the folder has it, else the grouping of ``relations.parquet``.
    """
    path = tables / "facts.parquet"
    if path.is_file():
        rows = pq.read_table(path).to_pylist()
        facts = [{column: row.get(column) for column in FACT_COLUMNS} for row in rows]
    else:
        facts = group_relations(pq.read_table(tables / "relations.parquet").to_pylist())
    return sorted(facts, key=lambda fact: (fact["subject_id"], fact["predicate"], fact["object_id"]))


def group_relations(relations: Iterable[Mapping[str, Any]]) -> list[Row]:
    """One fact per distinct (subject, predicate, object); a symmetric predicate's pair in one order."""
    groups: dict[tuple[str, str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for relation in relations:
        groups[canonical(relation)].append(relation)
    return [_fact(key, members) for key, members in sorted(groups.items())]


def canonical(relation: Mapping[str, Any]) -> tuple[str, str, str]:
    """(subject, predicate, object), with the smaller ID first for a symmetric predicate (partner_of)."""
    subject, predicate, obj = relation["subject_id"], relation["predicate"], relation["object_id"]
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return subject, predicate, obj


def _fact(key: tuple[str, str, str], relations: list[Mapping[str, Any]]) -> Row:
    """The fact of one group of relations; its evidence is the shortest sentence that states it
    (the most direct statement; ties go to the smaller relation ID, so the choice is stable)."""
    subject, predicate, obj = key
    dates = sorted(d for d in (r["date"] for r in relations) if d and not d.startswith("X"))
    best = min(relations, key=lambda r: (len(r["evidence"]), r["relation_id"]))
    return {
        "fact_id": "f" + hashlib.sha256("\x1f".join(key).encode()).hexdigest()[:15],
        "subject_id": subject,
        "predicate": predicate,
        "object_id": obj,
        "n_docs": len({r["doc_id"] for r in relations}),
        "doc_ids": sorted({r["doc_id"] for r in relations}),
        "relation_ids": sorted(r["relation_id"] for r in relations),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "evidence": best["evidence"],
        "evidence_doc_id": best["doc_id"],
        "evidence_relation_id": best["relation_id"],
    }
