"""The rules that pair the parties of a partnership: "partnership between A and B", "A and B launched
a partnership", "A, B and C jointly organised", "ce protocole A/B".

The parties are a list (after "between", or the conjoined subjects of the verb); every pair of
organisations in it is a partner_of triple. Where surface order says too little, the parse tells
the subjects of the verb.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from extract.relations.emit import tied_date
from extract.relations.frame_lexicon import frame_lexicon
from extract.relations.groups import group_after, group_before
from extract.relations.triggers import lexicon_index, pre_ok, triggers_in
from extract.relations.view import (
    CLAUSE_BREAKS,
    Anchor,
    Found,
    Match,
    SentenceView,
    doc_forms,
    forms,
    gap,
    in_anchor,
    match_phrase,
)

#: The marks that join the two parties of a named partnership ("FNCCR/Enedis").
PAIR_JOINS = ("/", "-")
#: Words between an apposition's closing comma and "partnership" ("have launched a new").
APPOSED_VERB_WORDS = 6


def partnership_between(view: SentenceView) -> Iterator[Found]:
    """ "a partnership agreement between A and B" / "un partenariat entre A et B": every pair."""
    for match in triggers_in(view, view.sent.start, view.sent.end):
        if match.predicate != "partner_of":
            continue
        first = next((a for a in view.anchors if a.start >= match.end), None)
        rest = gap(view, match.end, first.start) if first else []
        if not rest or forms(rest[0])[0] not in view.lexicon.between or not _listed(view, rest[1:]):
            continue
        group = group_after(view, first)
        lead = view.doc[max(view.sent.start, match.start - 5) : match.start]
        date = next((d.value for d in view.dates if lead.start <= d.start < lead.end), None)
        for number, one in enumerate(group):
            for other in group[number + 1 :]:
                if one.label == other.label == "ORG" and one.key != other.key:
                    yield Found(one.key, "partner_of", other.key, None, date)


def joined_pair(view: SentenceView) -> Iterator[Found]:
    """ "ce protocole FNCCR/Enedis", "the Alpha-Beta agreement": two organisations joined by a slash or a
    hyphen, right after or right before a partnership word (a partner_of frame), are its parties."""
    doc = view.doc
    starts = {a.start: a for a in view.anchors if a.label == "ORG"}
    for first in starts.values():
        second = starts.get(first.end + 1)
        if second is None or second.key == first.key or doc[first.end].text not in PAIR_JOINS:
            continue
        before = first.start - 1
        while before > view.sent.start and doc[before].pos_ == "DET":
            before -= 1
        around = [doc[i] for i in (before, second.end) if view.sent.start <= i < view.sent.end]
        if any(_partnership_word(token) for token in around):
            yield Found(first.key, "partner_of", second.key, None, None)


def _partnership_word(token: Token) -> bool:
    """Is ``token`` a noun that names a partnership ("protocole", "agreement")?"""
    frames = frame_lexicon().frames.get(forms(token)[1]) or ()
    return token.pos_ == "NOUN" and any(frame.predicate == "partner_of" for frame in frames)


def _listed(view: SentenceView, tokens: Sequence[Token]) -> bool:
    """Names that are not entities (a region, a city) may open the list of parties after "between"."""
    return all(
        t.pos_ in ("DET", "PROPN", "ADJ") or t.text in (",", "-") or forms(t)[0] in view.lexicon.post_fillers
        for t in tokens
    )


def joint_subjects(view: SentenceView) -> Iterator[Found]:
    """ "A and B launched a partnership" / "A, B and C jointly organised": every pair of the subjects."""
    doc, index, table = view.doc, lexicon_index(view.lexicon), doc_forms(view.doc)
    for token in view.sent:
        if token.i in view.skip:
            continue
        text, lemma = table[token.i]
        partner_noun = (text in index.partner_words or lemma in index.partner_words) and token.pos_ in (
            "NOUN",
            "PROPN",
        )
        phrases = index.joint_at(text, lemma)
        joint_word = any(
            match_phrase(doc, token.i, phrase, stop=view.sent.end, agents=view.merged.agent_markers)
            for phrase in phrases
        )
        if not (partner_noun or joint_word):
            continue
        subjects = (
            _surface_subjects(view, token.i)
            or _apposed_subjects(view, token.i)
            or _parsed_subjects(view, token)
        )
        orgs = [a for a in subjects if a.label == "ORG"]
        date = (
            tied_date(view, orgs[0], orgs[-1], Match(token.i, token.i + 1, "partner_of", "symmetric"))
            if len(orgs) > 1
            else None
        )
        for number, one in enumerate(orgs):
            for other in orgs[number + 1 :]:
                if one.key != other.key:
                    yield Found(one.key, "partner_of", other.key, None, date)


def _surface_subjects(view: SentenceView, index: int) -> list[Anchor]:
    before = [a for a in view.anchors if a.end <= index]
    if not before:
        return []
    nearest = before[-1]
    tokens = [t for t in gap(view, nearest.end, index) if not _noun_modifier(t, index)]
    if not pre_ok(view, tokens) or any(forms(t)[0] in view.lexicon.between for t in tokens):
        return []
    group = group_before(view, nearest)
    return group if len(group) > 1 else []


def _noun_modifier(token: Token, noun: int) -> bool:
    """ "A and B today announced a five-year research partnership": "today" dates the verb and "five-year
    research" describes the partnership; neither names another relation."""
    if token.dep_ == "npadvmod" and token.pos_ == "NOUN":
        return True
    head = token
    while head.dep_ in ("compound", "amod", "nummod", "punct") and head.head.i != head.i and head.i < noun:
        head = head.head
    return head.i == noun and token.i != noun


