"""Telling acronyms from words and pairing them with their long forms."""

import pytest

from extract.text.acronyms import (
    initials,
    is_initialism_of,
    long_form_start,
    looks_like_acronym,
    word_initials,
)


@pytest.mark.parametrize("word", ["CNRS", "INCa", "BiG", "EU", "IHOPe"])
def test_acronyms(word):
    assert looks_like_acronym(word)


@pytest.mark.parametrize("word", ["NCIs", "XIV", "Paris", "A", "MyPebs", "2017"])
def test_not_acronyms(word):
    assert not looks_like_acronym(word)


def test_long_form_starts_where_the_first_letter_starts_a_word():
    before = "funded by the European Space Agency"
    assert before[long_form_start("ESA", before) :] == "European Space Agency"


def test_long_form_spelled_by_capitals_keeps_a_first_word_whose_letter_stands_later():
    before = "said the American Association for Cancer Research"
    assert before[long_form_start("AACR", before) :] == "American Association for Cancer Research"


def test_no_long_form_when_letters_are_missing():
    assert long_form_start("XYZ", "the European Space Agency") is None


def test_initials_count_hyphen_parts_and_skip_small_words():
    assert initials("Centre Léon Bérard") == "CLB"
    assert initials("Institut Paoli-Calmettes") == "IPC"


def test_initialism():
    assert is_initialism_of("CLB", "Centre Léon Bérard")
    assert not is_initialism_of("CLB", "Centre Oscar Lambret")


def test_word_initials_spell_the_lower_case_words_of_a_french_name():
    connectors = frozenset({"de", "du", "la", "et", "d'"})
    assert word_initials("Fédération du commerce et de la distribution", connectors, ("d'",)) == "FCD"
    assert word_initials("Fédération française d'Echecs", connectors, ("d'",)) == "FFE"


def test_an_initialism_of_every_word_only_with_the_connectors_given():
    assert not is_initialism_of("BCE", "Banque centrale européenne")
    assert is_initialism_of("BCE", "Banque centrale européenne", connectors=frozenset({"de"}))
