"""The table contract: the five output tables, their columns, types and row order.

Scoring, review (``extract diff``) and users' own queries all read these tables, so
the schemas are written out explicitly here and nowhere else. Every writer goes
through :func:`extract.core.tables.to_table`, which casts to these schemas and sorts
rows by :data:`SORT_KEYS`, so that the same inputs give byte-identical files.
"""

from __future__ import annotations

import pyarrow as pa

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("path", pa.string(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("format", pa.string(), nullable=False),  # txt | pdf | html
        pa.field("lang", pa.string(), nullable=False),  # en | fr | mixed | other
        pa.field("title", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("n_chars", pa.int64(), nullable=False),
        pa.field("status", pa.string(), nullable=False),  # ok | skipped | error
        pa.field("message", pa.string()),
    ]
)

MENTIONS = pa.schema(
    [
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),  # ORG | PERSON | DATE
        pa.field("entity_id", pa.string()),  # null for DATE
        pa.field("value", pa.string()),  # ISO 8601 for DATE, else null
        pa.field("lang", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),  # model | rule
    ]
)

ENTITIES = pa.schema(
    [
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("type", pa.string(), nullable=False),  # ORG | PERSON
        pa.field("name", pa.string(), nullable=False),
        pa.field("aliases", pa.list_(pa.string()), nullable=False),
        pa.field("n_docs", pa.int64(), nullable=False),
        pa.field("n_mentions", pa.int64(), nullable=False),
    ]
)

RELATIONS = pa.schema(
    [
        pa.field("relation_id", pa.string(), nullable=False),
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("subject_id", pa.string(), nullable=False),
        pa.field("predicate", pa.string(), nullable=False),
        pa.field("object_id", pa.string(), nullable=False),
        pa.field("role", pa.string()),
        pa.field("date", pa.string()),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("evidence", pa.string(), nullable=False),
    ]
)

#: One row per distinct (subject, predicate, object) over all documents: the relations of every document
#: that state one fact, gathered (a symmetric predicate's fact has its smaller entity_id as subject).
FACTS = pa.schema(
    [
        pa.field("fact_id", pa.string(), nullable=False),
        pa.field("subject_id", pa.string(), nullable=False),
        pa.field("predicate", pa.string(), nullable=False),
        pa.field("object_id", pa.string(), nullable=False),
        pa.field("n_docs", pa.int64(), nullable=False),
        pa.field("doc_ids", pa.list_(pa.string()), nullable=False),  # sorted
        pa.field("relation_ids", pa.list_(pa.string()), nullable=False),  # sorted
        pa.field("roles", pa.list_(pa.string()), nullable=False),  # distinct relations.role, sorted
        pa.field("first_date", pa.string()),  # earliest relations.date, null if none
        pa.field("last_date", pa.string()),  # latest relations.date, null if none
        pa.field("evidence", pa.string(), nullable=False),  # the strongest evidence sentence
        pa.field("evidence_doc_id", pa.string(), nullable=False),
        pa.field("evidence_relation_id", pa.string(), nullable=False),
    ]
)

#: Table name -> schema, in the order the tables are written and reported.
TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "relations": RELATIONS,
    "facts": FACTS,
}

#: The columns that identify a row: stable across runs, used to sort rows and to
#: match rows between two versions of a table.
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "mentions": ("mention_id",),
    "entities": ("entity_id",),
    "relations": ("relation_id",),
    "facts": ("fact_id",),
}

#: Row order of each table: readable (documents by path, mentions in text order)
#: and total, so that the same rows always come out in the same order.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("path", "doc_id"),
    "mentions": ("doc_id", "start", "end", "label", "mention_id"),
    "entities": ("type", "name", "entity_id"),
    "relations": ("doc_id", "start", "predicate", "subject_id", "object_id", "relation_id"),
    "facts": ("predicate", "subject_id", "object_id", "fact_id"),
}

LABELS = ("ORG", "PERSON", "DATE")
ENTITY_TYPES = ("ORG", "PERSON")
PREDICATES = (
    "heads",
    "works_for",
    "member_of",
    "partner_of",
    "coordinates",
    "founded",
    "accredited_by",
    "funded_by",
)
#: Predicates whose subject and object may be swapped without changing the meaning.
SYMMETRIC_PREDICATES = frozenset({"partner_of"})
#: The predicates of a person's post in an organisation: only they carry a role.
POST_PREDICATES = frozenset({"heads", "works_for"})
#: The entity types each predicate's subject may have (its object is always an organisation), as the
#: gold guidelines define them: only a person holds a post; only an organisation is a member.
SUBJECT_TYPES: dict[str, frozenset[str]] = {
    "heads": frozenset({"PERSON"}),
    "works_for": frozenset({"PERSON"}),
    "member_of": frozenset({"ORG"}),
    "partner_of": frozenset({"ORG"}),
    "coordinates": frozenset({"ORG"}),
    "founded": frozenset({"ORG", "PERSON"}),
    "accredited_by": frozenset({"ORG"}),
    "funded_by": frozenset({"ORG"}),
}
STATUSES = ("ok", "skipped", "error")
