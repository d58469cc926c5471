"""The dependency path between two entities of a sentence, and the names and dates it passes.

What :mod:`extract.relations.paths` reads relations off: the shortest path in the parse tree from one
entity to the other, the word a list or a kind noun stands in the sentence by ("A, B and C are members",
"the drug maker Ipsen"), the date that hangs from the path.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.symbols import AUX, VERB
from spacy.tokens import Token

from extract.languages.lexicon import every_language
from extract.relations.view import Anchor, SentenceView, doc_forms

#: How many steps a date may stand below a token of the path and still be the relation's date.
DATE_REACH = 3
#: Dependencies that join the items of a list (spaCy's English and French labels).
LIST_DEPS = frozenset({"conj", "appos"})
#: Dependencies of a verb's agent: the active subject; the passive agent ("by X", "par X").
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "agent", "obl:agent"})
PASSIVE_DEPS = frozenset({"nsubjpass", "nsubj:pass", "csubjpass"})
#: The links of a clause's verb to the clause above it, whose subject it shares when it has none: an
#: adverbial clause ("avant de rejoindre B"), a verb after a preposition ("before joining B"), a complement.
CLAUSE_COMPLEMENTS = frozenset({"advcl", "pcomp", "xcomp"})


def dependency_path(a: Token, b: Token) -> list[Token] | None:
    """The tokens from ``a`` up to the lowest common ancestor and down to ``b``, ends included."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    on_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in on_b:
            return up_a[: n + 1] + up_b[: on_b[token.i]][::-1]
    return None


def anchor_root(view: SentenceView, anchor: Anchor) -> Token:
    """The token of ``anchor`` that the rest of the sentence hangs from."""
    return view.doc[anchor.start : anchor.end].root


def list_head(view: SentenceView, anchor: Anchor, owner: dict[int, Anchor]) -> Token:
    """The root of the first item of the list ``anchor`` stands in ("A, B and C"), else its own root.

    Items of one list are joined by conjunctions (or appositions) to the first; the first item's path is
    the list's path, so each item takes the relations of the whole list.
    """
    token = _kind_noun(view, anchor) or anchor_root(view, anchor)
    while token.dep_ in LIST_DEPS and token.head.i != token.i:
        head_anchor = owner.get(token.head.i)
        if head_anchor is None or head_anchor.label != anchor.label or head_anchor is anchor:
            break
        token = anchor_root(view, head_anchor)
    return _enumerated(view, token) or token


def _enumerated(view: SentenceView, token: Token) -> Token | None:
    """The plural noun a list hangs from when an enumerator opens it ("six companies, including A and B,
    have joined Y", "six entreprises, dont A et B, ont rejoint Y"): the items stand in the sentence for
    it, as a verb's argument only (in "its partners, including A" the noun states the relation)."""
    forms = doc_forms(view.doc)
    words = {phrase[-1] for phrase in view.lexicon.enumerators}
    if token.dep_ == "pobj" and forms[token.head.i][0] in words:
        noun = token.head.head  # English: the enumerator is the preposition the first item hangs from
    elif any(forms[c.i][0] in words for c in token.children if c.i < token.i):
        noun = token.head  # French: "dont", "notamment" hang from the first item
    else:
        return None
    plural = noun.pos_ == "NOUN" and "Plur" in noun.morph.get("Number") and noun.i != token.i
    return noun if plural and _verb_argument(noun) else None


def _verb_argument(noun: Token) -> bool:
    """Whether ``noun`` is a verb's subject or object, or its complement through a preposition ("a
    travaillé chez des équipementiers", "worked for companies")."""
    if noun.dep_ in SUBJECT_DEPS | PASSIVE_DEPS | {"dobj", "obj", "obl", "obl:arg", "obl:mod"}:
        return is_verb(noun.head)
    return noun.dep_ == "pobj" and is_verb(noun.head.head)


@cache
def _kind_words() -> frozenset[str]:
    """Kind nouns and organisation heads: a lower-case one before a name stands for it ("la caisse
    régionale X", "the bank X")."""
    return every_language("kind_nouns") | every_language("org_heads")


def _kind_noun(view: SentenceView, anchor: Anchor) -> Token | None:
    """The kind noun a name follows ("le groupe pharmaceutique Ipsen", "the drug maker Ipsen") when the
    parser hung the name elsewhere: the noun stands in the sentence for the name."""
    at = anchor.start - 1
    while at > view.sent.start and (view.doc[at].pos_ == "ADJ" or view.doc[at].dep_ == "compound"):
        at -= 1
    noun = view.doc[at]
    if at < view.sent.start or not noun.is_lower or doc_forms(view.doc)[at][0] not in _kind_words():
        return None
    return noun if anchor_root(view, anchor).head.i != noun.i else None


def clause_date(view: SentenceView, path: Sequence[Token]) -> str | None:
    """The value of a date that hangs from the path within :data:`DATE_REACH` steps ("since 2012")."""
    on_path = {t.i for t in path}
    for date in view.dates:
        token = view.doc[date.start : date.end].root
        for _ in range(DATE_REACH):
            if token.i in on_path:
                return date.value
            if token.head.i == token.i or (token.dep_ in CLAUSE_COMPLEMENTS and is_verb(token)):
                break  # "X began at A before joining B in 2005": the date of the clause below, not A's
            token = token.head
    return None


def between_names(
    path: list[Token] | None, owner: dict[int, Anchor], first: Anchor, second: Anchor
) -> list[Token] | None:
    """The path from the last word of ``first`` it passes to the first word of ``second``: a name's root
    may not be where the rest hangs ("SR One, the investment arm of X": "arm" hangs from "One", the
    parser's root of the name being "SR")."""
    if path is None:
        return None
    while len(path) > 2 and owner.get(path[1].i) is first:
        path = path[1:]
    while len(path) > 2 and owner.get(path[-2].i) is second:
        path = path[:-1]
    return path


def own_clause(path: Sequence[Token], first: Anchor, second: Anchor, view: SentenceView) -> bool:
    """Whether an end that stands for its list goes down into the first item's own words ("A (led by X)
    and B": what is said inside A's brackets is not said of B)."""
    for end, step, anchor in ((path[0], path[1], first), (path[-1], path[-2], second)):
        inside = anchor.start <= end.i < anchor.end
        if not inside and step.head.i == end.i:
            return True
    return False


#: The parts of speech of a verb, as spaCy's symbols (compared as integers: some callers read every token).
VERBS = frozenset({VERB, AUX})


def is_verb(token: Token) -> bool:
    return token.pos in VERBS
