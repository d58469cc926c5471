"""The rules for relations whose one end the sentence does not name.

"Unicancer is a member since 2018" (of the organisation the previous sentences were about), "coordinated
by Deputy Executive Director X" (a role in the one organisation named, or the topic), "a partnership
agreement was signed with X" (the topic's partnership): the missing end is the document's topic or an
organisation named before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Token

from extract.relations.boards import is_board
from extract.relations.emit import alongside_fellows, emit
from extract.relations.frame_lexicon import frame_lexicon
from extract.relations.groups import group_after
from extract.relations.triggers import pre_ok, role_ending_at, role_run, triggers_in
from extract.relations.view import (
    CLAUSE_BREAKS,
    DASHES,
    Anchor,
    Found,
    Match,
    SentenceView,
    dates_in,
    forms,
    gap,
)

#: The most words an apposition after a person's name may hold, its commas included.
APPOSITION = 9


def zero_object(view: SentenceView) -> Iterator[Found]:
    """ "Unicancer is a member since 2018, alongside ...": a membership with no "of" names the
    organisation the previous sentences were about."""
    lex = view.lexicon
    for number, anchor in enumerate(view.anchors):
        stop = view.anchors[number + 1].start if number + 1 < len(view.anchors) else view.sent.end
        matches = triggers_in(view, anchor.end, stop)
        if not matches or matches[0].predicate != "member_of":
            continue
        match = matches[0]
        pre = gap(view, anchor.end, match.start)
        if not pre_ok(view, pre) or not any(w in lex.copulas for t in pre for w in forms(t)):
            continue
        following = gap(view, match.end, stop)
        if not following and stop < view.sent.end:
            continue  # "a subsidiary of Iberdrola": the next name is the object the trigger opens on
        if _unrecognised_name(following):
            continue  # "membre de France Hydrogène" with no mention for the name: the object is not a guess
        if following and (
            forms(following[0])[0] in lex.post_fillers
            or (following[0].pos_ == "ADP" and forms(following[0])[0] not in lex.date_prepositions)
        ):
            continue
        target = _relative_owner(view, anchor) or next(
            (key for key in reversed(view.recent_orgs) if key != anchor.key), None
        )
        if target is None:
            continue
        obj = Anchor(match.end, match.end, target, "ORG")
        limit = next(
            (a.start for a in view.anchors if a.start >= anchor.end and a.key != anchor.key), view.sent.end
        )
        date = dates_in(view, anchor.end, limit)
        yield from emit(view, [anchor], [obj], match, date)
        yield from alongside_fellows(view, [obj], obj, match)


def titled_person(view: SentenceView) -> Iterator[Found]:
    """ "coordinated by Deputy Executive Director Sophie Beaupère": a role title before a name is a role in
    the one organisation the sentence names or, when it names none, in the topic organisation. A board
    the sentence names is no such organisation: its director is the company's ("Le Conseil
    d'administration a révoqué Jean Azéma, directeur général")."""
    named = {a.key for a in view.anchors if a.label == "ORG" and not is_board(view, a) and not _home(view, a)}
    orgs = named or ({view.topic} if view.topic else set())
    if len(orgs) != 1:
        return
    (org,) = orgs
    for person in (a for a in view.anchors if a.label == "PERSON"):
        held = person_role(view, person)
        if held is not None and not _owned_by_unnamed(view, held[0]):
            employer = Anchor(person.start, person.start, org, "ORG")
            # "Trésoriers : A et B": a role a colon opens is every listed person's, and in a list of
            # several, the seat each holds ("A number of directors: A, B and C"), heading no one
            people = group_after(view, person) if _after_colon(view, person) else [person]
            match, date = held
            if len(people) > 1 and match.predicate == "heads":
                match = replace(match, predicate="works_for")
            yield from emit(view, people, [employer], match, date)


def _owned_by_unnamed(view: SentenceView, match: Match) -> bool:
    """Whether a proper noun that is no mention stands right before the title ("Sandown Park Managing
    Director X", "British Swimming chief executive X"): the title is that name's, an organisation the
    recognition missed, not the one the sentence names elsewhere; so is a name read as a person's right
    before it ("said L.A. Marathon board member Howard Sunkin"), as no person holds another's title."""
    before = match.start - 1
    if before <= view.sent.start:
        return False
    held = [a for a in view.anchors if a.start <= before < a.end]
    if held:
        return all(a.label == "PERSON" for a in held)
    token = view.doc[before]
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha


def _home(view: SentenceView, org: Anchor) -> bool:
    """Whether ``org`` is where a person listed before it comes from ("Chair: Michael Lippert - Saft"): a
    dash right between them; the title is held elsewhere (the board the list is of)."""
    at = org.start - 1
    dash = at > view.sent.start and view.doc[at].text in DASHES
    return dash and any(a.label == "PERSON" and a.end == at for a in view.anchors)


