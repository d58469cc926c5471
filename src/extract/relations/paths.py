"""Relations read off the dependency parse: the path between two entities, and what stands on it.

The gap rules (:mod:`extract.relations.neighbours` and the others) read the words *between* two names
in text order, so each new sentence shape needs a rule of its own. Here the parser does that work: the
shortest path between two entities in the dependency tree passes through what relates them, whatever
the order of the words ("X, director of Y", "Y's director X", "director X of Y", "X, who was named
director of Y", "X is president and founder of Y"):

- a person and an organisation are related by a role noun on the path (:func:`person_roles`), read
  with the roles of ``data/<lang>/relations.json``, through the verbs of ``role_verbs`` only, so that
  "X told Y" relates nothing;
- any two entities are related by a frame on the path (read in :mod:`extract.relations.frame_paths`): a
  verb or a noun of ``data/<lang>/frames.json`` ("partner", "fund", "member", "found", "coordinate",
  "accredit"); which entity is the relation's subject is read from the syntax, not from the word order;
- a list is read as one: an entity joined to another by a conjunction ("A, B and C are members of X")
  takes the path of the list's first item (:func:`~extract.relations.tree.list_head`).

A relation with a date in its clause gets it; the path itself, the word a list stands by and the date are
read in :mod:`extract.relations.tree`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

from spacy.tokens import Token

from extract.relations.frame_lexicon import FrameLexicon, frame_lexicon
from extract.relations.frame_paths import OBJECT_DEPS, frame_relations
from extract.relations.tree import (
    PASSIVE_DEPS,
    SUBJECT_DEPS,
    between_names,
    clause_date,
    dependency_path,
    is_verb,
    list_head,
    own_clause,
)
from extract.relations.triggers import ends_board, role_run
from extract.relations.view import Anchor, Found, Match, SentenceView, doc_forms, in_anchor

#: The longest path (in dependency edges) read as a relation: longer ones join unrelated clauses.
MAX_EDGES = 7
#: Dependencies of a noun phrase's inside: what may stand between a role and its organisation.
NOMINAL_DEPS = frozenset(
    {"prep", "pobj", "poss", "compound", "nmod", "case", "det", "amod", "flat", "flat:name", "appos", "nn",
     "npadvmod", "fixed", "obl", "obl:arg", "obl:mod", "nmod:poss", "conj", "cc"}
)
#: Dependencies that join a name to a role noun next to it ("CEO Robert Bennett").
NAME_DEPS = frozenset({"appos", "compound", "flat", "flat:name", "nmod"})
#: How a possessor hangs from what it owns ("Weston's president", "leur président").
POSSESSOR_DEPS = frozenset({"poss", "nmod:poss"})


# --- the rules -----------------------------------------------------------------------------------------


def parse_relations(view: SentenceView) -> Iterator[Found]:
    """Every relation the paths between the sentence's entities state."""
    anchors = sorted(view.anchors + view.pronouns, key=lambda a: a.start)
    if len(anchors) < 2:
        return
    owner = {i: a for a in anchors for i in range(a.start, a.end)}
    heads = {id(a): list_head(view, a, owner) for a in anchors}
    lexicon = frame_lexicon()
    for n, first in enumerate(anchors):
        for second in anchors[n + 1 :]:
            if first.key == second.key or "ORG" not in (first.label, second.label):
                continue
            a, b = heads[id(first)], heads[id(second)]
            if a.i == b.i:
                continue  # two items of one list
            path = between_names(dependency_path(a, b), owner, first, second)
            if path is None or len(path) - 1 > MAX_EDGES or own_clause(path, first, second, view):
                continue
            inner = path[1:-1]
            if any(t.i in owner for t in inner) or _negated(view, path):
                continue  # another entity stands between (its relation, not theirs), or a negation
            if first.label == "PERSON" or second.label == "PERSON":
                person, org = (first, second) if first.label == "PERSON" else (second, first)
                from_person = path if person is first else path[::-1]
                found = list(person_roles(view, person, org, from_person, lexicon))
            else:
                found = []
            if not found:
                found = list(frame_relations(view, first, second, path, lexicon))
            yield from found


