"""The scorer counts as gold/GUIDELINES.md says: each test changes one thing in a perfect prediction."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from extract.core.tables import to_table
from extract.evaluate.annotations import normalise_form
from extract.evaluate.matching import Counts, match_one_to_one
from extract.evaluate.report import HEADLINE, RATIOS, score_markdown, write_reports
from extract.evaluate.score import ScoreRun, pair_documents, score_pairs

TEXT = "Acme Corp hired Jane Doe in 2017. Jane Doe heads Acme. Acme works with Beta Labs."


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def mention(text: str, part: str, label: str, nth: int = 0, **fields: Any) -> dict[str, Any]:
    start, end = at(text, part, nth)
    return {"start": start, "end": end, "text": part, "label": label, **fields}


def make_gold(doc: str = "a.txt", text: str = TEXT) -> dict[str, Any]:
    """4 ORG, 2 PERSON and 1 DATE mentions; entities Acme (E1), Jane Doe (E2), Beta Labs (E3)."""
    return {
        "doc": doc,
        "entities": [
            {"id": "E1", "type": "ORG", "name": "Acme Corp", "aliases": ["Acme Corp", "Acme"]},
            {"id": "E2", "type": "PERSON", "name": "Jane Doe", "aliases": ["Jane Doe"]},
            {"id": "E3", "type": "ORG", "name": "Beta Labs", "aliases": ["Beta Labs"]},
        ],
        "mentions": [
            mention(text, "Acme Corp", "ORG", entity="E1"),
            mention(text, "Jane Doe", "PERSON", entity="E2"),
            mention(text, "2017", "DATE", value="2017"),
            mention(text, "Jane Doe", "PERSON", 1, entity="E2"),
            mention(text, "Acme", "ORG", 1, entity="E1"),
            mention(text, "Acme", "ORG", 2, entity="E1"),
            mention(text, "Beta Labs", "ORG", entity="E3"),
        ],
        "relations": [
            {
                "subject": "E2",
                "predicate": "heads",
                "object": "E1",
                "role": None,
                "date": None,
                "evidence": "x",
            },
            {
                "subject": "E1",
                "predicate": "partner_of",
                "object": "E3",
                "role": None,
                "date": None,
                "evidence": "y",
            },
        ],
    }


def perfect_rows(gold: dict[str, Any], *, doc_id: str = "d1", lang: str = "en", text: str = TEXT) -> dict:
    """Table rows that predict ``gold`` exactly (entity ids prefixed with the document id)."""
    document = {
        "doc_id": doc_id,
        "path": gold["doc"],
        "sha256": "0" * 64,
        "format": "txt",
        "lang": lang,
        "title": None,
        "text": text,
        "n_chars": len(text),
        "status": "ok",
        "message": None,
    }
    mentions = [
        {
            "mention_id": f"{doc_id}-m{i}",
            "doc_id": doc_id,
            "start": m["start"],
            "end": m["end"],
            "text": m["text"],
            "label": m["label"],
            "entity_id": f"{doc_id}-{m['entity']}" if "entity" in m else None,
            "value": m.get("value"),
            "lang": lang,
            "source": "model",
        }
        for i, m in enumerate(gold["mentions"])
    ]
    entities = [
        {
            "entity_id": f"{doc_id}-{e['id']}",
            "type": e["type"],
            "name": e["name"],
            "aliases": e["aliases"],
            "n_docs": 1,
            "n_mentions": 1,
        }
        for e in gold["entities"]
    ]
    relations = [
        {
            "relation_id": f"{doc_id}-r{i}",
            "doc_id": doc_id,
            "subject_id": f"{doc_id}-{r['subject']}",
            "predicate": r["predicate"],
            "object_id": f"{doc_id}-{r['object']}",
            "role": r["role"],
            "date": r["date"],
            "start": i,
            "end": i + 1,
            "evidence": r["evidence"],
        }
        for i, r in enumerate(gold["relations"])
    ]
    return {"documents": [document], "mentions": mentions, "entities": entities, "relations": relations}


def merge(*row_sets: dict) -> dict:
    return {name: [row for rows in row_sets for row in rows[name]] for name in row_sets[0]}


def score(golds: dict[str, dict[str, Any]], rows: dict) -> ScoreRun:
    tables = {name: to_table(name, table_rows) for name, table_rows in rows.items()}
    pairs, unmatched = pair_documents(golds, tables)
    return score_pairs(Path("tables"), pairs, unmatched)


def by_text(rows: dict, part: str, nth: int = 0) -> dict[str, Any]:
    """The mention row of the ``nth`` occurrence of ``part``."""
    return [m for m in rows["mentions"] if m["text"] == part][nth]


def test_perfect_prediction_scores_one_everywhere():
    gold = make_gold()
    run = score({"g.json": gold}, perfect_rows(gold))
    for key, _ in HEADLINE:
        if key in RATIOS:
            assert run.overall.ratio(key).value == 1.0, key
        else:
            counts = run.overall.count(key)
            assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), key
    assert run.errors == ()


def test_missed_mention_lowers_recall_only():
    gold = make_gold()
    rows = perfect_rows(gold)
    rows["mentions"].remove(by_text(rows, "Beta Labs"))
    counts = score({"g.json": gold}, rows).overall.count("mentions.strict.ORG")
    # 4 gold ORG mentions, 3 found, nothing wrong: P = 1, R = 3/4, F1 = 2 * 1 * 0.75 / 1.75 = 6/7
    assert (counts.tp, counts.fp, counts.fn) == (3, 0, 1)
    assert counts.precision == 1.0
    assert counts.recall == 0.75
    assert counts.f1 == pytest.approx(6 / 7)


def test_wrong_boundary_is_strict_error_but_partial_match():
    gold = make_gold()
    rows = perfect_rows(gold)
    acme_corp = by_text(rows, "Acme Corp")
    acme_corp.update(end=acme_corp["start"] + 4, text="Acme")
    run = score({"g.json": gold}, rows)
    assert run.overall.count("mentions.strict.ORG") == Counts(tp=3, fp=1, fn=1)
    assert run.overall.count("mentions.partial.ORG") == Counts(tp=4, fp=0, fn=0)
    assert [(e.kind, e.label) for e in run.errors if e.layer == "mentions"] == [("wrong boundary", "ORG")]


def test_wrong_date_value_keeps_span_but_drops_value_figures():
    gold = make_gold()
    rows = perfect_rows(gold)
    by_text(rows, "2017")["value"] = "2016"
    run = score({"g.json": gold}, rows)
    assert run.overall.count("mentions.strict.DATE") == Counts(tp=1, fp=0, fn=0)
    # one strict DATE match, its value wrong: accuracy 0/1, span+value one FP and one FN
    assert run.overall.ratio("dates.value").value == 0.0
    assert run.overall.count("dates.span_value") == Counts(tp=0, fp=1, fn=1)
    assert run.overall.count("dates.span_value").f1 == 0.0


def test_split_entity_gives_one_false_positive():
    gold = make_gold()
    rows = perfect_rows(gold)
    for nth in (0, 1):  # both bare "Acme" mentions go to a second predicted entity
        by_text(rows, "Acme", nth)["entity_id"] = "d1-E1b"
    rows["entities"].append(
        {
            "entity_id": "d1-E1b",
            "type": "ORG",
            "name": "Acme",
            "aliases": ["Acme"],
            "n_docs": 1,
            "n_mentions": 2,
        }
    )
    counts = score({"g.json": gold}, rows).overall.count("entities.ORG")
    # gold ORG entities: Acme, Beta Labs; predicted: Acme Corp, Acme, Beta Labs
    assert counts == Counts(tp=2, fp=1, fn=0)


def test_entity_matches_across_case_accents_and_punctuation():
    text = "Centre Léon-Bérard."
    gold = {
        "doc": "a.txt",
        "entities": [
            {"id": "E1", "type": "ORG", "name": "Centre Léon-Bérard", "aliases": ["Centre Léon-Bérard"]}
        ],
        "mentions": [mention(text, "Centre Léon-Bérard", "ORG", entity="E1")],
        "relations": [],
    }
    rows = perfect_rows(gold, text=text)
    rows["mentions"][0].update(end=rows["mentions"][0]["end"] - 6, text="Centre Léon")  # wrong span...
    rows["entities"][0]["name"] = "CENTRE LEON BERARD"  # ...but its name matches the alias
    assert score({"g.json": gold}, rows).overall.count("entities.ORG") == Counts(tp=1, fp=0, fn=0)


def test_normalise_form_folds_case_accents_punctuation_and_spaces():
    assert (
        normalise_form("  Centre  Léon-Bérard ")
        == normalise_form("CENTRE LEON BERARD")
        == "centre leon berard"
    )


def test_reversed_partner_of_still_matches():
    gold = make_gold()
    rows = perfect_rows(gold)
    partner = rows["relations"][1]
    partner["subject_id"], partner["object_id"] = partner["object_id"], partner["subject_id"]
    assert score({"g.json": gold}, rows).overall.count("relations.all") == Counts(tp=2, fp=0, fn=0)


def test_reversed_member_of_does_not_match():
    gold = make_gold()
    gold["relations"][1]["predicate"] = "member_of"
    rows = perfect_rows(gold)
    member = rows["relations"][1]
    member["subject_id"], member["object_id"] = member["object_id"], member["subject_id"]
    run = score({"g.json": gold}, rows)
    assert run.overall.count("relations.member_of") == Counts(tp=0, fp=1, fn=1)
    assert run.overall.count("relations.all") == Counts(tp=1, fp=1, fn=1)
    assert [e.kind for e in run.errors if e.layer == "relations"] == ["wrong direction"]


def test_relation_date_is_scored_apart():
    gold = make_gold()
    gold["relations"][0]["date"] = "2017"
    rows = perfect_rows(gold)
    rows["relations"][0]["date"] = None  # heads matched, date wrong; partner_of matched, null == null
    run = score({"g.json": gold}, rows)
    assert run.overall.count("relations.all") == Counts(tp=2, fp=0, fn=0)
    assert run.overall.ratio("relations.date").value == 0.5


def test_duplicate_predicted_triple_counts_once():
    gold = make_gold()
    rows = perfect_rows(gold)
    rows["relations"].append(
        {**rows["relations"][0], "relation_id": "d1-r9", "start": 50, "evidence": "again"}
    )
    assert score({"g.json": gold}, rows).overall.count("relations.heads") == Counts(tp=1, fp=0, fn=0)


def test_split_by_document_language():
    text_fr = "Acme Corp a recruté Jane Doe."
    gold_en = make_gold("a.txt")
    gold_fr = {
        "doc": "b.txt",
        "entities": [{"id": "E1", "type": "ORG", "name": "Acme Corp", "aliases": ["Acme Corp"]}],
        "mentions": [mention(text_fr, "Acme Corp", "ORG", entity="E1")],
        "relations": [],
    }
    rows_fr = perfect_rows(gold_fr, doc_id="d2", lang="fr", text=text_fr)
    rows_fr["mentions"] = []  # the French document: nothing found
    run = score({"a.json": gold_en, "b.json": gold_fr}, merge(perfect_rows(gold_en), rows_fr))
    assert sorted(run.by_lang) == ["en", "fr"]
    assert run.by_lang["en"].count("mentions.strict.all") == Counts(tp=7, fp=0, fn=0)
    assert run.by_lang["fr"].count("mentions.strict.all") == Counts(tp=0, fp=0, fn=1)
    assert (run.by_lang["en"].n_docs, run.by_lang["fr"].n_docs) == (1, 1)


def test_micro_average_over_two_documents():
    text_b = "Beta Labs and Gamma."
    gold_a = make_gold("a.txt")
    gold_b = {
        "doc": "b.txt",
        "entities": [{"id": "E1", "type": "ORG", "name": "Beta Labs", "aliases": ["Beta Labs"]}],
        "mentions": [mention(text_b, "Beta Labs", "ORG", entity="E1")],
        "relations": [],
    }
    rows_b = perfect_rows(gold_b, doc_id="d2", text=text_b)
    rows_b["mentions"][0].update(start=14, end=19, text="Gamma")  # one spurious, one missed
    run = score({"a.json": gold_a, "b.json": gold_b}, merge(perfect_rows(gold_a), rows_b))
    counts = run.overall.count("mentions.strict.ORG")
    # a: 4 of 4; b: 0 of 1 with 1 wrong. Micro: P = R = 4/5 = F1 (a macro average would give 0.5)
    assert counts == Counts(tp=4, fp=1, fn=1)
    assert counts.f1 == pytest.approx(0.8)


def test_gold_file_without_document_counts_all_missed():
    gold = make_gold("a.txt")
    lost = copy.deepcopy(gold)
    lost["doc"] = "elsewhere/missing.txt"
    run = score({"a.json": gold, "lost.json": lost}, perfect_rows(gold))
    assert run.unmatched_gold == ("lost.json",)
    assert run.overall.count("mentions.strict.ORG") == Counts(tp=4, fp=0, fn=4)
    assert run.by_lang["unknown"].n_docs == 1


def test_gold_doc_matches_document_by_basename():
    gold = make_gold("a.txt")
    rows = perfect_rows(gold)
    rows["documents"][0]["path"] = "press/2017/a.txt"
    run = score({"a.json": gold}, rows)
    assert run.unmatched_gold == ()
    assert run.overall.count("mentions.strict.all").f1 == 1.0


def test_matching_is_maximum_not_greedy():
    # gold 0 fits both predictions, gold 1 only the first: a greedy pass would pair (0, 0) and stop
    pairs = match_one_to_one(["ab", "a"], ["a", "b"], lambda g, p: p in g)
    assert pairs == [(0, 1), (1, 0)]


def test_reports_show_baseline_and_lift(tmp_path):
    gold = make_gold()
    rows = perfect_rows(gold)
    baseline_rows = perfect_rows(gold)
    baseline_rows["mentions"].remove(by_text(baseline_rows, "Beta Labs"))
    run, baseline = score({"g.json": gold}, rows), score({"g.json": gold}, baseline_rows)
    text = score_markdown(run, gold_dir=Path("gold"), baseline=baseline)
    # ORG strict: pipeline 1.000, baseline P 1, R 3/4, F1 6/7 = 0.857, lift 1 - 0.857 = +0.143
    assert "| ORG strict | 4 | 1.000 | 1.000 | 1.000 | 1.000 | 0.750 | 0.857 | +0.143 |" in text


def test_reports_are_written_as_json_markdown_and_html(tmp_path):
    gold = make_gold()
    rows = perfect_rows(gold)
    rows["mentions"].remove(by_text(rows, "Beta Labs"))
    paths = write_reports(score({"g.json": gold}, rows), tmp_path, gold_dir=Path("gold"), errors=True)
    assert sorted(p.name for p in paths) == ["score.html", "score.json", "score.md"]
    figures = json.loads((tmp_path / "score.json").read_text(encoding="utf-8"))
    assert figures["pipeline"]["overall"]["mentions"]["strict"]["ORG"]["recall"] == 0.75
    assert "#### missed (1)" in (tmp_path / "score.md").read_text(encoding="utf-8")
    page = (tmp_path / "score.html").read_text(encoding="utf-8")
    assert "href='#doc-0'" in page
    assert "Beta Labs" in page and "ORG ✗" in page  # the missed mention is marked on the gold side
