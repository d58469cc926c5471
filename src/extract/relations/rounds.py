"""Investors listed in a sentence of their own, after the sentence that announced the round.

A release announces a round with its company ("Quobly annonce un tour de table de 19 millions d'euros"),
then names the investors in sentences that leave the company out: "L'opération a été menée par A, B et
C", "D et E ont également participé à cette levée de fonds", "Investors include F and G". The company of
such a sentence is the release's topic. A sentence is read so when it names neither the topic nor any
person, holds a round word (``round_nouns`` or ``round_followers``, ``data/<lang>/relations.json``) and a
word of ``round_verbs`` that joins the two: between the round word and the list of investors ("menée
par", "investors include"), or between the list, at the sentence's start, and the round word ("ont
participé à l'opération"). Each organisation of the list funds the topic.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.relations.lists import investors
from extract.relations.view import CLAUSE_BREAKS, Anchor, Found, SentenceView, forms, gap

#: How many tokens the list of investors may stand from the sentence's start ("Des acteurs bancaires, à
#: l'image de A, B et C ont participé").
OPENING_REACH = 8
#: How many tokens may stand between a round word and its investors, or between the investors and the
#: verb that says they took part.
LEAD_REACH = 8


def unnamed_round(view: SentenceView) -> Iterator[Found]:
    """The topic funded_by each investor a round's sentence lists without naming the company."""
    topic = view.topic
    if topic is None or any(a.key == topic or a.label == "PERSON" for a in view.anchors):
        return
    for investor in _led_by(view) or _taking_part(view):
        yield Found(topic, "funded_by", investor.key, None, None)


def _round_word(view: SentenceView, token: Token) -> bool:
    lex = view.lexicon
    return bool(set(forms(token)) & (lex.round_nouns | lex.round_followers))


def _led_by(view: SentenceView) -> list[Anchor]:
    """ "L'opération a été menée par A", "Investors include A": the investors listed from the first
    organisation after a round word and a round verb; none when an organisation comes before the round
    word ("Bird announced its round, led by A" is Bird's round)."""
    orgs = [a for a in view.anchors if a.label == "ORG"]
    for token in view.sent:
        if not _round_word(view, token):
            continue
        if any(a.start < token.i for a in orgs):
            return []
        first = next((a for a in orgs if a.start > token.i), None)
        if first is None:
            return []
        lead = gap(view, token.i + 1, first.start)
        if len(lead) <= LEAD_REACH and _joins(view, lead):
            return investors(view, first)
    return []


def _taking_part(view: SentenceView) -> list[Anchor]:
    """ "A, B et C ont également participé à cette levée de fonds": a list at the sentence's start, then a
    round verb, then a round word."""
    orgs = [a for a in view.anchors if a.label == "ORG"]
    if not orgs or orgs[0].start - view.sent.start > OPENING_REACH:
        return []
    listed = investors(view, orgs[0])
    after = gap(view, listed[-1].end, view.sent.end)
    if not _joins(view, after[:LEAD_REACH]):
        return []
    return listed if any(_round_word(view, t) for t in after) else []


def _joins(view: SentenceView, tokens: list[Token]) -> bool:
    """Whether ``tokens`` hold a round verb before any clause break."""
    for token in tokens:
        if forms(token)[0] in CLAUSE_BREAKS:
            return False
        if set(forms(token)) & view.lexicon.round_verbs:
            return True
    return False
