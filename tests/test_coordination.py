"""A name whose complement coordinates a list runs on to the list's last item (recognise.coordination)."""

from __future__ import annotations

from extract.recognise.candidates import Candidate
from extract.recognise.coordination import coordinated_complements


def org(text: str, name: str, *, lang: str = "en", source: str = "pattern") -> Candidate:
    start = text.index(name)
    return Candidate(start, start + len(name), "ORG", source, lang)


def names(text: str, chosen: list[Candidate]) -> list[str]:
    return [text[c.start : c.end] for c in coordinated_complements(text, chosen)]


def test_a_capitalised_list_closes_the_name() -> None:
    text = "She joined the Department for Business, Innovation and Skills in 2010."
    chosen = [org(text, "Department for Business")]
    assert names(text, chosen) == ["Department for Business, Innovation and Skills"]


def test_a_list_item_read_only_as_a_listed_organisation_goes_with_the_name() -> None:
    text = "She joined the Department for Business, Innovation and Skills in 2010."
    chosen = [org(text, "Department for Business"), org(text, "Skills", source="cue")]
    assert names(text, chosen) == ["Department for Business, Innovation and Skills"]


def test_a_french_complement_in_lower_case_closes_the_name() -> None:
    text = "Il dirige la Cité internationale de la bande dessinée et de l’image depuis 2016."
    chosen = [org(text, "Cité internationale de la bande dessinée", lang="fr")]
    assert names(text, chosen) == ["Cité internationale de la bande dessinée et de l’image"]


def test_a_name_without_a_complement_is_left_as_it_is() -> None:
    text = "Vinci and Bouygues signed."
    assert names(text, [org(text, "Vinci")]) == ["Vinci"]


def test_an_item_opening_on_an_article_is_another_name() -> None:
    text = "The Library of Congress and the Foundation Center agreed."
    assert names(text, [org(text, "Library of Congress")]) == ["Library of Congress"]


def test_an_acronym_or_a_head_noun_in_the_list_is_another_name() -> None:
    text = "The Ministry of Defence and NATO met the Department of Health and Cabinet Office."
    chosen = [org(text, "Ministry of Defence"), org(text, "Department of Health")]
    assert names(text, chosen) == ["Ministry of Defence", "Department of Health"]


def test_a_mention_found_in_the_list_by_the_model_keeps_the_list_a_list() -> None:
    text = "The University of New South Wales and QuTech agreed."
    chosen = [org(text, "University of New South Wales"), org(text, "QuTech", source="model")]
    assert names(text, chosen) == ["University of New South Wales", "QuTech"]


def test_a_capitalised_french_complement_opens_another_name() -> None:
    text = "Il dirige l'Orchestre national de Lyon et de l’Auditorium Maurice Ravel."
    assert names(text, [org(text, "Orchestre national de Lyon", lang="fr")]) == ["Orchestre national de Lyon"]


def test_a_complement_that_ends_on_a_place_coordinates_two_names() -> None:
    text = "L'université de Lille et Zorvex ont signé une convention."
    assert names(text, [org(text, "université de Lille", lang="fr")]) == ["université de Lille"]


def test_a_list_is_looked_for_only_near_the_name() -> None:
    text = "The Department for Business" + ", Innovation" * 100 + " and Skills"
    assert names(text, [org(text, "Department for Business")]) == ["Department for Business"]
