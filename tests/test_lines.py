"""People and their organisations read off a line's layout (extract.recognise.lines)."""

from __future__ import annotations

from extract.core.records import Paragraph
from extract.recognise.lines import line_candidates


def _found(text: str) -> list[tuple[str, str]]:
    lines = [Paragraph(0, len(text), "en", False)]
    return [(c.label, text[c.start : c.end]) for c in line_candidates(text, lines)]


def test_an_affiliation_line_gives_a_person_and_their_organisation():
    assert _found("Vice-Chair for Research: Jane Roe - Quorvex Labs") == [
        ("PERSON", "Jane Roe"),
        ("ORG", "Quorvex Labs"),
    ]


def test_a_place_after_the_dash_is_no_organisation():
    assert _found("Chair: Jane Roe - Paris") == []


def test_a_name_that_is_no_person_s_before_the_dash_gives_nothing():
    assert _found("Working Group - Quorvex Labs") == []


def test_a_contact_line_opens_on_a_person():
    assert _found("Claire Dupont – Tél. 01 23 45 67 89") == [("PERSON", "Claire Dupont")]
