"""Parent bodies named in brackets after a unit: "l'Institut de physique de Rennes (CNRS/Université de
Rennes)", "the Centre for Alpha (Beta University/Gamma Institute)"; and a person's employer in brackets
after their name: "Pierre Marol (Alstef, Boigny-sur-Bionne)"; and an owner or backer joined by a hyphen to
the name it qualifies: "Comcast-owned Universal"; and a whole named right after "of" its part or before its
possessive: "the Engineering Accreditation Commission of ABET", "Cornell University's College of Human
Ecology"; and the parts that a part noun after an owner's possessive names: "Montblanc and Cartier, two of
Richemont's flagship brands".

Research releases name a laboratory with the bodies it belongs to, joined by slashes, in brackets right
after its name. Only punctuation says so, the same in every language: two or more organisations and
nothing but slashes between them, so that an acronym in brackets ("(CNRS)") or a place ("(Canada)") is
never read as a parent.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from extract.core.schema import POST_PREDICATES
from extract.languages.lexicon import every_language
from extract.relations.groups import group_after, group_before
from extract.relations.view import Anchor, Found, SentenceView, forms, gap

#: The mark between two parent bodies in the brackets.
SEPARATOR = "/"
#: How many words after an owner's possessive may describe the part noun ("Cardiff-based indie label").
PART_REACH = 5
#: Parts of speech of those words.
DESCRIBING = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "VERB"})


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


def named_part(view: SentenceView) -> Iterator[Found]:
    """ "The Engineering Accreditation Commission (EAC) of ABET", "la division Cosmétique Active du groupe
    L'Oréal", "the Department of History at the University of Waterloo", "Cornell University's College of
    Human Ecology": an organisation named right after "of" or "at"
    another (an acronym in brackets, an article and a kind noun may stand between), or right after its
    possessive, is part of it. Any other word between ("the president of", "'s acquisition of") states
    another relation."""
    merged, between = view.merged, view.lexicon.articles | every_language("kind_nouns")
    starts = {a.start: a for a in view.anchors if a.label == "ORG"}
    for first in starts.values():
        at = _after_acronym(view, first, starts)
        word = forms(view.doc[at])[0] if at < view.sent.end else ""
        if word in merged.possessive_markers:
            part = starts.get(at + 1)
            if part is not None and part.key != first.key:
                yield Found(part.key, "member_of", first.key, None, None)
        elif word in merged.of_words or word in every_language("workplace_prepositions"):
            at += 1
            while at < view.sent.end and forms(view.doc[at])[0] in between:
                at += 1  # "du groupe L'Oréal"
            whole = starts.get(at)
            if whole is not None and whole.key != first.key:
                yield Found(first.key, "member_of", whole.key, None, None)


def possessed_part(view: SentenceView) -> Iterator[Found]:
    """ "Gucci Group, PPR's luxury subsidiary", "Montblanc and Cartier, two of Richemont's flagship brands",
    "Richemont's brands Montblanc and Cartier": the organisations a part noun after an owner's possessive
    names, in apposition before the owner or right after the noun, are members of it."""
    doc, merged = view.doc, view.merged
    orgs = [a for a in view.anchors if a.label == "ORG"]
    starts = {a.start: a for a in orgs}
    for owner in orgs:
        if owner.end >= view.sent.end or forms(doc[owner.end])[0] not in merged.possessive_markers:
            continue
        noun = _part_noun(view, owner.end + 1, starts)
        if noun is None:
            continue
        named = starts.get(noun + 1)
        parts = group_after(view, named) if named is not None else _apposed(view, owner, orgs)
        for part in parts:
            if part.key != owner.key:
                yield Found(part.key, "member_of", owner.key, None, None)


def _part_noun(view: SentenceView, at: int, starts: dict[int, Anchor]) -> int | None:
    """Where a part noun stands among the few describing words from ``at`` ("luxury subsidiary",
    "Cardiff-based label"), if it does."""
    for i in range(at, min(at + PART_REACH, view.sent.end)):
        token = view.doc[i]
        if forms(token)[0] in view.merged.part_nouns:
            return i
        if i in starts or not (token.pos_ in DESCRIBING or (token.text == "-" and not token.whitespace_)):
            return None
    return None


def _apposed(view: SentenceView, owner: Anchor, orgs: Sequence[Anchor]) -> list[Anchor]:
    """The organisations set off by a comma right before ``owner`` ("Gucci Group, PPR's ..."), an
    article or "two of" between."""
    before = [a for a in orgs if a.end <= owner.start]
    if not before:
        return []
    last = before[-1]
    between = gap(view, last.end, owner.start)
    fillers = view.lexicon.articles | view.merged.of_words
    if not between or between[0].text != "," or any(
        forms(t)[0] not in fillers and t.pos_ != "NUM" for t in between[1:]
    ):
        return []
    return group_before(view, last)


def post_in_whole(view: SentenceView, found: Sequence[Found]) -> Iterator[Found]:
    """A person's post in a named part of an organisation is a post in the organisation ("Professor in the
    Department of History at the University of Waterloo" works for the university too; "directrice
    générale de la division Cosmétique Active du groupe L'Oréal" works for L'Oréal), unless the sentence
    already relates the two."""
    wholes = {f.subject: f.object for f in named_part(view)}
    related = {(f.subject, f.object) for f in found}
    for f in found:
        whole = wholes.get(f.object)
        if f.predicate in POST_PREDICATES and whole is not None and (f.subject, whole) not in related:
            related.add((f.subject, whole))
            yield Found(f.subject, "works_for", whole, f.role, f.date)


def _after_acronym(view: SentenceView, anchor: Anchor, starts: dict[int, Anchor]) -> int:
    """Where the text goes on after ``anchor`` and the bracketed acronym of the same organisation, if any."""
    at = anchor.end
    inner = starts.get(at + 1) if at < view.sent.end and view.doc[at].text == "(" else None
    if inner is None or inner.key != anchor.key or inner.end >= view.sent.end:
        return at
    return inner.end + 1 if view.doc[inner.end].text == ")" else at


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
