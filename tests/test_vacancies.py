"""A post announced before its holder is named (extract.relations.vacancies)."""

from __future__ import annotations

import pytest

from extract.core.records import Mention
from extract.relations.document import find_relations

pytestmark = [pytest.mark.usefixtures("rules_only"), pytest.mark.slow]


def found(nlp, text: str, *names: tuple[str, str, str], lang: str = "en") -> set[tuple]:
    """(subject, predicate, object, role) of every relation, for the (surface, label, key) mentions."""
    mentions = []
    for surface, label, key in names:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), label, surface, lang, "rule", key=key))
    return {(r.subject, r.predicate, r.object, r.role) for r in find_relations([(0, nlp(text))], mentions)}


def test_the_next_sentence_s_subject_takes_the_post(en) -> None:
    text = "Zorvex Trust has announced a new chief executive. Roz Bird will take up the role on May 1."
    names = [("Zorvex Trust", "ORG", "Z"), ("Roz Bird", "PERSON", "P")]
    assert found(en, text, *names) == {("P", "heads", "Z", "chief executive")}


def test_a_french_post_announced_alone(fr) -> None:
    text = "Le Musée Zorvex a une nouvelle directrice. Marie Dupont prendra ses fonctions le 1er mai."
    names = [("Musée Zorvex", "ORG", "Z"), ("Marie Dupont", "PERSON", "P")]
    assert found(fr, text, *names, lang="fr") == {("P", "heads", "Z", "directrice")}


def test_a_person_who_only_speaks_does_not_take_it(en) -> None:
    text = "Zorvex Trust has announced a new chief executive. \"It is a great day,\" said Roz Bird."
    names = [("Zorvex Trust", "ORG", "Z"), ("Roz Bird", "PERSON", "P")]
    assert found(en, text, *names) == set()


def test_a_bystander_organisation_owns_no_post(en) -> None:
    text = "The board asked Zorvex Search to help in the hunt for a new leader. Roz Bird will join in May."
    names = [("Zorvex Search", "ORG", "Z"), ("Roz Bird", "PERSON", "P")]
    assert found(en, text, *names) == set()
