"""From a trigger between subjects and objects to the triples it states.

Shared by the rule families: the predicate a trigger gives for a kind of subject (:func:`retarget`,
a person "coordinating" a network heads it), the triples of a match (:func:`emit`), the date the
sentence ties to them (:func:`tied_date`) and the fellows listed with "alongside"
(:func:`alongside_fellows`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from extract.core.schema import POST_PREDICATES
from extract.relations.groups import group_after
from extract.relations.triggers import post_ok
from extract.relations.view import Anchor, Found, Match, SentenceView, dates_in, forms, gap, match_phrase


def retarget(predicate: str, subject_label: str) -> str | None:
    """The predicate a trigger gives for this kind of subject: a person "coordinating" a network heads it.
    An organisation holds no post: met with one ("X, président de Y", "le PDG de Y"), it stands for a
    person the sentence names elsewhere or leaves out, so the post gives it nothing. (Read as "X
    coordinates Y", it gave 8 triples on the 620 tune texts, none right.)"""
    if subject_label == "PERSON":
        return {
            "heads": "heads",
            "works_for": "works_for",
            "coordinates": "heads",
            "member_of": "works_for",
            "founded": "founded",
        }.get(predicate)
    return {"heads": None, "works_for": None}.get(predicate, predicate)


def emit(
    view: SentenceView, subjects: Sequence[Anchor], objects: Sequence[Anchor], match: Match, date: str | None
) -> Iterator[Found]:
    for subject in subjects:
        for obj in objects:
            if obj.label != "ORG" or subject.key == obj.key:
                continue
            predicate = retarget(match.predicate, subject.label)
            role = match.role if predicate in POST_PREDICATES else None
            if predicate is None and _partner_noun(view, subject, match):
                predicate, role = "works_for", view.doc[match.start : match.end].text
            if predicate is None:
                continue
            yield Found(subject.key, predicate, obj.key, role, date)


def _partner_noun(view: SentenceView, subject: Anchor, match: Match) -> bool:
    """ "Laura Chen, Partner at Northgate": a person who is a partner holds a position in the firm."""
    return (
        subject.label == "PERSON"
        and match.predicate == "partner_of"
        and match.end - match.start == 1
        and view.doc[match.start].pos_ in ("NOUN", "PROPN")
    )


def tied_date(view: SentenceView, first: Anchor, last: Anchor, match: Match) -> str | None:
    """The DATE the sentence ties to a relation: inside it, right after it, or leading the sentence."""
    inside = dates_in(view, min(first.start, match.start), max(last.end, match.end))
    if inside:
        return inside
    lex, doc = view.lexicon, view.doc
    after = [i for i in range(last.end, view.sent.end) if not _in_paren_skip(view, i)]
    position = 0
    while position < len(after) and forms(doc[after[position]])[0] in (",",):
        position += 1
    if position < len(after) and forms(doc[after[position]])[0] in lex.date_prepositions:
        while position < len(after) and forms(doc[after[position]])[0] in lex.date_prepositions:
            position += 1
        if position < len(after):
            for date in view.dates:
                if date.start == after[position]:
                    return date.value
    for date in view.dates:
        if date.end <= first.start:
            lead = [t for t in view.doc[view.sent.start : first.start] if not date.start <= t.i < date.end]
            if all(t.pos_ in ("ADP", "ADV", "PUNCT", "CCONJ", "DET", "SCONJ") for t in lead):
                return date.value
    return None


def _in_paren_skip(view: SentenceView, index: int) -> bool:
    return index in view.skip and not any(d.start <= index < d.end for d in view.dates)


def alongside_fellows(
    view: SentenceView, objects: Sequence[Anchor], last: Anchor, match: Match
) -> Iterator[Found]:
    """ "A is a member of B, alongside C and D": C and D share A's relation to B."""
    if match.predicate not in ("member_of", "partner_of"):
        return
    lex, doc = view.lexicon, view.doc
    for start in range(last.end, view.sent.end):
        for phrase in lex.alongside:
            end = match_phrase(doc, start, phrase, stop=view.sent.end, agents=view.merged.agent_markers)
            if end is None or (start > last.end and forms(doc[start - 1])[0] != ","):
                continue
            nxt = next((a for a in view.anchors if a.start >= end), None)
            if nxt is None:
                return
            between = gap(view, end, nxt.start)
            if between and not post_ok(view, between):
                return
            for member in group_after(view, nxt):
                for obj in objects:
                    if member.key != obj.key and member.label == "ORG":
                        yield Found(member.key, match.predicate, obj.key, None, None)
            return
