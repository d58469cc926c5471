"""Relations stated by a frame on the dependency path between two entities: a verb or a noun of
``data/<lang>/frames.json`` ("partner", "fund", "member", "found", "coordinate", "accredit").

Which entity is the relation's subject is read from the syntax (the active subject, the passive agent, the
preposition that attaches the entity to a noun), not from the word order. :mod:`extract.relations.paths`
finds the path and reads a person's roles on it first; what it does not read as a role is read here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from extract.core.schema import POST_PREDICATES
from extract.relations.frame_lexicon import Frame, FrameLexicon
from extract.relations.lexicon import merged_words
from extract.relations.tree import PASSIVE_DEPS, SUBJECT_DEPS, clause_date, is_verb
from extract.relations.view import Anchor, Found, SentenceView, doc_forms

#: Dependencies that open a clause of its own: a path through one joins two statements, not two entities.
CLAUSE_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "acl:relcl", "parataxis", "csubj", "xcomp", "conj:verb", "mark", "punct"}
)

#: How a verb's direct object hangs from it (spaCy's English and French labels).
OBJECT_DEPS = frozenset({"dobj", "obj"})

#: Predicates a frame may state between a person and an organisation, and what they become.
PERSON_FRAMES = {
    "founded": "founded",
    "coordinates": "heads",
    "member_of": "works_for",
    "works_for": "works_for",
}

#: The two entities of a relation, in the order the path reached them.
Ends = tuple[Anchor, Anchor]


def frame_relations(
    view: SentenceView, first: Anchor, second: Anchor, path: Sequence[Token], lexicon: FrameLexicon
) -> Iterator[Found]:
    """A relation stated by a verb or noun on the path, its direction read from the syntax."""
    forms = doc_forms(view.doc)
    for position in range(1, len(path) - 1):
        token = path[position]
        frames = lexicon.frames_of(forms[token.i]) or _object_frames(token, lexicon, forms)
        if not frames or not _frame_path(path, position, view.lexicon.team_nouns):
            continue
        if any(forms[child.i][0] in lexicon.parent_modifiers for child in token.children):
            continue  # "the parent company of Y": its holder owns Y, it is no member of Y
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
    if not is_verb(verb):
        return ()
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            found = lexicon.frames_of(forms[child.i])
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
            light = token.i == _governor(trigger).i and is_verb(token) and not is_verb(trigger)
            team = token.head.i == trigger.i and is_verb(trigger) and token.lower_ in teams
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
    """What the entity on ``side`` is to the trigger: "agent", "patient" or "object" (a noun's object), or
    a "coordinate" the parse joins to the trigger itself, which no frame relates."""
    if side.head.i != trigger.i:
        # the trigger hangs from this side ("X, a member of Y": the trigger is X's apposition); a verb in
        # a relative clause has this side for subject ("X, qui dépend de Y"), a participle for object
        # ("X, a company controlled by Y")
        if is_verb(trigger) and any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" for c in trigger.children):
            return "agent"
        if is_verb(trigger) and trigger.dep_ == "acl" and "Part" in trigger.morph.get("VerbForm"):
            return "patient"
        return "holder"
    dep = side.dep_
    if dep == "conj" and side.pos_ in ("NOUN", "PROPN") and not is_verb(trigger):
        return "coordinate"  # "grants from A, as well as B": B is listed beside the noun, not its argument
    if trigger.pos_ in ("VERB", "AUX"):
        if dep in SUBJECT_DEPS:
            return "agent"
        if dep in PASSIVE_DEPS:
            return "patient"
        marker = _marker(side, trigger)
        if marker in frame.object_marks and frame.agent in ("object", "holder"):
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
    if "coordinate" in roles:
        return None
    pair = _verb_pair(frame, (a, b), roles) if is_verb(trigger) else _noun_pair(frame, (a, b), roles)
    if pair is None:
        return None
    subject, obj = pair
    predicate = frame.predicate
    if "PERSON" in (subject.label, obj.label):
        if obj.label != "ORG" or predicate not in PERSON_FRAMES:
            return None  # a person partners no one and is no member; they head or work for
        predicate = PERSON_FRAMES[predicate]
    elif predicate in POST_PREDICATES:  # only a person holds a post: nothing between two organisations
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
        holder, obj = ends[::-1] if objects[0] else ends
        return (obj, holder) if frame.agent == "holder" else (holder, obj)  # "mécène de Y": Y is funded
    if set(roles) == {"agent", "holder"} and frame.agent == "object":
        return ends if roles[0] == "holder" else ends[::-1]
    if set(roles) == {"agent", "holder"} and frame.agent == "holder":
        return ends if roles[0] == "agent" else ends[::-1]  # "Acme's sponsor, Beta": Acme is funded
    return None
