"""The explorer's builder (no browser): facts from relations, the data file, the site's files, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from explore_tables import write_fixture
from extract.cli.main import main
from extract.core.errors import ExtractError
from extract.explore.site.build import build_site, data_script, utf16_offsets
from extract.explore.site.facts import facts_of

REPO = Path(__file__).resolve().parents[1]


def _rel(rid: str, doc: str, s: str, p: str, o: str, date: str | None = None, evidence: str = "x") -> dict:
    return {
        "relation_id": rid,
        "doc_id": doc,
        "subject_id": s,
        "predicate": p,
        "object_id": o,
        "date": date,
        "evidence": evidence,
    }


def test_without_a_facts_table_the_relations_are_grouped_as_the_table_would_be(tmp_path: Path) -> None:
    relations = [_rel("r1", "d1", "B", "partner_of", "A"), _rel("r2", "d2", "A", "partner_of", "B")]
    pq.write_table(pa.Table.from_pylist(relations), tmp_path / "relations.parquet")
    facts = facts_of(tmp_path)
    assert [(f["subject_id"], f["object_id"], f["n_docs"]) for f in facts] == [("A", "B", 2)]


def test_facts_table_is_read_when_the_folder_has_it(tmp_path: Path) -> None:
    row = {
        "fact_id": "f1",
        "subject_id": "A",
        "predicate": "heads",
        "object_id": "B",
        "n_docs": 7,
        "doc_ids": ["d"],
        "relation_ids": ["r"],
        "first_date": None,
        "last_date": None,
        "evidence": "e",
        "evidence_doc_id": "d",
        "evidence_relation_id": "r",
        "extra": 1,
    }
    pq.write_table(pa.Table.from_pylist([row]), tmp_path / "facts.parquet")
    assert facts_of(tmp_path)[0]["n_docs"] == 7
    assert "extra" not in facts_of(tmp_path)[0]


def test_utf16_offsets_count_an_emoji_twice() -> None:
    at = utf16_offsets("a🎉b")
    assert [at(0), at(1), at(2), at(3)] == [0, 1, 3, 4]


def test_utf16_offsets_keep_a_text_of_the_basic_plane() -> None:
    at = utf16_offsets("Léon Bérard’s")
    assert at(13) == 13


def test_the_data_file_cannot_close_a_script_element() -> None:
    script = data_script({"text": "</script><img src=x>\u2028"}).decode()
    assert "<" not in script and "\u2028" not in script
    assert json.loads(script.removeprefix("window.EXPLORER_DATA = ").removesuffix(";\n")) == {
        "text": "</script><img src=x>\u2028"
    }


def test_the_site_is_four_files_and_the_same_bytes_twice(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    write_fixture(tables)
    one, two = tmp_path / "one", tmp_path / "two"
    build_site(tables=tables, out=one)
    build_site(tables=tables, out=two)
    names = sorted(p.name for p in one.iterdir())
    assert names == ["data.js", "explorer.css", "explorer.js", "index.html"]
    assert all((one / n).read_bytes() == (two / n).read_bytes() for n in names)


def test_the_page_loads_nothing_from_the_network() -> None:
    assets = REPO / "src/extract/explore/site/assets"
    for path in assets.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text
        assert "fetch(" not in text and "XMLHttpRequest" not in text and "innerHTML" not in text


def test_the_committed_tables_give_every_entity_and_fact(tmp_path: Path) -> None:
    build_site(tables=REPO / "extracted", out=tmp_path)
    data = json.loads((tmp_path / "data.js").read_text(encoding="utf-8")[len("window.EXPLORER_DATA = ") : -2])
    assert len(data["entities"]) == pq.read_metadata(REPO / "extracted/entities.parquet").num_rows
    assert len(data["facts"]) == len(facts_of(REPO / "extracted"))


def test_a_missing_table_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match=r"documents\.parquet not found"):
        build_site(tables=tmp_path, out=tmp_path / "site")


def test_an_output_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    write_fixture(tmp_path / "tables")
    (tmp_path / "site").write_text("mine")
    with pytest.raises(ExtractError, match="is a file, not a folder"):
        build_site(tables=tmp_path / "tables", out=tmp_path / "site")
    assert (tmp_path / "site").read_text() == "mine"


def test_the_command_writes_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_fixture(tmp_path / "tables")
    code = main(["explore", "--tables", str(tmp_path / "tables"), "--out", str(tmp_path / "site")])
    assert code == 0 and (tmp_path / "site/index.html").is_file()


def test_the_command_fails_with_exit_code_2_on_missing_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["explore", "--tables", str(tmp_path), "--out", str(tmp_path / "site")])
    assert code == 2
    assert "documents.parquet not found" in capsys.readouterr().err
