"""``extract query "SQL"`` over the committed tables, through DuckDB."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from extract.cli.main import main
from extract.core.schema import TABLES
from extract.explore.query import one_line, run_query

EXTRACTED = Path(__file__).resolve().parent.parent / "extracted"


def query(capsys: pytest.CaptureFixture[str], sql: str, *args: str) -> tuple[int, str, str]:
    status = main(["query", sql, "--tables", str(EXTRACTED), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_partners_view_lists_a_partnership_from_both_sides() -> None:
    sql = (
        "select entity_name, partner_name from partners "
        "where 'Institut Curie' in (entity_name, partner_name) order by 1"
    )
    assert run_query(EXTRACTED, sql)[1] == [
        ("Institut Curie", "Léon Bérard Cancer Center"),
        ("Léon Bérard Cancer Center", "Institut Curie"),
    ]


def test_the_partners_view_has_every_partner_of_fact_twice() -> None:
    facts = run_query(EXTRACTED, "select count(*) from facts where predicate = 'partner_of'")[1][0][0]
    assert run_query(EXTRACTED, "select count(*) from partners")[1] == [(2 * facts,)]


@pytest.mark.parametrize("table", list(TABLES))
def test_each_table_is_a_view_of_its_name(table: str) -> None:
    rows = pq.read_metadata(EXTRACTED / f"{table}.parquet").num_rows
    assert run_query(EXTRACTED, f"select count(*) from {table}")[1] == [(rows,)]


def test_the_named_views_put_entity_names_beside_the_ids() -> None:
    sql = (
        "select subject_name, object_name from facts_named where predicate = 'heads' and 'Chairman' in roles"
    )
    assert run_query(EXTRACTED, sql)[1] == [("Jean-Yves Blay", "EURAGEN Consortium")]


def test_csv_format_has_a_header_and_lists_joined(capsys: pytest.CaptureFixture[str]) -> None:
    sql = (
        "select object_name, roles from facts_named where subject_name = 'Jean-Yves Blay' and len(roles) = 2"
    )
    status, out, _ = query(capsys, sql, "--format", "csv")
    assert (status, list(csv.reader(io.StringIO(out)))) == (
        0,
        [["object_name", "roles"], ["Léon Bérard Cancer Center", "Executive Director; directeur général"]],
    )


def test_json_format_is_a_list_of_objects(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = query(
        capsys, "select name, n_docs from entities where name = 'Inserm'", "--format", "json"
    )
    assert (status, json.loads(out)) == (0, [{"name": "Inserm", "n_docs": 2}])


def test_table_format_ends_with_the_row_count(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = query(capsys, "select name from entities where type = 'PERSON' limit 3")
    assert status == 0 and out.rstrip().endswith("(3 rows)")


def test_a_sql_error_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = query(capsys, "select * from nowhere")
    assert (status, out) == (2, "")
    assert err.startswith("extract query: SQL error: Catalog Error:") and err.count("\n") == 1


def test_duckdbs_pointer_lines_are_left_out_of_the_message() -> None:
    assert one_line('Parser Error: syntax error at or near "selec"\n\nLINE 1: selec 1\n        ^') == (
        'Parser Error: syntax error at or near "selec"'
    )


def test_a_folder_without_tables_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "select 1", "--tables", str(tmp_path)]) == 2
    assert f"no tables in {tmp_path}" in capsys.readouterr().err
