"""Whom "he", "she", "il" or "elle" stands for.

A subject pronoun continues the subject before it, not the last name ("Elle succède à Olivier Laboux,
dont elle était la vice-présidente": the second "elle" is the first one); across sentences it stands for
the person the previous sentences were about: the subject of their main clause, a person in brackets
coming last. A pronoun agrees with its person: the parser gives the pronoun's gender, the first name gives
the person's (through gender-guesser's list of first names, the same the recogniser reads); an unknown
gender agrees with both.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span, Token

from extract.languages.name_forms import first_names
from extract.relations.frame_lexicon import frame_lexicon
from extract.relations.view import Anchor, doc_forms

#: People remembered across sentences for a pronoun to stand for, the most salient last.
REMEMBERED = 6
#: gender-guesser's answers, as the parser's Gender feature.
GENDERS = {"female": "Fem", "mostly_female": "Fem", "male": "Masc", "mostly_male": "Masc"}


def person_pronouns(sent: Span, anchors: list[Anchor], people: Sequence[str]) -> list[Anchor]:
    """ "he", "she", "il", "elle" as subjects, as anchors of the person they most likely stand for: the
    last person subject before the pronoun in the sentence (a pronoun already resolved included), else
    the most salient person of the sentences before, else the last person named before it; each of
    the same gender as the pronoun, or of an unknown one."""
    pronouns, table = frame_lexicon().person_pronouns, doc_forms(sent.doc)
    extra: list[Anchor] = []
    for token in sent:
        if table[token.i][0] not in pronouns or token.pos_ != "PRON" or "subj" not in token.dep_:
            continue
        before = sorted(
            (a for a in [*anchors, *extra] if a.label == "PERSON" and a.end <= token.i),
            key=lambda a: a.start,
        )
        subjects = [a.key for a in reversed(before) if is_subject(sent, a)]
        ordered = [*subjects, *reversed(people), *(a.key for a in reversed(before))]
        key = next((key for key in ordered if _agrees(token, key)), None)
        if key is not None:
            extra.append(Anchor(token.i, token.i + 1, key, "PERSON"))
    return extra


def seen_people(sent: Span, anchors: Sequence[Anchor], people: Sequence[str]) -> list[str]:
    """``people`` with the sentence's persons added, its most salient one last: the subject of its main
    clause, else a person the main verb governs ("le conseil a élu Virginie Dupont présidente"), else
    another subject, else the last named; a person in brackets comes before all of these."""
    named = sorted((a for a in anchors if a.label == "PERSON"), key=lambda a: _salience(sent, a))
    keys = list(dict.fromkeys(a.key for a in named))[::-1]  # each person once, at its most salient
    return [*(key for key in people if key not in keys), *keys][-REMEMBERED:]


def _salience(sent: Span, anchor: Anchor) -> tuple[bool, int, int]:
    """Lower is more salient."""
    root = sent.doc[anchor.start : anchor.end].root
    main, subject = _in_main_clause(root), is_subject(sent, anchor)
    rank = 0 if subject and main else 1 if main else 2 if subject else 3
    return _in_brackets(sent, anchor), rank, -anchor.start if rank == 3 else anchor.start


def _agrees(pronoun: Token, key: str) -> bool:
    wanted = pronoun.morph.get("Gender")
    gender = person_gender(key)
    return not wanted or gender is None or gender == wanted[0]


@cache
def person_gender(key: str) -> str | None:
    """ "Fem", "Masc" or None (unknown or ambiguous), from the first name of a person's key."""
    name = key.split("|", 1)[-1].split()
    if len(name) < 2:
        return None
    first = name[0].split("-")[0]
    return GENDERS.get(first_names().get_gender(first.capitalize()))


def is_subject(sent: Span, anchor: Anchor) -> bool:
    """A subject by the parse, a name in apposition to the subject ("Son président Jean Martin a annoncé",
    "Its chairman John Martin said": the parser makes the role noun the subject), or a name that opens the
    sentence and that the parser left as a root of its own (a parse broken by a heading line above it)."""
    root = sent.doc[anchor.start : anchor.end].root
    apposed = root.dep_ == "appos" and "subj" in root.head.dep_
    return "subj" in root.dep_ or apposed or (anchor.start == sent.start and root.dep_ == "ROOT")


def _in_main_clause(token: Token) -> bool:
    """Whether the token hangs from the sentence's root, or from a verb coordinated with it."""
    head = token.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _in_brackets(sent: Span, anchor: Anchor) -> bool:
    """Whether more brackets open than close between the sentence start and the anchor."""
    before = sent.doc[sent.start : anchor.start].text
    return before.count("(") > before.count(")")
