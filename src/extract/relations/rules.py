"""The sentence rules, in the order they run.

Press releases state relations in a handful of shapes: "A is a member of B", "A, director of B",
"B, coordinated by A", "A and B launched a partnership", "partnership between A and B". Each shape is
read by one rule, kept with the rules of its family (:mod:`extract.relations.neighbours`,
:mod:`extract.relations.partners`, :mod:`extract.relations.implied`, :mod:`extract.relations.lists`,
:mod:`extract.relations.intermediaries`, :mod:`extract.relations.parents`,
:mod:`extract.relations.joint`, :mod:`extract.relations.owned`); this module lists them all, so that
the order they run in (which decides which statement of a triple is kept as evidence) is written in one
place.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.relations.boards import board_owner
from extract.relations.fronted import fronted_founding
from extract.relations.implied import held_there, titled_person, unnamed_party, zero_object
from extract.relations.intermediaries import awarded, funded_subject, supported_project, team_leader
from extract.relations.joint import joint_parties
from extract.relations.lists import (
    funding_round,
    introduced_list,
    joined_list,
    membership_list,
    shared_subject,
)
from extract.relations.neighbours import leading, neighbour_pair, possessive_role
from extract.relations.owned import members_listed
from extract.relations.parents import (
    bracketed_employer,
    bracketed_parents,
    hyphened_owner,
    named_part,
    possessed_part,
    post_in_whole,
)
from extract.relations.partners import joined_pair, joint_subjects, partnership_between
from extract.relations.paths import parse_relations
from extract.relations.rosters import listed_people, officer_list
from extract.relations.rounds import unnamed_round
from extract.relations.view import Found, SentenceView


def sentence_relations(view: SentenceView) -> Iterator[Found]:
    """All the sentence rules, in turn; the people of an officer list take only the list's relations (the
    other rules read the list as one phrase and give every name the first one's role)."""
    yield from officer_list(view)
    listed = listed_people(view)
    labels = {a.key: a.label for a in (*view.anchors, *view.pronouns)}
    found = one_leader([f for f in _other_rules(view) if f.subject not in listed], labels)
    yield from found
    yield from post_in_whole(view, found)


def one_leader(found: list[Found], labels: dict[str, str]) -> list[Found]:
    """A sentence that has a person head an organisation does not also have an organisation coordinate
    it: "Il a dirigé le Centre Hospitalier de Bienne", "he led the museum" read "il" or "he" as the topic
    too, but a leading verb shared by both readings is the person's."""
    headed = {f.object for f in found if f.predicate == "heads" and labels.get(f.subject) == "PERSON"}
    return [
        f
        for f in found
        if not (f.predicate == "coordinates" and labels.get(f.subject) == "ORG" and f.object in headed)
    ]


def _other_rules(view: SentenceView) -> Iterator[Found]:
    yield from leading(view)
    for before, after in zip(view.anchors, view.anchors[1:], strict=False):
        yield from neighbour_pair(view, before, after)
    yield from partnership_between(view)
    yield from joined_pair(view)
    yield from joint_subjects(view)
    yield from joint_parties(view)
    yield from zero_object(view)
    yield from titled_person(view)
    yield from held_there(view)
    yield from introduced_list(view)
    yield from awarded(view)
    yield from team_leader(view)
    yield from funded_subject(view)
    yield from supported_project(view)
    yield from joined_list(view)
    yield from funding_round(view)
    yield from unnamed_round(view)
    yield from membership_list(view)
    yield from shared_subject(view)
    yield from bracketed_parents(view)
    yield from bracketed_employer(view)
    yield from hyphened_owner(view)
    yield from named_part(view)
    yield from possessed_part(view)
    yield from fronted_founding(view)
    yield from board_owner(view)
    yield from members_listed(view)
    yield from possessive_role(view)
    yield from unnamed_party(view)
    yield from parse_relations(view)