def person_role(view: SentenceView, person: Anchor) -> tuple[Match, str | None] | None:
    """The role the sentence gives a person with no organisation of its own: a title before the name
    ("Deputy Executive Director Sophie Beaupère"), a role between commas after it, a role their verb
    gives them, a role closed by the comma before the name; and the date tied to it."""
    lex, doc = view.lexicon, view.doc
    end = person.start
    while end > view.sent.start and forms(doc[end - 1])[0] in lex.titles:
        end -= 1
    match = role_ending_at(view, end)
    if match is None and _after_colon(view, person):
        match = role_ending_at(view, end - 1)
    if match is not None:
        return match, None
    # "Bob Walker, currently COO, is being promoted to president": the role the verb gives is the news
    closing = _apposition_end(view, person)
    given = _given_role(view, Anchor(closing, closing + 1, person.key, "PERSON")) if closing else None
    held = given or _apposed_role(view, person) or _given_role(view, person)
    if held is not None:
        return held
    match = _role_before_comma(view, person)
    return (match, None) if match is not None else None


def _after_colon(view: SentenceView, person: Anchor) -> bool:
    """Does a colon stand right before the person's name ("Trésorier : Alain Smadja")?"""
    return person.start > view.sent.start and view.doc[person.start - 1].text == ":"


def _apposed_role(view: SentenceView, person: Anchor) -> tuple[Match, str | None] | None:
    """ "Louise Vaisman, secrétaire générale, a présenté": a role alone between commas after the name
    (no complement: "X, director of research" says where no more than the sentence does), and the date
    that may follow it ("Jean Azéma, directeur général depuis juin 2000, a été révoqué"). Not in a list
    after a colon or a semicolon ("Speakers: A, chairman; B, treasurer"): whose officers they are is
    left unsaid (:mod:`extract.relations.rosters` reads the lists a roster word opens)."""
    doc, stop = view.doc, view.sent.end
    if person.end + 1 >= stop or doc[person.end].text != ",":
        return None
    if any(doc[i].text in (":", ";") for i in range(view.sent.start, person.start)):
        return None
    start = person.end + 1
    while start < stop and doc[start].pos_ == "ADV":
        start += 1  # "Bob Walker, currently COO, ..."
    if start < stop and forms(doc[start])[0] in view.lexicon.articles:
        start += 1  # "Aurélien de Meaux, le directeur général, ...": the one the topic has
    match = role_run(view, start, stop)
    if match is None:
        return None
    end, date = _dated(view, match.end)
    closing = doc[end] if end < stop else None
    if closing is None or closing.text in (",", ".", ";", ")") or (date and closing.pos_ in ("AUX", "VERB")):
        return match, date
    return None


def _apposition_end(view: SentenceView, person: Anchor) -> int | None:
    """The comma that closes a short apposition after a person's name (", currently COO,"), if any."""
    doc = view.doc
    if person.end >= view.sent.end or doc[person.end].text != ",":
        return None
    for at in range(person.end + 1, min(view.sent.end, person.end + APPOSITION)):
        if doc[at].text == ",":
            return at
        if doc[at].pos_ in ("VERB", "AUX") or doc[at].is_punct:
            return None
    return None


def held_there(view: SentenceView) -> Iterator[Found]:
    """ "Nuffield Health, where he has been chief operating officer since 2017" / "au CNRS, où elle était
    directrice de recherche": the role that a clause on the place an organisation names gives its
    subject, a person or a pronoun standing for one."""
    places, doc, stop = frame_lexicon().place_relatives, view.doc, view.sent.end
    people = {a.start: a for a in (*view.anchors, *view.pronouns) if a.label == "PERSON"}
    for org in (a for a in view.anchors if a.label == "ORG"):
        at = _past_place(view, org.end, stop)
        at = at + 1 if at < stop and doc[at].text == "," else at
        person = people.get(at + 1)
        if at >= stop or forms(doc[at])[0] not in places or person is None:
            continue
        held = _given_role(view, person)
        if held is not None:
            yield from emit(view, [person], [org], *held)


def _past_place(view: SentenceView, at: int, stop: int) -> int:
    """Past the town or country said of the organisation that ends at ``at`` ("the Semperoper Ballett in
    Dresden, Germany, where he has served as ..."): a preposition, then places and the commas between."""
    doc = view.doc
    if at + 1 >= stop or doc[at].pos_ != "ADP" or at + 1 not in view.skip:
        return at
    end = at + 1
    while end < stop and (end in view.skip or (doc[end].text == "," and end + 1 in view.skip)):
        end += 1
    return end


def _given_role(view: SentenceView, person: Anchor) -> tuple[Match, str | None] | None:
    """ "Thierry Martel devient directeur général", "X has been appointed as its new CEO", "X occupe la
    fonction de directeur des études depuis 2016": the role the person's verb gives them (a role verb,
    or an appointing verb in the passive: the subject of "names" is who appoints), with the date that
    may follow it, when the clause ends after it."""
    doc, stop, lex, frames = view.doc, view.sent.end, view.lexicon, frame_lexicon()
    giving = frames.role_verbs - frames.appointing_verbs
    at, verb = person.end, False
    while at < stop and doc[at].pos_ in ("AUX", "VERB"):
        lemma = forms(doc[at])[1]
        passive = any(c.dep_ in ("auxpass", "aux:pass") for c in doc[at].children)
        appointed = lemma in frames.appointing_verbs and passive
        if doc[at].pos_ == "VERB" and lemma not in giving and not appointed:
            return None
        verb = verb or doc[at].pos_ == "VERB" or lemma in lex.copulas
        at += 1
    if not verb:
        return None
    while at < stop and (forms(doc[at])[0] in lex.role_openers or doc[at].pos_ == "ADV"):
        at += 1
    match = role_run(view, at, stop)
    if match is None:
        return None
    end, date = _dated(view, match.end)
    closing = end >= stop or doc[end].text in (",", ".", ";", ")", "!") or doc[end].pos_ == "CCONJ"
    return (match, date) if closing else None


