"""Listed names and acronyms run on over the capitalised words after them (extract.recognise.run_ons)."""

from extract.recognise.candidates import Candidate
from extract.recognise.run_ons import run_ons
from extract.recognise.spans import Spans


def ran(text: str, name: str, lang: str, *, others: tuple[str, ...] = (), titles: Spans | None = None) -> str:
    """The text of ``name``'s candidate (an acronym) after the step, ``others`` being people's names."""
    start = text.index(name)
    chosen = [Candidate(start, start + len(name), "ORG", "acronym", lang)]
    chosen += [Candidate(text.index(o), text.index(o) + len(o), "PERSON", "model", lang) for o in others]
    found = run_ons(text, chosen, Spans(), titles or Spans())
    return text[found[0].start : found[0].end]


def test_a_french_acronym_runs_on_over_the_capitalised_words_after_it():
    assert ran("Il rejoint BG Ingénieurs Conseils à Genève.", "BG", "fr") == "BG Ingénieurs Conseils"


def test_an_english_acronym_runs_on_as_far_as_an_organisation_head():
    assert ran("The NBA Players Association met.", "NBA", "en") == "NBA Players Association"


def test_an_english_acronym_does_not_run_on_over_a_capitalised_common_noun():
    assert ran("The FEFAC Vision was adopted.", "FEFAC", "en") == "FEFAC"


def test_a_name_does_not_run_on_over_a_person_s_name():
    assert ran("Il a vu KPMG Jean Dupont.", "KPMG", "fr", others=("Jean Dupont",)) == "KPMG"


def test_a_name_does_not_run_on_past_the_end_of_its_sentence():
    assert ran("Il a rejoint KPMG Inc. Puis il est parti.", "KPMG Inc.", "fr") == "KPMG Inc."


def test_a_name_in_a_headline_does_not_run_on():
    text = "KPMG Avocats Recrute"
    assert ran(text, "KPMG", "fr", titles=Spans([(0, len(text))])) == "KPMG"
