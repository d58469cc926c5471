"""Officer and board lists: people listed with their roles after a colon, in the body that elected them.

Real releases state a board by its layout, not by a sentence: "United Dairy Industry Association elected:
A, Windthorst, Texas, chairman; B, Parker, S.D., first vice chairman; ..." or "The New Directors of the
Board are: 1st Vice President: A, Acme 2nd Vice President: B, Beta ...". The path rules read such a list
as one noun phrase and give every item the first item's role; here each item is read on its own: its
person, its role (after the name, or a label "Role:" before it that holds for the names that follow),
and the organisation named right after the name (where the person works). The role decides heads or
works_for toward the organisation that introduces the list (named before the colon, else the topic),
except that a heading role shared by several items is a seat, not the head ("Director: A, B, C"). A list
of names alone ("seven members of the Charlton board: A, B, C") gives each a seat, works_for the owner.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from extract.relations.triggers import role_run
from extract.relations.view import Anchor, Found, Match, SentenceView, forms, gap

#: Punctuation that may stand between a listed name and the organisation it works for.
AFFILIATION_PUNCT = frozenset({",", "(", "-", "–", "—"})


@dataclass(frozen=True, slots=True)
class Item:
    """One listed person, the role they hold in the list and the organisation named with them."""

    person: Anchor
    role: Match | None
    employer: Anchor | None
    elsewhere: bool  # the role is said of another organisation ("director of X"): not the list's


def roster(view: SentenceView) -> tuple[list[Item], str | None]:
    """The items of the officer list the sentence holds, and the organisation that introduces it."""
    colon = _introducing_colon(view)
    if colon is None:
        return [], None
    before = [a for a in view.anchors if a.end <= colon]
    orgs = [a for a in before if a.label == "ORG" and not _role_named(view, a)]
    owner = orgs[-1].key if orgs else view.topic
    items: list[Item] = []
    for piece in _pieces(view, colon + 1):
        found = _items(view, piece)
        role = _role_after(view, *piece)
        if not found and role is not None and items and items[-1].role is None:
            # "C, Worthington, Minn.; treasurer": a stray ";" cuts the last item from its role
            items[-1] = Item(items[-1].person, role, items[-1].employer, False)
        items.extend(found)
    described = [i.role is not None or i.employer is not None for i in items]
    if owner is None or len(items) < 2 or (any(described) and not all(described)):
        return [], None  # some items but not all read: the list is not what the layout says
    return items, owner


def officer_list(view: SentenceView) -> Iterator[Found]:
    """ "X elected: A, place, chairman; B, place, secretary": each listed person heads or works for X by
    their role, and works for the organisation named right after their name."""
    items, owner = roster(view)
    if owner is None:
        return
    held: dict[str, int] = {}
    for item in items:
        if item.role is not None and item.role.predicate == "heads":
            held[item.role.role or ""] = held.get(item.role.role or "", 0) + 1
    for item in items:
        if item.employer is not None and item.employer.key != item.person.key:
            yield Found(item.person.key, "works_for", item.employer.key, None, None)
        if item.role is None and item.employer is None:
            # "seven members of the Charlton board: A, B, C": names alone hold seats in the owner
            yield Found(item.person.key, "works_for", owner, None, None)
        if item.role is None or item.elsewhere or owner == item.person.key:
            continue
        predicate = item.role.predicate
        if predicate == "heads" and held.get(item.role.role or "", 0) > 1:
            predicate = "works_for"  # "Director: A, B, C": seats on the board, none of them its head
        if not (item.employer is not None and item.employer.key == owner):
            yield Found(item.person.key, predicate, owner, item.role.role, None)


def listed_people(view: SentenceView) -> frozenset[str]:
    """The people of the sentence's officer list: their relations are the list's, not the other rules'."""
    items, _ = roster(view)
    return frozenset(item.person.key for item in items)


def _introducing_colon(view: SentenceView) -> int | None:
    """The colon that opens an officer list: the words before it name a roster ("elected", "officers",
    "Directors of the Board") and no person stands between it and the start of its clause."""
    words = view.lexicon.roster_words
    for token in view.sent:
        if token.text != ":":
            continue
        lead = [forms(t) for t in view.doc[view.sent.start : token.i]]
        if not any(text in words or lemma in words for text, lemma in lead):
            return None
        return token.i
    return None


def _role_named(view: SentenceView, anchor: Anchor) -> bool:
    """ "The New Directors of the Board are:": a name the model found that ends in a role word with no
    preposition inside is the list's heading, not the organisation it belongs to ("Board of Directors" is)."""
    words = [forms(t)[0] for t in view.doc[anchor.start : anchor.end]]
    lex = view.lexicon
    role_noun = words[-1] in lex.heads or words[-1] in lex.works_for
    return role_noun and not any(w in lex.role_prepositions for w in words)


def _pieces(view: SentenceView, start: int) -> list[tuple[int, int]]:
    """The list after ``start`` cut into pieces: at ";" when it uses them, else one piece."""
    cuts = [t.i for t in view.doc[start : view.sent.end] if t.text == ";"]
    bounds = [start - 1, *cuts, view.sent.end]
    return [(a + 1, b) for a, b in pairwise(bounds) if b > a + 1]


def _items(view: SentenceView, piece: tuple[int, int]) -> list[Item]:
    """The people of one piece: each person runs to the next person or the next "Role:" label; a label
    holds for the names after it until the next label."""
    start, end = piece
    people = [a for a in view.anchors if a.label == "PERSON" and start <= a.start and a.end <= end]
    labels = _labels(view, start, end)
    items: list[Item] = []
    for number, person in enumerate(people):
        stop = people[number + 1].start if number + 1 < len(people) else end
        stop = min([stop, *(m.start for m in labels if m.start > person.end)])
        label = next((m for m in reversed(labels) if m.end < person.start), None)
        role = _role_after(view, person.end, stop) or label
        elsewhere = role is not None and role is not label and _said_of_other(view, role, stop)
        items.append(Item(person, role, _employer(view, person, stop), elsewhere))
    return items


def _labels(view: SentenceView, start: int, end: int) -> list[Match]:
    """Role phrases followed by a colon ("1st Vice President:"), which label the names after them."""
    found = []
    for i in range(start, end):
        if any(a.start <= i < a.end for a in view.anchors):
            continue
        match = role_run(view, i, end)
        labelled = match is not None and match.end < end and view.doc[match.end].text == ":"
        if labelled and (not found or found[-1].end <= i):
            found.append(match)
    return found


def _role_after(view: SentenceView, start: int, stop: int) -> Match | None:
    """The first role phrase between a listed name and ``stop``, outside any name."""
    for i in range(start, stop):
        if any(a.start <= i < a.end for a in view.anchors):
            continue
        match = role_run(view, i, stop)
        if match is not None:
            return match
    return None


def _said_of_other(view: SentenceView, role: Match, stop: int) -> bool:
    """ "A, director of X": the role phrase is followed by a preposition, so it is a role elsewhere."""
    after = gap(view, role.end, stop)
    return bool(after) and forms(after[0])[0] in view.lexicon.role_prepositions


def _employer(view: SentenceView, person: Anchor, stop: int) -> Anchor | None:
    """The organisation named right after the person, set off by a comma ("A, Enel Green Power")."""
    nxt = next((a for a in view.anchors if a.start >= person.end), None)
    if nxt is None or nxt.label != "ORG" or nxt.end > stop:
        return None
    between: Sequence[str] = [t.text for t in view.doc[person.end : nxt.start]]
    return nxt if between and all(text in AFFILIATION_PUNCT for text in between) else None
