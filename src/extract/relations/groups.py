"""Lists of entities that share one slot of a relation: "A, B and C are members of D".

A trigger's subject or object is often a list; the rules widen the anchor next to the trigger to the
whole list (:func:`group_after`, :func:`group_before`), passing over a second name of the same member
("Institut X – Centre Y").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from extract.relations.frame_lexicon import frame_lexicon
from extract.relations.triggers import alongside_at, triggers_in
from extract.relations.view import CLAUSE_BREAKS, RENAMING_DASHES, Anchor, SentenceView, forms, gap


def _connects(view: SentenceView, tokens: Sequence[Token]) -> bool:
    lex = view.lexicon
    if any(forms(t)[0] in CLAUSE_BREAKS or t.text == ":" or alongside_at(view, t.i) for t in tokens):
        return False
    nouns = [
        t
        for t in tokens
        if forms(t)[0] not in lex.list_connectors
        and forms(t)[0] not in lex.titles  # "A et Me B": a title opens the next item
        and not (t.pos_ == "ADP" and t.i + 1 in view.skip)
        and not _repeated_preposition(view, t)
    ]
    joined = any(forms(t)[0] in (",", "/", "&") or forms(t)[0] in view.merged.and_words for t in tokens)
    plain = all(
        t.pos_ == "NOUN"
        and t.is_lower
        and forms(t)[0] not in lex.role_words
        and not triggers_in(view, t.i, t.i + 1)
        and not _frame_noun(t)
        for t in nouns
    )
    return plain and (not nouns or joined) and len(nouns) <= 3


def _frame_noun(token: Token) -> bool:
    """ "Cloudwatt, filiale d'Orange": a frame's noun between two names states how they are related
    (:mod:`extract.relations.frame_paths`); the names are no list."""
    return bool(frame_lexicon().frames_of(forms(token)))


def _repeated_preposition(view: SentenceView, token: Token) -> bool:
    """ "de" in "directrice de A et de B", "of" in "CEO of A and of B": the preposition said again after
    the conjunction belongs to the list's join."""
    before = token.doc[token.i - 1] if token.i > view.sent.start else None
    return token.pos_ == "ADP" and before is not None and forms(before)[0] in view.merged.and_words


def group_after(view: SentenceView, anchor: Anchor) -> list[Anchor]:
    """``anchor`` and the anchors that follow it in the same list ("A, B and C"); in "A – B", B is
    another name of A (or its unit) and is passed over."""
    group, end = [anchor], anchor.end
    for nxt in view.anchors:
        if nxt.start < end or nxt.start in view.asides:
            continue
        tokens = gap(view, end, nxt.start)
        if nxt.label != anchor.label:
            break
        if _renames(tokens):
            end = nxt.end
        elif _connects(view, tokens):
            group.append(nxt)
            end = nxt.end
        else:
            break
    return group


def group_before(view: SentenceView, anchor: Anchor) -> list[Anchor]:
    """``anchor`` and the anchors that precede it in the same list (see :func:`group_after`); the last
    two items must be joined by a conjunction."""
    group, start = [anchor], anchor.start
    for prev in reversed(view.anchors):
        if prev.end > start or prev.start in view.asides:
            continue
        tokens = gap(view, prev.end, start)
        if prev.label != anchor.label:
            break
        if _renames(tokens):
            group[0] = prev  # "A – B" before the trigger: A is the name the list gives
            start = prev.start
        elif _connects(view, tokens) and (len(group) > 1 or conjoined(tokens)):
            group.insert(0, prev)
            start = prev.start
        else:
            break
    return group


def conjoined(tokens: Sequence[Token]) -> bool:
    """A list before its verb ends in "and" / "et" / "&" ("A, B and C signed"); a bare comma before the
    subject closes an opening phrase instead ("Pursuant to the law on Health, the CLB has signed")."""
    return any(t.pos_ == "CCONJ" or t.text in ("&", "/") for t in tokens)


def _renames(tokens: Sequence[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].text in RENAMING_DASHES
