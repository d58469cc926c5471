"""Acronyms a text defines by a common noun phrase are no organisations."""

from __future__ import annotations

from extract.recognise.candidates import Candidate
from extract.recognise.terms import defined_terms, without_terms


def terms(text: str) -> set[str]:
    return set(defined_terms(text, max_len=10))


def test_an_acronym_spelled_by_lower_case_words_is_a_term() -> None:
    assert terms("Its maintenance, repair and overhaul (MRO) site opens.") == {"MRO"}


def test_a_french_term_is_a_term_too() -> None:
    assert terms("Le groupe lance une offre publique d’achat (OPA) sur Acme.") == {"OPA"}


def test_an_acronym_spelled_by_a_capitalised_name_is_no_term() -> None:
    assert terms("the Association of Commonwealth Universities (ACU) signed") == set()


def test_a_lower_case_organisation_head_opens_a_name_not_a_term() -> None:
    assert terms("le ministère de l’Europe et des Affaires étrangères (MEAE)") == set()


def test_letters_found_after_a_capitalised_head_are_the_tail_of_a_name() -> None:
    assert terms("L’Agence européenne du médicament (EMA) va déménager.") == set()


def test_letters_found_after_a_capitalised_word_that_is_no_head_are_a_term() -> None:
    assert terms("Members include senior State geographic information system (GIS) officers.") == {"GIS"}


def test_a_long_form_found_from_a_function_word_is_no_term() -> None:
    assert terms("the Foundation for the National Institutes of Health (FNIH)") == set()


def test_candidates_written_as_a_term_are_left_out() -> None:
    text = "A maintenance, repair and overhaul (MRO) site for AAR. The MRO opens."
    found = [Candidate(36, 39, "ORG", "model", "en"), Candidate(50, 53, "ORG", "model", "en"),
             Candidate(59, 62, "ORG", "model", "en")]
    assert [text[c.start : c.end] for c in without_terms(text, found, max_len=10)] == ["AAR"]
