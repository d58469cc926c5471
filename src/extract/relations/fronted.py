"""A founding told in a participle clause that opens the sentence: "Créé en 2017 par Benoit Ducrest et
Celine Allary, le studio Million Victories a levé ...", "Founded in 2015 by two physicists, Mathieu
Carras and Mickael Brun, mirSense ...".

The participle hangs on the main clause's subject, which the parser often misses, so the relation is read
on the surface: a participle of a ``founded`` frame opens the sentence, its agent marker ("par", "by")
introduces the founders, and the first organisation after the comma that closes the clause is what they
founded.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.relations.frame_lexicon import frame_lexicon
from extract.relations.groups import group_after
from extract.relations.view import Found, SentenceView, dates_in, doc_forms

#: Words the opening participle clause may hold before its agent marker ("en 2017", "in 2015").
CLAUSE_REACH = 12


def fronted_founding(view: SentenceView) -> Iterator[Found]:
    """Each founder named after the opening participle's agent marker founded the clause's subject."""
    doc, forms = view.doc, doc_forms(view.doc)
    first = view.sent.start
    if not _founding_participle(view, doc[first]):
        return
    marker = next(
        (
            i
            for i in range(first + 1, min(view.sent.end, first + CLAUSE_REACH))
            if forms[i][0] in view.merged.agent_markers
        ),
        None,
    )
    if marker is None:
        return
    founders = [a for a in view.anchors if a.start > marker]
    if not founders:
        return
    comma = next((i for i in range(founders[0].start, view.sent.end) if doc[i].text == ","), None)
    if comma is None:
        return
    subject = next((a for a in view.anchors if a.start > comma and a.label == "ORG"), None)
    if subject is None or not _in_subject_phrase(view, comma, subject.start):
        return
    date = dates_in(view, first, marker)
    for founder in group_after(view, founders[0]):
        if founder.end <= comma and founder.key != subject.key:
            yield Found(founder.key, "founded", subject.key, None, date)


def _founding_participle(view: SentenceView, token: Token) -> bool:
    """Whether ``token`` is a past participle of a ``founded`` frame ("Créé", "Fondée", "Founded")."""
    found = frame_lexicon().frames_of(doc_forms(view.doc)[token.i])
    if not any(f.predicate == "founded" for f in found):
        return False
    return "Part" in token.morph.get("VerbForm") or token.tag_ == "VBN"


def _in_subject_phrase(view: SentenceView, comma: int, end: int) -> bool:
    """Whether only an article, a kind noun and adjectives stand between the comma and ``end``."""
    between = view.doc[comma + 1 : end]
    return len(between) <= 4 and all(t.pos_ in ("DET", "NOUN", "ADJ") and t.is_lower for t in between)
