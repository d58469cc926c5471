"""Organisations listed together as the subject of a partnership: "Le CNRS et Ipsen ont signé un protocole
d'accord", "A and B partner on ...", "A, B and C signed a memorandum".

The paths of :mod:`extract.relations.paths` join two entities through the words between them; two items
of one list have no words between them, only the verb they share. The parse says what that verb states:
a symmetric frame of its own ("collaborate", "s'associer"), or the symmetric frame of its object, or of
the object's complement ("signed an agreement", "signé un protocole d'accord").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.relations.frame_lexicon import Frame, FrameLexicon, frame_lexicon
from extract.relations.tree import SUBJECT_DEPS, clause_date, list_head
from extract.relations.view import Anchor, Found, SentenceView, doc_forms

#: Dependencies of a verb's object, and of the nouns that complete it ("protocole d'accord").
OBJECT_DEPS = frozenset({"obj", "dobj"})
COMPLEMENT_DEPS = frozenset({"nmod", "compound", "amod"})


def joint_parties(view: SentenceView) -> Iterator[Found]:
    """Each pair of the organisations listed as the subject of a verb that states a symmetric relation."""
    orgs = sorted((a for a in view.anchors if a.label == "ORG"), key=lambda a: a.start)
    owner = {i: a for a in view.anchors for i in range(a.start, a.end)}
    lists: dict[int, list[Anchor]] = {}
    for anchor in orgs:
        lists.setdefault(list_head(view, anchor, owner).i, []).append(anchor)
    lexicon = frame_lexicon()
    for head, items in lists.items():
        subject = view.doc[head]
        if len(items) < 2 or subject.dep_ not in SUBJECT_DEPS or _passive(subject.head):
            continue  # "A et B seront associés au comité": associated to a third, not to each other
        frame = _symmetric_frame(view, subject.head, lexicon)
        if frame is None:
            continue
        date = clause_date(view, [subject, subject.head])
        for number, one in enumerate(items):
            for other in items[number + 1 :]:
                if one.key != other.key:
                    yield Found(one.key, frame.predicate, other.key, None, date)


def _passive(verb: Token) -> bool:
    """A passive verb, or a participle after "to be" that the parser read as a copula ("seront associées")."""
    participle = "Part" in verb.morph.get("VerbForm")
    return any(c.dep_ in ("auxpass", "aux:pass") or (c.dep_ == "cop" and participle) for c in verb.children)


def _symmetric_frame(view: SentenceView, verb: Token, lexicon: FrameLexicon) -> Frame | None:
    """The symmetric frame the verb states itself, or through its object or the object's complement."""
    forms = doc_forms(view.doc)
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    words = [verb, *objects, *(g for o in objects for g in o.children if g.dep_ in COMPLEMENT_DEPS)]
    for token in words:
        for frame in lexicon.frames_of(forms[token.i]):
            if frame.agent == "either":
                return frame
    return None
