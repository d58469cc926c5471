"""Names listed after a plural kind of organisation are organisations (recognise.kind_lists)."""

from __future__ import annotations

from extract.recognise.candidates import Candidate
from extract.recognise.kind_lists import kind_lists


def span(text: str, name: str, label: str, source: str, *, lang: str = "en") -> Candidate:
    start = text.index(name)
    return Candidate(start, start + len(name), label, source, lang)


def read(text: str, chosen: list[Candidate], lang: str = "en") -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.label) for c in kind_lists(text, chosen, [(0, len(text), lang)])]


def test_a_brand_named_after_a_person_is_an_organisation() -> None:
    text = "He oversees brands such as Estée Lauder, Jo Malone London and Le Labo."
    chosen = [span(text, "Jo Malone London", "PERSON", "model")]
    assert read(text, chosen) == [("Estée Lauder", "ORG"), ("Jo Malone London", "ORG"), ("Le Labo", "ORG")]


def test_a_french_list_of_galleries_keeps_the_particles_of_its_names() -> None:
    text = "Elle accueille les galeries Poggi, Clémentine de la Féronnière et Suzanne Tarasieve."
    chosen = [span(text, "Suzanne Tarasieve", "PERSON", "model", lang="fr")]
    assert [name for name, _ in read(text, chosen, "fr")] == [
        "Poggi", "Clémentine de la Féronnière", "Suzanne Tarasieve"
    ]


def test_a_capitalised_kind_noun_heads_a_name_and_opens_no_list() -> None:
    text = "Les Banques Alimentaires ont élu leur président."
    assert read(text, [], "fr") == []


def test_a_list_does_not_run_onto_the_next_line() -> None:
    text = "Launch products as fast as startups\nOver 40 banks joined."
    assert read(text, []) == []


def test_a_span_a_rule_chose_is_left_as_it_is() -> None:
    text = "Deals with companies such as Vinci and Bouygues were signed."
    chosen = [span(text, "Vinci and Bouygues", "ORG", "pattern")]
    assert read(text, chosen) == [("Vinci and Bouygues", "ORG")]


def test_an_opener_may_follow_a_comma() -> None:
    text = "It sold its print brands, including Men's Health, Good Housekeeping and Seventeen."
    assert [name for name, _ in read(text, [])] == ["Men's Health", "Good Housekeeping", "Seventeen"]
