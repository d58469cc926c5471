"""Facts across documents: the relations of every document that state one (subject, predicate, object).

A relation is one statement in one document; a reader asks what is known across the corpus ("A heads B,
stated in 3 releases, since 2017, evidence here"), so the facts table gathers the relations of one
triple into one row. A symmetric predicate (``partner_of``) is stored in one canonical order, the smaller
entity_id as subject, so "A partner of B" and "B partner of A" are one fact; reading both directions is
the ``partners`` view of ``extract query``.

Every choice is deterministic (the ID is a hash of the triple, lists are sorted, the evidence is chosen
by a total order), so the table is byte-identical on re-runs and ``extract diff`` matches its rows.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from extract.core.schema import SYMMETRIC_PREDICATES

Triple = tuple[str, str, str]


def fact_id(subject_id: str, predicate: str, object_id: str) -> str:
    """A stable ID of a fact: a hash of its (canonical) triple."""
    digest = hashlib.sha256(f"{subject_id}|{predicate}|{object_id}".encode()).hexdigest()
    return f"f{digest[:15]}"


def canonical_triple(subject_id: str, predicate: str, object_id: str) -> Triple:
    """The triple as the facts table stores it: a symmetric predicate's smaller entity_id first."""
    if predicate in SYMMETRIC_PREDICATES and object_id < subject_id:
        return object_id, predicate, subject_id
    return subject_id, predicate, object_id


def fact_rows(relations: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows of the facts table from the rows of the relations table (any order)."""
    grouped: dict[Triple, list[Mapping[str, Any]]] = defaultdict(list)
    for relation in relations:
        triple = canonical_triple(relation["subject_id"], relation["predicate"], relation["object_id"])
        grouped[triple].append(relation)
    return [_fact(triple, members) for triple, members in sorted(grouped.items())]


def _fact(triple: Triple, relations: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    subject_id, predicate, object_id = triple
    doc_ids = sorted({r["doc_id"] for r in relations})
    first, last = date_range(r["date"] for r in relations)
    best = strongest(relations)
    return {
        "fact_id": fact_id(subject_id, predicate, object_id),
        "subject_id": subject_id,
        "predicate": predicate,
        "object_id": object_id,
        "n_docs": len(doc_ids),
        "doc_ids": doc_ids,
        "relation_ids": sorted(r["relation_id"] for r in relations),
        "roles": sorted({r["role"] for r in relations if r.get("role")}),
        "first_date": first,
        "last_date": last,
        "evidence": best["evidence"],
        "evidence_doc_id": best["doc_id"],
        "evidence_relation_id": best["relation_id"],
    }


def strongest(relations: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The relation whose evidence a fact shows: one that says when (a date) before one that does not,
    then the shortest sentence (the one most about this fact), then the smallest relation_id."""
    return min(relations, key=lambda r: (r.get("date") is None, len(r["evidence"]), r["relation_id"]))


def date_range(dates: Iterable[str | None]) -> tuple[str | None, str | None]:
    """The earliest and latest of ISO dates as the relations hold them (``2017``, ``2017-06-23``, a decade
    ``199X``, an interval ``A/B``); (None, None) when none can be placed in time.

    An interval counts from its start to its end; a date without a year (``XXXX-04-21``) cannot be
    ordered and is left out; a decade counts as its first year for the earliest, its last for the latest.
    """
    starts: list[str] = []
    ends: list[str] = []
    for date in dates:
        if not date:
            continue
        parts = date.split("/")
        starts += [p for p in parts[:1] if _has_year(p)]
        ends += [p for p in parts[-1:] if _has_year(p)]
    first = min(starts, key=lambda d: (d.replace("X", "0"), d), default=None)
    last = max(ends, key=lambda d: (d.replace("X", "9"), d), default=None)
    return first, last


def _has_year(part: str) -> bool:
    """Whether a date part says at least its century (``2017``, ``199X``), not only a day (``XXXX-04``)."""
    return part[:2].isdigit()