def person_roles(
    view: SentenceView, person: Anchor, org: Anchor, path: Sequence[Token], lexicon: FrameLexicon
) -> Iterator[Found]:
    """ "X, director of Y", "Y's CEO X", "X was named president and founder of Y": the role nouns on the
    path from the person (``path[0]``) to the organisation; a role joined to the first by "and" counts too.

    Between the person and the role only role verbs may stand ("was named"); between the role and the
    organisation only the inside of a noun phrase ("of the research division of"), so that the role of
    one clause is not given to the organisation of another.
    """
    inner = path[1:-1]
    date = clause_date(view, path)
    if _own_apposition_elsewhere(path):
        return
    if _affiliated(path, lexicon):
        yield Found(person.key, "works_for", org.key, None, date)
        return
    forms = doc_forms(view.doc)
    # the role nearest the organisation is its role there ("chairman of A and a member of B": member of B)
    at = next((n for n in reversed(range(len(inner))) if _is_role(view, inner[n])), None)
    if at is None:
        beside = _role_beside(view, path, lexicon)
        if beside is not None and not _held_by_other(view, beside, person):
            match = _role_match(view, beside)
            if match is not None:
                yield Found(person.key, match.predicate, org.key, match.role, date)
            return
        found = list(_joined(view, person, org, path, lexicon, date))
        yield from found or _appointed(view, person, org, path, lexicon, date)
        return
    before, role, after = inner[:at], inner[at], inner[at + 1 :]
    if not before and path[0].dep_ in POSSESSOR_DEPS and path[0].head.i == role.i:
        return  # "Weston's former president of production, Pam Abdy": the role of the person he names
    fronted = _fronted(view, path, role)
    if not fronted and any(is_verb(t) and forms[t.i][1] not in lexicon.role_verbs for t in before):
        return
    if not fronted and not _said_of(path[: at + 2], view.lexicon.copulas):
        return
    if any(is_verb(t) or t.dep_ not in NOMINAL_DEPS for t in after) or _held_by_other(view, role, person):
        return
    if any(_apposed_frame(view, t, lexicon) for t in after):
        return  # "directrice de Cloudwatt, filiale d'Orange": her role is Cloudwatt's, not Orange's
    if any(_names_other(view, t, person) for t in inner):
        return  # "Président d'Unicancer et le Pr Soria, directeur de Gustave Roussy": another's title
    # roles joined to it by "and" share its organisation when they have none of their own ("president
    # and founder of Y"), not when they do ("chairman of A and a member of B")
    joined = [*role.children, role.head] if role.dep_ == "conj" else list(role.children)
    chosen = [role, *(t for t in joined if _coordinated_role(view, t, role))]
    for token in chosen:
        if forms[token.i][0] in lexicon.founder_roles:
            yield Found(person.key, "founded", org.key, None, date)
            continue
        match = _role_match(view, token)
        if match is not None:
            yield Found(person.key, match.predicate, org.key, match.role, date)


def _apposed_frame(view: SentenceView, token: Token, lexicon: FrameLexicon) -> bool:
    """Is ``token`` a frame's noun set off by a comma ("X, filiale de Y", "X, the unit of Y")? It describes
    the name before the comma, though the parser may hang it on the role before that name."""
    at = token.i - 1
    while at > view.sent.start and view.doc[at].pos_ == "DET":
        at -= 1
    return view.doc[at].text == "," and bool(lexicon.frames_of(doc_forms(view.doc)[token.i]))


def _fronted(view: SentenceView, path: Sequence[Token], role: Token) -> bool:
    """ "Présidente de l'Institut X, Jeanne Roux a ouvert la séance", "As chair of X, Jane Roe opened": a
    role phrase that opens the sentence, in the clause whose subject is the person, is the person's."""
    person, verb = path[0], path[1]
    if person.dep_ not in SUBJECT_DEPS or person.head.i != verb.i or role.i > person.i:
        return False
    opening = view.doc[view.sent.start : role.i]
    return all(t.pos_ in ("ADP", "SCONJ", "DET") for t in opening) and all(
        t.i == verb.i or t.pos_ == "ADP" or t.i == role.i for t in path[1 : path.index(role) + 1]
    )


