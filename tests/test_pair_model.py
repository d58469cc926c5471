"""The trained pair classifier: its candidate pairs, their features, its decision, its training labels."""

from __future__ import annotations

import pytest
from tests.test_relations import mention, triples

from extract.relations import document
from extract.relations.document import find_relations
from extract.relations.pair_model import NONE, beside_rules, model_from_dict, shipped_model
from extract.relations.pairs import REACH, candidate_pairs, sentence_pairs
from extract.relations.view import Found
from extract.training.relation_pairs import UNSTATED, HeldOut, _normal, _read, _related, choose_thresholds


def toy_model(weights: dict[str, dict[str, float]], *, threshold: float = 0.5):
    """A model whose classes are "none", "heads>" and "heads<", all equally likely but for ``weights``."""
    return model_from_dict(
        {
            "classes": [NONE, "heads<", "heads>"],
            "intercepts": [0, 0, 0],
            "weights": weights,
            "thresholds": {"heads": threshold},
        }
    )


def views(en, monkeypatch, text: str, mentions) -> list:
    """The sentences of ``text`` as the rules see them."""
    seen = []
    monkeypatch.setattr(document, "shipped_model", lambda: None)
    find_relations([(0, en(text))], mentions, observe=lambda view, _: seen.append(view))
    return seen


@pytest.mark.slow
def test_pairs_join_an_organisation_to_each_other_name_but_never_two_people(en, monkeypatch) -> None:
    text = "Jane Roe and John Doe met Acme."
    mentions = [
        mention(text, name, label, key)
        for name, label, key in (
            ("Jane Roe", "PERSON", "P1"),
            ("John Doe", "PERSON", "P2"),
            ("Acme", "ORG", "O1"),
        )
    ]
    (view,) = views(en, monkeypatch, text, mentions)
    assert [(p.left.key, p.right.key, p.kind) for p in candidate_pairs(view)] == [
        ("P1", "O1", "PO"),
        ("P2", "O1", "PO"),
    ]


@pytest.mark.slow
def test_names_more_than_reach_apart_are_not_paired(en, monkeypatch) -> None:
    names = [f"Org{letter}" for letter in "ABCDEFGHIJKL"]
    text = "Members: " + ", ".join(names) + "."
    mentions = [mention(text, name, "ORG", name) for name in names]
    (view,) = views(en, monkeypatch, text, mentions)
    apart = {names.index(p.right.key) - names.index(p.left.key) for p in candidate_pairs(view)}
    assert max(apart) == REACH + 1


@pytest.mark.slow
def test_features_carry_the_kind_of_pair_and_the_words_between(en, monkeypatch) -> None:
    text = "Jane Roe, director of Acme, spoke."
    mentions = [mention(text, "Jane Roe", "PERSON", "P1"), mention(text, "Acme", "ORG", "O1")]
    (view,) = views(en, monkeypatch, text, mentions)
    ((_, features),) = sentence_pairs(view)
    assert "PO|g:, director of" in features
    assert "PO|gc:heads" in features
    assert all(feature.startswith("PO|") for feature in features)


def test_the_model_names_the_likeliest_relation_and_its_probability() -> None:
    model = toy_model({"f": {"heads>": 2.0}})
    name, probability = model.best(["f", "unknown"])
    assert name == "heads>"
    assert probability == pytest.approx(2.718281828**2 / (2 + 2.718281828**2))


@pytest.mark.slow
def test_a_pair_above_the_threshold_is_added_to_the_rules_triples(en, monkeypatch) -> None:
    text = "Jane Roe met Acme."
    mentions = [mention(text, "Jane Roe", "PERSON", "P1"), mention(text, "Acme", "ORG", "O1")]
    monkeypatch.setattr(document, "shipped_model", lambda: toy_model({"PO|g:meet": {"heads>": 5.0}}))
    assert triples(find_relations([(0, en(text))], mentions)) == {("P1", "heads", "O1")}
    monkeypatch.setattr(
        document, "shipped_model", lambda: toy_model({"PO|g:meet": {"heads>": 5.0}}, threshold=1)
    )
    assert triples(find_relations([(0, en(text))], mentions)) == set()


