"""A post announced before its holder is named.

Appointment releases often open on the post alone ("The South West Heritage Trust has appointed a new
chief executive.", "Le PMU tient enfin son nouveau directeur général.") and name who takes it in the
next sentence ("Sam Astill takes over from Tom Mayberry ..."), where no rule sees the organisation. A
sentence that names one organisation, no person, and a new role (``novelty_words`` of the language's
``relations.json`` before a role phrase) leaves the post open; the next sentence that names a person
fills it with its subject, unless a rule already relates that person to the organisation there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from extract.languages.lexicon import every_language
from extract.relations.pronouns import is_subject
from extract.relations.triggers import role_run
from extract.relations.view import Anchor, Found, Match, SentenceView, doc_forms

#: How many sentences after the announcement may name the post's holder.
REACH = 2


@dataclass(frozen=True, slots=True)
class Vacancy:
    """A post of ``org`` announced without its holder, and how many sentences may still name them."""

    org: str
    post: Match
    left: int = REACH


def announced(view: SentenceView) -> Vacancy | None:
    """The post a sentence announces without naming its holder ("a new chief executive"), if any."""
    if view.pronouns or any(anchor.label == "PERSON" for anchor in view.anchors):
        return None
    orgs = [anchor for anchor in view.anchors if anchor.label == "ORG"]
    if len({anchor.key for anchor in orgs}) != 1:
        return None
    table = doc_forms(view.doc)
    for token in view.sent[:-1]:
        if table[token.i][0] in view.lexicon.novelty_words:
            post = role_run(view, token.i + 1, view.sent.end, skip=frozenset())
            if post is not None and any(_owns(view, anchor, post) for anchor in orgs):
                return Vacancy(orgs[0].key, post)
    return None


def _owns(view: SentenceView, anchor: Anchor, post: Match) -> bool:
    """Whether the post is the organisation's: it names the organisation after the post ("a new president
    for AFNOR") or as the sentence's subject ("The Trust has appointed a new chief executive"), not as a
    bystander ("retained search firm Russell Reynolds to assist in the hunt for a new leader")."""
    return anchor.start >= post.end or is_subject(view.sent, anchor)


def filled(
    view: SentenceView, vacancy: Vacancy, rules: Sequence[Found]
) -> tuple[list[Found], Vacancy | None]:
    """The post's holder, if the sentence names one: a person who is its subject and does not only speak
    ("Sam Astill takes over", not "Justice Minister Jeremy Wright said:"); and the vacancy still open after
    the sentence (None once a person is named, or the reach is spent)."""
    people = [anchor for anchor in view.anchors if anchor.label == "PERSON"]
    if not people:
        return [], (replace(vacancy, left=vacancy.left - 1) if vacancy.left > 1 else None)
    holders = [anchor.key for anchor in people if is_subject(view.sent, anchor) and not _speaks(view, anchor)]
    if not holders or any(one.subject == holders[0] and one.object == vacancy.org for one in rules):
        return [], None
    return [Found(holders[0], vacancy.post.predicate, vacancy.org, vacancy.post.role, None)], None


def _speaks(view: SentenceView, anchor: Anchor) -> bool:
    """Whether the person is the subject of a verb of speech ("said", "a déclaré")."""
    verb = view.doc[anchor.start : anchor.end].root.head
    return doc_forms(view.doc)[verb.i][0] in _speech_words()


@cache
def _speech_words() -> frozenset[str]:
    """The last word of every language's speech verbs ("déclaré" of "a déclaré")."""
    return frozenset(verb.split()[-1] for verb in every_language("speech_verbs"))
