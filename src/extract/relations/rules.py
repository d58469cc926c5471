"""The rules that read relation triples off one parsed sentence, and the trigger lexicons they use.

Press releases state relations in a handful of shapes: "A is a member of B", "A, director of B",
"B, coordinated by A", "A and B launched a partnership", "partnership between A and B". The rules
look at the words *between* two entity anchors (and just around them) and accept a relation only
when a trigger from the language's lexicon stands there and every other word is one that cannot
carry another relation (auxiliaries, determiners, light verbs, prepositions, dates). This keeps the
precision of a pattern while surviving the small parsers' attachment mistakes, which are frequent
on long, list-heavy press-release sentences. The parse is used where surface order says too
little: conjoined subjects of "A and B launched a partnership".

Vocabularies live in ``data/relations/<lang>.json``, so that a new language or field is a data edit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from extract.core.errors import ExtractError
from extract.core.schema import PREDICATES
from extract.languages.registry import language_file, read_json

DIRECTIONS = ("forward", "reverse", "symmetric")
#: Words after which a passive trigger's agent marker ("by", "par") may stand a few tokens later.
AGENT_MARKERS = frozenset({"by", "par"})
AGENT_REACH = 5
MAX_GAP = 22
POSSESSIVE_MARKERS = frozenset({"'s", "'"})
#: "Institut X – Centre Y" inside a list: one member under two names.
RENAMING_DASHES = frozenset({"–", "—"})
#: Words between an apposition's closing comma and "partnership" ("have launched a new").
APPOSED_VERB_WORDS = 6
CLAUSE_BREAKS = frozenset({";", ".", "?", "!", "•", "|"})
GAP_PUNCT = frozenset({",", "–", "-", "—", "'", '"', "‘", "“", "”", "«", "»", "*", "'s"})
#: Lexicon lists of single words, read as sets.
WORD_SET_KEYS = (
    "pre_fillers",
    "post_fillers",
    "list_connectors",
    "between",
    "date_prepositions",
    "subject_pronouns",
    "possessive_pronouns",
    "generic_heads",
    "articles",
    "titles",
    "copulas",
    "marker_words",
    "accreditation_nouns",
    "receiving_verbs",
    "team_nouns",
    "supporting_verbs",
    "negations",
    "joining_verbs",
    "round_nouns",
    "funder_markers",
    "membership_nouns",
)
#: Lexicon lists of phrases (lists of words).
PHRASE_KEYS = (
    "joint_triggers",
    "enumerators",
    "alongside",
    "relative_links",
    "contact_headers",
    "accreditation_agents",
    "leader_agents",
)
#: Every key a lexicon file must have.
LIST_KEYS = ("triggers", "roles", *WORD_SET_KEYS, *PHRASE_KEYS)
ROLE_KEYS = ("heads", "works_for", "modifiers", "demoting", "prepositions")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word sequence that states a relation, and which side of it the subject stands on."""

    words: tuple[str, ...]
    predicate: str
    direction: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's trigger words and the closed word classes the rules need."""

    triggers: tuple[Trigger, ...]
    joint: tuple[tuple[str, ...], ...]
    heads: frozenset[str]
    works_for: frozenset[str]
    modifiers: frozenset[str]
    demoting: frozenset[str]
    role_prepositions: frozenset[str]
    pre_fillers: frozenset[str]
    post_fillers: frozenset[str]
    enumerators: tuple[tuple[str, ...], ...]
    list_connectors: frozenset[str]
    alongside: tuple[tuple[str, ...], ...]
    relative_links: tuple[tuple[str, ...], ...]
    between: frozenset[str]
    date_prepositions: frozenset[str]
    subject_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    generic_heads: frozenset[str]
    articles: frozenset[str]
    contact_headers: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    copulas: frozenset[str]
    marker_words: frozenset[str]
    accreditation_nouns: frozenset[str]
    receiving_verbs: frozenset[str]
    accreditation_agents: tuple[tuple[str, ...], ...]
    team_nouns: frozenset[str]
    leader_agents: tuple[tuple[str, ...], ...]
    supporting_verbs: frozenset[str]
    negations: frozenset[str]
    joining_verbs: frozenset[str]
    round_nouns: frozenset[str]
    funder_markers: frozenset[str]
    membership_nouns: frozenset[str]

    @property
    def role_words(self) -> frozenset[str]:
        """Words that may stand in a role phrase ("Deputy Executive Director")."""
        return self.heads | self.works_for | self.modifiers


def _invalid(path: str, problem: str) -> ExtractError:
    return ExtractError("data.invalid", path=path, problem=problem)


