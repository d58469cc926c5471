"""Relations stated through something the text does not name as an organisation: a label, a team, a project.

"X was awarded the Comprehensive Cancer Center label by Y" (accredited_by), "its team, led by Prof. Z"
(works_for), "In 2017, its team ... won a call, supported by Y" and "Y supports the development of an
observatory, coordinated by X" (funded_by): the intermediary stands between the two entities, and each
rule names the few words that may make up its name.
"""

from __future__ import annotations

from collections.abc import Iterator

from extract.relations.groups import group_after, group_before
from extract.relations.triggers import post_ok, pre_ok, triggers_in
from extract.relations.view import (
    CLAUSE_BREAKS,
    Anchor,
    Found,
    SentenceView,
    dates_in,
    forms,
    gap,
    in_anchor,
    match_phrase,
)

#: Words that may name what was awarded, between the receiving verb and "label" ("the Comprehensive Cancer
#: Center label").
AWARD_NAME_WORDS = 8
#: Words a team's name may take between its owner and "team" ("its 'EMT and plasticity' research team").
TEAM_NAME_WORDS = 12
#: Words that may name the supported project ("the development of a European Cancer Observatory").
PROJECT_WORDS = 12


def awarded(view: SentenceView) -> Iterator[Found]:
    """An accreditation noun ties the organisation that received it to the one that granted it:
    "X was awarded the Comprehensive Cancer Center label by Y", "X a obtenu la certification de Y",
    and the nominal "the accreditation of X within Y" / "l'accréditation de X par Y"."""
    lex = view.lexicon
    for token in view.sent:
        if token.i in view.skip or not any(w in lex.accreditation_nouns for w in forms(token)):
            continue
        granter = _agent_after(view, token.i + 1) or _body_before(view, token.i)
        if granter is None:
            continue
        holder = _award_receiver(view, token.i, granter) or _accredited_of(view, token.i, granter)
        if holder is not None and holder.key != granter.key:
            date = dates_in(view, view.sent.start, view.sent.end)
            for one in group_before(view, holder):
                yield Found(one.key, "accredited_by", granter.key, None, date)


def _agent_after(view: SentenceView, start: int) -> Anchor | None:
    """The organisation after "by", "from", "within" (then at most an article) from ``start``, which may
    first pass over the holder ("of X within Y")."""
    lex, doc = view.lexicon, view.doc
    tokens = gap(view, start, view.sent.end)
    for number, token in enumerate(tokens):
        if forms(token)[0] in CLAUSE_BREAKS or number > AWARD_NAME_WORDS:
            return None
        for phrase in lex.accreditation_agents:
            end = match_phrase(doc, token.i, phrase, stop=view.sent.end, agents=view.merged.agent_markers)
            if end is None:
                continue
            nxt = next((a for a in view.anchors if a.start >= end), None)
            rest = gap(view, end, nxt.start) if nxt else []
            plain = all(forms(t)[0] in lex.articles or t.pos_ == "DET" for t in rest)
            if nxt is not None and nxt.label == "ORG" and plain:
                return nxt
    return None


def _body_before(view: SentenceView, noun: int) -> Anchor | None:
    """ "had received ABET accreditation": the organisation written right before the accreditation noun
    is the body that grants it."""
    return next((a for a in view.anchors if a.end == noun and a.label == "ORG"), None)


def _award_receiver(view: SentenceView, noun: int, granter: Anchor) -> Anchor | None:
    """ "X was awarded / has received / a obtenu [the Name] label": X, the anchor before the verb (the
    granting body may stand between the verb and the noun: "has received ABET accreditation")."""
    lex = view.lexicon
    verb = next(
        (
            i
            for i in range(noun - 1, max(view.sent.start, noun - AWARD_NAME_WORDS) - 1, -1)
            if any(w in lex.receiving_verbs for w in forms(view.doc[i]))
        ),
        None,
    )
    if verb is None or any(in_anchor(view, i) for i in range(verb, min(noun, granter.start))):
        return None
    before = [a for a in view.anchors if a.end <= verb]
    if not before or not pre_ok(view, gap(view, before[-1].end, verb)):
        return None
    return before[-1]


def _accredited_of(view: SentenceView, noun: int, granter: Anchor) -> Anchor | None:
    """ "the accreditation of X within Y": X stands right after "of" (an article between)."""
    tokens = gap(view, noun + 1, granter.start)
    holder = next((a for a in view.anchors if noun < a.start < granter.start), None)
    if holder is None or holder.label != "ORG" or not tokens:
        return None
    lead = gap(view, noun + 1, holder.start)
    words = [forms(t)[0] for t in lead]
    if not words or (words[0] not in view.lexicon.role_prepositions and words[0] not in view.merged.of_words):
        return None
    if any(w not in view.lexicon.articles and w not in view.lexicon.post_fillers for w in words):
        return None
    return holder


