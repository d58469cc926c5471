"""Schools a person studied at hold no post of theirs (extract.relations.studies)."""

from __future__ import annotations

import pytest

from extract.core.records import Mention
from extract.relations.document import find_relations
from extract.relations.studies import schools

pytestmark = [pytest.mark.usefixtures("rules_only"), pytest.mark.slow]


def _schools(nlp, text: str, *names: tuple[str, str, str], lang: str) -> set[str]:
    """The keys :func:`schools` finds in ``text``, for the (surface, label, key) mentions."""
    mentions = []
    for surface, label, key in names:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), label, surface, lang, "rule", key=key))
    seen: set[str] = set()
    find_relations([(0, nlp(text))], mentions, observe=lambda view, _: seen.update(schools(view)))
    return seen


def test_a_school_one_graduated_from_is_no_employer(fr) -> None:
    text = "Diplômée de HEC, Marie Dupont a commencé sa carrière chez Corvina."
    names = [("HEC", "ORG", "H"), ("Marie Dupont", "PERSON", "P"), ("Corvina", "ORG", "C")]
    assert _schools(fr, text, *names, lang="fr") == {"H"}


def test_every_school_of_a_list_is_one(fr) -> None:
    text = "Diplômé de l’École polytechnique et de l’École des Mines, Jean Roux a rejoint Alstom."
    names = [
        ("École polytechnique", "ORG", "X"),
        ("École des Mines", "ORG", "M"),
        ("Jean Roux", "PERSON", "P"),
        ("Alstom", "ORG", "A"),
    ]
    assert _schools(fr, text, *names, lang="fr") == {"X", "M"}


def test_a_field_studied_may_stand_before_the_school(en) -> None:
    text = "Jan Smith, who studied physics at the University of Leeds, joined Brandel Foods."
    names = [("Jan Smith", "PERSON", "P"), ("University of Leeds", "ORG", "L"), ("Brandel Foods", "ORG", "B")]
    assert _schools(en, text, *names, lang="en") == {"L"}


def test_a_professor_of_a_field_holds_a_post(en) -> None:
    text = "Jan Smith is a professor of physics at the University of Leeds."
    names = [("Jan Smith", "PERSON", "P"), ("University of Leeds", "ORG", "L")]
    assert _schools(en, text, *names, lang="en") == set()


def test_studies_as_the_field_of_a_role_are_a_post(fr) -> None:
    text = "Paul Roux, directeur des études à la FNSafer, a parlé."
    names = [("Paul Roux", "PERSON", "P"), ("FNSafer", "ORG", "F")]
    assert _schools(fr, text, *names, lang="fr") == set()
