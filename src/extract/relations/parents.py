"""Parent bodies named in brackets after a unit: "l'Institut de physique de Rennes (CNRS/Université de
Rennes)", "the Centre for Alpha (Beta University/Gamma Institute)"; and a person's employer in brackets
after their name: "Pierre Marol (Alstef, Boigny-sur-Bionne)"; and an owner or backer joined by a hyphen to
the name it qualifies: "Comcast-owned Universal".

Research releases name a laboratory with the bodies it belongs to, joined by slashes, in brackets right
after its name. Only punctuation says so, the same in every language: two or more organisations and
nothing but slashes between them, so that an acronym in brackets ("(CNRS)") or a place ("(Canada)") is
never read as a parent.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.relations.view import Anchor, Found, SentenceView

#: The mark between two parent bodies in the brackets.
SEPARATOR = "/"


def bracketed_parents(view: SentenceView) -> Iterator[Found]:
    """``unit`` member_of each body listed, slash-separated, in the brackets right after it."""
    doc = view.doc
    orgs = [a for a in view.anchors if a.label == "ORG"]
    starts = {a.start: a for a in orgs}
    for unit in orgs:
        if unit.end >= view.sent.end or doc[unit.end].text != "(":
            continue
        parents = _slashed(view, unit.end + 1, starts)
        for parent in parents:
            if parent.key != unit.key:
                yield Found(unit.key, "member_of", parent.key, None, None)


def bracketed_employer(view: SentenceView) -> Iterator[Found]:
    """ "Pierre Marol (Alstef, Boigny-sur-Bionne)", "Anna Smith (Acme)": the organisation opening the
    brackets right after a person, before a comma or the closing bracket, is where the person works."""
    doc = view.doc
    starts = {a.start: a for a in view.anchors if a.label == "ORG"}
    for person in (a for a in view.anchors if a.label == "PERSON"):
        if person.end + 1 >= view.sent.end or doc[person.end].text != "(":
            continue
        org = starts.get(person.end + 1)
        if org is not None and org.end < view.sent.end and doc[org.end].text in (",", ")"):
            yield Found(person.key, "works_for", org.key, None, None)


def hyphened_owner(view: SentenceView) -> Iterator[Found]:
    """ "Comcast-owned Universal" (member_of), "SoftBank-backed Acme" (funded_by): an organisation joined
    by a hyphen to a word of ``owned_suffixes`` or ``backed_suffixes``, right before another."""
    doc, merged = view.doc, view.merged
    starts = {a.start: a for a in view.anchors if a.label == "ORG"}
    for owner in (a for a in view.anchors if a.label == "ORG"):
        at = owner.end
        if at + 2 >= view.sent.end or doc[at].text != "-" or doc[at].whitespace_:
            continue
        word = doc[at + 1].lower_
        owned = starts.get(at + 2)
        if owned is None or owned.key == owner.key:
            continue
        if word in merged.owned_suffixes:
            yield Found(owned.key, "member_of", owner.key, None, None)
        elif word in merged.backed_suffixes:
            yield Found(owned.key, "funded_by", owner.key, None, None)


def _slashed(view: SentenceView, at: int, starts: dict[int, Anchor]) -> list[Anchor]:
    """The organisations from ``at`` to the closing bracket when slashes alone join them, else none."""
    doc, found = view.doc, []
    while at < view.sent.end and at in starts:
        found.append(starts[at])
        at = starts[at].end
        if at < view.sent.end and doc[at].text == SEPARATOR:
            at += 1
            continue
        break
    closed = at < view.sent.end and doc[at].text == ")"
    return found if closed and len(found) > 1 else []
