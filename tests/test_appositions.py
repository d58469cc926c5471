"""Roles set off by commas after a name: what may stand between, and whose role it is."""

from __future__ import annotations

import pytest
from tests.test_relations import mention

from extract.relations.document import find_relations
from extract.relations.lexicon import load_lexicon, merged_words
from extract.relations.triggers import post_ok, pre_ok, triggers_in
from extract.relations.view import SentenceView, skipped_tokens

pytestmark = pytest.mark.usefixtures("rules_only")


def found(nlp, text: str, *names: tuple[str, str, str], lang: str = "en") -> set[tuple[str, str, str]]:
    mentions = [mention(text, surface, label, key, lang=lang) for surface, label, key in names]
    return {(r.subject, r.predicate, r.object) for r in find_relations([(0, nlp(text))], mentions)}


def view_of(nlp, text: str, lang: str) -> SentenceView:
    sent = next(nlp(text).sents)
    view = SentenceView(sent, [], [], load_lexicon(lang), merged_words(), None)
    view.skip = skipped_tokens(view)
    return view


def tokens_of(view: SentenceView, words: str) -> list:
    """The tokens of ``words``, found in the view's sentence."""
    start = view.sent.text.index(words)
    return [t for t in view.sent if start <= t.idx - view.sent.start_char < start + len(words)]


@pytest.mark.slow
def test_a_role_word_with_a_hyphened_prefix_opens_a_role(fr) -> None:
    view = view_of(fr, "Paul Roux, ex-président de la Ligue, a perdu.", "fr")
    assert [m.role for m in triggers_in(view, 0, len(view.doc))] == ["ex-président"]


@pytest.mark.slow
def test_an_age_between_commas_may_stand_before_a_role(fr) -> None:
    view = view_of(fr, "Paul Roux, 47 ans, président de la Ligue, a perdu.", "fr")
    assert pre_ok(view, tokens_of(view, ", 47 ans,"))


@pytest.mark.slow
def test_the_name_of_a_board_may_stand_after_a_role(fr) -> None:
    view = view_of(fr, "Paul Roux, le président du conseil d'administration de Zorvane, a parlé.", "fr")
    gap = tokens_of(view, "du conseil d'administration de")
    assert post_ok(view, gap, role=True) and not post_ok(view, gap)


@pytest.mark.slow
def test_a_role_held_on_the_board_of_an_organisation_is_held_there(fr) -> None:
    text = "« Prêts », a commenté Gilles Roux, le président du conseil d'administration de Zorvane."
    names = [("Gilles Roux", "PERSON", "P"), ("Zorvane", "ORG", "O")]
    assert ("P", "heads", "O") in found(fr, text, *names, lang="fr")


@pytest.mark.slow
def test_a_role_before_an_organisation_and_a_name_is_that_name_s(fr) -> None:
    text = "Ils remplacent le vice-président Anne Roux, et le patron de Zorvane Jean Dupré, qui partent."
    names = [("Anne Roux", "PERSON", "A"), ("Zorvane", "ORG", "O"), ("Jean Dupré", "PERSON", "J")]
    relations = found(fr, text, *names, lang="fr")
    assert ("J", "heads", "O") in relations and ("A", "heads", "O") not in relations


@pytest.mark.slow
def test_a_role_whose_complement_is_a_place_is_held_there(en) -> None:
    from extract.relations.neighbours import _held_at_a_place

    text = "Jane Roe, former Foreign Secretary of the United Kingdom, joins as its president."
    view = view_of(en, text, "en")
    (role,) = [m for m in triggers_in(view, 0, len(view.doc)) if m.direction == "role"][:1]
    assert _held_at_a_place(view, role)


@pytest.mark.slow
def test_a_role_over_a_region_of_an_organisation_is_held_at_the_organisation(en) -> None:
    from extract.relations.neighbours import _held_at_a_place

    view = view_of(en, "Jane Roe, vice president for Asia at Zorvane, joins as its president.", "en")
    (role,) = [m for m in triggers_in(view, 0, len(view.doc)) if m.direction == "role"][:1]
    assert not _held_at_a_place(view, role)


@pytest.mark.slow
def test_a_role_of_two_organisations_with_the_preposition_said_again_is_held_at_both(en) -> None:
    text = "Jane Roe, chief executive of Acme Corp and of Zorvane Holdings, spoke."
    names = [("Jane Roe", "PERSON", "P"), ("Acme Corp", "ORG", "A"), ("Zorvane Holdings", "ORG", "Z")]
    assert {("P", "heads", "A"), ("P", "heads", "Z")} <= found(en, text, *names)


@pytest.mark.slow
def test_the_field_of_a_role_may_stand_before_its_workplace(en) -> None:
    view = view_of(en, "Viola Chan was recently named head of couture and design at Zorvane.", "en")
    gap = tokens_of(view, "of couture and design at")
    assert post_ok(view, gap, role=True) and not post_ok(view, gap)


