"""text.fold: the one fold and its variants, each keeping what its name says."""

from extract.text.fold import base_letter, fold, fold_all, fold_keeping_punctuation, fold_same_length


def test_fold_drops_case_accents_and_punctuation():
    assert fold("L’Institut-Curie ") == "l institut curie"
    assert fold("R&D") == "r&d"
    assert fold_all(frozenset({"Hôpital", "École"})) == frozenset({"hopital", "ecole"})


def test_fold_keeping_punctuation_keeps_stops_and_apostrophes():
    assert fold_keeping_punctuation("Sept.") == "sept."
    assert fold_keeping_punctuation("DÉCEMBRE") == "decembre"
    assert fold_keeping_punctuation("début  d’") == "debut  d’"


def test_fold_same_length_keeps_offsets():
    text = "Centre Léon-Bérard, l’ICM"
    folded = fold_same_length(text)
    assert folded == "CENTRE LEON-BERARD, L’ICM"
    assert len(folded) == len(text)


def test_base_letter_is_one_lower_case_letter():
    assert base_letter("É") == "e"
    assert base_letter("ß") == "ß"
    assert base_letter("ﬁ") == "f"
