"""SQL over the tables with DuckDB: views named as the tables, and views a person asks for first.

DuckDB reads Parquet in place (nothing is copied or loaded into a database file), so a query over the
committed tables needs no set-up. Besides the five tables, the views are:

- ``partners``: every ``partner_of`` fact in both directions (the facts table stores a symmetric fact
  once, the smaller entity_id first), so ``where entity_name = 'X'`` finds all of X's partners;
- ``facts_named``, ``relations_named``, ``mentions_named``: the tables with entity names and document
  paths beside their IDs (:data:`extract.explore.tables.NAMED`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from extract.core.errors import ExtractError
from extract.explore.tables import cell, table_paths

#: The convenience views, by name: each a SELECT over the table views.
VIEWS: dict[str, str] = {
    "facts_named": """
        select f.fact_id, f.subject_id, s.name as subject_name, s.type as subject_type, f.predicate,
               f.object_id, o.name as object_name, o.type as object_type, f.n_docs, f.roles, f.first_date,
               f.last_date, f.evidence, f.evidence_doc_id, d.path as evidence_path, f.evidence_relation_id,
               f.doc_ids, f.relation_ids
        from facts f
        join entities s on s.entity_id = f.subject_id
        join entities o on o.entity_id = f.object_id
        left join documents d on d.doc_id = f.evidence_doc_id""",
    "relations_named": """
        select r.relation_id, r.doc_id, d.path, r.subject_id, s.name as subject_name, r.predicate,
               r.object_id, o.name as object_name, r.role, r.date, r.start, r."end", r.evidence
        from relations r
        join entities s on s.entity_id = r.subject_id
        join entities o on o.entity_id = r.object_id
        join documents d on d.doc_id = r.doc_id""",
    "mentions_named": """
        select m.mention_id, m.doc_id, d.path, m.start, m."end", m.text, m.label, m.entity_id,
               e.name as entity_name, m.value, m.lang, m.source
        from mentions m
        join documents d on d.doc_id = m.doc_id
        left join entities e on e.entity_id = m.entity_id""",
    "partners": """
        select subject_id as entity_id, subject_name as entity_name, object_id as partner_id,
               object_name as partner_name, n_docs, first_date, last_date, evidence, evidence_path, fact_id
        from facts_named where predicate = 'partner_of'
        union all
        select object_id, object_name, subject_id, subject_name, n_docs, first_date, last_date, evidence,
               evidence_path, fact_id
        from facts_named where predicate = 'partner_of' and subject_id <> object_id""",
}


def connect(folder: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per table of ``folder`` and the views of :data:`VIEWS`."""
    connection = duckdb.connect(":memory:")
    for name, path in table_paths(folder).items():
        literal = str(path.resolve()).replace("'", "''")
        connection.execute(f"create view {name} as select * from read_parquet('{literal}')")
    for name, sql in VIEWS.items():
        connection.execute(f"create view {name} as {sql}")
    return connection


def run_query(folder: str | Path, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names and rows of ``sql`` over the tables of ``folder``; a SQL error in one line."""
    connection = connect(folder)
    try:
        cursor = connection.execute(sql)
        columns = [column[0] for column in cursor.description or ()]
        return columns, cursor.fetchall()
    except duckdb.Error as error:
        raise ExtractError("query.sql_error", error=one_line(str(error))) from error
    finally:
        connection.close()


def one_line(text: str) -> str:
    """DuckDB's message on one line: its lines joined, the pointer lines ("LINE 1: ...", "^") left out."""
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not line.startswith("LINE ") and set(line) != {"^"}]
    return " ".join(kept)


# --- output ----------------------------------------------------------------------------


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """The result as CSV with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def to_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """The result as a JSON list of objects (dates and other values JSON lacks as strings)."""
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n"
