"""Drafting a gold file: the pipeline's output for one raw text, in the gold format, for a person to correct.

Labelling a press release from scratch is slow; correcting the pipeline's
output is quicker (``extract gold draft``). The draft is a valid gold file
(:mod:`extract.evaluate.gold` checks it like any other), but only as right as
the pipeline: it must be read and corrected before it is trusted.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.core.errors import ExtractError
from extract.core.schema import TABLES
from extract.core.tables import read_table
from extract.run.runner import run


def tables_to_gold(
    doc_row: Mapping[str, Any], mentions: pa.Table, entities: pa.Table, relations: pa.Table
) -> dict[str, Any]:
    """One document's rows of the tables as a gold file, for a person to correct.

    Entities are numbered E1, E2... in order of first mention; aliases are their
    mention texts here (first occurrence order) and the name is the longest of
    them (the guidelines' "fullest form in the document"), unless the entities
    table's name is one of them: the pipeline's own choice. An ORG or PERSON
    mention without an entity_id gets an entity of its own text. Relations whose
    ends have no mention in the document are left out: a gold relation must join
    annotated entities.
    """
    doc_id = doc_row["doc_id"]
    rows = sorted(
        (m for m in mentions.to_pylist() if m["doc_id"] == doc_id),
        key=lambda m: (m["start"], m["end"], m["label"]),
    )
    local: dict[tuple[str, str], str] = {}  # (entity key, label) -> E<n>
    by_table_id: dict[str, str] = {}
    gold_entities: dict[str, dict[str, Any]] = {}
    gold_mentions = []
    for row in rows:
        if row["label"] == "DATE":
            gold_mentions.append(
                {
                    "start": row["start"],
                    "end": row["end"],
                    "text": row["text"],
                    "label": "DATE",
                    "value": row["value"],
                }
            )
            continue
        key = (row["entity_id"] or f"text:{row['text']}", row["label"])
        if key not in local:
            local[key] = f"E{len(local) + 1}"
            gold_entities[local[key]] = {
                "id": local[key],
                "type": row["label"],
                "name": row["text"],
                "aliases": [],
            }
            if row["entity_id"] is not None:
                by_table_id.setdefault(row["entity_id"], local[key])
        entity = gold_entities[local[key]]
        if row["text"] not in entity["aliases"]:
            entity["aliases"].append(row["text"])
        entity["name"] = max(entity["aliases"], key=len)
        gold_mentions.append(
            {
                "start": row["start"],
                "end": row["end"],
                "text": row["text"],
                "label": row["label"],
                "entity": local[key],
            }
        )
    gold_relations = [
        {
            "subject": by_table_id[row["subject_id"]],
            "predicate": row["predicate"],
            "object": by_table_id[row["object_id"]],
            "role": row["role"],
            "date": row["date"],
            "evidence": row["evidence"],
        }
        for row in relations.to_pylist()
        if row["doc_id"] == doc_id and row["subject_id"] in by_table_id and row["object_id"] in by_table_id
    ]
    names = {row["entity_id"]: row["name"] for row in entities.to_pylist()}
    for table_id, local_id in by_table_id.items():
        entity = gold_entities[local_id]
        if names.get(table_id) in entity["aliases"]:
            entity["name"] = names[table_id]
    return {
        "doc": doc_row["path"],
        "entities": list(gold_entities.values()),
        "mentions": gold_mentions,
        "relations": gold_relations,
    }


def draft_gold(raw_file: Path) -> dict[str, Any]:
    """Run the pipeline on ``raw_file`` alone (in a temporary folder) and return its output as a gold file."""
    if not raw_file.is_file():
        raise ExtractError("gold.not_file", path=raw_file)
    with tempfile.TemporaryDirectory(prefix="extract-draft-") as tmp:
        raw_dir, out_dir = Path(tmp, "raw"), Path(tmp, "tables")
        raw_dir.mkdir()
        shutil.copy2(raw_file, raw_dir / raw_file.name)
        run(raw_dir, out_dir)
        tables = {name: read_table(out_dir / f"{name}.parquet", name) for name in TABLES}
    rows = [row for row in tables["documents"].to_pylist() if row["path"] == raw_file.name]
    if not rows:
        raise ExtractError("gold.no_document", path=raw_file)
    return tables_to_gold(rows[0], tables["mentions"], tables["entities"], tables["relations"])
