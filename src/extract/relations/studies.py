"""Schools a person studied at: no post there.

Biographies in releases name the schools their people went to ("Diplômée de HEC, Marie Dupont a commencé
sa carrière chez Corvina", "who studied physics at the University of Birmingham", "holds a degree from
the University of Florida"). A graduate holds no post at their school, though the parse finds the name
beside theirs and the pair classifier, which weighs names and distances, takes it for an employer. An
organisation that a word of ``study_words`` (``data/<lang>/relations.json``) introduces, with only the
words of a noun phrase between (a field of study, prepositions, articles, other schools of the same
list), is where someone studied: the sentence's posts there are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from extract.core.schema import POST_PREDICATES
from extract.relations.view import Found, SentenceView, doc_forms

#: The parts of speech that may stand between a study word and its school ("studied physics at", "a
#: Bachelor of Science degree from", "de l'École polytechnique et de").
_NOUN_PHRASE = frozenset({"ADP", "DET", "NOUN", "ADJ", "PROPN", "CCONJ", "NUM"})

#: How many tokens before a school its study word may stand.
_REACH = 12


def without_studies(found: Iterable[Found], studied: frozenset[str]) -> Iterator[Found]:
    """``found`` but the posts held at a school the sentence says someone studied at (``studied``, the
    keys :func:`schools` gives)."""
    return (f for f in found if not (f.predicate in POST_PREDICATES and f.object in studied))


def schools(view: SentenceView) -> frozenset[str]:
    """The keys of the sentence's organisations that a study word introduces."""
    lex, table, doc = view.lexicon, doc_forms(view.doc), view.doc
    roles = lex.heads | lex.works_for
    owners = {i: a for a in view.anchors for i in range(a.start, a.end)}
    found = set()
    for org in (a for a in view.anchors if a.label == "ORG"):
        at = org.start - 1
        while at >= max(view.sent.start, org.start - _REACH):
            word, owner = table[at][0], owners.get(at)
            if word in lex.study_words:
                if not _of_a_role(view, at, roles):
                    found.add(org.key)
                break
            if owner is not None and owner.label == "ORG":
                at = owner.start - 1  # another school of the list: "de l'X et de l'Y"
                continue
            if owner is not None or doc[at].pos_ not in _NOUN_PHRASE or word in roles:
                break  # a person, a verb or a role: "professor of physics at X" holds a post there
            at -= 1
    return frozenset(found)


def _of_a_role(view: SentenceView, at: int, roles: frozenset[str]) -> bool:
    """Whether the study word at ``at`` is the field of a role ("directeur des études", "Director of
    Studies"): a post, not a school."""
    table, before = doc_forms(view.doc), at - 1
    while before >= view.sent.start and view.doc[before].pos_ in ("ADP", "DET"):
        before -= 1
    return before >= view.sent.start and table[before][0] in roles
