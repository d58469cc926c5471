"""Successions: a person who takes over from another held what the other held.

Appointment releases name the outgoing holder of a post without restating the post: "X will succeed
Mark Carne", "replacing Kelly Fairweather", "Elle succède à Olivier Laboux", "his predecessor Tim
Parker". The sentence says who follows whom (:func:`successions`, read from the parse: the active
subject follows the object, a passive's agent follows its subject, the person named with "predecessor"
went before); what the follower heads is stated elsewhere in the document, so the predecessor's
relation is derived once every sentence has been read (:func:`predecessors`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from extract.core.schema import POST_PREDICATES
from extract.relations.frame_lexicon import frame_lexicon
from extract.relations.tree import PASSIVE_DEPS, SUBJECT_DEPS, anchor_root
from extract.relations.view import Anchor, Found, SentenceView, doc_forms

#: Dependencies of the person who is followed: a verb's object, or an oblique ("succède à X").
FOLLOWED_DEPS = frozenset({"dobj", "obj", "obl", "obl:arg", "pobj", "iobj", "dative"})


@dataclass(frozen=True, slots=True)
class Succession:
    """``successor`` follows ``predecessor`` in a post, as the sentence ``evidence`` says."""

    successor: str
    predecessor: str
    evidence: object  # the sentence's Evidence, kept for the derived relation


def successions(view: SentenceView, last_person: str | None) -> Iterator[tuple[str, str]]:
    """(successor, predecessor) keys of every succession the sentence states."""
    lexicon = frame_lexicon()
    forms = doc_forms(view.doc)
    people = [a for a in sorted(view.anchors + view.pronouns, key=lambda a: a.start) if a.label == "PERSON"]
    roots = {anchor_root(view, a).i: a for a in people}
    for token in view.sent:
        lemma = forms[token.i][1]
        if lemma in lexicon.succession_verbs and token.pos_ in ("VERB", "AUX"):
            yield from _by_verb(token, roots, _before(people, token, last_person))
        elif (words := {lemma, forms[token.i][0]}) & (lexicon.predecessor_nouns | lexicon.successor_nouns):
            successor = bool(words & lexicon.successor_nouns)
            named, through = _named_by(token, roots)
            keys = {one.key for one in named}
            other = _before([a for a in people if a.key not in keys], token, last_person)
            yield from _by_noun(named, other, successor=successor != through)


def _before(people: Sequence[Anchor], token: Token, last_person: str | None) -> str | None:
    """The person the sentence is about at ``token``: the last one named before it, else of the sentences
    before ("Ce dernier succède à X", "Her predecessors were X and Y")."""
    before = [a.key for a in people if a.end <= token.i]
    return before[-1] if before else last_person


def _argument(token: Token, roots: dict[int, Anchor], deps: frozenset[str]) -> Anchor | None:
    """The person that is ``token``'s argument by one of ``deps`` (through a preposition or case mark)."""
    for child in token.children:
        if child.dep_ in deps and (person := _person_at(child, roots)) is not None:
            return person
        if child.pos_ == "ADP" or child.dep_ in ("prep", "agent"):
            for grandchild in child.children:
                person = _person_at(grandchild, roots)
                if person is not None and (child.dep_ == "agent") == ("agent" in deps):
                    return person
    return None


def _person_at(token: Token, roots: dict[int, Anchor]) -> Anchor | None:
    """The person at ``token``, or set beside the post it names: "take over from current Chief Executive,
    Katherine Fairclough", "succède au PDG de Nexway, Gilles Ridel" (the parser hangs the name on the
    post in apposition, or as a conjunct after the comma)."""
    if token.i in roots:
        return roots[token.i]
    beside = (roots[c.i] for c in token.children if c.dep_ in ("appos", "conj") and c.i in roots)
    return next(beside, None)


