"""Everything the tables say about one entity: its names, its documents, its facts both ways.

The profile is plain data (JSON as it is), so ``extract show --format json`` prints it, the terminal
and Markdown views (:mod:`extract.explore.show`) lay it out, and the explorer can read it too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

from extract.core.schema import PREDICATES, SYMMETRIC_PREDICATES
from extract.linking.aliases import Alias
from extract.text.fold import fold

#: The order facts are listed in: by predicate, then the entity's own statements before those about it.
DIRECTIONS = ("out", "mutual", "in")


def entity_profile(
    tables: Mapping[str, pa.Table], entity_id: str, *, aliases: Iterable[Alias] = ()
) -> dict[str, Any]:
    """The profile of ``entity_id``: the entity's row, the other names the organisations list gives it
    (``aliases`` rows), the documents it is mentioned in, and its facts in both directions."""
    entity = next(e for e in tables["entities"].to_pylist() if e["entity_id"] == entity_id)
    names = {e["entity_id"]: e for e in tables["entities"].to_pylist()}
    documents = {
        d["doc_id"]: d for d in tables["documents"].select(["doc_id", "path", "title", "lang"]).to_pylist()
    }
    return {
        **entity,
        "listed_names": listed_names(entity, aliases),
        "documents": _documents(tables["mentions"], entity_id, documents),
        "facts": _facts(tables["facts"], entity_id, names, documents),
    }


def listed_names(entity: Mapping[str, Any], aliases: Iterable[Alias]) -> list[str]:
    """Names the organisations list gives an organisation that its texts do not use (another language's,
    an official form): the forms of every list group one of its own names belongs to."""
    own = {fold(form) for form in [entity["name"], *entity["aliases"]]}
    groups: dict[str, set[str]] = defaultdict(set)
    for canonical, alias in aliases:
        groups[canonical] |= {canonical, alias}
    if entity["type"] != "ORG":
        return []
    found = {form for forms in groups.values() if own & {fold(f) for f in forms} for form in forms}
    return sorted(form for form in found if fold(form) not in own)


def _documents(
    mentions: pa.Table, entity_id: str, documents: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The documents that mention the entity, by path: how often, and in which forms."""
    counts: Counter[str] = Counter()
    forms: dict[str, set[str]] = defaultdict(set)
    for m in mentions.select(["doc_id", "entity_id", "text"]).to_pylist():
        if m["entity_id"] == entity_id:
            counts[m["doc_id"]] += 1
            forms[m["doc_id"]].add(m["text"])
    rows = [
        {**documents[doc_id], "mentions": n, "forms": sorted(forms[doc_id])}
        for doc_id, n in counts.items()
        if doc_id in documents
    ]
    return sorted(rows, key=lambda d: (d["path"], d["doc_id"]))


def _facts(
    facts: pa.Table,
    entity_id: str,
    entities: Mapping[str, Mapping[str, Any]],
    documents: Mapping[str, Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """The facts the entity is subject or object of, each with the other entity and the direction."""
    rows = []
    for fact in facts.to_pylist():
        if entity_id not in (fact["subject_id"], fact["object_id"]):
            continue
        if fact["predicate"] in SYMMETRIC_PREDICATES:
            direction = "mutual"
        else:
            direction = "out" if fact["subject_id"] == entity_id else "in"
        other_id = fact["object_id"] if fact["subject_id"] == entity_id else fact["subject_id"]
        other = entities.get(other_id, {})
        rows.append(
            {
                **fact,
                "direction": direction,
                "subject_name": entities.get(fact["subject_id"], {}).get("name"),
                "object_name": entities.get(fact["object_id"], {}).get("name"),
                "other_id": other_id,
                "other_name": other.get("name"),
                "other_type": other.get("type"),
                "doc_paths": [documents.get(d, {}).get("path", d) for d in fact["doc_ids"]],
                "evidence_path": documents.get(fact["evidence_doc_id"], {}).get("path"),
            }
        )
    order = {p: i for i, p in enumerate(PREDICATES)}
    return sorted(
        rows,
        key=lambda f: (
            DIRECTIONS.index(f["direction"]),
            order.get(f["predicate"], len(order)),
            f["other_name"] or "",
            f["fact_id"],
        ),
    )