def _coordinated_role(view: SentenceView, token: Token, role: Token) -> bool:
    """Whether ``token`` is a role joined to ``role`` by a conjunction, with no complement of its own."""
    linked = (token.dep_ == "conj" and token.head.i == role.i) or (
        role.dep_ == "conj" and role.head.i == token.i
    )
    own = any(c.dep_ in ("prep", "nmod") for c in token.children if c.i != role.i)
    return linked and token.i != role.i and _is_role(view, token) and not own


def _role_beside(view: SentenceView, path: Sequence[Token], lexicon: FrameLexicon) -> Token | None:
    """ "X was also president of production at Y": the parser hangs the organisation on the copula, beside
    its complement; the complement is the person's role there when an affiliation preposition brings the
    organisation and only the inside of a noun phrase stands between it and the preposition."""
    person, verb = path[0], path[1]
    if len(path) < 4 or person.dep_ not in SUBJECT_DEPS or person.head.i != verb.i:
        return None
    preposition = path[2]
    if (
        doc_forms(view.doc)[verb.i][1] not in view.lexicon.copulas
        or preposition.head.i != verb.i
        or preposition.lower_ not in lexicon.affiliation_prepositions
        or any(t.dep_ not in NOMINAL_DEPS for t in path[3:-1])
    ):
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and _is_role(view, c)), None)


def _own_apposition_elsewhere(path: Sequence[Token]) -> bool:
    """ "A, président de X, et B, directeur de Y": the parser may join B to A's role; B has a role noun of
    its own in apposition, and A's is not B's."""
    person = path[0]
    own = any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in person.children)
    return own and person.dep_ == "conj" and len(path) > 1 and path[1].i == person.head.i


def _affiliated(path: Sequence[Token], lexicon: FrameLexicon) -> bool:
    """ "Riccardo Amoroso, Enel Green Power", "Oliver Schaefer of SunPower", "X, de la société Y": the
    organisation in apposition to the person, or attached to the name by an affiliation preposition."""
    person, org, inner = path[0], path[-1], path[1:-1]
    if not inner:
        if "appos" in (org.dep_, person.dep_):
            between = person.doc[min(person.i, org.i) + 1 : max(person.i, org.i)]
            return not any(t.text == ":" for t in between)  # "X (photo : MaxPPP)": a credit, not X's employer
        cases = [c.lower_ for c in org.children if c.dep_ == "case"]
        return org.head.i == person.i and bool(cases) and cases[-1] in lexicon.affiliation_prepositions
    return (
        len(inner) == 1
        and inner[0].head.i == person.i
        and inner[0].pos_ == "ADP"
        and inner[0].lower_ in lexicon.affiliation_prepositions
    )


def _appointed(
    view: SentenceView,
    person: Anchor,
    org: Anchor,
    path: Sequence[Token],
    lexicon: FrameLexicon,
    date: str | None,
) -> Iterator[Found]:
    """ "Atos a nommé X au poste de directeur général", "the Council offered X the role as its new Chief
    Executive": an appointing word on the path, and the role noun in what it governs."""
    forms = doc_forms(view.doc)
    inner = path[1:-1]
    if any(is_verb(t) and forms[t.i][1] not in lexicon.role_verbs | lexicon.appointing_verbs for t in inner):
        return
    word = next((t for t in inner if forms[t.i][1] in lexicon.appointing_verbs), None)
    if word is None or not _appoints(path):
        return  # the organisation appoints; "nommé en Conseil des ministres" names where, not who
    if ends_board(view, org.end - 1):
        return  # "the Board of Directors has named X as executive director": the board's company, not it
    # "the University named X as dean of the Business School": the school's dean, not the University's
    role = _role_below(
        view,
        word,
        path,
        lambda t: not _held_by_other(view, t, person) and not _names_organisation(view, t),
    )
    match = _role_match(view, role) if role is not None else None
    if match is not None:
        yield Found(person.key, match.predicate, org.key, match.role, date)


