"""Letters after a person's name are credentials, not organisations (extract.recognise.credentials)."""

from extract.recognise.candidates import Candidate
from extract.recognise.credentials import without_credentials


def kept(text: str, person: str, *acronyms: str) -> list[str]:
    """The names left of ``person`` (a PERSON) and ``acronyms`` (ORG, read by the acronym rule)."""
    start = text.index(person)
    chosen = [Candidate(start, start + len(person), "PERSON", "model", "en")]
    for acronym in acronyms:
        at = text.index(acronym, chosen[-1].end)
        chosen.append(Candidate(at, at + len(acronym), "ORG", "acronym", "en"))
    return [text[c.start : c.end] for c in without_credentials(text, chosen)]


def test_acronyms_between_commas_after_a_name_are_credentials():
    text = "Daniel Ford, CFSP, CCO, of Ford Funeral Homes, was elected."
    assert kept(text, "Daniel Ford", "CFSP", "CCO") == ["Daniel Ford"]


def test_an_acronym_closed_by_a_full_stop_after_a_name_is_a_credential():
    assert kept("The chair is Lamar Evers, PSM.", "Lamar Evers", "PSM") == ["Lamar Evers"]


def test_an_acronym_before_a_role_is_the_person_s_organisation():
    text = "Sally Thomas, SFHA Chief Executive, said."
    assert kept(text, "Sally Thomas", "SFHA") == ["Sally Thomas", "SFHA"]


def test_an_acronym_before_a_place_is_the_person_s_organisation():
    text = "Ann Lee, HKCEC, Hong Kong, spoke."
    assert kept(text, "Ann Lee", "HKCEC") == ["Ann Lee", "HKCEC"]


def test_an_acronym_the_text_also_writes_elsewhere_is_an_organisation():
    text = "Jane Roe, FAIA, spoke. The FAIA met."
    assert kept(text, "Jane Roe", "FAIA", "FAIA") == ["Jane Roe", "FAIA", "FAIA"]
