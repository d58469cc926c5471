"""Relations stated by the layout of a release: officer lists, press-contact blocks, signature lines."""

from __future__ import annotations

import pytest

from extract.core.records import Mention
from extract.relations.document import find_relations

pytestmark = pytest.mark.usefixtures("rules_only")


def named(text: str, label: str, *names: str) -> list[Mention]:
    """One mention of ``label`` per occurrence of each name, keyed by the name itself."""
    found = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            found.append(Mention(start, start + len(name), label, name, "en", "rule", key=name))
            start = text.find(name, start + 1)
    return found


def read(nlp, text: str, orgs: tuple[str, ...], people: tuple[str, ...], topic: str | None = None):
    mentions = sorted(named(text, "ORG", *orgs) + named(text, "PERSON", *people), key=lambda m: m.start)
    relations = find_relations([(0, nlp(text))], mentions, topic=topic)
    return {(r.subject, r.predicate, r.object) for r in relations}


# --- officer lists ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_officer_list_gives_each_person_the_predicate_of_their_own_role(en) -> None:
    text = (
        "The Alpha Growers Association elected: Tom Hale, Dover, Del., chairman; "
        "Ann Ford, Salem, Ore., vice chairman; and Bo Reyes, Provo, Utah, treasurer."
    )
    found = read(en, text, ("Alpha Growers Association",), ("Tom Hale", "Ann Ford", "Bo Reyes"))
    assert found == {
        ("Tom Hale", "heads", "Alpha Growers Association"),
        ("Ann Ford", "works_for", "Alpha Growers Association"),
        ("Bo Reyes", "works_for", "Alpha Growers Association"),
    }


@pytest.mark.slow
def test_role_labels_hold_for_the_names_after_them_and_a_shared_head_role_is_a_seat(en) -> None:
    text = (
        "The new directors of the board are: Vice President: Ann Ford, Beta Power "
        "Director: Tom Hale, Gamma Oil Bo Reyes, Delta Gas"
    )
    people = ("Ann Ford", "Tom Hale", "Bo Reyes")
    found = read(en, text, ("Beta Power", "Gamma Oil", "Delta Gas"), people, topic="Omega")
    assert found == {
        ("Ann Ford", "works_for", "Beta Power"),
        ("Ann Ford", "works_for", "Omega"),
        ("Tom Hale", "works_for", "Gamma Oil"),
        ("Tom Hale", "works_for", "Omega"),
        ("Bo Reyes", "works_for", "Delta Gas"),
        ("Bo Reyes", "works_for", "Omega"),
    }


@pytest.mark.slow
def test_names_alone_listed_after_a_board_hold_seats_in_its_owner(en) -> None:
    text = "The club is run by four members of the Alpha board: Tom Hale, Ann Ford, Bo Reyes and Li Chen."
    people = ("Tom Hale", "Ann Ford", "Bo Reyes", "Li Chen")
    found = read(en, text, ("Alpha",), people, topic="Omega")
    assert found == {(person, "works_for", "Alpha") for person in people}


@pytest.mark.slow
def test_a_colon_without_a_roster_word_opens_no_officer_list(en) -> None:
    text = "Speakers: Tom Hale, chairman; Ann Ford, treasurer."
    assert read(en, text, (), ("Tom Hale", "Ann Ford"), topic="Omega") == set()


@pytest.mark.slow
def test_a_roster_line_takes_the_organisation_on_its_own_line(en) -> None:
    text = "Foundation Board Members:\n\n  • Ann Ford, CEO, Beta Power\n  • Tom Hale, COO, Gamma Oil"
    found = read(en, text, ("Beta Power", "Gamma Oil"), ("Ann Ford", "Tom Hale"))
    assert ("Tom Hale", "works_for", "Beta Power") not in found


# --- press contacts ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_contact_lines_under_each_firm_take_its_name_and_the_role_on_the_line(en) -> None:
    text = (
        "For further information, please contact:\n\nAcme plc:\n\n"
        "John Hale ~ Chief Executive 01483 544500\n\nBeta Bank:\n\nAnn Ford ~ Analyst 020 7588 2828"
    )
    found = read(en, text, ("Acme plc", "Beta Bank"), ("John Hale", "Ann Ford"))
    assert found == {("John Hale", "heads", "Acme plc"), ("Ann Ford", "works_for", "Beta Bank")}


@pytest.mark.slow
def test_a_head_of_an_unnamed_department_is_staff(en) -> None:
    text = "Press contact: Jane Doe, Head of Communications, +44 1632 960 123"
    assert read(en, text, (), ("Jane Doe",), topic="Acme") == {("Jane Doe", "works_for", "Acme")}


@pytest.mark.slow
def test_information_in_a_sentence_opens_no_contact_block(en) -> None:
    text = "Further information regarding the offer will be released on 3 October.\n\nJohn Hale"
    assert read(en, text, (), ("John Hale",), topic="Acme") == set()


@pytest.mark.slow
def test_a_name_and_a_colon_on_its_own_line_heads_a_firm_whose_people_are_not_the_topics(en) -> None:
    text = "Media contacts:\n\nBeta Partners:\n\nAnn Ford 020 7588 2828"
    assert read(en, text, (), ("Beta Partners", "Ann Ford"), topic="Acme") == set()


@pytest.mark.slow
def test_officers_one_per_line_under_a_heading_take_its_organisation_by_their_role(en) -> None:
    text = "Board of the Alpha Foundation:\n\nTom Hale, Chairman\n\nAnn Ford, Treasurer\n\nBo Reyes"
    found = read(en, text, ("Alpha Foundation",), ("Tom Hale", "Ann Ford", "Bo Reyes"))
    assert found == {("Tom Hale", "heads", "Alpha Foundation"), ("Ann Ford", "works_for", "Alpha Foundation")}