def _joined(
    view: SentenceView,
    person: Anchor,
    org: Anchor,
    path: Sequence[Token],
    lexicon: FrameLexicon,
    date: str | None,
) -> Iterator[Found]:
    """ "X joins Y as chief executive", "X a rejoint le groupe Y comme directrice financière": a joining
    verb whose subject is the person and whose object is the organisation (or a noun it names), and the
    role that "as" (``role_openers``) hangs on the verb or its object."""
    forms = doc_forms(view.doc)
    if len(path) < 3 or path[0].dep_ not in SUBJECT_DEPS or forms[path[1].i][1] not in lexicon.joining_verbs:
        return
    verb, obj = path[1], path[2]
    named = all(t.dep_ in NAME_DEPS for t in path[3:])  # "a rejoint le groupe Zorvex": the object names it
    if obj.head.i != verb.i or obj.dep_ not in OBJECT_DEPS or not named:
        return
    role = _role_below(view, verb, path, lambda t: _as_role(view, t))
    match = _role_match(view, role) if role is not None else None
    if match is not None and not _held_by_other(view, role, person):
        yield Found(person.key, match.predicate, org.key, match.role, date)


def _role_below(
    view: SentenceView, word: Token, path: Sequence[Token], admits: Callable[[Token], bool]
) -> Token | None:
    """The nearest role noun under ``word`` (three steps down at most), off the path, that ``admits``
    takes: the role an appointing or joining verb gives."""
    on_path = {t.i for t in path}
    below = (t for t in _below(word, depth=3) if t.i not in on_path and _is_role(view, t))
    return next((t for t in below if admits(t)), None)


def _as_role(view: SentenceView, role: Token) -> bool:
    """Whether ``role`` is introduced as one ("as chief executive", "en tant que directrice", "comme
    directrice"): its preposition, or its case markers, are all role openers."""
    openers = view.lexicon.role_openers
    marks = [c for c in role.children if c.dep_ in ("case", "fixed")]
    marks += [g for c in marks for g in c.children if g.dep_ == "fixed"]
    if role.dep_ == "pobj":
        marks.append(role.head)
    return bool(marks) and all(doc_forms(view.doc)[m.i][0] in openers for m in marks)


def _names_organisation(view: SentenceView, role: Token) -> bool:
    """Whether a complement of ``role`` names an organisation ("dean of the McCombs School", "Professor
    in the Department ... at the University of Waterloo"): the role is held there."""
    inside = {i for a in view.anchors if a.label == "ORG" for i in range(a.start, a.end)}
    return any(t.i in inside for c in role.children if c.dep_ in ("prep", "nmod") for t in c.subtree)


def _appoints(path: Sequence[Token]) -> bool:
    """Is the organisation at the end of the path the subject, or the name of a common noun that is
    ("Le groupe Zorvex annonce la nomination de X")?"""
    org = path[-1]
    if org.dep_ in SUBJECT_DEPS:
        return True
    noun = org.head
    named = org.dep_ in ("nmod", "appos", "compound", "flat:name") and len(path) > 1 and path[-2].i == noun.i
    return named and noun.pos_ == "NOUN" and noun.dep_ in SUBJECT_DEPS


def _below(token: Token, *, depth: int) -> Iterator[Token]:
    """The tokens under ``token`` down to ``depth`` steps, nearest first."""
    level = [token]
    for _ in range(depth):
        level = [child for t in level for child in t.children]
        yield from level


def _said_of(path: Sequence[Token], copulas: frozenset[str]) -> bool:
    """Whether each verb on the way from the person (``path[0]``) to the role is said of the person: the
    person is its subject ("X was named CEO"), the complement of a copula whose subject is the role ("The
    new chief executive of Y is X"), or the verb hangs from the person ("X, who became CEO"); "on the
    proposal of X, Y was named CEO" says the role of Y, not of X."""
    for below, token in pairwise(path):
        if not is_verb(token) or below.head.i != token.i or below.dep_ in SUBJECT_DEPS | PASSIVE_DEPS:
            continue
        if not (below.dep_ == "attr" and doc_forms(token.doc)[token.i][1] in copulas):
            return False
    return True


