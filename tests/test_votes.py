"""What the model calls a one-word name across the document (extract.recognise.votes)."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extract.recognise.votes import not_org_names


def read(*labels: str) -> list[tuple[None, Doc]]:
    """One block whose every token is "ZORVAQ", each read by the model with the label given."""
    doc = Doc(Vocab(), words=["ZORVAQ"] * len(labels))
    doc.ents = [Span(doc, i, i + 1, label=label) for i, label in enumerate(labels)]
    return [(None, doc)]


def test_an_acronym_called_an_organisation_and_otherwise_no_place_is_one() -> None:
    assert "ZORVAQ" not in not_org_names(read("MISC", "MISC", "ORG"))


def test_an_acronym_called_an_organisation_and_a_person_as_often_is_none() -> None:
    assert "ZORVAQ" in not_org_names(read("PER", "ORG"))
