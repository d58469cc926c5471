"""Gold files: every kind of problem is caught, drafts come out valid, Label Studio round-trips."""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path
from typing import Any

import pytest

from extract.cli.gold import register
from extract.core.errors import ExtractError
from extract.core.tables import to_table
from extract.evaluate.draft import tables_to_gold
from extract.evaluate.gold import DATE_VALUE, alias_warnings, check_dir, check_gold, gold_json, load_gold
from extract.evaluate.labelstudio import (
    export_labelstudio,
    from_labelstudio,
    import_labelstudio,
    to_labelstudio,
)
from labelstudio_tasks import submitted

TEXT = "CLA hired Ann Lee on 4 May 2017.\nAnn Lee heads CLA."


def valid_gold() -> dict[str, Any]:
    """A correct gold file for TEXT: offsets counted by hand (C=0, A=2, 'Ann' at 10, '4' at 21...)."""
    return {
        "doc": "x.txt",
        "entities": [
            {"id": "E1", "type": "ORG", "name": "CLA", "aliases": ["CLA"]},
            {"id": "E2", "type": "PERSON", "name": "Ann Lee", "aliases": ["Ann Lee"]},
        ],
        "mentions": [
            {"start": 0, "end": 3, "text": "CLA", "label": "ORG", "entity": "E1"},
            {"start": 10, "end": 17, "text": "Ann Lee", "label": "PERSON", "entity": "E2"},
            {"start": 21, "end": 31, "text": "4 May 2017", "label": "DATE", "value": "2017-05-04"},
            {"start": 33, "end": 40, "text": "Ann Lee", "label": "PERSON", "entity": "E2"},
            {"start": 47, "end": 50, "text": "CLA", "label": "ORG", "entity": "E1"},
        ],
        "relations": [
            {
                "subject": "E2",
                "predicate": "heads",
                "object": "E1",
                "role": None,
                "date": None,
                "evidence": "Ann Lee heads CLA.",
            },
        ],
    }


def test_valid_gold_has_no_problem():
    assert check_gold(valid_gold(), TEXT) == []


def _set(path: tuple, value: Any):
    def change(gold: dict) -> None:
        target = gold
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _swap_first_mentions(gold: dict) -> None:
    gold["mentions"][0], gold["mentions"][1] = gold["mentions"][1], gold["mentions"][0]


def _duplicate_last_mention(gold: dict) -> None:
    gold["mentions"].append(dict(gold["mentions"][-1]))


def _duplicate_first_entity(gold: dict) -> None:
    gold["entities"].append(dict(gold["entities"][0]))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _set(("mentions", 0, "text"), "CLB"),
            "mention 0 (start 0): text 'CLB' does not match raw text 'CLA'",
        ),
        (_set(("mentions", 4, "end"), 99), "offsets 47-99 are not within"),
        (_set(("mentions", 0, "label"), "GPE"), "label 'GPE' is not one of"),
        (_set(("mentions", 0, "entity"), "E9"), "entity 'E9' is not in 'entities'"),
        (_set(("mentions", 0, "entity"), "E2"), "ORG mention points to 'E2', an entity of type PERSON"),
        (_set(("mentions", 0, "entity"), None), "ORG mention has no 'entity'"),
        (_set(("mentions", 2, "value"), "2017-5-4"), "DATE value '2017-5-4' is not well-formed"),
        (_set(("mentions", 2, "value"), None), "DATE value None is not well-formed"),
        (_swap_first_mentions, "not sorted by start"),
        (_duplicate_last_mention, "same span and label as mention 4"),
        (_duplicate_first_entity, "entity 2 (E1): id 'E1' is already used"),
        (_set(("relations", 0, "predicate"), "leads"), "predicate 'leads' is not one of"),
        (_set(("relations", 0, "subject"), "E1"), "heads needs a PERSON subject, but 'E1' is ORG"),
        (_set(("relations", 0, "object"), "E7"), "object 'E7' is not in 'entities'"),
        (_set(("relations", 0, "date"), "May 2017"), "date 'May 2017' is not well-formed"),
        (_set(("mentions", 0, "start"), "0"), "mention 0: 'start' must be an integer, not a string"),
        (_set(("relations", 0, "comment"), "?"), "relation 0: unknown key 'comment'"),
    ],
)
def test_check_catches_each_kind_of_problem(change, expected):
    gold = valid_gold()
    change(gold)
    problems = check_gold(gold, TEXT)
    assert len(problems) == 1, problems
    assert expected in problems[0]


