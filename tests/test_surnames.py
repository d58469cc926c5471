"""People written with their surname in capitals (extract.recognise.surnames)."""

from extract.recognise.names import is_person_name
from extract.recognise.surnames import capitalised_surnames


def _people(text: str, lang: str = "fr") -> list[str]:
    return [text[c.start : c.end] for c in capitalised_surnames(text, 0, len(text), lang)]


def test_a_given_name_and_a_surname_in_capitals_are_a_person():
    assert _people("Alain ASTRUC, président du syndicat, a reçu la délégation.") == ["Alain ASTRUC"]


def test_a_hyphenated_surname_in_capitals_is_kept_whole():
    assert _people("Lydie SARTOUT-ROUMILHAC, directrice") == ["Lydie SARTOUT-ROUMILHAC"]


def test_a_given_name_after_an_elided_de_starts_a_person():
    assert _people("accompagnée d’Alain VAISSIERE, directeur") == ["Alain VAISSIERE"]


def test_capitals_defined_in_brackets_are_an_acronym():
    assert _people("Le syndicat de Lozère (SDEE) et Marie SDEE.") == []


def test_a_place_inside_a_name_starts_no_person():
    assert _people("Elle préside Coop de France ALPC depuis octobre.") == []


def test_an_unknown_first_word_starts_no_person():
    assert _people("Le groupe Zorblatt CNRS annonce.") == []


def test_a_surname_in_capitals_is_a_name_part_only_after_a_rule_read_it():
    assert is_person_name("Alain ASTRUC", "title")
    assert not is_person_name("Alain ASTRUC", "model")


def test_a_word_the_text_writes_in_lower_case_is_no_given_name():
    assert _people("The CLB leads the network; the centre is in Lyon.", "en") == []
