"""Relations read off the dependency parse: the path between two entities, and what stands on it.

The gap rules (:mod:`extract.relations.neighbours` and the others) read the words *between* two names
in text order, so each new sentence shape needs a rule of its own. Here the parser does that work: the
shortest path between two entities in the dependency tree passes through what relates them, whatever
the order of the words ("X, director of Y", "Y's director X", "director X of Y", "X, who was named
director of Y", "X is president and founder of Y"):

- a person and an organisation are related by a role noun on the path (:func:`person_roles`), read
  with the roles of ``data/<lang>/relations.json``, through the verbs of ``role_verbs`` only, so that
  "X told Y" relates nothing;
- any two entities are related by a frame on the path (:func:`frame_relations`), a verb or a noun of
  ``data/<lang>/frames.json`` ("partner", "fund", "member", "found", "coordinate", "accredit"); which
  entity is the relation's subject is read from the syntax (active subject, passive agent, the
  preposition that attaches the entity to a noun), not from the word order;
- a list is read as one: an entity joined to another by a conjunction ("A, B and C are members of X")
  takes the path of the list's first item (:func:`~extract.relations.tree.list_head`).

A relation with a date in its clause gets it; the path itself, the word a list stands by and the date are
read in :mod:`extract.relations.tree`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from spacy.tokens import Token

from extract.relations.frame_lexicon import Frame, FrameLexicon, frame_lexicon
from extract.relations.lexicon import merged_words
from extract.relations.tree import (
    PASSIVE_DEPS,
    SUBJECT_DEPS,
    between_names,
    clause_date,
    dependency_path,
    list_head,
    own_clause,
)
from extract.relations.triggers import ends_board, role_run
from extract.relations.view import Anchor, Found, Match, SentenceView, doc_forms

#: The longest path (in dependency edges) read as a relation: longer ones join unrelated clauses.
MAX_EDGES = 7
#: Dependencies that open a clause of its own: a path through one joins two statements, not two entities.
CLAUSE_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "acl:relcl", "parataxis", "csubj", "xcomp", "conj:verb", "mark", "punct"}
)
#: Dependencies of a noun phrase's inside: what may stand between a role and its organisation.
NOMINAL_DEPS = frozenset(
    {"prep", "pobj", "poss", "compound", "nmod", "case", "det", "amod", "flat", "flat:name", "appos", "nn",
     "npadvmod", "fixed", "obl", "obl:arg", "obl:mod", "nmod:poss", "conj", "cc"}
)
#: Dependencies that join a name to a role noun next to it ("CEO Robert Bennett").
NAME_DEPS = frozenset({"appos", "compound", "flat", "flat:name", "nmod"})
#: Predicates a frame may state between a person and an organisation, and what they become.
PERSON_FRAMES = {
    "founded": "founded",
    "coordinates": "heads",
    "member_of": "works_for",
    "works_for": "works_for",
}
#: How a verb's direct object hangs from it (spaCy's English and French labels).
OBJECT_DEPS = frozenset({"dobj", "obj"})
#: How a possessor hangs from what it owns ("Weston's president", "leur président").
POSSESSOR_DEPS = frozenset({"poss", "nmod:poss"})
#: Predicates only a person has: a frame that states one relates nothing between two organisations.
PERSON_ONLY = frozenset({"heads", "works_for"})
#: The two entities of a relation, in the order the path reached them.
Ends = tuple[Anchor, Anchor]


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
    if _affiliated(path, lexicon):
        yield Found(person.key, "works_for", org.key, None, date)
        return
    forms = doc_forms(view.doc)
    # the role nearest the organisation is its role there ("chairman of A and a member of B": member of B)
    at = next((n for n in reversed(range(len(inner))) if _is_role(view, inner[n])), None)
    if at is None:
        yield from _appointed(view, person, org, path, lexicon, date)
        return
    before, role, after = inner[:at], inner[at], inner[at + 1 :]
    if not before and path[0].dep_ in POSSESSOR_DEPS and path[0].head.i == role.i:
        return  # "Weston's former president of production, Pam Abdy": the role of the person he names
    fronted = _fronted(view, path, role)
    if not fronted and any(_is_verb(t) and forms[t.i][1] not in lexicon.role_verbs for t in before):
        return
    if not fronted and not _said_of(path[: at + 2], view.lexicon.copulas):
        return
    if any(_is_verb(t) or t.dep_ not in NOMINAL_DEPS for t in after) or _held_by_other(view, role, person):
        return
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


def _affiliated(path: Sequence[Token], lexicon: FrameLexicon) -> bool:
    """ "Riccardo Amoroso, Enel Green Power", "Oliver Schaefer of SunPower", "X, de la société Y": the
    organisation in apposition to the person, or attached to the name by an affiliation preposition."""
    person, org, inner = path[0], path[-1], path[1:-1]
    if not inner:
        if "appos" in (org.dep_, person.dep_):
            return True
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
    if any(_is_verb(t) and forms[t.i][1] not in lexicon.role_verbs | lexicon.appointing_verbs for t in inner):
        return
    word = next((t for t in inner if forms[t.i][1] in lexicon.appointing_verbs), None)
    if word is None or not _appoints(path):
        return  # the organisation appoints; "nommé en Conseil des ministres" names where, not who
    on_path = {t.i for t in path}
    for token in _below(word, depth=3):
        if token.i not in on_path and _is_role(view, token) and not _held_by_other(view, token, person):
            match = _role_match(view, token)
            if match is not None:
                yield Found(person.key, match.predicate, org.key, match.role, date)
            return


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
        if not _is_verb(token) or below.head.i != token.i or below.dep_ in SUBJECT_DEPS | PASSIVE_DEPS:
            continue
        if not (below.dep_ == "attr" and doc_forms(token.doc)[token.i][1] in copulas):
            return False
    return True


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def _held_by_other(view: SentenceView, role: Token, person: Anchor) -> bool:
    """Whether another person is named right at ``role`` ("CEO Robert Bennett"), or right before it after
    the holder ("Jeanne Roux, ..., Anne Ricard, présidente de X"): the role is theirs."""
    others = _other_people(view, person)
    if any(person.end <= a.start and a.end <= role.i and _apposed(view, a.end, role.i) for a in others):
        return True
    mine = range(person.start, person.end)
    near = [*role.children, role.head]
    for token in near:
        attached = token.dep_ in NAME_DEPS or token is role.head
        if token.i in mine or not attached:
            continue
        if any(a.label == "PERSON" and a.start <= token.i < a.end for a in view.anchors):
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
        start -= 1
    while start < token.i and forms[start][0] in lex.role_prepositions:
        start += 1  # "au poste de directrice": the role opens after its "de"
    return role_run(view, start, view.sent.end, skip=frozenset())


def _negated(view: SentenceView, path: Sequence[Token]) -> bool:
    """Whether a token of the path is negated ("is not a member of", "n'est pas membre de")."""
    negations, forms = view.lexicon.negations, doc_forms(view.doc)
    return any(forms[c.i][0] in negations for t in path for c in t.children if c.dep_ in ("neg", "advmod"))


def frame_relations(
    view: SentenceView, first: Anchor, second: Anchor, path: Sequence[Token], lexicon: FrameLexicon
) -> Iterator[Found]:
    """A relation stated by a verb or noun on the path, its direction read from the syntax."""
    forms = doc_forms(view.doc)
    for position in range(1, len(path) - 1):
        token = path[position]
        frames = lexicon.frames.get(forms[token.i][1]) or lexicon.frames.get(forms[token.i][0])
        frames = frames or _object_frames(token, lexicon, forms)
        if not frames or not _frame_path(path, position, view.lexicon.team_nouns):
            continue
        left, right = path[position - 1], path[position + 1]  # the trigger's neighbours on each side
        if _of_a_team(view, left, token) or _of_a_team(view, right, token):
            continue
        for frame in frames:
            found = _orient(frame, token, (first, left), (second, right))
            if found is not None:
                yield Found(*found, None, clause_date(view, path))
                return


def _object_frames(verb: Token, lexicon: FrameLexicon, forms: list[tuple[str, str]]) -> tuple[Frame, ...]:
    """The frames of a post a verb takes for object, when the parse hangs the post's complement on the
    verb ("he held leadership roles at X", "elle a occupé plusieurs postes chez X"): the verb states
    what its object names. Only posts (works_for frames): "visited the school" says no membership."""
    if not _is_verb(verb):
        return ()
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            found = lexicon.frames.get(forms[child.i][1]) or lexicon.frames.get(forms[child.i][0]) or ()
            return tuple(frame for frame in found if frame.predicate == "works_for")
    return ()


def _frame_path(path: Sequence[Token], position: int, teams: frozenset[str]) -> bool:
    """Whether the path reads as one clause around its trigger ``path[position]``: each entity is the
    trigger's own argument (only prepositions between, "funding from X"; on one side the light verb
    whose object the trigger is, "A signed an agreement with B"; a verb's object that is a team of the
    organisation, "a rejoint les équipes de X"), and no clause edge is crossed."""
    trigger = path[position]
    for token in path[1:-1]:
        if token.i != trigger.i and token.dep_ in CLAUSE_DEPS and token.head.i != trigger.i:
            return False
    for between in (path[1:position], path[position + 1 : -1]):
        for token in between:
            light = token.i == _governor(trigger).i and _is_verb(token) and not _is_verb(trigger)
            team = token.head.i == trigger.i and _is_verb(trigger) and token.lower_ in teams
            if token.pos_ != "ADP" and not light and not team:
                return False
    return True


def _governor(noun: Token) -> Token:
    """The word a noun hangs from, through its preposition if the parse puts one between ("works in
    partnership with": "partnership" hangs from "in", "in" from "works")."""
    head = noun.head
    return head.head if head.pos_ == "ADP" and noun.dep_ == "pobj" else head


def _of_a_team(view: SentenceView, side: Token, trigger: Token) -> bool:
    """ "L'équipe de l'Institut Alpha, dirigée par Y": the trigger hangs from a name that is itself the
    complement of a team noun; the parser may attach it to either, and a team's leader heads no body."""
    if side.head.i == trigger.i or trigger.head.i != side.i:
        return False
    team = doc_forms(view.doc)[side.head.i][0] in view.lexicon.team_nouns
    return team and side.dep_ in ("nmod", "pobj", "poss")


def _marker(token: Token, trigger: Token) -> str | None:
    """The preposition that attaches ``token`` (a child of ``trigger``) to it: "with" in "partnership with
    X" (English: the preposition is the child; French: the noun is, with its "case" marker)."""
    if token.dep_ in ("prep", "agent", "dative"):
        return token.lower_.replace("’", "'")
    marks = [c.lower_.replace("’", "'") for c in token.children if c.dep_ in ("case", "mark")]
    return " ".join(marks) if marks else None


def _role_of(side: Token, trigger: Token, frame: Frame) -> str | None:
    """What the entity on ``side`` is to the trigger: "agent", "patient" or "object" (a noun's object)."""
    if side.head.i != trigger.i:
        # the trigger hangs from this side ("X, a member of Y": the trigger is X's apposition); a verb in
        # a relative clause has this side for subject ("X, qui dépend de Y"), a participle for object
        # ("X, a company controlled by Y")
        if _is_verb(trigger) and any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" for c in trigger.children):
            return "agent"
        if _is_verb(trigger) and trigger.dep_ == "acl" and "Part" in trigger.morph.get("VerbForm"):
            return "patient"
        return "holder"
    dep = side.dep_
    if trigger.pos_ in ("VERB", "AUX"):
        if dep in SUBJECT_DEPS:
            return "agent"
        if dep in PASSIVE_DEPS:
            return "patient"
        marker = _marker(side, trigger)
        if marker in frame.object_marks and frame.agent == "object":
            return "agent"  # "funded by X", "soutenu par X"
        if marker is not None and frame.agent == "subject" and marker.split()[-1] not in frame.object_marks:
            return "setting"  # "managed the sale at Y": where the deed was done, not what it was done to
        return "patient"
    marker = _marker(side, trigger)
    if marker in merged_words().agent_markers:
        return "doer"  # "son rachat par X", "funding by X": the doer of what the noun names
    if dep in ("poss", "nmod:poss") or (dep == "det" and "Yes" in side.morph.get("Poss")):
        return "agent"  # "its partners", "ses partenaires"
    if dep == "appos":
        return "listed"  # "its partners: A, B", "ses partenaires (A, B)": the object, if the owner is named
    if marker is not None and (marker in frame.object_marks or marker.split()[-1] in frame.object_marks):
        return "object"
    return "holder"


def _orient(
    frame: Frame, trigger: Token, first: tuple[Anchor, Token], second: tuple[Anchor, Token]
) -> tuple[str, str, str] | None:
    """(subject key, predicate, object key) of ``frame`` between two entities, each given with the token
    by which its side of the path reaches the trigger; None when the syntax does not say who is who."""
    (a, a_side), (b, b_side) = first, second
    roles = (_role_of(a_side, trigger, frame), _role_of(b_side, trigger, frame))
    pair = _verb_pair(frame, (a, b), roles) if _is_verb(trigger) else _noun_pair(frame, (a, b), roles)
    if pair is None:
        return None
    subject, obj = pair
    predicate = frame.predicate
    if "PERSON" in (subject.label, obj.label):
        if obj.label != "ORG" or predicate not in PERSON_FRAMES:
            return None  # a person partners no one and is no member; they head or work for
        predicate = PERSON_FRAMES[predicate]
    elif predicate in PERSON_ONLY:
        return None
    return subject.key, predicate, obj.key


def _verb_pair(frame: Frame, ends: Ends, roles: tuple[str, str]) -> Ends | None:
    """The verb's agent is the relation's subject or object, as the frame says; symmetric frames take
    any two parties that are not both objects of the verb."""
    if frame.agent == "either":
        return None if roles[0] == roles[1] != "agent" else ends
    if set(roles) not in ({"agent", "patient"}, {"agent", "holder"}):
        return None
    agent, other = ends if roles[0] == "agent" else ends[::-1]
    return (agent, other) if frame.agent == "subject" else (other, agent)


def _noun_pair(frame: Frame, ends: Ends, roles: tuple[str, str]) -> Ends | None:
    """A noun's object is the entity its preposition attaches ("member of Y", "funding from Y"); the items
    listed after it ("its partners: A, B") are its objects only when its owner is the other end. A doer
    ("son rachat par Jin Jiang") is the noun's agent, as the subject of its verb would be ("Jin Jiang a
    racheté le groupe"): the other end is what it was done to."""
    if "doer" in roles:
        if frame.agent == "either" or roles[0] == roles[1]:
            return None
        doer, other = ends if roles[0] == "doer" else ends[::-1]
        return (doer, other) if frame.agent == "subject" else (other, doer)
    if "listed" in roles:
        if set(roles) != {"listed", "agent"}:
            return None  # the items of "partners including A, B" are not each other's partners
        roles = tuple("object" if role == "listed" else role for role in roles)
    objects = [role == "object" for role in roles]
    if frame.agent == "either":
        return None if objects[0] == objects[1] else ends  # "with A and with B": not partners
    if objects[0] != objects[1]:
        return ends[::-1] if objects[0] else ends
    if set(roles) == {"agent", "holder"} and frame.agent == "object":
        return ends if roles[0] == "holder" else ends[::-1]
    return None
