"""The facts table: the relations of every document that state one triple, gathered into one row."""

from __future__ import annotations

from typing import Any

import pytest

from extract.core.contract import check_tables
from extract.core.errors import ExtractError
from extract.core.tables import to_table
from extract.linking.facts import date_range, fact_id, fact_rows, strongest


def relation(rid: str, doc: str, subject: str, predicate: str, obj: str, **extra: Any) -> dict[str, Any]:
    evidence = extra.pop("evidence", f"{subject} {predicate} {obj}.")
    return {
        "relation_id": rid,
        "doc_id": doc,
        "subject_id": subject,
        "predicate": predicate,
        "object_id": obj,
        "role": extra.pop("role", None),
        "date": extra.pop("date", None),
        "start": 0,
        "end": len(evidence),
        "evidence": evidence,
    }


def test_partner_of_stated_both_ways_is_one_fact_with_the_smaller_id_first() -> None:
    rows = fact_rows(
        [relation("r1", "d1", "OB", "partner_of", "OA"), relation("r2", "d2", "OA", "partner_of", "OB")]
    )
    assert [(f["subject_id"], f["object_id"], f["n_docs"], f["relation_ids"]) for f in rows] == [
        ("OA", "OB", 2, ["r1", "r2"])
    ]


def test_an_asymmetric_predicate_keeps_its_direction() -> None:
    rows = fact_rows(
        [relation("r1", "d1", "OB", "member_of", "OA"), relation("r2", "d1", "OA", "member_of", "OB")]
    )
    assert [(f["subject_id"], f["object_id"]) for f in rows] == [("OA", "OB"), ("OB", "OA")]


def test_one_triple_in_two_documents_lists_both_documents_sorted() -> None:
    rows = fact_rows(
        [relation("r9", "d2", "P1", "heads", "O1"), relation("r1", "d1", "P1", "heads", "O1", role="CEO")]
    )
    assert (rows[0]["doc_ids"], rows[0]["relation_ids"], rows[0]["roles"]) == (
        ["d1", "d2"],
        ["r1", "r9"],
        ["CEO"],
    )


def test_the_fact_id_is_a_hash_of_the_triple_alone() -> None:
    first = fact_rows([relation("r1", "d1", "P1", "heads", "O1")])[0]["fact_id"]
    again = fact_rows([relation("r7", "d3", "P1", "heads", "O1", date="2020")])[0]["fact_id"]
    assert first == again == fact_id("P1", "heads", "O1")
    assert fact_id("P1", "heads", "O1") != fact_id("P1", "works_for", "O1")


def test_dates_span_from_the_earliest_start_to_the_latest_end() -> None:
    assert date_range(["2017-06-23", None, "2015/2016-03", "2017"]) == ("2015", "2017-06-23")


def test_a_date_without_a_year_is_left_out_and_a_decade_counts_as_its_years() -> None:
    assert date_range(["XXXX-04-21", "199X"]) == ("199X", "199X")
    assert date_range(["1995", "199X"]) == ("199X", "199X")
    assert date_range(["XXXX-04-21", None]) == (None, None)


def test_the_strongest_evidence_has_a_date_then_is_shortest() -> None:
    dated = relation(
        "r3", "d1", "P1", "heads", "O1", date="2019", evidence="A much longer sentence, dated 2019."
    )
    short = relation("r1", "d2", "P1", "heads", "O1", evidence="P1 heads O1.")
    shorter = relation("r2", "d3", "P1", "heads", "O1", evidence="P1, O1.")
    assert strongest([short, dated, shorter])["relation_id"] == "r3"
    assert strongest([short, shorter])["relation_id"] == "r2"


def _tables(relations: list[dict[str, Any]], facts: list[dict[str, Any]]) -> dict[str, Any]:
    documents = [
        {
            "doc_id": d,
            "path": f"{d}.txt",
            "sha256": "0",
            "format": "txt",
            "lang": "en",
            "text": "",
            "n_chars": 0,
            "status": "ok",
        }
        for d in ("d1", "d2")
    ]
    entities = [
        {"entity_id": e, "type": "ORG", "name": e, "aliases": [e], "n_docs": 1, "n_mentions": 1}
        for e in ("OA", "OB")
    ]
    return {
        "documents": to_table("documents", documents),
        "mentions": to_table("mentions", []),
        "entities": to_table("entities", entities),
        "relations": to_table("relations", relations),
        "facts": to_table("facts", facts),
    }


def test_the_contract_accepts_the_facts_of_the_relations() -> None:
    relations = [
        relation("r1", "d1", "OB", "partner_of", "OA"),
        relation("r2", "d2", "OA", "member_of", "OB"),
    ]
    check_tables(_tables(relations, fact_rows(relations)), doc_langs=("en",))


def test_the_contract_refuses_a_partner_of_fact_in_the_wrong_order() -> None:
    relations = [relation("r1", "d1", "OB", "partner_of", "OA")]
    facts = fact_rows(relations)
    facts[0].update(subject_id="OB", object_id="OA")
    with pytest.raises(ExtractError, match="smaller entity_id"):
        check_tables(_tables(relations, facts), doc_langs=("en",))


def test_the_contract_refuses_a_relation_in_no_fact() -> None:
    relations = [
        relation("r1", "d1", "OB", "partner_of", "OA"),
        relation("r2", "d2", "OA", "member_of", "OB"),
    ]
    with pytest.raises(ExtractError, match="in no fact"):
        check_tables(_tables(relations, fact_rows(relations[:1])), doc_langs=("en",))
