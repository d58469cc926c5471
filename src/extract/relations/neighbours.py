"""The rules that read a relation off the words between two neighbouring anchors, or before the first.

"A is a member of B", "A, director of B", "B, coordinated by A", "Launched by A, B ...", "Dr X, the
Institute's Scientific Director": the relation is accepted only when a trigger from the language's
lexicon stands between the anchors and every other word is one that cannot carry another relation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Token

from extract.languages.lexicon import every_language
from extract.relations.emit import alongside_fellows, emit, tied_date
from extract.relations.groups import conjoined, group_after, group_before
from extract.relations.tree import CLAUSE_COMPLEMENTS, SUBJECT_DEPS, is_verb
from extract.relations.triggers import (
    board_start,
    elided_subject,
    enumerator_end,
    post_ok,
    pre_ok,
    role_ending_at,
    role_run,
    triggers_in,
)
from extract.relations.view import (
    Anchor,
    Found,
    Match,
    SentenceView,
    forms,
    gap,
)

#: Predicates whose trigger opening a sentence and a list ("Members include X, Y") makes each item the
#: subject, the topic organisation the object.
LISTED_OF_TOPIC = frozenset({"member_of", "funded_by"})
#: The most words read between two anchors.
MAX_GAP = 22


def neighbour_pair(view: SentenceView, before: Anchor, after: Anchor) -> Iterator[Found]:
    """Relations stated by the words between two neighbouring anchors ("A is a member of B")."""
    tokens = gap(view, before.end, after.start)
    if len(tokens) > MAX_GAP:
        return
    matches = triggers_in(view, before.end, after.start)
    if matches and after.label == "PERSON" and _title_only(view, matches[-1], after):
        matches.pop()  # "the Centre's director, Professor X": "Professor" is X's title, not the role
    if not matches:
        yield from _relative_role(view, before, after)
        yield from _role_of_owner(view, before, after)
        yield from _owners_person(view, before, after, tokens)
        return
    match = matches[-1]
    if match.direction == "role" and before.label == "PERSON" and _held_by_the_next(view, after):
        return  # "X, et l'ex-patron de PSA Jean-Martin Folz": the role of PSA is Folz's, not X's
    if match.direction == "role" and _held_at_a_place(view, match):
        return  # "X, former Foreign Secretary of the United Kingdom, as its president": no role of Y
    pre = [t for t in tokens if t.i < match.start]
    post = [t for t in tokens if t.i >= match.end]
    if match.direction == "forward" and _owned_by_the_relative(view, pre):
        match = replace(match, direction="reverse")  # "A, whose members include B": B is A's member
    if match.direction == "role" and before.label == "PERSON" and pre and _possessive(view, pre[0]):
        return  # "Weston's former president of production at X, Pam Abdy": the role is Abdy's
    named = match.direction == "role" and after.label == "PERSON" and _bare_apposition(view, post)
    if named and before.label == "ORG" and not pre_ok(view, pre) and _title_case(pre):
        # "ADB Country Director X": a role narrowed to a country or a field is no head of the whole body
        match = Match(pre[0].i, match.end, "works_for", "role", view.doc[pre[0].i : match.end].text)
        pre = []
    if (
        not pre_ok(view, pre)
        or not (post_ok(view, post, role=match.direction == "role") or named)
        or (elided_subject([*pre, view.doc[match.start]]) and not _passive(view, match))
    ):
        return
    if match.direction == "forward" and _subject_elsewhere(view, before, match):
        return  # "X, a veteran of A, joined B": X joined B, not A
    if match.direction == "reverse" and owned_team(view, before):
        return  # "the team of X, led by Y": Y leads the team, not X (see intermediaries.team_leader)
    yield from _pair_triples(view, before, after, match, post)


def _owned_by_the_relative(view: SentenceView, pre: Sequence[Token]) -> bool:
    """Whether a relative link opens the words before a trigger ("A, whose members include B", "A, of
    which the partners are B"): the trigger's noun is the name before's, so the name after it is the
    subject."""
    words = [forms(t)[0] for t in pre if t.text != "," and forms(t)[0] not in view.lexicon.articles]
    return any(list(phrase) == words[: len(phrase)] for phrase in view.lexicon.relative_links)


def _title_case(tokens: Sequence[Token]) -> bool:
    """ "ADB Country Director X", "Pentagon Middle East Chief of Staff X": capitalised words that open a
    job title written before the name, which may name a country or a field, never another relation."""
    return 0 < len(tokens) <= 4 and all(t.is_alpha and t.text[:1].isupper() for t in tokens)


def _passive(view: SentenceView, match: Match) -> bool:
    """ "coordinated by A and funded by B": a passive trigger; the thing coordinated and funded is A's
    project, so A's funding is read even after "and" (see :mod:`extract.relations.intermediaries`)."""
    return forms(view.doc[match.end - 1])[0] in view.merged.agent_markers


def _held_by_the_next(view: SentenceView, org: Anchor) -> bool:
    """Does a person's name follow the organisation right away ("l'ex-patron de PSA Jean-Martin Folz")? The
    role before the organisation is then that person's."""
    follower = min((a for a in view.anchors if a.start >= org.end), key=lambda a: a.start, default=None)
    return follower is not None and follower.label == "PERSON" and follower.start == org.end


def _possessive(view: SentenceView, token: Token) -> bool:
    return forms(token)[0] in view.merged.possessive_markers


def _held_at_a_place(view: SentenceView, match: Match) -> bool:
    """Is the role's complement a place and nothing after it ("Secretary of the United Kingdom", "maire de
    Lyon")? The role is held there, not at the organisation named after it."""
    doc, at = view.doc, match.end
    if at >= view.sent.end or forms(doc[at])[0] not in view.lexicon.role_prepositions:
        return False
    at += 1
    while at < view.sent.end and doc[at].pos_ == "DET" and not doc[at].ent_type_:
        at += 1
    if at >= view.sent.end or doc[at].ent_type_ not in ("GPE", "LOC") or at not in view.skip:
        return False
    while at < view.sent.end and doc[at].ent_type_ in ("GPE", "LOC"):
        at += 1
    # "Vice President for Asia at Acme", "directeur Europe de X": a region of the organisation's
    return at >= view.sent.end or forms(doc[at])[0] not in view.lexicon.role_prepositions


def _subject_elsewhere(view: SentenceView, before: Anchor, match: Match) -> bool:
    """Does the trigger's verb have for subject another entity than ``before`` and its list ("Phil
    Gallagher, a veteran of Avnet, joined TTI": the apposition's Avnet is not who joined)?"""
    verb = view.doc[match.start]
    if not is_verb(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ == "conj":  # "X ... and joined B": the first verb's subject
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ in CLAUSE_COMPLEMENTS:
        # "X began at A before joining B", "X a débuté chez A avant de rejoindre B": the verb of the
        # clause above says who joined
        above = verb.head.head if verb.dep_ == "pcomp" else verb.head
        subjects = [c for c in above.children if c.dep_ in SUBJECT_DEPS]
    owners = [next((a for a in view.anchors if a.start <= s.i < a.end), None) for s in subjects]
    group = {id(a) for a in group_before(view, before)}
    return bool(owners) and all(o is not None and id(o) not in group for o in owners)


def _title_only(view: SentenceView, match: Match, person: Anchor) -> bool:
    """Is ``match`` a title word standing right before a person's name ("Professor Jane Doe")?"""
    words = [forms(t)[0] for t in view.doc[match.start : match.end]]
    titles = view.lexicon.titles
    return match.direction == "role" and match.end == person.start and all(w in titles for w in words)


def owned_team(view: SentenceView, anchor: Anchor) -> bool:
    """Does ``anchor`` name a team's owner, "the team of X" / "l'équipe de l'Institut X"?"""
    lex = view.lexicon
    before = [t for t in gap(view, view.sent.start, anchor.start)][-3:]
    while before and (forms(before[-1])[0] in lex.articles or before[-1].pos_ == "DET"):
        before.pop()
    if len(before) < 2 or forms(before[-1])[0] not in lex.role_prepositions:
        return False
    return any(w in lex.team_nouns for w in forms(before[-2]))


def _pair_triples(
    view: SentenceView, before: Anchor, after: Anchor, match: Match, post: Sequence[Token]
) -> Iterator[Found]:
    """The triples ``match`` states between ``before`` and ``after`` (``post``: the words after it), with
    the lists on either side, the date tied to them, fellows "alongside" and a second role phrase."""
    lex = view.lexicon
    if match.direction == "role":
        has_prep = any(forms(t)[0] in lex.role_prepositions for t in post)
        if before.label == "PERSON" and after.label == "ORG" and (has_prep or not post):
            # "A et B, Co-Présidents du barreau": a role in the plural is every listed person's
            last, lemma = view.doc[match.end - 1].lower_, view.doc[match.end - 1].lemma_.lower()
            plural = last.startswith(lemma) and len(last) == len(lemma) + 1  # "co-présidents", "co-CEOs"
            subjects = [a for a in group_before(view, before) if a.label == "PERSON"] if plural else [before]
            objects = group_after(view, after)
        elif before.label == "ORG" and after.label == "PERSON" and _bare_apposition(view, post):
            subjects, objects = [after], [before]
        elif before.label == after.label == "ORG" and has_prep and _appositive(view, before, match):
            subjects, objects = group_before(view, before), group_after(view, after)
        else:
            return
    elif match.direction == "reverse":  # "A and B fund C": C is funded by each of them
        subjects, objects = group_after(view, after), group_before(view, before)
    elif match.predicate == "founded" and before.label == "ORG" and after.label == "PERSON":
        if not _bare_apposition(view, post) or gap(view, before.end, match.start):
            return
        subjects, objects = [after], [before]  # "Tillwise founder Grace Wanjiru"
    else:
        subjects, objects = group_before(view, before), group_after(view, after)
    first = min(subjects + objects, key=lambda a: a.start)
    last = max(subjects + objects, key=lambda a: a.end)
    date = tied_date(view, first, last, match)
    yield from emit(view, subjects, objects, match, date)
    if match.direction != "reverse":
        yield from alongside_fellows(view, objects, last, match)
        yield from _role_chain(view, subjects, objects, match)


def _bare_apposition(view: SentenceView, post: Sequence[Token]) -> bool:
    """Words that may stand between a role and the person who holds it: none, a comma, a title or a
    copula ("the Centre's director, Professor X", "its managing partner is X")."""
    lex = view.lexicon
    return all(t.text in (",", ":") or forms(t)[0] in lex.titles or forms(t)[0] in lex.copulas for t in post)


def _appositive(view: SentenceView, before: Anchor, match: Match) -> bool:
    """ "the CLB, coordinator of X": a role phrase set off by a comma right after an organisation."""
    words = [forms(t)[0] for t in gap(view, before.end, match.start)]
    return (
        bool(words)
        and words[0] == ","
        and all(w in view.lexicon.articles or w in view.merged.indefinite_articles for w in words[1:])
    )


def _role_chain(
    view: SentenceView, subjects: Sequence[Anchor], objects: Sequence[Anchor], match: Match
) -> Iterator[Found]:
    """ "X, director of A and president of B": the second role phrase also belongs to X."""
    if match.direction != "role" or subjects[0].label != "PERSON":
        return
    last = objects[-1]
    nxt = next((a for a in view.anchors if a.start >= last.end), None)
    if nxt is None or nxt.label != "ORG":
        return
    tokens = gap(view, last.end, nxt.start)
    if not tokens or (forms(tokens[0])[0] != "," and forms(tokens[0])[0] not in view.merged.and_words):
        return
    matches = triggers_in(view, tokens[0].i + 1, nxt.start)
    if len(matches) != 1 or matches[0].direction != "role":
        return
    post = [t for t in tokens if t.i >= matches[0].end]
    pre = [t for t in tokens[1:] if t.i < matches[0].start]
    if pre_ok(view, pre) and post_ok(view, post, role=True):
        yield from emit(view, subjects, [nxt], matches[0], None)


def _relative_role(view: SentenceView, org: Anchor, person: Anchor) -> Iterator[Found]:
    """ "the X Consortium, of which Prof Y is the Chairman" / "le groupe X, dont Y est le président"."""
    if org.label != "ORG" or person.label != "PERSON":
        return
    lex = view.lexicon
    words = [
        forms(t)[0]
        for t in gap(view, org.end, person.start)
        if forms(t)[0] != "," and forms(t)[0] not in lex.titles
    ]
    if not any(list(phrase) == words[-len(phrase) :] for phrase in lex.relative_links):
        return
    stop = next((a.start for a in view.anchors if a.start >= person.end), view.sent.end)
    matches = triggers_in(view, person.end, stop)
    if not matches or matches[0].direction != "role":
        return
    pre = gap(view, person.end, matches[0].start)
    if pre_ok(view, pre) and not any(t.pos_ == "ADP" for t in pre):
        yield from emit(view, [person], [org], matches[0], None)


def _role_of_owner(view: SentenceView, org: Anchor, person: Anchor) -> Iterator[Found]:
    """ "du Directeur général de l'AFD, Remy Rioux," / "the former CEO of Liberty Media, Robert Bennett." /
    "Le directeur général de Danone Antoine de Saint-Affrique a présenté": a role whose owner follows it,
    and its holder after a comma or right after the owner (the parse often hangs the name on the verb)."""
    if org.label != "ORG" or person.label != "PERSON":
        return
    doc, lex, start = view.doc, view.lexicon, view.sent.start
    between = [t.text for t in gap(view, org.end, person.start)]
    if between not in ([","], []):
        return
    closed = person.end >= view.sent.end or doc[person.end].text in (",", ".", ";", ")")
    if between and not closed:
        return  # "..., Remy Rioux and ...": after a comma, the name may open a list of its own
    end = _before_board(view, _before_kind(view, _before_articles(view, org.start)))
    if end <= start or forms(doc[end - 1])[0] not in lex.role_prepositions:
        return
    match = role_ending_at(view, end - 1)
    if match is not None and not (between and _held_before(view, match.start)):
        yield from emit(view, [person], [org], match, None)


def _held_before(view: SentenceView, start: int) -> bool:
    """Whether a person's name and a comma stand right before the role at ``start`` ("X, président de A,
    Y, président de B"): the role is that person's, not the one after its owner and a comma (a name right
    after the owner, "X, le président de A Y", is the role's own)."""
    at = _before_articles(view, start) - 1
    if at <= view.sent.start or view.doc[at].text != ",":
        return False
    return any(a.label == "PERSON" and a.end == at for a in view.anchors)


def _owners_person(
    view: SentenceView, org: Anchor, person: Anchor, between: Sequence[Token]
) -> Iterator[Found]:
    """ "Cadence's Liz Rosenberg said": a person whom an organisation's possessive names, with no role
    between, works for it."""
    owned = len(between) == 1 and _possessive(view, between[0])
    if owned and org.label == "ORG" and person.label == "PERSON":
        yield Found(person.key, "works_for", org.key, None, None)


def _before_articles(view: SentenceView, end: int) -> int:
    """Where the articles before ``end`` start."""
    doc, articles = view.doc, view.lexicon.articles
    while end > view.sent.start and (doc[end - 1].pos_ == "DET" or forms(doc[end - 1])[0] in articles):
        end -= 1
    return end


def _before_board(view: SentenceView, end: int) -> int:
    """Where the board the role is held on starts, before the preposition at ``end - 1`` ("président du
    conseil d'administration d'EMLYON": the role's own preposition is then "du"); ``end`` when no board's
    name stands there."""
    if end - 1 <= view.sent.start or forms(view.doc[end - 1])[0] not in view.lexicon.role_prepositions:
        return end
    start = board_start(view, end - 2)
    return end if start is None else _before_articles(view, start)


def _before_kind(view: SentenceView, end: int) -> int:
    """Where the description of an organisation before ``end`` starts, articles included ("du groupe de
    médias X", "of the publisher X": a kind noun and up to three lower-case words after it); ``end``
    when there is none."""
    kinds = every_language("kind_nouns")
    for at in range(end - 1, max(view.sent.start, end - 4) - 1, -1):
        token = view.doc[at]
        if not (token.is_lower and token.is_alpha):
            return end
        if forms(token)[0] in kinds and token.pos_ == "NOUN":
            return _before_articles(view, at)
    return end


def leading(view: SentenceView) -> Iterator[Found]:
    """A sentence that opens with its trigger: "Head of X" in a list of the topic's titles (when it names
    no person, who would hold it), "Launched by X, Y ..." (Y is the patient), "partnership between A and
    B"."""
    if not view.anchors:
        return
    first = view.anchors[0]
    matches = triggers_in(view, view.sent.start, first.start)
    if not matches:
        return
    match = matches[-1]
    pre = gap(view, view.sent.start, match.start)
    post = gap(view, match.end, first.start)
    # "The new members are: X, Y": an adjective before a listing trigger only says which members
    describing = ("ADJ",) if match.predicate in LISTED_OF_TOPIC else ()
    if any(t.pos_ not in ("PUNCT", "DET", "NUM", "SYM", "X", "SPACE", "ADV", *describing) for t in pre):
        enumerated = enumerator_end(view, post) is not None
        if match.predicate == "partner_of" and enumerated and view.topic and post_ok(view, post):
            # "our partners include X, Y": partners listed with no partner named before
            subject = Anchor(view.sent.start, view.sent.start, view.topic, "ORG")
            yield from emit(view, [subject], group_after(view, first), match, None)
        return
    if match.predicate in LISTED_OF_TOPIC and enumerator_end(view, post) is not None and view.topic:
        # "Members include X, Y" / "Grantees include X": each item is the topic's member or grantee
        topic = Anchor(view.sent.start, view.sent.start, view.topic, "ORG")
        listed = group_after(view, first)
        if post_ok(view, post) and all(a.key != view.topic for a in listed):  # else the topic is amiss
            yield from emit(view, listed, [topic], match, None)
        return
    if not post_ok(view, post):
        return
    # "Founded by A, X ...", and any support ("Avec le soutien de A, X ..."): the phrase is the next name's
    marked = any(w in view.merged.agent_markers for w in forms(view.doc[match.end - 1]))
    agent = match.direction in ("reverse", "forward") and (marked or match.predicate == "funded_by")
    # "Founded by A and B, X ...": the agents may be a list ending in "and"; "Launched by A, X": A alone
    group = group_after(view, first)
    listed = len(group) > 1 and conjoined(gap(view, group[-2].end, group[-1].start))
    last = group[-1] if listed else first
    nxt = next((a for a in view.anchors if a.start >= last.end), None)
    between = [forms(t)[0] for t in gap(view, last.end, nxt.start) if t.pos_ != "DET"] if nxt else []
    if agent and nxt is not None and between == [","]:  # "Supported by A, the X ...": the article aside
        yield from _pair_triples(view, nxt, first, match, post)
        return
    closing = [t for t in post if t.pos_ != "DET"][-1:]
    participle = view.doc[match.start].pos_ == "VERB"
    if match.direction == "forward" and closing and closing[0].text == "," and participle:
        return  # "Founded in 1887, the University ...": the participle describes the name after it
    if match.direction == "forward" or match.direction == "role":
        topic = view.topic
        if topic is None or (
            match.direction == "role" and not any(forms(t)[0] in view.lexicon.role_prepositions for t in post)
        ):
            return
        if match.direction == "role" and _names_a_person(view):
            return  # "President of X since 1981, Mr Pelaez ...", "Le président de X, Y, ...": theirs
        subject = Anchor(view.sent.start, view.sent.start, topic, "ORG")
        yield from emit(view, [subject], group_after(view, first), match, None)


def _names_a_person(view: SentenceView) -> bool:
    """Whether the sentence names a person, or stands a pronoun for one: a role it opens on is theirs."""
    return bool(view.pronouns) or any(a.label == "PERSON" for a in view.anchors)


def possessive_role(view: SentenceView) -> Iterator[Found]:
    """ "Dr Tobias Lindqvist, the Institute's Scientific Director": a role owned by an organisation
    ("X's", "de X" is read by :func:`neighbour_pair`) in an apposition after the person who holds it."""
    for number, org in enumerate(view.anchors[1:], start=1):
        person = view.anchors[number - 1]
        if org.label != "ORG" or person.label != "PERSON":
            continue
        if [t.text for t in gap(view, person.end, org.start)] != [","]:
            continue
        if org.end >= view.sent.end or forms(view.doc[org.end])[0] not in view.merged.possessive_markers:
            continue
        match = role_run(view, org.end + 1, view.sent.end)
        closing = view.doc[match.end] if match is not None and match.end < view.sent.end else None
        if match is not None and (closing is None or closing.is_punct):
            yield from emit(view, [person], [org], match, None)