def _apposed_subjects(view: SentenceView, index: int) -> list[Anchor]:
    """ "A et B, deux des plus grands centres du groupe C, initient un partenariat": the list that opens
    the sentence is the subject even when an apposition (which may name another entity) stands before
    the verb; the apposition must hold no verb and the verb phrase no name."""
    opening = gap(view, view.sent.start, view.anchors[0].start) if view.anchors else [None]
    if any(t is None or t.pos_ not in ("DET", "PUNCT") for t in opening):
        return []
    group = group_after(view, view.anchors[0])
    commas = [t.i for t in gap(view, group[-1].end, index) if t.text == ","]
    if len(group) < 2 or len(commas) < 2 or commas[0] != group[-1].end:
        return []
    apposition = gap(view, commas[0] + 1, commas[-1])
    verb = gap(view, commas[-1] + 1, index)
    if any(
        (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod") or forms(t)[0] in CLAUSE_BREAKS for t in apposition
    ):
        return []  # "the leading universities" keeps its apposition; "which signed" does not
    if len(verb) > APPOSED_VERB_WORDS or any(t.pos_ == "PROPN" or in_anchor(view, t.i) for t in verb):
        return []
    return group


def _parsed_subjects(view: SentenceView, token: Token) -> list[Anchor]:
    verb = token.head if token.dep_ in ("obj", "dobj", "advmod") else token
    subjects = _subjects_of(verb)
    if subjects and _plural_pronoun(subjects[0]) and verb.dep_ in ("ccomp", "xcomp"):
        subjects = _subjects_of(verb.head)  # "A and B said they have signed an agreement"
    if not subjects:
        return []
    heads = {subjects[0].i} | {c.i for c in subjects[0].conjuncts}
    found = [a for a in view.anchors if any(a.start <= i < a.end for i in heads)]
    if len(found) == 1:
        found = group_after(view, found[0])
    return found if len(found) > 1 else []


def _subjects_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]


def _plural_pronoun(token: Token) -> bool:
    """ "they", "ils", "elles": a subject that stands for the subjects of the verb it is said under."""
    return token.pos_ == "PRON" and token.morph.get("Number") == ["Plur"]