def _words_list(raw: Any, name: str, path: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise _invalid(path, f"'{name}' must be a list of non-empty strings")
    return [w.lower() for w in raw]


def _phrases(raw: Any, name: str, path: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list) or not raw:
        raise _invalid(path, f"'{name}' must be a non-empty list of word lists")
    return tuple(tuple(_words_list(p, name, path)) for p in raw)


def parse_lexicon(data: Any, *, path: str) -> Lexicon:
    """Check a lexicon file's content and build the :class:`Lexicon`; errors name the file and problem."""
    if not isinstance(data, dict):
        raise _invalid(path, "top level must be an object")
    missing = [key for key in LIST_KEYS if key not in data]
    if missing:
        raise _invalid(path, f"missing keys {missing}")
    triggers = []
    for number, entry in enumerate(data["triggers"]):
        if not isinstance(entry, dict) or set(entry) != {"words", "predicate", "direction"}:
            raise _invalid(path, f"trigger {number} must have exactly 'words', 'predicate', 'direction'")
        if entry["predicate"] not in PREDICATES:
            raise _invalid(path, f"trigger {number}: unknown predicate {entry['predicate']!r}")
        if entry["direction"] not in DIRECTIONS:
            raise _invalid(path, f"trigger {number}: direction must be one of {list(DIRECTIONS)}")
        words = tuple(_words_list(entry["words"], f"triggers[{number}].words", path))
        if not words:
            raise _invalid(path, f"trigger {number} has no words")
        triggers.append(Trigger(words, entry["predicate"], entry["direction"]))
    roles = data["roles"]
    if not isinstance(roles, dict) or any(key not in roles for key in ROLE_KEYS):
        raise _invalid(path, f"'roles' must be an object with keys {list(ROLE_KEYS)}")
    role = {key: frozenset(_words_list(roles[key], f"roles.{key}", path)) for key in ROLE_KEYS}
    words = {key: frozenset(_words_list(data[key], key, path)) for key in WORD_SET_KEYS}
    return Lexicon(
        triggers=tuple(sorted(triggers, key=lambda t: -len(t.words))),
        joint=_phrases(data["joint_triggers"], "joint_triggers", path),
        heads=role["heads"],
        works_for=role["works_for"],
        modifiers=role["modifiers"],
        demoting=role["demoting"],
        role_prepositions=role["prepositions"],
        **{key: _phrases(data[key], key, path) for key in PHRASE_KEYS if key != "joint_triggers"},
        **words,
    )


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The relation lexicon of ``lang``, read and checked once per process."""
    path = language_file(lang, "relations")
    return parse_lexicon(read_json(path), path=path)


# --- the sentence as the rules see it ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """A stretch of tokens that stands for an entity: a mention, or "it"/"the Centre" read as the topic."""

    start: int  # token index in the Doc, inclusive
    end: int  # exclusive
    key: str
    label: str  # ORG | PERSON


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A DATE mention's tokens and its ISO value."""

    start: int
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class Found:
    """A relation read off a sentence, before deduplication."""

    subject: str
    predicate: str
    object: str
    role: str | None
    date: str | None


@dataclass(slots=True)
class SentenceView:
    """One sentence with its anchors, dates and lexicon; ``recent_orgs`` are ORG keys of earlier sentences."""

    sent: Span
    anchors: list[Anchor]
    dates: list[DateSpan]
    lexicon: Lexicon
    topic: str | None
    recent_orgs: Sequence[str] = ()
    skip: set[int] = field(default_factory=set)  # tokens the gap reading ignores (dates, parentheses, places)
    asides: set[int] = field(default_factory=set)  # starts of anchors inside brackets, outside any list
    triggers: dict[tuple[int, int], list[Match]] = field(default_factory=dict)  # triggers_in by (start, stop)

    @property
    def doc(self) -> Doc:
        return self.sent.doc


def forms(token: Token) -> tuple[str, str]:
    """The lower-cased text and lemma of ``token``, with typographic apostrophes made plain.

    Read from the Doc's table (:func:`doc_forms`): the rules ask for the same token's forms many times.
    """
    return doc_forms(token.doc)[token.i]


def _token_forms(token: Token) -> tuple[str, str]:
    return token.lower_.replace("’", "'"), token.lemma_.lower().replace("’", "'")


def doc_forms(doc: Doc) -> list[tuple[str, str]]:
    """:func:`forms` of every token of ``doc``, computed once per Doc (the rules read each token often)."""
    cached = doc.user_data.get("extract.forms")
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data["extract.forms"] = [_token_forms(token) for token in doc]
    return cached


def match_phrase(doc: Doc, start: int, words: Sequence[str], *, stop: int) -> int | None:
    """End index if ``words`` match the tokens from ``start`` (a final agent marker may come a bit later)."""
    position = start
    table = doc_forms(doc)
    for number, word in enumerate(words):
        last = number == len(words) - 1
        if position >= stop:
            return None
        if word in table[position]:
            position += 1
            continue
        if not (last and word in AGENT_MARKERS and number > 0):
            return None
        for ahead in range(position, min(stop, position + AGENT_REACH)):
            if word in table[ahead]:
                return ahead + 1
            if doc[ahead].pos_ == "VERB":
                return None
        return None
    return position


def skipped_tokens(view: SentenceView) -> set[int]:
    """Tokens a gap is read without: DATE mentions, places, and asides in brackets."""
    skip: set[int] = set()
    for date in view.dates:
        skip.update(range(date.start, date.end))
    for token in view.sent:
        if token.ent_type_ in ("GPE", "LOC") and not in_anchor(view, token.i):
            skip.add(token.i)
    depth, opened = 0, 0
    for token in view.sent:
        if token.text in ("(", "["):
            depth, opened = depth + 1, token.i if depth == 0 else opened
        elif token.text in (")", "]") and depth:
            depth -= 1
            if depth == 0:
                skip.update(range(opened, token.i + 1))
    view.asides = {a.start for a in view.anchors if all(i in skip for i in range(a.start, a.end))}
    # names in brackets stay skipped (a list reads past "A (B, C), D"); others are read as anchors
    named = (a for a in view.anchors if a.start not in view.asides)
    skip.difference_update(i for a in named for i in range(a.start, a.end))
    return skip


def in_anchor(view: SentenceView, index: int) -> bool:
    return any(a.start <= index < a.end for a in view.anchors)


def gap(view: SentenceView, start: int, end: int) -> list[Token]:
    """The tokens from ``start`` to ``end`` that the rules read (skipped tokens left out)."""
    return [view.doc[i] for i in range(start, end) if i not in view.skip]


def dates_in(view: SentenceView, start: int, end: int) -> str | None:
    for date in view.dates:
        if start <= date.start and date.end <= end:
            return date.value
    return None


# --- triggers and role phrases ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger or role phrase found in a gap: tokens [start, end), its predicate and direction."""

    start: int
    end: int
    predicate: str
    direction: str
    role: str | None = None


def role_run(view: SentenceView, start: int, stop: int) -> Match | None:
    """The role phrase starting at ``start`` ("Executive Director", "directeur général"), if any."""
    lex, doc = view.lexicon, view.doc
    table, role_words = doc_forms(doc), lexicon_index(lex).role_words
    end, has_head = start, False
    while end < stop and end not in view.skip:
        text = table[end][0]
        if text not in role_words:
            break
        has_head = has_head or text in lex.heads or text in lex.works_for
        end += 1
    while end > start and table[end - 1][0] in ("-", "de", "d'"):
        end -= 1
    if not has_head or end == start:
        return None
    words = [table[i][0] for i in range(start, end)]
    demoted = any(part in lex.demoting for w in words for part in w.split("-"))
    heads = any(w in lex.heads for w in words)
    predicate = "heads" if heads and not demoted else "works_for"
    role = doc[start:end].text
    return Match(start, end, predicate, "role", role)


@cache
def triggers_by_first_word(triggers: tuple[Trigger, ...]) -> dict[str, tuple[tuple[int, Trigger], ...]]:
    """(lexicon order, trigger) by first word: only triggers whose first word is at a token can match."""
    index: dict[str, list[tuple[int, Trigger]]] = {}
    for number, trigger in enumerate(triggers):
        index.setdefault(trigger.words[0], []).append((number, trigger))
    return {word: tuple(pairs) for word, pairs in index.items()}


@dataclass(frozen=True, slots=True)
class LexiconIndex:
    """Sets and indexes derived from a :class:`Lexicon` that the rules consult at every token.

    Built once per lexicon (see :func:`lexicon_index`): rebuilding them per call (a set union, a hash of
    the whole trigger tuple, a scan of every trigger) was most of the relation rules' own cost.
    """

    role_words: frozenset[str]
    triggers: dict[str, tuple[tuple[int, Trigger], ...]]
    partner_words: frozenset[str]  # one-word partner_of triggers ("partnership", "partenariat")
    joint_by_first: dict[str, tuple[tuple[str, ...], ...]]  # joint phrases by first word, lexicon order

    def joint_at(self, text: str, lemma: str) -> tuple[tuple[str, ...], ...]:
        """The joint phrases that may match at a token of these forms: only those whose first word is
        its text or lemma (any other fails on its first word in :func:`match_phrase`); an empty phrase,
        which matches anywhere, is filed under ``""``."""
        found = self.joint_by_first.get(text, ()) + self.joint_by_first.get("", ())
        return found + self.joint_by_first.get(lemma, ()) if lemma != text else found


_INDEXES: dict[int, tuple[Lexicon, LexiconIndex]] = {}


def lexicon_index(lex: Lexicon) -> LexiconIndex:
    """The :class:`LexiconIndex` of ``lex``, keyed by identity: hashing a whole Lexicon per call costs more
    than the lookups it would save (the lexicon is kept alive in the entry, so its id cannot be reused)."""
    entry = _INDEXES.get(id(lex))
    if entry is None or entry[0] is not lex:
        joint: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lex.joint:
            joint.setdefault(phrase[0] if phrase else "", []).append(phrase)
        index = LexiconIndex(
            role_words=lex.role_words,
            triggers=triggers_by_first_word(lex.triggers),
            partner_words=frozenset(
                t.words[0] for t in lex.triggers if t.predicate == "partner_of" and len(t.words) == 1
            ),
            joint_by_first={word: tuple(phrases) for word, phrases in joint.items()},
        )
        entry = _INDEXES[id(lex)] = (lex, index)
    return entry[1]


def triggers_in(view: SentenceView, start: int, stop: int) -> list[Match]:
    """Every trigger or role phrase between ``start`` and ``stop``, longest match at each position.

    Kept per sentence: the rules ask for the same stretch several times (half of the calls), and the
    sentence's tokens, skips and lexicon do not change while they read it.
    """
    found = view.triggers.get((start, stop))
    if found is None:
        found = view.triggers[(start, stop)] = _triggers_in(view, start, stop)
    return list(found)


def _triggers_in(view: SentenceView, start: int, stop: int) -> list[Match]:
    found, position = [], start
    doc, lexicon = view.doc, lexicon_index(view.lexicon)
    index, table = lexicon.triggers, doc_forms(doc)
    while position < stop:
        if position in view.skip:
            position += 1
            continue
        best: Match | None = None
        text, lemma = table[position]
        starting = index.get(text, ()) + (index.get(lemma, ()) if lemma != text else ())
        for _, trigger in sorted(starting, key=lambda pair: pair[0]):
            end = match_phrase(doc, position, trigger.words, stop=stop)
            if end is not None and (best is None or end > best.end):
                best = Match(position, end, trigger.predicate, trigger.direction)
        # a role phrase opens with a role word: skip the call (most tokens) when this one is not
        role = role_run(view, position, stop) if text in lexicon.role_words else None
        if role is not None and (best is None or role.end > best.end):
            best = role
        if best is None:
            position += 1
            continue
        found.append(best)
        position = best.end
    return found


def pre_ok(view: SentenceView, tokens: Sequence[Token]) -> bool:
    """Can these words stand between a subject and its trigger without carrying a relation of their own?"""
    lex = view.lexicon
    apposition = (
        bool(tokens)
        and tokens[0].text == ","
        and not any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in tokens[1:])
    )
    for token in tokens:
        text, lemma = forms(token)
        if text in CLAUSE_BREAKS or text == ":" or text in lex.negations:
            return False  # "X is not a member of Y" states no relation
        if text in lex.pre_fillers or lemma in lex.pre_fillers or text in GAP_PUNCT:
            continue
        if text in lex.heads or text in lex.works_for:
            continue  # "X is a senior lecturer based at Y": the role says who X is, not another relation
        if token.pos_ in ("AUX", "DET", "ADV", "PART", "ADP", "NUM", "ADJ", "CCONJ", "SCONJ"):
            continue
        if apposition and (token.pos_ in ("NOUN", "PROPN", "PUNCT", "X") or token.like_num):
            continue  # "A, two of the largest centres in B": a numeral may be tagged a pronoun
        return False
    return True