def _dated(view: SentenceView, end: int) -> tuple[int, str | None]:
    """Where a role phrase ending at ``end`` ends with the date a date preposition ties to it ("directeur
    général depuis juin 2000"), and that date's value; ``end`` and None when none follows."""
    if end < view.sent.end and forms(view.doc[end])[0] in view.lexicon.date_prepositions:
        held = next((d for d in view.dates if d.start == end + 1), None)
        if held is not None:
            return held.end, held.value
    return end, None


def _role_before_comma(view: SentenceView, person: Anchor) -> Match | None:
    """ "the former director, Adrian Jenkins," / "la directrice générale sortante, Marie-Claude Deschênes" /
    "Le président du Conseil d'administration, Christian Moretti,": a role opened by an article and
    closed by the comma before the name, its adjectives and the board it chairs between. The article
    keeps a list ("X, director, Y") from handing one person's role to the next; a possessive ("Leur
    président, X") points at an owner the sentence may name before, not at the topic."""
    doc, lex = view.doc, view.lexicon
    comma = person.start - 1
    if comma <= view.sent.start or doc[comma].text != ",":
        return None
    for start in range(max(view.sent.start + 1, comma - 8), comma):
        opener = doc[start - 1]
        while opener.i > view.sent.start and opener.pos_ == "ADJ":  # "the former director"
            opener = doc[opener.i - 1]
        if (opener.pos_ != "DET" or "Yes" in opener.morph.get("Poss")) and forms(opener)[0] not in lex.titles:
            continue
        match = role_run(view, start, comma)
        if match is not None and _closes_role(view, match.end, comma):
            return match
    return None


def _closes_role(view: SentenceView, start: int, comma: int) -> bool:
    """Only adjectives, or the board the role sits on ("of the Board", "du Conseil d'administration"),
    between a role and the comma after it."""
    tokens = view.doc[start:comma]
    if all(t.pos_ == "ADJ" for t in tokens):
        return True
    boards = view.merged.board_nouns
    board = next((n for n, t in enumerate(tokens) if forms(t)[0] in boards), None)
    return board is not None and all(t.pos_ in ("ADP", "DET", "ADJ") for t in tokens[:board])


def _unrecognised_name(tokens: Sequence[Token]) -> bool:
    """Do ``tokens`` open with a preposition and a capitalised name ("of Acme", "de la Ligue X")?"""
    words = [t for t in tokens[:3] if t.pos_ != "DET"]
    return (
        len(words) >= 2
        and words[0].pos_ == "ADP"
        and words[1].pos_ == "PROPN"
        and words[1].text[:1].isupper()
    )


def _relative_owner(view: SentenceView, anchor: Anchor) -> str | None:
    """ "the IMRF, of which X is already a member" / "le réseau Y, dont X est membre": the organisation the
    relative clause hangs on, when "of which" / "dont" stands right before the subject."""
    earlier = [a for a in view.anchors if a.end <= anchor.start and a.label == "ORG"]
    if not earlier:
        return None
    words = [forms(t)[0] for t in gap(view, earlier[-1].end, anchor.start) if t.text != ","]
    if any(list(phrase) == words for phrase in view.lexicon.relative_links):
        return earlier[-1].key
    return None


def unnamed_party(view: SentenceView) -> Iterator[Found]:
    """ "A partnership agreement was signed on 5 May with X" / "Une convention de partenariat a été signée
    avec X": a partnership whose other party goes unnamed is the topic organisation's."""
    if view.topic is None or not view.anchors or view.anchors[0].label != "ORG":
        return
    first = view.anchors[0]
    tokens = gap(view, view.sent.start, first.start)
    matches = [m for m in triggers_in(view, view.sent.start, first.start) if m.predicate == "partner_of"]
    if not matches or not tokens or forms(tokens[-1])[0] not in view.merged.partner_prepositions:
        return
    lead = [t for t in tokens if t.i < matches[0].start]
    if any(t.pos_ in ("PRON", "PROPN", "VERB", "AUX") or forms(t)[0] in CLAUSE_BREAKS for t in lead):
        return
    if any(forms(t)[0] in CLAUSE_BREAKS or t.pos_ == "PRON" for t in tokens):
        return
    date = dates_in(view, view.sent.start, first.start)
    for party in group_after(view, first):
        if party.key != view.topic:
            yield Found(view.topic, "partner_of", party.key, None, date)
