"""The facts the explorer shows: one per distinct (subject, predicate, object) over all documents.

The fifth table, ``facts.parquet``, holds exactly these rows; :func:`facts_of` reads it when the tables
folder has it and otherwise groups ``relations.parquet`` with the same code that writes that table
(:func:`extract.linking.facts.fact_rows`), so the explorer works on tables written before it existed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from extract.linking.facts import fact_rows

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
        rows = fact_rows(pq.read_table(tables / "relations.parquet").to_pylist())
        facts = [{column: row.get(column) for column in FACT_COLUMNS} for row in rows]
    return sorted(facts, key=lambda fact: (fact["subject_id"], fact["predicate"], fact["object_id"]))