def post_ok(view: SentenceView, tokens: Sequence[Token]) -> bool:
    """Can these words stand between a trigger and its object ("of the", "with the", "such as")?"""
    lex = view.lexicon
    enumerated = enumerator_end(view, tokens)
    head = tokens if enumerated is None else tokens[: enumerated[0]]
    tail = [] if enumerated is None else tokens[enumerated[1] :]
    for token in tail:
        if not (forms(token)[0] in lex.post_fillers or token.pos_ in ("DET", "ADJ", "PUNCT")):
            return False
    limit = 12 if enumerated is not None else 4
    if len(head) > limit or any(alongside_at(view, t.i) for t in head):
        return False  # "X is a member, alongside A: ..." lists X's fellows, not the object
    for token in head:
        text, lemma = forms(token)
        if text in CLAUSE_BREAKS:
            return False
        if text in lex.post_fillers or lemma in lex.post_fillers or text in GAP_PUNCT:
            continue
        if text in lex.titles or (token.is_lower and text in lex.generic_heads):
            continue
        if token.pos_ in ("DET", "ADJ", "ADP", "NUM", "ADV"):
            continue
        if enumerated is not None and (token.pos_ in ("NOUN", "PROPN", "CCONJ", "PUNCT") or token.is_lower):
            continue  # "9 French comprehensive cancer centres:" (a lower-case word whatever its tag)
        return False
    return True