@pytest.mark.slow
def test_a_role_after_a_person_s_possessive_is_another_person_s(en) -> None:
    text = "Weston’s former president of production at Zorvane Films, Pam Abdy, will lead the team."
    names = [("Weston", "PERSON", "W"), ("Zorvane Films", "ORG", "Z"), ("Pam Abdy", "PERSON", "P")]
    assert not any(subject == "W" for subject, _, _ in found(en, text, *names))


@pytest.mark.slow
def test_an_organisation_named_at_another_is_part_of_it(en) -> None:
    text = "The Department of History at the University of Zorvane hired Jane Roe."
    names = [("Department of History", "ORG", "D"), ("University of Zorvane", "ORG", "U")]
    assert ("D", "member_of", "U") in found(en, text, *names)


@pytest.mark.slow
def test_organisations_listed_beside_a_frame_noun_are_not_its_arguments(en) -> None:
    text = (
        "He has been awarded grants from the NCI and the Zorvane Trust, as well as the Brenwick Society,"
        " the Alder Foundation and the U.S. Department of Defense."
    )
    names = [
        ("NCI", "ORG", "N"),
        ("Zorvane Trust", "ORG", "Z"),
        ("Brenwick Society", "ORG", "B"),
        ("Alder Foundation", "ORG", "A"),
        ("U.S. Department of Defense", "ORG", "D"),
    ]
    assert not any(predicate == "funded_by" for _, predicate, _ in found(en, text, *names))


@pytest.mark.slow
def test_an_organisation_in_an_apposition_is_not_the_subject_of_the_verb(en) -> None:
    text = "Last week, Phil Gallagher, a veteran of distributor Avnet Inc., joined TTI Inc. as an officer."
    names = [("Phil Gallagher", "PERSON", "P"), ("Avnet Inc.", "ORG", "A"), ("TTI Inc.", "ORG", "T")]
    relations = found(en, text, *names)
    assert ("A", "member_of", "T") not in relations


@pytest.mark.slow
def test_an_organisation_before_a_clause_with_no_subject_is_not_who_joined(fr) -> None:
    text = "Marie Durand a débuté sa carrière chez Renault avant de rejoindre Airbus en 2005."
    names = [("Marie Durand", "PERSON", "P"), ("Renault", "ORG", "R"), ("Airbus", "ORG", "A")]
    assert ("R", "member_of", "A") not in found(fr, text, *names, lang="fr")


@pytest.mark.slow
def test_an_organisation_after_a_label_and_a_colon_is_no_employer(fr) -> None:
    text = "Jean-Michel Baylet (photo : MaxPPP)"
    names = [("Jean-Michel Baylet", "PERSON", "P"), ("MaxPPP", "ORG", "M")]
    assert found(fr, text, *names, lang="fr") == set()


@pytest.mark.slow
def test_a_role_on_the_board_of_an_organisation_named_before_its_holder_is_theirs(en) -> None:
    text = "He met the chair of the Board of Directors of Zorvane Corp, Jane Roe."
    names = [("Zorvane Corp", "ORG", "Z"), ("Jane Roe", "PERSON", "P")]
    assert ("P", "heads", "Z") in found(en, text, *names)


@pytest.mark.slow
def test_a_person_with_a_role_of_their_own_takes_not_the_role_they_are_joined_to(fr) -> None:
    text = (
        "Daniel Segonds, président du directoire de Ragt, et Patrice Gollier, directeur général d’InVivo, "
        "ont présenté les détails."
    )
    names = [
        ("Daniel Segonds", "PERSON", "D"),
        ("Ragt", "ORG", "R"),
        ("Patrice Gollier", "PERSON", "P"),
        ("InVivo", "ORG", "I"),
    ]
    relations = found(fr, text, *names, lang="fr")
    assert ("P", "heads", "I") in relations and ("P", "heads", "R") not in relations


@pytest.mark.slow
def test_a_role_before_a_colon_is_the_listed_people_s_seat_in_the_topic(fr) -> None:
    from extract.relations.document import find_relations

    text = "Trésorier : Alain Smadja et Rémy Levy"
    names = [("Alain Smadja", "PERSON", "A"), ("Rémy Levy", "PERSON", "R")]
    mentions = [mention(text, surface, label, key, lang="fr") for surface, label, key in names]
    relations = find_relations([(0, fr(text))], mentions, topic="T")
    found_ = {(r.subject, r.predicate, r.object) for r in relations}
    assert found_ == {("A", "works_for", "T"), ("R", "works_for", "T")}


def test_a_role_word_the_model_reads_as_a_place_is_still_a_role_word() -> None:
    from extract.relations.view import is_role_word

    roles = frozenset({"vice", "présidente"})
    assert is_role_word("vice-présidente", roles) and not is_role_word("vice-reine", roles)
