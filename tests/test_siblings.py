"""Names listed beside an organisation are organisations (extract.recognise.siblings)."""

from __future__ import annotations

from extract.recognise.candidates import Candidate
from extract.recognise.siblings import listed_siblings


def _listed(text: str, *orgs: str, people: tuple[str, ...] = ()) -> set[str]:
    chosen = [Candidate(text.index(o), text.index(o) + len(o), "ORG", "model", "en") for o in orgs]
    chosen += [Candidate(text.index(p), text.index(p) + len(p), "PERSON", "model", "en") for p in people]
    found = listed_siblings(text, sorted(chosen, key=lambda c: c.start))
    return {text[c.start : c.end] for c in found if c.label == "ORG"}


def test_a_name_listed_after_organisations_is_one() -> None:
    text = "He gained management experience with Shell, Mars and Unilever."
    assert _listed(text, "Shell", "Unilever") == {"Shell", "Mars", "Unilever"}


def test_the_last_item_before_the_rest_of_the_sentence_is_one() -> None:
    text = "Acer took on rivals Hewlett-Packard and Dell last year."
    assert "Dell" in _listed(text, "Hewlett-Packard")


def test_a_place_a_head_alone_or_a_person_is_not() -> None:
    text = "Offices of Acme Group, London and Library are run by Acme Group and Sweeney, says Bill Sweeney."
    assert _listed(text, "Acme Group", people=("Bill Sweeney",)) == {"Acme Group"}


def test_the_words_of_a_name_going_on_are_not_siblings() -> None:
    text = "The Department for Culture, Media and Sport said so."
    assert _listed(text, "Department for Culture") == {"Department for Culture"}


def test_a_place_name_after_two_organisations_of_the_list_is_one() -> None:
    text = "The deal was signed by Alpha Group, Beta Group, Orange and Zeta Group."
    assert "Orange" in _listed(text, "Alpha Group", "Beta Group", "Zeta Group")
