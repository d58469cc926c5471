"""An organisation's branch named by the place right after it (extract.recognise.branches)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from extract.recognise.blocks import Block
from extract.recognise.branches import branch_places
from extract.recognise.candidates import Candidate


def _block(text: str, place: tuple[int, int]) -> list[tuple[Block, Doc]]:
    """One block over ``text`` whose model read the words ``place`` (token indices) as a place."""
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, *place, label="GPE")]
    return [(Block(0, len(text), "en"), doc)]


def _names(text: str, chosen: list[Candidate]) -> list[str]:
    return [text[c.start : c.end] for c in chosen]


def test_a_place_read_right_after_an_organisation_is_its_branch():
    text = "Quorvex Canada signed the deal."
    org = Candidate(0, 7, "ORG", "model", "en")
    assert _names(text, branch_places(text, [org], _block(text, (1, 2)))) == ["Quorvex Canada"]


def test_a_place_in_an_address_after_an_organisation_is_no_branch():
    text = "Quorvex London, UK"
    org = Candidate(0, 7, "ORG", "model", "en")
    assert _names(text, branch_places(text, [org], _block(text, (1, 2)))) == ["Quorvex"]


def test_a_place_where_another_mention_starts_is_no_branch():
    text = "Quorvex Canada Smith"
    org, person = Candidate(0, 7, "ORG", "model", "en"), Candidate(8, 20, "PERSON", "model", "en")
    found = branch_places(text, [org, person], _block(text, (1, 2)))
    assert _names(text, found) == ["Quorvex", "Canada Smith"]


def test_a_place_joined_to_another_place_is_no_branch():
    text = "Quorvex US and Europe"
    org = Candidate(0, 7, "ORG", "model", "en")
    assert _names(text, branch_places(text, [org], _block(text, (1, 2)))) == ["Quorvex"]
