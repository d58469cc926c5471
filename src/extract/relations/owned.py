"""Members listed after their owner: "Les neuf autres membres non français de la CGE sont : A (Canada),
B (Canada) ; C", "The schools of the Alpha group are A, B and C".

The paths of :mod:`extract.relations.paths` read such a list when the parser joins its items; a long
list with brackets and semicolons defeats the parser, so the list is read on the surface, item by item
(:func:`extract.relations.lists.list_items`), once the phrase before it has said whose members they are:
a member noun (one of the ``member_of`` frames' nouns: "members", "schools", "écoles"), its complement
the owner, then only "to be" or a colon before the first item.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.languages.lexicon import every_language
from extract.relations.frame_lexicon import frame_lexicon
from extract.relations.lists import list_items
from extract.relations.view import Anchor, Found, SentenceView, doc_forms

#: Words between the member noun and its owner ("non français de la"), at most.
NOUN_REACH = 6
#: Parts of speech that may stand between the member noun and the owner.
BETWEEN_POS = frozenset({"ADJ", "ADV", "ADP", "DET", "NUM"})


def members_listed(view: SentenceView) -> Iterator[Found]:
    """Each organisation of the list member_of the owner named in the phrase that announces it."""
    for owner in (a for a in view.anchors if a.label == "ORG"):
        if not _member_noun_before(view, owner):
            continue
        start = _list_start(view, owner)
        if start is None:
            continue
        for item in list_items(view, start):
            if item.key != owner.key:
                yield Found(item.key, "member_of", owner.key, None, None)
        return


def _member_noun_before(view: SentenceView, owner: Anchor) -> bool:
    """Whether a plural member noun stands before the owner, with only its modifiers and "of" between."""
    doc, forms = view.doc, doc_forms(view.doc)
    at = owner.start - 1
    while at >= max(view.sent.start, owner.start - NOUN_REACH) and doc[at].pos_ in BETWEEN_POS:
        at -= 1
    if at < view.sent.start or doc[at].pos_ != "NOUN" or "Plur" not in doc[at].morph.get("Number"):
        return False
    found = frame_lexicon().frames_of(forms[at])
    return any(f.predicate == "member_of" and f.agent == "subject" for f in found)


def _list_start(view: SentenceView, owner: Anchor) -> int | None:
    """Where the list starts after the owner (and a kind noun: "the CSAT group are"): after a colon, or
    after "to be" (and a colon)."""
    doc, at = view.doc, owner.end
    if at < view.sent.end and doc_forms(doc)[at][0] in every_language("kind_nouns"):
        at += 1
    said = False
    while at < view.sent.end and (doc[at].pos_ == "AUX" or doc[at].text == ":"):
        said = True
        at += 1
    return at if said and at < view.sent.end else None
