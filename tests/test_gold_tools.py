"""The gold tools on every input format, Label Studio's side of them, and their help (issue 16, item 14).

Gold offsets count in ``documents.text``; the tools read a raw file with the pipeline's own ingest,
so a PDF, a web page, a Word file and an e-mail get the offsets a run gives them. Label Studio gets
the gold labels as predictions, with a labelling config made from the schema, and what a person
deleted there is gone from the gold file that comes back.
"""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from extract.cli.main import build_parser
from extract.core.schema import LABELS, PREDICATES
from extract.evaluate.draft import draft_gold
from extract.evaluate.gold import check_dir, gold_json, load_gold
from extract.evaluate.labelstudio import (
    LABELS_NAME,
    TEXT_NAME,
    NotLabelled,
    export_labelstudio,
    from_labelstudio,
    import_labelstudio,
    labelling_config,
    to_labelstudio,
)
from labelstudio_tasks import submitted
from renderings import render_docx, render_forward, render_html, render_pdf

ROOT = Path(__file__).resolve().parents[1]
RELEASE = (
    "Harrow Institute names Ann Lee director\n"
    "London, 4 May 2017 - The Harrow Institute today named Ann Lee as its director.\n"
    "Ann Lee joins from the Vane Foundation, where she led research for ten years.\n"
)
RENDERED = {"x.pdf": render_pdf, "x.html": render_html, "x.docx": render_docx, "mail.eml": render_forward}
#: Every document of the rendered folder: the e-mail's attached PDF is one of its own (render_forward
#: writes it beside the message for a moment: mail.pdf, not to clobber x.pdf).
DOCS = (*RENDERED, "mail.eml#release.pdf")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A raw folder holding the release in every format but .txt, and each document's text after a run."""
    from extract.run.runner import run

    base = tmp_path_factory.mktemp("formats")
    raw, out = base / "raw", base / "out"
    raw.mkdir()
    for name, render in RENDERED.items():
        render(RELEASE, raw / name)
    run(raw, out, progress=False)
    rows = pq.read_table(out / "documents.parquet").to_pylist()
    return raw, {row["path"]: row["text"] for row in rows}


def _empty_gold(doc: str) -> dict[str, Any]:
    return {"doc": doc, "entities": [], "mentions": [], "relations": []}


def _gold_dir(base: Path, *golds: dict[str, Any]) -> Path:
    folder = base / "gold"
    folder.mkdir()
    for number, gold in enumerate(golds):
        (folder / f"g{number}.json").write_text(gold_json(gold), encoding="utf-8")
    return folder


# --- every input format, through documents.text ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("doc", DOCS)
def test_export_sends_the_documents_text_of_every_format(rendered, tmp_path, doc):
    raw, texts = rendered
    (task,) = export_labelstudio(_gold_dir(tmp_path, _empty_gold(doc)), raw)
    assert task["data"][TEXT_NAME] == texts[doc]


def _gold_of_the_first(text: str, word: str, doc: str) -> dict[str, Any]:
    start = text.index(word)
    gold = _empty_gold(doc)
    gold["entities"] = [{"id": "E1", "type": "PERSON", "name": word, "aliases": [word]}]
    gold["mentions"] = [
        {"start": start, "end": start + len(word), "text": word, "label": "PERSON", "entity": "E1"}
    ]
    return gold


@pytest.mark.slow
@pytest.mark.parametrize("doc", ["x.pdf", "x.html"])
def test_check_counts_offsets_in_the_documents_text(rendered, tmp_path, doc):
    raw, texts = rendered
    assert check_dir(_gold_dir(tmp_path, _gold_of_the_first(texts[doc], "Ann Lee", doc)), raw) == ([], [], 1)


@pytest.mark.slow
def test_check_finds_a_wrong_offset_in_a_pdf_gold(rendered, tmp_path):
    raw, texts = rendered
    gold = _gold_of_the_first(texts["x.pdf"], "Ann Lee", "x.pdf")
    gold["mentions"][0]["start"] += 1
    gold["mentions"][0]["end"] += 1
    problems, _, _ = check_dir(_gold_dir(tmp_path, gold), raw)
    assert len(problems) == 1 and "text 'Ann Lee' does not match raw text 'nn Lee '" in problems[0]


