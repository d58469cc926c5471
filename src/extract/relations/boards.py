"""A board or committee is part of the organisation it governs: "HP’s Board of Directors", "the MassBio
Board of Directors", "le Conseil d'administration de l'Imprimerie nationale".

A board with a capitalised name is an organisation of its own (the guidelines), and a member of its owner.
Nothing but its name says so: the owner written right before it, with a possessive ending or none, or
right after it as its complement ("of the", "de l'"). A board noun is a word of ``board_nouns`` in the
name (``data/<lang>/relations.json``, merged over every language: an English board sits in French texts).
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.relations.view import Anchor, Found, SentenceView, doc_forms, gap


def board_owner(view: SentenceView) -> Iterator[Found]:
    """Each board of the sentence member_of the organisation whose board its name says it is."""
    orgs = [a for a in view.anchors if a.label == "ORG"]
    for n, board in enumerate(orgs):
        if not is_board(view, board):
            continue
        before = orgs[n - 1] if n else None
        after = orgs[n + 1] if n + 1 < len(orgs) else None
        owner = _owner_before(view, board, before) or _owner_after(view, board, after)
        if owner is not None and owner.key != board.key and not is_board(view, owner):
            yield Found(board.key, "member_of", owner.key, None, None)


def is_board(view: SentenceView, anchor: Anchor) -> bool:
    """Does the anchor's name hold a board noun ("Board of Directors", "Conseil d'administration")?"""
    forms = doc_forms(view.doc)
    return any(forms[i][0] in view.merged.board_nouns for i in range(anchor.start, anchor.end))


def _owner_before(view: SentenceView, board: Anchor, owner: Anchor | None) -> Anchor | None:
    """ "HP’s Board of Directors", "the MassBio Board of Directors": the owner ends where the board
    starts, or a possessive ending alone stands between."""
    if owner is None:
        return None
    between = [t.text.replace("’", "'") for t in gap(view, owner.end, board.start)]
    markers = view.merged.possessive_markers
    return owner if not between or (len(between) == 1 and between[0] in markers) else None


def _owner_after(view: SentenceView, board: Anchor, owner: Anchor | None) -> Anchor | None:
    """ "the Board of Trustees of the Alpha Foundation", "le Conseil d'administration de l'Imprimerie
    nationale": "of" or "de", then at most an article, between the board and its owner."""
    if owner is None:
        return None
    words = [doc_forms(view.doc)[t.i][0] for t in gap(view, board.end, owner.start)]
    if not words or words[0].replace("’", "'") not in view.merged.of_words:
        return None
    rest = words[1:]
    return owner if all(w in view.lexicon.articles for w in rest) and len(rest) <= 1 else None