def alongside_at(view: SentenceView, index: int) -> bool:
    """Does ", alongside" / ", aux côtés de" start at ``index`` (after a comma, as a new group)?"""
    if index == 0 or view.doc[index - 1].text != ",":
        return False
    return any(match_phrase(view.doc, index, p, stop=view.sent.end) for p in view.lexicon.alongside)


def enumerator_end(view: SentenceView, tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Position (start, end) of "such as" / "including" / ":" within ``tokens``, if any."""
    words = [forms(t) for t in tokens]
    for index in range(len(tokens)):
        for phrase in view.lexicon.enumerators:
            if all(index + k < len(words) and phrase[k] in words[index + k] for k in range(len(phrase))):
                return index, index + len(phrase)
    return None


# --- groups: lists of entities that share a slot ---------------------------------------------


def _connects(view: SentenceView, tokens: Sequence[Token]) -> bool:
    lex = view.lexicon
    if any(forms(t)[0] in CLAUSE_BREAKS or t.text == ":" or alongside_at(view, t.i) for t in tokens):
        return False
    nouns = [
        t
        for t in tokens
        if forms(t)[0] not in lex.list_connectors and not (t.pos_ == "ADP" and t.i + 1 in view.skip)
    ]
    joined = any(forms(t)[0] in (",", "and", "et", "/", "&") for t in tokens)
    plain = all(
        t.pos_ == "NOUN"
        and t.is_lower
        and forms(t)[0] not in lex.role_words
        and not triggers_in(view, t.i, t.i + 1)
        for t in nouns
    )
    return plain and (not nouns or joined) and len(nouns) <= 3


def group_after(view: SentenceView, anchor: Anchor) -> list[Anchor]:
    """``anchor`` and the anchors that follow it in the same list ("A, B and C"); in "A – B", B is
    another name of A (or its unit) and is passed over."""
    group, end = [anchor], anchor.end
    for nxt in view.anchors:
        if nxt.start < end or nxt.start in view.asides:
            continue
        tokens = gap(view, end, nxt.start)
        if nxt.label != anchor.label:
            break
        if _renames(tokens):
            end = nxt.end
        elif _connects(view, tokens):
            group.append(nxt)
            end = nxt.end
        else:
            break
    return group


def group_before(view: SentenceView, anchor: Anchor) -> list[Anchor]:
    """``anchor`` and the anchors that precede it in the same list (see :func:`group_after`); the last
    two items must be joined by a conjunction."""
    group, start = [anchor], anchor.start
    for prev in reversed(view.anchors):
        if prev.end > start or prev.start in view.asides:
            continue
        tokens = gap(view, prev.end, start)
        if prev.label != anchor.label:
            break
        if _renames(tokens):
            group[0] = prev  # "A – B" before the trigger: A is the name the list gives
            start = prev.start
        elif _connects(view, tokens) and (len(group) > 1 or _conjoined(tokens)):
            group.insert(0, prev)
            start = prev.start
        else:
            break
    return group


def _conjoined(tokens: Sequence[Token]) -> bool:
    """A list before its verb ends in "and" / "et" / "&" ("A, B and C signed"); a bare comma before the
    subject closes an opening phrase instead ("Pursuant to the law on Health, the CLB has signed")."""
    return any(t.pos_ == "CCONJ" or t.text in ("&", "/") for t in tokens)


def _renames(tokens: Sequence[Token]) -> bool:
    return len(tokens) == 1 and tokens[0].text in RENAMING_DASHES


# --- the rules -----------------------------------------------------------------------------------


def retarget(predicate: str, subject_label: str) -> str | None:
    """The predicate a trigger gives for this kind of subject (a person "coordinating" a network heads it)."""
    if subject_label == "PERSON":
        return {
            "heads": "heads",
            "works_for": "works_for",
            "coordinates": "heads",
            "member_of": "works_for",
            "founded": "founded",
        }.get(predicate)
    return {"heads": "coordinates", "works_for": None}.get(predicate, predicate)


def _emit(
    view: SentenceView, subjects: Sequence[Anchor], objects: Sequence[Anchor], match: Match, date: str | None
) -> Iterator[Found]:
    for subject in subjects:
        for obj in objects:
            if obj.label != "ORG" or subject.key == obj.key:
                continue
            predicate = retarget(match.predicate, subject.label)
            role = match.role if predicate in ("heads", "works_for") else None
            if predicate is None and _partner_noun(view, subject, match):
                predicate, role = "works_for", view.doc[match.start : match.end].text
            if predicate is None:
                continue
            yield Found(subject.key, predicate, obj.key, role, date)


def _partner_noun(view: SentenceView, subject: Anchor, match: Match) -> bool:
    """ "Laura Chen, Partner at Northgate": a person who is a partner holds a position in the firm."""
    return (
        subject.label == "PERSON"
        and match.predicate == "partner_of"
        and match.end - match.start == 1
        and view.doc[match.start].pos_ in ("NOUN", "PROPN")
    )


def _tied_date(view: SentenceView, first: Anchor, last: Anchor, match: Match) -> str | None:
    """The DATE the sentence ties to a relation: inside it, right after it, or leading the sentence."""
    inside = dates_in(view, min(first.start, match.start), max(last.end, match.end))
    if inside:
        return inside
    lex, doc = view.lexicon, view.doc
    after = [i for i in range(last.end, view.sent.end) if not _in_paren_skip(view, i)]
    position = 0
    while position < len(after) and forms(doc[after[position]])[0] in (",",):
        position += 1
    if position < len(after) and forms(doc[after[position]])[0] in lex.date_prepositions:
        while position < len(after) and forms(doc[after[position]])[0] in lex.date_prepositions:
            position += 1
        if position < len(after):
            for date in view.dates:
                if date.start == after[position]:
                    return date.value
    for date in view.dates:
        if date.end <= first.start:
            lead = [t for t in view.doc[view.sent.start : first.start] if not date.start <= t.i < date.end]
            if all(t.pos_ in ("ADP", "ADV", "PUNCT", "CCONJ", "DET", "SCONJ") for t in lead):
                return date.value
    return None


def _in_paren_skip(view: SentenceView, index: int) -> bool:
    return index in view.skip and not any(d.start <= index < d.end for d in view.dates)


def link(view: SentenceView, before: Anchor, after: Anchor) -> Iterator[Found]:
    """Relations stated by the words between two neighbouring anchors ("A is a member of B")."""
    tokens = gap(view, before.end, after.start)
    if len(tokens) > MAX_GAP:
        return
    matches = triggers_in(view, before.end, after.start)
    if matches and after.label == "PERSON" and _title_only(view, matches[-1], after):
        matches.pop()  # "the Centre's director, Professor X": "Professor" is X's title, not the role
    if not matches:
        yield from _relative_role(view, before, after)
        return
    match = matches[-1]
    pre = [t for t in tokens if t.i < match.start]
    post = [t for t in tokens if t.i >= match.end]
    named = match.direction == "role" and after.label == "PERSON" and _bare_apposition(view, post)
    if (
        not pre_ok(view, pre)
        or not (post_ok(view, post) or named)
        or (elided_subject([*pre, view.doc[match.start]]) and not _passive(view, match))
    ):
        return
    if match.direction == "reverse" and owned_team(view, before):
        return  # "the team of X, led by Y": Y leads the team, not X (see relation_intermediaries)
    yield from _link_with(view, before, after, match, post)


def _passive(view: SentenceView, match: Match) -> bool:
    """ "coordinated by A and funded by B": a passive trigger; the thing coordinated and funded is A's
    project, so A's funding is read even after "and" (see :func:`extract.relations.intermediaries`)."""
    return forms(view.doc[match.end - 1])[0] in AGENT_MARKERS


def _title_only(view: SentenceView, match: Match, person: Anchor) -> bool:
    """Is ``match`` a title word standing right before a person's name ("Professor Jane Doe")?"""
    words = [forms(t)[0] for t in view.doc[match.start : match.end]]
    titles = view.lexicon.titles
    return match.direction == "role" and match.end == person.start and all(w in titles for w in words)


def elided_subject(tokens: Sequence[Token]) -> bool:
    """ "X works with A, and is a member of B": a conjunction then a verb opens a second predicate whose
    subject is the clause's (see :func:`extract.relations.lists.shared_subject`), not the anchor before it."""
    for number, token in enumerate(tokens):
        if token.pos_ != "CCONJ":
            continue
        rest = [t for t in tokens[number + 1 :] if t.pos_ != "ADV"]
        if rest and rest[0].pos_ in ("AUX", "VERB"):
            return True
    return False


def owned_team(view: SentenceView, anchor: Anchor) -> bool:
    """Does ``anchor`` name a team's owner, "the team of X" / "l'équipe de l'Institut X"?"""
    lex = view.lexicon
    before = [t for t in gap(view, view.sent.start, anchor.start)][-3:]
    while before and (forms(before[-1])[0] in lex.articles or before[-1].pos_ == "DET"):
        before.pop()
    if len(before) < 2 or forms(before[-1])[0] not in lex.role_prepositions:
        return False
    return any(w in lex.team_nouns for w in forms(before[-2]))


def _link_with(
    view: SentenceView, before: Anchor, after: Anchor, match: Match, post: Sequence[Token]
) -> Iterator[Found]:
    lex = view.lexicon
    if match.direction == "role":
        has_prep = any(forms(t)[0] in lex.role_prepositions for t in post)
        if before.label == "PERSON" and after.label == "ORG" and (has_prep or not post):
            subjects, objects = [before], group_after(view, after)
        elif before.label == "ORG" and after.label == "PERSON" and _bare_apposition(view, post):
            subjects, objects = [after], [before]
        elif before.label == after.label == "ORG" and has_prep and _appositive(view, before, match):
            subjects, objects = group_before(view, before), group_after(view, after)
        else:
            return
    elif match.direction == "reverse":
        subjects, objects = group_after(view, after), [before]
    elif match.predicate == "founded" and before.label == "ORG" and after.label == "PERSON":
        if not _bare_apposition(view, post) or gap(view, before.end, match.start):
            return
        subjects, objects = [after], [before]  # "Tillwise founder Grace Wanjiru"
    else:
        subjects, objects = group_before(view, before), group_after(view, after)
    first = min(subjects + objects, key=lambda a: a.start)
    last = max(subjects + objects, key=lambda a: a.end)
    date = _tied_date(view, first, last, match)
    yield from _emit(view, subjects, objects, match, date)
    if match.direction != "reverse":
        yield from _alongside(view, objects, last, match)
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
        and all(w in view.lexicon.articles or w in ("a", "an", "un", "une") for w in words[1:])
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
    if not tokens or forms(tokens[0])[0] not in (",", "and", "et"):
        return
    matches = triggers_in(view, tokens[0].i + 1, nxt.start)
    if len(matches) != 1 or matches[0].direction != "role":
        return
    post = [t for t in tokens if t.i >= matches[0].end]
    pre = [t for t in tokens[1:] if t.i < matches[0].start]
    if pre_ok(view, pre) and post_ok(view, post):
        yield from _emit(view, subjects, [nxt], matches[0], None)


def _alongside(view: SentenceView, objects: Sequence[Anchor], last: Anchor, match: Match) -> Iterator[Found]:
    """ "A is a member of B, alongside C and D": C and D share A's relation to B."""
    if match.predicate not in ("member_of", "partner_of"):
        return
    lex, doc = view.lexicon, view.doc
    for start in range(last.end, view.sent.end):
        for phrase in lex.alongside:
            end = match_phrase(doc, start, phrase, stop=view.sent.end)
            if end is None or (start > last.end and forms(doc[start - 1])[0] != ","):
                continue
            nxt = next((a for a in view.anchors if a.start >= end), None)
            if nxt is None:
                return
            between = gap(view, end, nxt.start)
            if between and not post_ok(view, between):
                return
            for member in group_after(view, nxt):
                for obj in objects:
                    if member.key != obj.key and member.label == "ORG":
                        yield Found(member.key, match.predicate, obj.key, None, None)
            return


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
        yield from _emit(view, [person], [org], matches[0], None)


def leading(view: SentenceView) -> Iterator[Found]:
    """A sentence that opens with its trigger: "Head of X" in a list of the topic's titles,
    "Launched by X, Y ..." (Y is the patient), "partnership between A and B"."""
    if not view.anchors:
        return
    first = view.anchors[0]
    matches = triggers_in(view, view.sent.start, first.start)
    if not matches:
        return
    match = matches[-1]
    pre = gap(view, view.sent.start, match.start)
    post = gap(view, match.end, first.start)
    if any(t.pos_ not in ("PUNCT", "DET", "NUM", "SYM", "X", "SPACE", "ADV") for t in pre):
        enumerated = enumerator_end(view, post) is not None
        if match.predicate == "partner_of" and enumerated and view.topic and post_ok(view, post):
            # "our partners include X, Y": partners listed with no partner named before
            subject = Anchor(view.sent.start, view.sent.start, view.topic, "ORG")
            yield from _emit(view, [subject], group_after(view, first), match, None)
        return
    if not post_ok(view, post):
        return
    agent = match.direction in ("reverse", "forward") and any(
        w in AGENT_MARKERS for w in (forms(view.doc[match.end - 1]))
    )
    # "Founded by A and B, X ...": the agents may be a list ending in "and"; "Launched by A, X": A alone
    group = group_after(view, first)
    listed = len(group) > 1 and _conjoined(gap(view, group[-2].end, group[-1].start))
    last = group[-1] if listed else first
    nxt = next((a for a in view.anchors if a.start >= last.end), None)
    if agent and nxt is not None and [forms(t)[0] for t in gap(view, last.end, nxt.start)] == [","]:
        yield from _link_with(view, nxt, first, match, post)
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
        subject = Anchor(view.sent.start, view.sent.start, topic, "ORG")
        yield from _emit(view, [subject], group_after(view, first), match, None)


def between(view: SentenceView) -> Iterator[Found]:
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


def _listed(view: SentenceView, tokens: Sequence[Token]) -> bool:
    """Names that are not entities (a region, a city) may open the list of parties after "between"."""
    return all(
        t.pos_ in ("DET", "PROPN", "ADJ") or t.text in (",", "-") or forms(t)[0] in view.lexicon.post_fillers
        for t in tokens
    )


def joint(view: SentenceView) -> Iterator[Found]:
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
        joint_word = any(match_phrase(doc, token.i, phrase, stop=view.sent.end) for phrase in phrases)
        if not (partner_noun or joint_word):
            continue
        subjects = (
            _surface_subjects(view, token.i)
            or _apposed_subjects(view, token.i)
            or _parsed_subjects(view, token)
        )
        orgs = [a for a in subjects if a.label == "ORG"]
        date = (
            _tied_date(view, orgs[0], orgs[-1], Match(token.i, token.i + 1, "partner_of", "symmetric"))
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
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    if not subjects:
        return []
    heads = {subjects[0].i} | {c.i for c in subjects[0].conjuncts}
    found = [a for a in view.anchors if any(a.start <= i < a.end for i in heads)]
    if len(found) == 1:
        found = group_after(view, found[0])
    return found if len(found) > 1 else []


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
        yield from _emit(view, [anchor], [obj], match, date)
        yield from _alongside(view, [obj], obj, match)


def titled_person(view: SentenceView) -> Iterator[Found]:
    """ "coordinated by Deputy Executive Director Sophie Beaupère": a role title before a name is a role in
    the one organisation the sentence names or, when it names none, in the topic organisation."""
    orgs = {a.key for a in view.anchors if a.label == "ORG"} or ({view.topic} if view.topic else set())
    if len(orgs) != 1:
        return
    (org,) = orgs
    lex, doc = view.lexicon, view.doc
    for person in (a for a in view.anchors if a.label == "PERSON"):
        end = person.start
        while end > view.sent.start and forms(doc[end - 1])[0] in lex.titles:
            end -= 1
        for start in range(max(view.sent.start, end - 6), end):
            match = role_run(view, start, end)
            if match is not None and match.end == end:
                employer = Anchor(person.start, person.start, org, "ORG")
                yield from _emit(view, [person], [employer], match, None)
                break


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


def possessive_role(view: SentenceView) -> Iterator[Found]:
    """ "Dr Tobias Lindqvist, the Institute's Scientific Director": a role owned by an organisation
    ("X's", "de X" is read by :func:`link`) in an apposition after the person who holds it."""
    for number, org in enumerate(view.anchors[1:], start=1):
        person = view.anchors[number - 1]
        if org.label != "ORG" or person.label != "PERSON":
            continue
        if [t.text for t in gap(view, person.end, org.start)] != [","]:
            continue
        if org.end >= view.sent.end or forms(view.doc[org.end])[0] not in POSSESSIVE_MARKERS:
            continue
        match = role_run(view, org.end + 1, view.sent.end)
        closing = view.doc[match.end] if match is not None and match.end < view.sent.end else None
        if match is not None and (closing is None or closing.is_punct):
            yield from _emit(view, [person], [org], match, None)


def unnamed_party(view: SentenceView) -> Iterator[Found]:
    """ "A partnership agreement was signed on 5 May with X" / "Une convention de partenariat a été signée
    avec X": a partnership whose other party goes unnamed is the topic organisation's."""
    if view.topic is None or not view.anchors or view.anchors[0].label != "ORG":
        return
    first = view.anchors[0]
    tokens = gap(view, view.sent.start, first.start)
    matches = [m for m in triggers_in(view, view.sent.start, first.start) if m.predicate == "partner_of"]
    if not matches or not tokens or forms(tokens[-1])[0] not in ("with", "avec"):
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