def test_check_says_when_the_raw_file_gives_no_text(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_text("<html><script>var a = 1;</script></html>", encoding="utf-8")
    gold_dir = _gold_dir(tmp_path, _empty_gold("page.html"))
    problems, _, _ = check_dir(gold_dir, raw)
    assert problems == [
        f"{gold_dir / 'g0.json'}: raw file {raw / 'page.html'} gives no text "
        "(skipped: no main text found in HTML page), so no offset can be checked"
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["x.pdf", "x.html"])
def test_a_draft_of_a_pdf_or_web_page_checks_clean(rendered, tmp_path, name):
    raw, _ = rendered
    gold = draft_gold(raw / name)
    assert gold["mentions"], "the draft should hold the pipeline's mentions"
    assert check_dir(_gold_dir(tmp_path, gold), raw) == ([], [], 1)


# --- Label Studio -------------------------------------------------------------------------------------

TEXT = "CLA hired Ann Lee on 4 May 2017.\nAnn Lee heads CLA. Lee left."


def _gold() -> dict[str, Any]:
    """A gold file for TEXT whose Ann Lee has two forms ("Ann Lee", "Lee") and CLA one."""
    return {
        "doc": "x.txt",
        "entities": [
            {"id": "E1", "type": "ORG", "name": "CLA", "aliases": ["CLA"]},
            {"id": "E2", "type": "PERSON", "name": "Ann Lee", "aliases": ["Ann Lee", "Lee"]},
        ],
        "mentions": [
            {"start": 0, "end": 3, "text": "CLA", "label": "ORG", "entity": "E1"},
            {"start": 10, "end": 17, "text": "Ann Lee", "label": "PERSON", "entity": "E2"},
            {"start": 21, "end": 31, "text": "4 May 2017", "label": "DATE", "value": "2017-05-04"},
            {"start": 33, "end": 40, "text": "Ann Lee", "label": "PERSON", "entity": "E2"},
            {"start": 47, "end": 50, "text": "CLA", "label": "ORG", "entity": "E1"},
            {"start": 52, "end": 55, "text": "Lee", "label": "PERSON", "entity": "E2"},
        ],
        "relations": [],
    }


def _region(task: dict[str, Any], start: int) -> str:
    """The id of the region of ``task`` that starts at ``start``."""
    return next(r["id"] for r in task["predictions"][0]["result"] if r.get("value", {}).get("start") == start)


def test_export_gives_the_labels_as_predictions_not_annotations():
    task = to_labelstudio(_gold(), TEXT)
    assert "annotations" not in task
    assert len(task["predictions"][0]["result"]) == len(_gold()["mentions"])


def test_import_refuses_a_task_no_one_submitted():
    with pytest.raises(NotLabelled, match=r"x\.txt has no submitted annotation"):
        from_labelstudio(to_labelstudio(_gold(), TEXT))


def test_import_skips_an_annotation_that_was_cancelled():
    task = submitted(to_labelstudio(_gold(), TEXT))
    task["annotations"].insert(0, {"result": [], "was_cancelled": True})
    assert from_labelstudio(task) == _gold()


def test_import_leaves_out_unlabelled_tasks_with_a_line_each(tmp_path):
    tasks_file = tmp_path / "tasks.json"
    done, pending = submitted(to_labelstudio(_gold(), TEXT)), to_labelstudio(_gold(), TEXT)
    tasks_file.write_text(json.dumps([done, pending]), encoding="utf-8")
    golds, left_out = import_labelstudio(tasks_file)
    assert golds == [_gold()]
    assert left_out == [f"{tasks_file}: task 1: x.txt has no submitted annotation in Label Studio "
                        "(only pre-annotations); no gold file written"]  # fmt: skip


def test_deleting_every_region_of_an_entity_drops_the_entity():
    task = to_labelstudio(_gold(), TEXT)
    gold = from_labelstudio(submitted(task, drop=(_region(task, 0), _region(task, 47))))
    assert [e["id"] for e in gold["entities"]] == ["E2"]


def test_deleting_the_only_region_of_an_alias_takes_it_off_the_entity():
    task = to_labelstudio(_gold(), TEXT)
    gold = from_labelstudio(submitted(task, drop=(_region(task, 52),)))
    assert gold["entities"][1] == {"id": "E2", "type": "PERSON", "name": "Ann Lee", "aliases": ["Ann Lee"]}


def test_deleting_the_regions_of_an_entitys_name_names_it_by_its_longest_form():
    task = to_labelstudio(_gold(), TEXT)
    gold = from_labelstudio(submitted(task, drop=(_region(task, 10), _region(task, 33))))
    assert gold["entities"][1] == {"id": "E2", "type": "PERSON", "name": "Lee", "aliases": ["Lee"]}


@pytest.mark.parametrize(("gold_dir", "raw_dir"), [("gold/dev", "raw"), ("gold/extra", "gold/extra/raw")])
def test_the_gold_sets_come_back_unchanged_from_label_studio(tmp_path, gold_dir, raw_dir):
    tasks_file = tmp_path / "tasks.json"
    tasks = [submitted(task) for task in export_labelstudio(ROOT / gold_dir, ROOT / raw_dir)]
    tasks_file.write_text(json.dumps(tasks), encoding="utf-8")
    golds, _ = import_labelstudio(tasks_file)
    assert golds == [load_gold(path) for path in sorted((ROOT / gold_dir).glob("*.json"))]


# --- the labelling config -----------------------------------------------------------------------------


def test_the_labelling_config_offers_the_schemas_labels_and_predicates():
    view = ET.fromstring(labelling_config())
    labels = view.find("Labels")
    assert labels is not None
    assert (labels.get("name"), labels.get("toName")) == (LABELS_NAME, TEXT_NAME)
    assert tuple(label.get("value") for label in labels.iter("Label")) == LABELS
    assert tuple(relation.get("value") for relation in view.iter("Relation")) == PREDICATES
    text = view.find("Text")
    assert text is not None and (text.get("name"), text.get("value")) == (TEXT_NAME, f"${TEXT_NAME}")


def test_the_tasks_name_the_configs_controls():
    region = to_labelstudio(_gold(), TEXT)["predictions"][0]["result"][0]
    assert (region["from_name"], region["to_name"]) == (LABELS_NAME, TEXT_NAME)


def test_the_shipped_labelling_config_is_the_generated_one():
    assert (ROOT / "gold" / "labelstudio.xml").read_text(encoding="utf-8") == labelling_config()


# --- help ---------------------------------------------------------------------------------------------


def _gold_commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    gold = commands.choices["gold"]
    actions = next(a for a in gold._actions if isinstance(a, argparse._SubParsersAction))
    return dict(actions.choices)


@pytest.mark.parametrize("name", ["check", "draft", "export", "import", "config", "agree"])
def test_every_gold_subcommand_says_what_it_does(name):
    assert _gold_commands()[name].description


@pytest.mark.parametrize("name", ["check", "draft", "export", "import", "config", "agree"])
def test_every_option_and_argument_of_a_gold_subcommand_has_help(name):
    missing = [a.dest for a in _gold_commands()[name]._actions if not a.help]
    assert missing == []