@pytest.mark.slow
def test_a_relation_the_types_forbid_is_not_added(en, monkeypatch) -> None:
    text = "Jane Roe met Acme."
    mentions = [mention(text, "Jane Roe", "PERSON", "P1"), mention(text, "Acme", "ORG", "O1")]
    monkeypatch.setattr(document, "shipped_model", lambda: toy_model({"PO|g:meet": {"heads<": 5.0}}))
    assert find_relations([(0, en(text))], mentions) == []


def test_the_shipped_model_has_a_none_class_and_thresholds_below_one() -> None:
    model = shipped_model()
    assert model is not None and NONE in model.classes
    assert model.thresholds and all(0 < t < 1 for t in model.thresholds.values())


@pytest.mark.slow
def test_a_predicate_without_a_threshold_is_never_added(en, monkeypatch) -> None:
    text = "Jane Roe met Acme."
    mentions = [mention(text, "Jane Roe", "PERSON", "P1"), mention(text, "Acme", "ORG", "O1")]
    model = model_from_dict(
        {
            "classes": [NONE, "works_for>"],
            "intercepts": [0, 0],
            "weights": {"PO|g:meet": {"works_for>": 5.0}},
            "thresholds": {"heads": 0.5},
        }
    )
    monkeypatch.setattr(document, "shipped_model", lambda: model)
    assert find_relations([(0, en(text))], mentions) == []


def test_each_predicate_keeps_the_threshold_that_helps_and_a_harmful_one_is_dropped() -> None:
    right = [("partner_of", 0.95, True)] * 4 + [("partner_of", 0.45, False)] * 4
    wrong = [("member_of", 0.95, False)] * 4
    held_out = [HeldOut(right=5, wrong=1, missed=10, added=tuple(right + wrong))]
    assert choose_thresholds(held_out) == {"partner_of": 0.9}


def test_a_partnership_reads_the_same_both_ways() -> None:
    related = _related([{"subject": "a", "predicate": "partner_of", "object": "b", "evidence": ""}], "")
    assert (
        [name for name, _ in related[("a", "b")]]
        == [name for name, _ in related[("b", "a")]]
        == ["partner_of>"]
    )
    assert _normal(("b", "partner_of", "a")) == ("a", "partner_of", "b")


def test_a_heading_reads_backwards_from_the_organisation() -> None:
    text = "Jane Roe heads Acme."
    related = _related(
        [{"subject": "p", "predicate": "heads", "object": "o", "evidence": "Jane Roe heads"}], text
    )
    assert related[("p", "o")] == [("heads>", (0, 14))]
    assert related[("o", "p")] == [("heads<", (0, 14))]


@pytest.mark.slow
def test_a_pair_related_only_in_another_sentence_is_not_learned_from(en) -> None:
    text = "Jane Roe met Acme. Jane Roe heads Acme."
    mentions = [
        mention(text, "Jane Roe", "PERSON", "P1"),
        mention(text, "Acme", "ORG", "O1"),
        mention(text, "Jane Roe", "PERSON", "P1", after=5),
        mention(text, "Acme", "ORG", "O1", after=15),
    ]
    gold = {
        "doc": "t.txt",
        "mentions": [
            {"start": m.start, "end": m.end, "entity": "p" if m.label == "PERSON" else "o"} for m in mentions
        ],
        "relations": [
            {"subject": "p", "predicate": "heads", "object": "o", "evidence": "Jane Roe heads Acme"}
        ],
    }
    read = _read(gold, text, mentions, [(0, en(text))])
    assert read.labels == [UNSTATED, "heads>"]


def test_a_damaged_model_file_is_named_in_the_error(tmp_path, monkeypatch) -> None:
    from extract.core.errors import ExtractError

    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "relation_pairs.json").write_text('{"classes": ["none"]}', encoding="utf-8")
    monkeypatch.setenv("EXTRACT_DATA", str(tmp_path))
    with pytest.raises(ExtractError, match=r"relation_pairs\.json"):
        shipped_model()


def test_a_data_folder_without_a_model_leaves_the_rules_alone(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EXTRACT_DATA", str(tmp_path))
    assert shipped_model() is None


def test_a_person_the_rules_placed_takes_no_post_they_gave_another() -> None:
    rules = [Found("X", "heads", "A", "président", None), Found("Y", "heads", "B", "directeur", None)]
    model = [Found("X", "heads", "B", None, None), Found("X", "works_for", "C", None, None)]
    assert list(beside_rules(model, rules)) == [Found("X", "works_for", "C", None, None)]
