"""The attribute and lemma tables give every token what spaCy's ruler and lemmatizer give it."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from extract.core.settings import load_settings
from extract.recognise.attribute_table import AttributeTable, tabulable, use_attribute_table
from extract.recognise.models import Models

ATTRS = [POS, TAG, MORPH, LEMMA, DEP]
TEXTS = [
    "It is gonna rain, but there are 3 reasons to stay.",
    'Dr Jane Doe, who heads the Acme Institute , said: "We did it."\n\nShe has led it since 2019.',
    "Let's see what they're doing in New York.",
]


@pytest.fixture(scope="module")
def english():
    name = load_settings().model_for("en")
    return spacy.load(name), spacy.load(name)


def test_tables_give_the_tokens_of_the_english_model_the_same_attributes(english) -> None:
    ruler, table = english
    assert use_attribute_table(table) == ["attribute_ruler", "lemmatizer"]
    assert "attribute_table" in table.pipe_names and "attribute_ruler" not in table.pipe_names
    for text in TEXTS:
        expected, got = ruler(text), table(text)
        assert [t.text for t in got] == [t.text for t in expected]
        assert (got.to_array(ATTRS) == expected.to_array(ATTRS)).all(), text


def _hand_made_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "acme"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": {"IN": ["acme", "york"]}}]], {"POS": "NOUN", "LEMMA": "acme"})  # later: wins
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"LEMMA": "NYC"}, index=1)  # two tokens: the 2nd
    return nlp, ruler


def test_later_entries_win_and_patterns_of_two_tokens_set_their_index() -> None:
    nlp, ruler = _hand_made_ruler()
    doc = nlp("Acme opened in New York")
    AttributeTable(ruler)(doc)
    assert [t.pos_ for t in doc] == ["NOUN", "", "", "", "NOUN"]
    assert [t.lemma_ for t in doc] == ["acme", "", "", "", "NYC"]


def test_table_and_ruler_agree_on_a_hand_made_ruler() -> None:
    nlp, ruler = _hand_made_ruler()
    expected, got = nlp("Acme and York, New York"), nlp.make_doc("Acme and York, New York")
    AttributeTable(ruler)(got)
    assert (got.to_array(ATTRS) == expected.to_array(ATTRS)).all()


def test_a_ruler_setting_other_attributes_is_left_as_it_is() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "dr"}]], {"NORM": "doctor"})
    assert not tabulable(ruler)
    assert use_attribute_table(nlp) == []
    assert nlp.pipe_names == ["attribute_ruler"]


def test_setting_off_keeps_spacys_components() -> None:
    settings = replace(load_settings(), models_attribute_table=False)
    assert "attribute_ruler" in Models(settings).get("en").pipe_names