def team_leader(view: SentenceView) -> Iterator[Found]:
    """ "its 'EMT and plasticity' team, led by Prof. Jane Doe" / "l'équipe de X, dirigée par Y": the
    person who leads an organisation's team works for that organisation (not ``heads``: the team is not
    the organisation)."""
    lex, doc = view.lexicon, view.doc
    for token in view.sent:
        if not any(w in lex.team_nouns for w in forms(token)) or token.i in view.skip:
            continue
        owner = _owner_before(view, token.i) or _owner_after(view, token.i)
        if owner is None:
            continue
        position = max(token.i + 1, owner.end)
        if position < view.sent.end and doc[position].text == ",":
            position += 1
        for phrase in lex.leader_agents:
            end = match_phrase(doc, position, phrase, stop=view.sent.end, agents=view.merged.agent_markers)
            if end is None:
                continue
            while end < view.sent.end and forms(doc[end])[0] in lex.titles:
                end += 1
            person = next((a for a in view.anchors if a.start == end and a.label == "PERSON"), None)
            if person is not None:
                yield Found(person.key, "works_for", owner.key, None, None)
            break


def _owner_before(view: SentenceView, noun: int) -> Anchor | None:
    """ "its ... team", "X's ... team", "the X team": the owner before the team noun, no verb between."""
    lex, doc = view.lexicon, view.doc
    for anchor in reversed([a for a in view.anchors if a.end <= noun and a.label == "ORG"]):
        between = gap(view, anchor.end, noun)
        if len(between) > TEAM_NAME_WORDS or any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in between):
            return None
        owner_word = forms(doc[anchor.start])[0] in lex.possessive_pronouns
        if owner_word or (between and forms(between[0])[0] in view.merged.possessive_markers) or not between:
            return anchor
    return None


def _owner_after(view: SentenceView, noun: int) -> Anchor | None:
    """ "the team of X" / "l'équipe de l'Institut X": the owner right after the team noun."""
    lex = view.lexicon
    after = next((a for a in view.anchors if a.start > noun), None)
    if after is None or after.label != "ORG":
        return None
    words = [forms(t)[0] for t in gap(view, noun + 1, after.start)]
    if not words or words[0] not in lex.role_prepositions:
        return None
    return after if all(w in lex.role_prepositions or w in lex.articles for w in words) else None


def funded_subject(view: SentenceView) -> Iterator[Found]:
    """ "In 2017, its team ... was the winner of a call, supported by Inserm": a passive funding whose
    supported thing is not a named organisation is the funding of the organisation behind it, the one the
    sentence opens with ("its" included). With no organisation named before ("This study, funded by X")
    nothing is said of whose study it is."""
    for match in triggers_in(view, view.sent.start, view.sent.end):
        if (
            match.predicate != "funded_by"
            or forms(view.doc[match.end - 1])[0] not in view.merged.funding_trigger_ends
        ):
            continue
        funder = next((a for a in view.anchors if a.start >= match.end), None)
        if funder is None or funder.label != "ORG" or not post_ok(view, gap(view, match.end, funder.start)):
            continue
        before = [a for a in view.anchors if a.end <= match.start]
        if before and before[-1].label == "ORG" and pre_ok(view, gap(view, before[-1].end, match.start)):
            continue  # "X is supported by Y": :func:`neighbour_pair` reads it
        opening = before[0] if before else None
        lead = view.doc[view.sent.start : opening.start] if opening else []
        if opening is None or opening.label != "ORG" or any(t.pos_ in ("VERB", "AUX") for t in lead):
            continue  # "This study, funded by X": no organisation behind it is named
        subject = opening.key
        date = dates_in(view, view.sent.start, match.start)
        for one in group_after(view, funder):
            if one.key != subject:
                yield Found(subject, "funded_by", one.key, None, date)


def supported_project(view: SentenceView) -> Iterator[Found]:
    """ "CLARA also supports the development of a European Cancer Observatory, coordinated by the IARC":
    the organisation that leads a project another one supports or funds is funded by that one."""
    lex, doc = view.lexicon, view.doc
    for number, supporter in enumerate(view.anchors):
        nxt = view.anchors[number + 1] if number + 1 < len(view.anchors) else None
        if supporter.label != "ORG" or nxt is None or nxt.label != "ORG":
            continue
        tokens = gap(view, supporter.end, nxt.start)
        verb = next((n for n, t in enumerate(tokens) if set(forms(t)) & lex.supporting_verbs), None)
        if verb is None or not pre_ok(view, tokens[:verb]) or len(tokens) - verb > PROJECT_WORDS + 4:
            continue
        comma = max((n for n, t in enumerate(tokens) if t.text == ","), default=None)
        if comma is None or comma <= verb + 1 or any(forms(t)[0] in CLAUSE_BREAKS for t in tokens[verb:]):
            continue
        if any(forms(t)[0] in view.merged.agent_markers for t in tokens[verb + 1 : verb + 2]):
            continue  # "supported by": passive, read by the trigger rules
        tail = tokens[comma + 1 :]
        for phrase in lex.leader_agents:
            end = (
                match_phrase(doc, tail[0].i, phrase, stop=nxt.start, agents=view.merged.agent_markers)
                if tail
                else None
            )
            if end is not None and all(t.pos_ == "DET" for t in gap(view, end, nxt.start)):
                for leader in group_after(view, nxt):
                    if leader.key != supporter.key:
                        yield Found(leader.key, "funded_by", supporter.key, None, None)
                break
