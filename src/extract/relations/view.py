"""The sentence as the relation rules see it: anchors, dates, skipped tokens and the words between.

Every rule reads the same things off a sentence: where its entities stand (:class:`Anchor`), its dates,
which tokens a gap is read without (dates, places, asides in brackets), the lower-cased forms of its
tokens. They live here, with the triple a rule finds (:class:`Found`) and the trigger it found it by
(:class:`Match`), so that every rule module imports them from one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.relations.lexicon import MergedWords, RelationLexicon

#: How many tokens after its verb a passive trigger's agent marker ("by", "par") may stand.
AGENT_REACH = 5
#: "Institut X – Centre Y" inside a list: one member under two names.
RENAMING_DASHES = frozenset({"–", "—"})
#: Every dash a line may set between a person and where they come from ("Michael Lippert - Saft").
DASHES = frozenset({"-", "–", "—"})
CLAUSE_BREAKS = frozenset({";", ".", "?", "!", "•", "|"})
#: Punctuation a gap may hold (so may a possessive marker, "'s": a word, read from the lexicon).
GAP_PUNCT = frozenset({",", "–", "-", "—", "'", '"', "‘", "“", "”", "«", "»", "*"})


@dataclass(frozen=True, slots=True)
class Anchor:
    """A stretch of tokens that stands for an entity: a mention, or "it"/"the Centre" read as the topic."""

    start: int  # token index in the Doc, inclusive
    end: int  # exclusive
    key: str
    label: str  # ORG | PERSON


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A DATE mention's tokens and its ISO value."""

    start: int
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class Found:
    """A relation read off a sentence, before deduplication."""

    subject: str
    predicate: str
    object: str
    role: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation is stated: document offsets and the quoted text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger or role phrase found in a gap: tokens [start, end), its predicate and direction."""

    start: int
    end: int
    predicate: str
    direction: str
    role: str | None = None


@dataclass(slots=True)
class SentenceView:
    """One sentence with its anchors, dates and lexicon; ``recent_orgs`` are ORG keys of earlier sentences."""

    sent: Span
    anchors: list[Anchor]
    dates: list[DateSpan]
    lexicon: RelationLexicon
    merged: MergedWords  # the small word classes read whatever the sentence's language
    topic: str | None
    recent_orgs: Sequence[str] = ()
    skip: set[int] = field(default_factory=set)  # tokens the gap reading ignores (dates, parentheses, places)
    asides: set[int] = field(default_factory=set)  # starts of anchors inside brackets, outside any list
    triggers: dict[tuple[int, int], list[Match]] = field(default_factory=dict)  # triggers_in by (start, stop)
    pronouns: list[Anchor] = field(default_factory=list)  # "he", "elle": read by the parse rules only

    @property
    def doc(self) -> Doc:
        return self.sent.doc


def forms(token: Token) -> tuple[str, str]:
    """The lower-cased text and lemma of ``token``, with typographic apostrophes made plain.

    Read from the Doc's table (:func:`doc_forms`): the rules ask for the same token's forms many times.
    """
    return doc_forms(token.doc)[token.i]


def _token_forms(token: Token) -> tuple[str, str]:
    return token.lower_.replace("’", "'"), token.lemma_.lower().replace("’", "'")


def doc_forms(doc: Doc) -> list[tuple[str, str]]:
    """:func:`forms` of every token of ``doc``, computed once per Doc (the rules read each token often)."""
    cached = doc.user_data.get("extract.forms")
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data["extract.forms"] = [_token_forms(token) for token in doc]
    return cached


def match_phrase(
    doc: Doc, start: int, words: Sequence[str], *, stop: int, agents: frozenset[str]
) -> int | None:
    """End index if ``words`` match the tokens from ``start``; a final agent marker (one of ``agents``,
    "by", "par") may come a few tokens later."""
    position = start
    table = doc_forms(doc)
    for number, word in enumerate(words):
        last = number == len(words) - 1
        if position >= stop:
            return None
        if word in table[position]:
            position += 1
            continue
        if not (last and word in agents and number > 0):
            return None
        for ahead in range(position, min(stop, position + AGENT_REACH)):
            if word in table[ahead]:
                return ahead + 1
            if doc[ahead].pos_ == "VERB":
                return None
        return None
    return position


def is_role_word(text: str, role_words: frozenset[str]) -> bool:
    """Whether a lower-cased word is a role word, or a compound of them ("ex-président", "vice-chair")."""
    return text in role_words or ("-" in text and all(part in role_words for part in text.split("-") if part))


def skipped_tokens(view: SentenceView) -> set[int]:
    """Tokens a gap is read without: DATE mentions, places, and asides in brackets."""
    skip: set[int] = set()
    for date in view.dates:
        skip.update(range(date.start, date.end))
    role_words = view.lexicon.role_words
    for token in view.sent:
        place = token.ent_type_ in ("GPE", "LOC") and not in_anchor(view, token.i)
        if place and not is_role_word(forms(token)[0], role_words):  # "Vice-présidente" read as a place
            skip.add(token.i)
    depth, opened = 0, 0
    for token in view.sent:
        if token.text in ("(", "["):
            depth, opened = depth + 1, token.i if depth == 0 else opened
        elif token.text in (")", "]") and depth:
            depth -= 1
            if depth == 0:
                skip.update(range(opened, token.i + 1))
    view.asides = {a.start for a in view.anchors if all(i in skip for i in range(a.start, a.end))}
    # names in brackets stay skipped (a list reads past "A (B, C), D"); others are read as anchors
    named = (a for a in view.anchors if a.start not in view.asides)
    skip.difference_update(i for a in named for i in range(a.start, a.end))
    return skip


def opening_org(sent: Span, anchors: Sequence[Anchor]) -> Anchor | None:
    """The organisation a sentence opens with, as its subject ("For example, the CRCL includes ..."):
    the first of ``anchors``, an organisation, with no verb before it."""
    if not anchors or anchors[0].label != "ORG":
        return None
    lead = sent.doc[sent.start : anchors[0].start]
    if any(t.pos_ in ("VERB", "AUX") for t in lead):
        return None
    if len(anchors) > 1 and anchors[1].label == "ORG":
        between = sent.doc[anchors[0].end : anchors[1].start]
        if 0 < len(between) <= 2 and all(t.is_lower and t.is_alpha for t in between):
            return anchors[1]  # "Cornell spinout Gotham Therapeutics": the first names what the second is
    return anchors[0]


def in_anchor(view: SentenceView, index: int) -> bool:
    return any(a.start <= index < a.end for a in view.anchors)


def gap(view: SentenceView, start: int, end: int) -> list[Token]:
    """The tokens from ``start`` to ``end`` that the rules read (skipped tokens left out)."""
    return [view.doc[i] for i in range(start, end) if i not in view.skip]


def dates_in(view: SentenceView, start: int, end: int) -> str | None:
    for date in view.dates:
        if start <= date.start and date.end <= end:
            return date.value
    return None
