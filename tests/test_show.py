"""``extract show NAME`` on the committed tables: found by any name, accents and case ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.cli.main import main
from extract.explore.lookup import find_entities
from extract.explore.tables import read_tables

TABLES = Path(__file__).resolve().parent.parent / "extracted"


def show(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, output and error output of ``extract show ARGS`` over the committed tables."""
    status = main(["show", *args, "--tables", str(TABLES)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def shown(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    status, out, _ = show(capsys, *args, "--format", "json")
    assert status == 0
    return json.loads(out)


def test_an_organisation_is_found_by_its_name_in_the_other_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the texts write only the English forms; the organisations list gives the French one
    profile = shown(capsys, "Institut national de la santé et de la recherche médicale")
    assert (profile["name"], profile["listed_names"]) == (
        "Inserm",
        ["Institut national de la santé et de la recherche médicale"],
    )


def test_accents_and_case_are_ignored(capsys: pytest.CaptureFixture[str]) -> None:
    assert shown(capsys, "CENTRE leon berard")["name"] == "Léon Bérard Cancer Center"


def test_the_name_may_be_given_in_several_words_without_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    assert shown(capsys, "Curie", "Institute")["name"] == "Institut Curie"


def test_facts_are_shown_in_both_directions(capsys: pytest.CaptureFixture[str]) -> None:
    facts = shown(capsys, "CLB")["facts"]
    heads = {(f["subject_name"], f["direction"]) for f in facts if f["predicate"] == "heads"}
    members = {f["direction"] for f in facts if f["predicate"] == "member_of"}
    assert ("Jean-Yves Blay", "in") in heads and "out" in members


def documents_stating(fact: dict) -> int:
    """How many documents of the committed relations table state ``fact``."""
    relations = read_tables(TABLES)["relations"].to_pylist()
    ends = (fact["subject_id"], fact["predicate"], fact["object_id"])
    return len({r["doc_id"] for r in relations if (r["subject_id"], r["predicate"], r["object_id"]) == ends})


def test_a_fact_has_its_dates_documents_and_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    facts = shown(capsys, "CLB")["facts"]
    oeci = next(f for f in facts if f["predicate"] == "accredited_by" and f["direction"] == "out")
    assert (oeci["first_date"], oeci["last_date"]) == ("2017", "2017-06-23")
    assert oeci["n_docs"] == len(oeci["doc_ids"]) == documents_stating(oeci) > 1
    assert oeci["evidence"].startswith("It’s been certified in 2017") and oeci["evidence_path"].endswith(
        ".txt"
    )


def test_the_documents_it_appears_in_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    documents = shown(capsys, "Inserm")["documents"]
    assert [d["path"] for d in documents] == ["000_d4a72e297df3e722.txt", "001_f66f4c5769d00aac.txt"]


def test_an_entity_id_finds_its_entity(capsys: pytest.CaptureFixture[str]) -> None:
    assert shown(capsys, "Oc77ecb2fa89f4ec")["name"] == "Inserm"


def test_several_matches_are_listed_with_how_to_choose_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "lyon", "--format", "json")
    assert status == 1
    matches = json.loads(out)["matches"]  # "Cancer Research Center of Lyon", "Lyon University", ...
    assert len(matches) > 1 and all("lyon" in m["name"].lower() for m in matches)
    assert f"names {len(matches)} entities" in err and "entity_id" in err


def test_no_match_says_so_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = show(capsys, "Nowhere Institute")
    assert (status, out) == (1, "")
    assert err.startswith("extract show: no organisation or person in") and err.count("\n") == 1


def test_the_terminal_view_writes_facts_as_statements(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    status, out, _ = show(capsys, "Inserm")
    assert status == 0
    assert out.startswith("Inserm  ORG  Oc77ecb2fa89f4ec\n")
    assert "  Inserm partner_of Léon Bérard Cancer Center  1 document\n" in out


def test_the_markdown_view_has_a_facts_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = show(capsys, "Inserm", "--format", "md")
    assert status == 0
    assert "| Cancer Research Center of Lyon funded_by Inserm | 1 | 2017 |" in out


def test_a_users_alias_finds_its_organisation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "aliases.csv").write_text(
        "canonical,alias\nCentre Léon Bérard,CLCC de Lyon\n", encoding="utf-8"
    )
    (tmp_path / "my.toml").write_text('[linking]\naliases = "aliases.csv"\n', encoding="utf-8")
    assert shown(capsys, "clcc de lyon", "--settings", str(tmp_path / "my.toml"))["name"] == (
        "Léon Bérard Cancer Center"
    )


def test_a_word_of_a_name_finds_it_only_when_no_name_matches_whole() -> None:
    entities = read_tables(TABLES)["entities"].to_pylist()
    assert [m.name for m in find_entities(entities, "Bérard")] == ["Léon Bérard Cancer Center"]
    assert [m.name for m in find_entities(entities, "Lyon University")] == ["Lyon University"]