def _by_verb(verb: Token, roots: dict[int, Anchor], before: str | None) -> Iterator[tuple[str, str]]:
    subject = _argument(verb, roots, SUBJECT_DEPS - {"agent", "obl:agent"})
    followed = _argument(verb, roots, FOLLOWED_DEPS)
    passive = _argument(verb, roots, PASSIVE_DEPS)
    agent = _argument(verb, roots, frozenset({"agent", "obl:agent"}))
    if passive is not None and agent is not None:
        subject, followed = agent, passive
    if subject is None and verb.dep_ in ("advcl", "xcomp", "acl", "conj"):
        # "..., replacing Kelly Fairweather": the follower is the subject of the clause it hangs from
        subject = _argument(verb.head, roots, (SUBJECT_DEPS | PASSIVE_DEPS) - {"agent", "obl:agent"})
    follower = subject.key if subject is not None else None
    if follower is None and verb.dep_ == "ROOT" and not _named_subject(verb):
        follower = before  # "Ce dernier succède à X", "Le PDG du groupe succède à X": the person in view
    if follower is not None and followed is not None and follower != followed.key:
        yield follower, followed.key


def _named_subject(verb: Token) -> bool:
    """Whether the verb's subject is a name ("Acme succeeds X" states no person's succession)."""
    return any(child.dep_ in SUBJECT_DEPS and child.pos_ == "PROPN" for child in verb.children)


def _by_noun(named: Sequence[Anchor], other: str | None, *, successor: bool) -> Iterator[tuple[str, str]]:
    """ "his predecessor Tim Parker", "ses prédécesseurs X et Y", "Her predecessors were X and Y": the
    named went before ``other``, the person the text is about; "X and his successor Y": the named
    follows. Named through a preposition, the other way round: "the successor to George Fellows", "en
    remplacement de Pierre Cohen" (a replacement is a successor)."""
    if other is None:
        return
    for one in named:
        if one.key != other:
            yield (one.key, other) if successor else (other, one.key)


def _named_by(noun: Token, roots: dict[int, Anchor]) -> tuple[list[Anchor], bool]:
    """The people a succession noun names, each of a list, and whether through a preposition."""
    for child in noun.children:
        if child.dep_ == "prep":  # "successor to X"
            named = next((t for t in child.children if t.i in roots), None)
            if named is not None:
                return _listed(named, roots), True
        elif child.i in roots:  # "his predecessor X"; "en remplacement de X", marked by its case word
            return _listed(child, roots), any(c.dep_ == "case" for c in child.children)
    if noun.head.i in roots and noun.head.i != noun.i:  # "Tim Parker, his predecessor"
        return _listed(noun.head, roots), False
    if noun.dep_ in SUBJECT_DEPS:  # "Her predecessors were X and Y"
        named = next((t for t in noun.head.children if t.dep_ == "attr" and t.i in roots), None)
        if named is not None:
            return _listed(named, roots), False
    return [], False


def _listed(token: Token, roots: dict[int, Anchor]) -> list[Anchor]:
    """The person at ``token`` and those joined to it ("X et Y", "X, Y and Z")."""
    return [roots[t.i] for t in (token, *token.conjuncts) if t.i in roots]


def predecessors(
    found: Iterable[tuple[Found, object]], stated: Sequence[Succession], topic: str | None = None
) -> list[tuple[Found, object]]:
    """What each predecessor held: a post its successor holds in the document, or what a successor
    took, when the document states only the predecessor's post.

    A successor often holds several posts, the one it leaves among them ("Wren, director of Asylum Aid,
    is the Refugee Council's new chief executive. He replaces Donna Covey"). The post passed on is
    the one in the organisation the document is about, else the first stated; a post it heads before
    one it only works in.
    """
    held: dict[str, list[tuple[Found, object]]] = {}
    for one, evidence in found:
        if one.predicate in POST_PREDICATES:
            held.setdefault(one.subject, []).append((one, evidence))
    derived = []
    for succession in stated:
        # the successor's post passes to the predecessor; when only the predecessor's is stated ("X
        # replaced Y as CEO of Z", where the parse gives Y the post), it passes to the successor
        giver, taker = succession.successor, succession.predecessor
        if not held.get(giver):
            giver, taker = taker, giver
        posts = held.get(giver, [])
        if not posts:
            continue
        one, _ = min(posts, key=lambda post: (post[0].object != topic, post[0].predicate != "heads"))
        derived.append((Found(taker, one.predicate, one.object, None, None), succession.evidence))
    return derived
