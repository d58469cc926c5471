"""Relations whose objects or subjects come as a list far from their trigger.

"X takes part in a number of international groups, in particular ...: A; B; and, in hematology, C" and
"three organisations have joined the federation: A, B and C" put the list after a colon or "such as",
beyond the reach of the neighbouring-anchor rules of :mod:`extract.relations.neighbours`; the list is read
item by item, so that a clause after it ("..., which is funded by D") does not join it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from extract.relations.groups import group_after
from extract.relations.triggers import (
    alongside_at,
    elided_subject,
    enumerator_end,
    post_ok,
    pre_ok,
    triggers_in,
)
from extract.relations.view import (
    CLAUSE_BREAKS,
    Anchor,
    Found,
    SentenceView,
    dates_in,
    forms,
    gap,
    in_anchor,
    opening_org,
)

#: Penn tags of relative words ("which", "who", "whose"); French models mark them PronType=Rel.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
#: Predicates whose object may be a list introduced by ":" or "such as" far from the trigger.
LIST_PREDICATES = ("member_of", "partner_of")
#: Words a subject's own elaboration ("as an institution, its doctors and its researchers") may take.
LIST_SUBJECT_WORDS = 12
#: Words between a funding round's noun and its first investor ("round of €18 million led by").
ROUND_REACH = 10
#: Words between two investors of one round ("with participation from", "aux côtés du fonds régional").
INVESTOR_GAP = 6


def introduced_list(view: SentenceView) -> Iterator[Found]:
    """ "X takes part in a number of international groups, in particular ...: A; B; and, in hematology, C":
    a membership or partnership whose objects are listed after ":" or "such as", however long the phrase
    that announces the list, as long as that phrase names a kind of organisation ("groups", "réseaux")."""
    lex = view.lexicon
    for number, subject in enumerate(view.anchors):
        stop = next((a.start for a in view.anchors[number + 1 :] if a.key != subject.key), view.sent.end)
        matches = [
            m
            for m in triggers_in(view, subject.end, stop)
            if m.predicate in LIST_PREDICATES and m.direction != "reverse"
        ]
        if subject.label != "ORG" or not matches:
            continue
        match = matches[0]
        pre = gap(view, subject.end, match.start)
        if pre and forms(pre[0])[0] in view.merged.possessive_markers:
            continue  # "X's doctors are members of ...": the doctors are
        clause = ("VERB", "CCONJ")
        if len(pre) > LIST_SUBJECT_WORDS or any(
            t.pos_ in clause or t.text in CLAUSE_BREAKS or forms(t)[0] in lex.negations for t in pre
        ):
            continue  # "Il quitte le conseil mais demeure ... au sein de": another clause's subject
        announce = gap(view, match.end, stop)
        found = _last_enumerator(view, announce)
        if found is None:
            continue
        head = announce[: found[0]]
        if any(forms(t)[0] in CLAUSE_BREAKS or alongside_at(view, t.i) for t in head) or not _names_kinds(
            view, head
        ):
            continue
        if head and any(m.predicate == "member_of" for m in triggers_in(view, head[0].i, head[-1].i + 1)):
            continue  # "rejoint la quinzaine d'établissements membres des Conférences : A, B": its peers
        for item in list_items(view, announce[found[1] - 1].i + 1):
            if item.key != subject.key:
                yield Found(subject.key, match.predicate, item.key, None, None)
        return


def _names_kinds(view: SentenceView, head: Sequence[Token]) -> bool:
    """Whether the phrase that announces a list names its items' kind: its first kind of organisation is
    plural and ends the noun ("a number of international cooperative groups, in particular ...: A; B").
    Not one body ("joins the group, with the likes of A, B"), nor its members ("a group of American
    institutions: A, B"): the items are then fellow members, not what the subject belongs to."""
    lex = view.lexicon
    kinds = (t for t in head if t.pos_ == "NOUN" and {*forms(t)} & lex.generic_heads)
    kind = next(kinds, None)
    if kind is None or "Plur" not in kind.morph.get("Number"):
        return False
    after = kind.i + 1
    return after >= view.sent.end or forms(view.doc[after])[0] not in view.merged.of_words


def _opens_clause(token: Token) -> bool:
    """A verb, or a relative pronoun ("which", "qui") that starts a clause of its own."""
    return (
        token.pos_ in ("VERB", "AUX") or token.tag_ in RELATIVE_TAGS or "Rel" in token.morph.get("PronType")
    )


def _last_enumerator(view: SentenceView, tokens: Sequence[Token]) -> tuple[int, int] | None:
    """The enumerator nearest the list ("..., in particular aimed at research: A; B" → the colon)."""
    last, offset = None, 0
    while (found := enumerator_end(view, tokens[offset:])) is not None:
        last = (offset + found[0], offset + found[1])
        offset = last[1]
    return last


def list_items(view: SentenceView, start: int) -> list[Anchor]:
    """The ORG anchors listed from ``start`` to the end of the sentence: items are cut at ";" when the
    list uses it, else at "," and "and"; an item that opens with a verb or a relative pronoun ("which D
    funds") starts a clause of its own and ends the list, a verb after an item's name ends that item."""
    doc = view.doc
    tokens = [doc[i] for i in range(start, view.sent.end)]
    words = view.merged.and_words | view.merged.or_words
    cut = {";"} if any(t.text == ";" for t in tokens) else {",", *words}
    items, current = [], []
    for token in tokens:
        if token.text in cut or forms(token)[0] in cut:
            items.append(current)
            current = []
        else:
            current.append(token)
    items.append(current)
    found: list[Anchor] = []
    for item in items:
        named = False
        for token in item:
            if token.i in view.skip:
                continue
            anchor = next((a for a in view.anchors if a.start == token.i), None)
            if anchor is not None and anchor.label == "ORG" and anchor.start not in view.asides:
                found.append(anchor)
                named = True
            elif _opens_clause(token) and not in_anchor(view, token.i):
                if not named:
                    return found  # "..., which is funded by D": a clause, the list is over
                break  # "the Win Consortium personalized medicine network": the rest describes the item
    return found


def joined_list(view: SentenceView) -> Iterator[Found]:
    """ "Three organisations have joined the federation: A, B and C" / "ont rejoint le réseau : A, B":
    each listed organisation is a member of the one joined, named or a generic reference to the topic."""
    lex = view.lexicon
    for token in view.sent:
        if not any(w in lex.joining_verbs for w in forms(token)) or token.i in view.skip:
            continue
        before = [a for a in view.anchors if a.end <= token.i]
        if before and pre_ok(view, gap(view, before[-1].end, token.i)):
            continue  # "A has joined B": the trigger rules read it
        target, end = _joined_target(view, token.i + 1)
        rest = gap(view, end, view.sent.end)
        found = enumerator_end(view, rest[:3])
        if (
            target is None
            or found is None
            or found[0] != next((n for n, t in enumerate(rest) if not t.is_punct or t.text == ":"), 0)
        ):
            continue
        for item in list_items(view, rest[found[1] - 1].i + 1):
            if item.key != target:
                yield Found(item.key, "member_of", target, None, None)
        return


def _joined_target(view: SentenceView, start: int) -> tuple[str | None, int]:
    """What was joined, right after the verb: an ORG ("joined Acme"), or "the federation" / "notre réseau"
    (an article or possessive and a generic head), which is the topic; and where it ends."""
    lex, doc = view.lexicon, view.doc
    named = next((a for a in view.anchors if a.start >= start), None)
    lead = gap(view, start, named.start) if named else []
    if named is not None and named.label == "ORG" and all(t.pos_ == "DET" for t in lead):
        return named.key, named.end
    end = start
    while end < view.sent.end and (doc[end].pos_ in ("DET", "ADJ") or forms(doc[end])[0] in lex.articles):
        end += 1
    if end > start and end < view.sent.end and forms(doc[end])[1] in lex.generic_heads:
        return view.topic, end + 1
    return None, start


def funding_round(view: SentenceView) -> Iterator[Found]:
    """ "X announced a $45m financing round led by A, with participation from B and C" / "X annonce une
    levée de fonds menée par A, aux côtés de B": every investor named in the round funds the sentence's
    subject, dated by a date before the subject (the dateline of the announcement)."""
    lex = view.lexicon
    subject = opening_org(view.sent, view.anchors)
    if subject is None:
        return
    for token in view.sent:
        if token.i < subject.end or not set(forms(token)) & lex.round_nouns:
            continue
        first = next((a for a in view.anchors if a.start > token.i), None)
        if first is None or first.label != "ORG":
            return
        lead = gap(view, token.i + 1, first.start)
        words = [forms(t)[0] for t in lead if forms(t)[0] not in lex.articles]
        if len(lead) > ROUND_REACH or not words or words[-1] not in lex.funder_markers:
            return
        if any(forms(t)[0] in CLAUSE_BREAKS or (t.pos_ == "AUX") for t in lead):
            return
        date = next((d.value for d in view.dates if d.end <= subject.start), None)
        for investor in investors(view, first):
            if investor.key != subject.key:
                yield Found(subject.key, "funded_by", investor.key, None, date)
        return


def investors(view: SentenceView, first: Anchor) -> list[Anchor]:
    """``first`` and the organisations named after it in the same clause, joined by short phrases
    without a verb ("with participation from", "and existing investor", "aux côtés du fonds régional")."""
    found, end = [first], first.end
    for nxt in view.anchors:
        if nxt.start < end:
            continue
        between = gap(view, end, nxt.start)
        if nxt.label != "ORG" or len(between) > INVESTOR_GAP:
            break
        if any(forms(t)[0] in CLAUSE_BREAKS or t.pos_ in ("VERB", "AUX", "PRON") for t in between):
            break
        found.append(nxt)
        end = nxt.end
    return found


def membership_list(view: SentenceView) -> Iterator[Found]:
    """ "The assembly approved the membership of A, B and C" / "l'adhésion de A et B": each listed
    organisation is a member of the organisation named before the noun, else of the topic."""
    lex = view.lexicon
    for token in view.sent:
        if token.i in view.skip or not set(forms(token)) & lex.membership_nouns:
            continue
        first = next((a for a in view.anchors if a.start > token.i), None)
        words = [forms(t)[0] for t in gap(view, token.i + 1, first.start)] if first else []
        of_words = view.merged.of_words
        if first is None or first.label != "ORG" or not words or words[0] not in of_words:
            continue
        if any(
            w not in lex.articles and w not in of_words and w not in view.merged.plural_of_words
            for w in words
        ):
            continue
        before = [a for a in view.anchors if a.end <= token.i and a.label == "ORG"]
        target = before[-1].key if before else view.topic
        for member in group_after(view, first):
            if target is not None and member.key != target:
                yield Found(member.key, "member_of", target, None, None)
        return


def shared_subject(view: SentenceView) -> Iterator[Found]:
    """ "SDSI will work with A, and is a member of B since 2022" / "X est membre de ..., et travaille
    avec Y": a predicate after a conjunction and a verb belongs to the subject the sentence opens with."""
    subject = opening_org(view.sent, view.anchors)
    if subject is None:
        return
    for match in triggers_in(view, subject.end, view.sent.end):
        if match.direction not in ("forward", "symmetric"):
            continue
        tokens = gap(view, subject.end, match.start)
        conj = max((n for n, t in enumerate(tokens) if t.pos_ == "CCONJ"), default=None)
        if conj is None or any(forms(t)[0] in CLAUSE_BREAKS for t in tokens):
            continue
        tail = tokens[conj:]
        if (
            not elided_subject([*tail, view.doc[match.start]])
            or not pre_ok(view, tail)
            or any(in_anchor(view, t.i) for t in tail)
        ):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in tokens[:conj]):
            continue  # "A and B are members": a list of subjects, not a second predicate
        obj = next((a for a in view.anchors if a.start >= match.end), None)
        if obj is None or obj.label != "ORG" or not post_ok(view, gap(view, match.end, obj.start)):
            continue
        stop = next((a.start for a in view.anchors if a.start >= obj.end), view.sent.end)
        date = dates_in(view, match.start, stop)
        for one in group_after(view, obj):
            if one.key != subject.key:
                yield Found(subject.key, match.predicate, one.key, None, date)
