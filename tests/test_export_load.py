"""``extract export`` (CSV, JSON Lines, GraphML) and ``extract.load`` (pandas) on the committed tables."""

from __future__ import annotations

import csv
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

import extract
from extract.cli.main import main
from extract.core.errors import ExtractError
from extract.core.schema import TABLES

EXTRACTED = Path(__file__).resolve().parent.parent / "extracted"


def rows(table: str) -> int:
    return pq.read_metadata(EXTRACTED / f"{table}.parquet").num_rows


def export(fmt: str, out: Path) -> int:
    return main(["export", "--format", fmt, "--out", str(out), "--tables", str(EXTRACTED)])


# --- export ------------------------------------------------------------------------------


def test_graphml_loads_in_networkx_with_a_node_per_entity_and_an_edge_per_fact(tmp_path: Path) -> None:
    assert export("graphml", tmp_path / "graph.graphml") == 0
    graph = nx.read_graphml(tmp_path / "graph.graphml")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (rows("entities"), rows("facts"))


def clb_facts(predicate: str) -> list[dict]:
    """The committed facts table's rows of the Léon Bérard centre as subject of ``predicate``."""
    facts = pq.read_table(EXTRACTED / "facts.parquet").to_pylist()
    return [f for f in facts if f["subject_id"] == "Oe02003063636537" and f["predicate"] == predicate]


def test_graphml_nodes_and_edges_carry_names_types_and_dates(tmp_path: Path) -> None:
    export("graphml", tmp_path / "graph.graphml")
    graph = nx.read_graphml(tmp_path / "graph.graphml")
    clb = graph.nodes["Oe02003063636537"]
    accredited = [
        d
        for _, target, d in graph.out_edges("Oe02003063636537", data=True)
        if d["predicate"] == "accredited_by"
    ]
    assert (clb["name"], clb["type"], "CLB" in clb["aliases"].split("; ")) == (
        "Léon Bérard Cancer Center",
        "ORG",
        True,
    )
    assert [(d["first_date"], d["last_date"]) for d in accredited] == [("2017", "2017-06-23")]
    assert accredited[0]["n_docs"] == clb_facts("accredited_by")[0]["n_docs"]


def test_graphml_is_well_formed_without_networkx(tmp_path: Path) -> None:
    export("graphml", tmp_path / "graph.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(tmp_path / "graph.graphml").getroot()
    assert len(root.findall("g:graph/g:node", ns)) == rows("entities")


def test_graphml_to_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export("graphml", tmp_path) == 2
    assert "is a folder; --format graphml writes one file" in capsys.readouterr().err


def test_csv_writes_a_file_per_table_with_names_beside_the_ids(tmp_path: Path) -> None:
    assert export("csv", tmp_path / "csv") == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    with (tmp_path / "csv" / "facts.csv").open(encoding="utf-8") as handle:
        facts = list(csv.DictReader(handle))
    assert len(facts) == rows("facts")
    assert {"Jean-Yves Blay"} == {
        f["subject_name"] for f in facts if f["roles"] == "Executive Director; directeur général"
    }


def test_jsonl_writes_one_object_per_row_with_lists_as_arrays(tmp_path: Path) -> None:
    assert export("jsonl", tmp_path / "jsonl") == 0
    lines = (tmp_path / "jsonl" / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    entities = [json.loads(line) for line in lines]
    assert len(entities) == rows("entities") and all(isinstance(e["aliases"], list) for e in entities)


def test_the_same_tables_export_the_same_bytes(tmp_path: Path) -> None:
    export("graphml", tmp_path / "a.graphml")
    export("graphml", tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()


# --- load --------------------------------------------------------------------------------


def test_load_gives_the_five_tables_as_dataframes() -> None:
    tables = extract.load(EXTRACTED)
    assert {name: len(getattr(tables, name)) for name in TABLES} == {name: rows(name) for name in TABLES}


def test_load_joins_entity_names_where_a_person_reads_them() -> None:
    tables = extract.load(EXTRACTED)
    heads = tables.facts[tables.facts.predicate == "heads"]
    assert ("Jean-Yves Blay", "Unicancer") in set(zip(heads.subject_name, heads.object_name, strict=True))
    assert set(tables.relations.columns) >= {"subject_name", "object_name", "path"}
    assert tables.mentions.loc[tables.mentions.text == "CLB", "entity_name"].unique().tolist() == [
        "Léon Bérard Cancer Center"
    ]


def test_load_of_a_folder_without_tables_says_so(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=f"no tables in {tmp_path}"):
        extract.load(tmp_path)


def test_load_of_tables_without_facts_names_the_missing_table(tmp_path: Path) -> None:
    for name in ("documents", "mentions", "entities", "relations"):
        shutil.copy(EXTRACTED / f"{name}.parquet", tmp_path)
    with pytest.raises(ExtractError, match=r"has no facts\.parquet"):
        extract.load(tmp_path)