def test_missing_key_is_a_problem():
    gold = valid_gold()
    del gold["relations"]
    assert check_gold(gold, TEXT) == ["gold file: missing key 'relations'"]


@pytest.mark.parametrize(
    "value",
    ["2017", "2017-06", "2017-06-23", "XXXX-02-04", "XXXX-02", "199X", "2003/2007", "XXXX-04-21/XXXX-04-22"],
)
def test_date_value_grammar_accepts(value):
    assert DATE_VALUE.fullmatch(value)


@pytest.mark.parametrize("value", ["17", "2017-13", "2017-06-32", "XXXX", "June 2017", "2017/", "19XX-01"])
def test_date_value_grammar_rejects(value):
    assert not DATE_VALUE.fullmatch(value)


def test_aliases_that_differ_from_mention_texts_warn():
    gold = valid_gold()
    gold["entities"][0]["aliases"] = ["CLA", "Cla Group"]
    assert alias_warnings(gold) == [
        "entity 0 (E1): aliases are not its mention texts (unused: 'Cla Group'; not listed: none)"
    ]


def test_load_gold_names_the_file_when_json_is_broken(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"doc": ', encoding="utf-8")
    with pytest.raises(ExtractError, match=r"x\.json: not valid UTF-8 JSON"):
        load_gold(path)


def _gold_folder(tmp_path: Path, gold: dict, raw_bytes: bytes) -> tuple[Path, Path]:
    gold_dir, raw_dir = tmp_path / "gold", tmp_path / "raw"
    gold_dir.mkdir()
    raw_dir.mkdir()
    (gold_dir / "x.json").write_text(gold_json(gold), encoding="utf-8")
    (raw_dir / "x.txt").write_bytes(raw_bytes)
    return gold_dir, raw_dir


def test_check_dir_counts_offsets_after_dropping_bom_and_crlf(tmp_path):
    raw = b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8")
    gold_dir, raw_dir = _gold_folder(tmp_path, valid_gold(), raw)
    assert check_dir(gold_dir, raw_dir) == ([], [], 1)


def test_check_command_prints_one_line_per_problem_and_exits_1(tmp_path, capsys):
    gold = valid_gold()
    gold["mentions"][0]["text"] = "CLB"
    gold_dir, raw_dir = _gold_folder(tmp_path, gold, TEXT.encode("utf-8"))
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["gold", "check", str(gold_dir), "--raw", str(raw_dir)])
    assert args.func(args) == 1
    assert capsys.readouterr().out == (
        f"{gold_dir / 'x.json'}: mention 0 (start 0): text 'CLB' does not match raw text 'CLA'\n"
    )


def test_labelstudio_round_trip_gives_the_same_gold():
    gold = valid_gold()
    gold["relations"][0].update(role="head", date="2017")
    assert from_labelstudio(submitted(to_labelstudio(gold, TEXT))) == gold


def test_labelstudio_relation_links_first_regions_of_its_entities():
    task = to_labelstudio(valid_gold(), TEXT)
    relation = next(r for r in task["predictions"][0]["result"] if r["type"] == "relation")
    # subject E2 first appears as mention 1, object E1 as mention 0
    assert (relation["from_id"], relation["to_id"], relation["labels"]) == ("m1", "m0", ["heads"])


def test_labelstudio_files_round_trip(tmp_path):
    gold_dir, raw_dir = _gold_folder(tmp_path, valid_gold(), TEXT.encode("utf-8"))
    tasks_file = tmp_path / "tasks.json"
    tasks = [submitted(task) for task in export_labelstudio(gold_dir, raw_dir)]
    tasks_file.write_text(json.dumps(tasks), encoding="utf-8")
    assert import_labelstudio(tasks_file) == ([load_gold(gold_dir / "x.json")], [])


def test_labelstudio_import_accepts_javascript_offsets():
    text = "🎉 CLA"  # the emoji is one str character but two UTF-16 units, as Label Studio counts
    gold = {
        "doc": "e.txt",
        "entities": [{"id": "E1", "type": "ORG", "name": "CLA", "aliases": ["CLA"]}],
        "mentions": [{"start": 2, "end": 5, "text": "CLA", "label": "ORG", "entity": "E1"}],
        "relations": [],
    }
    task = submitted(to_labelstudio(gold, text))
    task["annotations"][0]["result"][0]["value"].update(start=3, end=6)
    assert from_labelstudio(task)["mentions"][0]["start"] == 2