def _held_by_other(view: SentenceView, role: Token, person: Anchor) -> bool:
    """Whether another person is named right at ``role`` ("CEO Robert Bennett"), or right before it after
    the holder ("Jeanne Roux, ..., Anne Ricard, présidente de X"): the role is theirs."""
    others = _other_people(view, person)
    if any(person.end <= a.start and a.end <= role.i and _apposed(view, a.end, role.i) for a in others):
        return True
    mine = range(person.start, person.end)
    if role.dep_ == "appos" and role.head.i not in mine and _in_person(view, role.head.i):
        return True  # "A, président de X, B, président de Y": the parser hangs B inside A's role
    # a name the role hangs on ("Robert McPhee, General Director"), not a list sibling it is joined to,
    # nor when the person hangs on the role ("former EU head of enlargement Sir Michael Leigh")
    holder = role.dep_ != "conj" and not _hangs_on(view.doc[person.start], role)
    for token in [*role.children, role.head]:
        attached = token.dep_ in NAME_DEPS or (token.i == role.head.i and holder)
        if token.i in mine or not attached:
            continue
        if _in_person(view, token.i):
            return True
    return False


def _in_person(view: SentenceView, index: int) -> bool:
    """Whether the token at ``index`` is part of a person's name."""
    return any(a.label == "PERSON" and a.start <= index < a.end for a in view.anchors)


def _hangs_on(token: Token, role: Token) -> bool:
    """Whether ``token`` hangs below ``role`` through complements, no conjunction on the way ("head of
    enlargement Sir Michael Leigh"; not "Director of X, and Al Roe", a list sibling)."""
    while token.i != token.head.i:
        if token.dep_ == "conj":
            return False
        token = token.head
        if token.i == role.i:
            return True
    return False


def _apposed(view: SentenceView, start: int, end: int) -> bool:
    """Whether only a comma (or nothing) stands between a name ending at ``start`` and a role at ``end``."""
    return all(view.doc[i].text == "," for i in range(start, end))


def _names_other(view: SentenceView, token: Token, person: Anchor) -> bool:
    """Whether ``token`` carries the name of another person ("Pr" over "Jean-Charles Soria")."""
    others = _other_people(view, person)
    return any(a.start <= c.i < a.end for c in token.children for a in others)


def _other_people(view: SentenceView, person: Anchor) -> list[Anchor]:
    """The sentence's person anchors other than ``person``."""
    return [a for a in view.anchors if a.label == "PERSON" and a.key != person.key]


def _is_role(view: SentenceView, token: Token) -> bool:
    """Whether ``token`` is a role noun: a founder, or the head word of a role phrase."""
    text = doc_forms(view.doc)[token.i][0]
    lex, last = view.lexicon, text.rsplit("-", 1)[-1]
    if text in frame_lexicon().founder_roles:
        return True
    return any(w in lex.heads or w in lex.works_for for w in (text, last)) and not ends_board(view, token.i)


def _role_match(view: SentenceView, token: Token) -> Match | None:
    """The role phrase around ``token`` ("Chief Executive Officer", "directeur technique"), with its
    predicate (a demoting word before or after the role noun makes it works_for)."""
    lex, forms = view.lexicon, doc_forms(view.doc)
    start = token.i
    while start > view.sent.start and forms[start - 1][0] in lex.role_words:
        if in_anchor(view, start - 1):
            break  # not into a name: "ZeniMax Media CEO" is a CEO
        start -= 1
    while start < token.i and forms[start][0] in lex.role_prepositions:
        start += 1  # "au poste de directrice": the role opens after its "de"
    return role_run(view, start, view.sent.end, skip=frozenset())


def _negated(view: SentenceView, path: Sequence[Token]) -> bool:
    """Whether a token of the path is negated ("is not a member of", "n'est pas membre de")."""
    negations, forms = view.lexicon.negations, doc_forms(view.doc)
    return any(forms[c.i][0] in negations for t in path for c in t.children if c.dep_ in ("neg", "advmod"))
