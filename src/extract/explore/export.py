"""The tables for other tools: CSV for spreadsheets, JSON Lines for scripts and knowledge bases, GraphML
for graph tools (networkx, Gephi, yEd).

CSV and JSON Lines write one file per table into a folder, with the names a person reads beside the
IDs (:func:`extract.explore.tables.with_names`). GraphML writes one graph: entities as nodes, facts as
directed edges (a ``partner_of`` edge runs from the smaller entity_id; its ``symmetric`` attribute says
it reads both ways). Files are written atomically and byte for byte the same from the same tables.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.core.errors import ExtractError
from extract.core.schema import SYMMETRIC_PREDICATES
from extract.core.tables import write_atomic
from extract.explore.tables import cell, with_names

FORMATS = ("csv", "jsonl", "graphml")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
#: GraphML attributes: (key id, for, attr.name, attr.type, the row's column). ``label`` is what Gephi
#: shows on a node or an edge.
NODE_KEYS = (
    ("n_label", "node", "label", "string", "name"),
    ("n_type", "node", "type", "string", "type"),
    ("n_name", "node", "name", "string", "name"),
    ("n_aliases", "node", "aliases", "string", "aliases"),
    ("n_docs", "node", "n_docs", "int", "n_docs"),
    ("n_mentions", "node", "n_mentions", "int", "n_mentions"),
)
EDGE_KEYS = (
    ("e_label", "edge", "label", "string", "predicate"),
    ("e_predicate", "edge", "predicate", "string", "predicate"),
    ("e_symmetric", "edge", "symmetric", "boolean", "symmetric"),
    ("e_first_date", "edge", "first_date", "string", "first_date"),
    ("e_last_date", "edge", "last_date", "string", "last_date"),
    ("e_n_docs", "edge", "n_docs", "int", "n_docs"),
    ("e_roles", "edge", "roles", "string", "roles"),
    ("e_evidence", "edge", "evidence", "string", "evidence"),
)


def export(tables: Mapping[str, pa.Table], fmt: str, out: Path) -> list[Path]:
    """Write ``tables`` in format ``fmt`` (one of :data:`FORMATS`) to ``out``; return the files written.

    ``out`` is a folder for csv and jsonl (made if missing), a file for graphml.
    """
    if fmt == "graphml":
        if out.is_dir():
            raise ExtractError("export.not_file", path=out)
        write_atomic(out, graphml(tables), touch=False)
        return [out]
    if out.exists() and not out.is_dir():
        raise ExtractError("export.not_folder", path=out, format=fmt)
    writer: Callable[[pa.Table], bytes] = csv_bytes if fmt == "csv" else jsonl_bytes
    written = []
    for name, table in with_names(tables).items():
        path = out / f"{name}.{fmt}"
        write_atomic(path, writer(table), touch=False)
        written.append(path)
    return written


def csv_bytes(table: pa.Table) -> bytes:
    """A table as CSV (UTF-8, a header row; lists joined with "; ", nulls empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in table.to_pylist():
        writer.writerow([cell(value) for value in row.values()])
    return buffer.getvalue().encode()


def jsonl_bytes(table: pa.Table) -> bytes:
    """A table as JSON Lines: one object per row, lists as arrays, nulls as null."""
    lines = [json.dumps(row, ensure_ascii=False) for row in table.to_pylist()]
    return "".join(f"{line}\n" for line in lines).encode()


def graphml(tables: Mapping[str, pa.Table]) -> bytes:
    """Entities as nodes and facts as directed edges, as a GraphML document."""
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for key_id, domain, name, kind, _ in (*NODE_KEYS, *EDGE_KEYS):
        attributes = {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
        ET.SubElement(root, f"{{{GRAPHML_NS}}}key", attributes)
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "extract", "edgedefault": "directed"})
    for entity in tables["entities"].to_pylist():
        _element(graph, "node", {"id": entity["entity_id"]}, NODE_KEYS, entity)
    for fact in tables["facts"].to_pylist():
        ends = {"id": fact["fact_id"], "source": fact["subject_id"], "target": fact["object_id"]}
        _element(
            graph, "edge", ends, EDGE_KEYS, {**fact, "symmetric": fact["predicate"] in SYMMETRIC_PREDICATES}
        )
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _element(
    graph: ET.Element, tag: str, attributes: dict[str, str], keys: tuple, row: Mapping[str, Any]
) -> None:
    """One node or edge with a ``data`` child per attribute that has a value."""
    element = ET.SubElement(graph, f"{{{GRAPHML_NS}}}{tag}", attributes)
    for key_id, _, _, kind, column in keys:
        value = row.get(column)
        if value is None or value == []:
            continue
        data = ET.SubElement(element, f"{{{GRAPHML_NS}}}data", {"key": key_id})
        data.text = str(value).lower() if kind == "boolean" else cell(value)