def test_labelstudio_new_region_for_new_entity_becomes_an_entity():
    task = submitted(to_labelstudio(valid_gold(), TEXT))
    task["annotations"][0]["result"].append(
        {
            "id": "new",
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "meta": {"text": ["entity=E3"]},
            "value": {"start": 6, "end": 9, "text": "red", "labels": ["ORG"]},
        }
    )
    gold = from_labelstudio(task)
    assert gold["entities"][-1] == {"id": "E3", "type": "ORG", "name": "red", "aliases": ["red"]}


def _tables_for_draft() -> tuple[dict, Any, Any, Any]:
    doc = {"doc_id": "d1", "path": "x.txt"}
    rows = [  # (start, end, text, label, entity_id, value); listed out of order on purpose
        (33, 40, "Ann Lee", "PERSON", "p7", None),
        (0, 3, "CLA", "ORG", "o3", None),
        (10, 17, "Ann Lee", "PERSON", "p7", None),
        (21, 31, "4 May 2017", "DATE", None, "2017-05-04"),
        (47, 50, "CLA", "ORG", "o3", None),
    ]
    mentions = to_table(
        "mentions",
        [
            {
                "mention_id": f"m{i}",
                "doc_id": "d1",
                "start": s,
                "end": e,
                "text": t,
                "label": lab,
                "entity_id": ent,
                "value": val,
                "lang": "en",
                "source": "model",
            }
            for i, (s, e, t, lab, ent, val) in enumerate(rows)
        ],
    )
    entities = to_table(
        "entities",
        [
            {
                "entity_id": "o3",
                "type": "ORG",
                "name": "CLA",
                "aliases": ["CLA"],
                "n_docs": 1,
                "n_mentions": 2,
            },
            {
                "entity_id": "p7",
                "type": "PERSON",
                "name": "Ann Lee",
                "aliases": ["Ann Lee"],
                "n_docs": 1,
                "n_mentions": 2,
            },
        ],
    )
    relations = to_table(
        "relations",
        [
            {
                "relation_id": "r1",
                "doc_id": "d1",
                "subject_id": "p7",
                "predicate": "heads",
                "object_id": "o3",
                "role": None,
                "date": None,
                "start": 33,
                "end": 51,
                "evidence": "Ann Lee heads CLA.",
            },
            {
                "relation_id": "r2",
                "doc_id": "other",
                "subject_id": "p7",
                "predicate": "works_for",
                "object_id": "o3",
                "role": None,
                "date": None,
                "start": 0,
                "end": 1,
                "evidence": "another document",
            },
        ],
    )
    return doc, mentions, entities, relations


def test_tables_to_gold_numbers_entities_by_first_mention():
    gold = tables_to_gold(*_tables_for_draft())
    # CLA (offset 0) comes before Ann Lee (offset 10); the other document's relation is left out
    assert [(e["id"], e["name"]) for e in gold["entities"]] == [("E1", "CLA"), ("E2", "Ann Lee")]
    assert gold["relations"] == valid_gold()["relations"]


def test_tables_to_gold_reproduces_the_hand_made_gold_file():
    assert tables_to_gold(*_tables_for_draft()) == valid_gold()


def test_labelstudio_export_leaves_the_gold_unchanged():
    gold = valid_gold()
    before = copy.deepcopy(gold)
    from_labelstudio(submitted(to_labelstudio(gold, TEXT)))
    assert gold == before


# --- agreement of two labellings ------------------------------------------------------------------


def _agreement(second: dict[str, Any]):
    from extract.evaluate.agreement import agreement

    first = {"a/x.json": valid_gold()}
    return agreement(first, {"b/x.json": second}, raw_dir=Path("."), second_dir=Path("b"))


def test_two_identical_labellings_agree_fully():
    assert _agreement(valid_gold()).overall.count("relations.all").f1 == 1.0


def test_a_relation_only_one_labeller_saw_lowers_agreement():
    second = valid_gold()
    second["relations"] = []
    assert _agreement(second).overall.count("relations.all").f1 == 0.0
