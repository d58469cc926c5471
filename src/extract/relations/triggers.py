"""Triggers and role phrases in a stretch of a sentence, and the words that may stand around them.

A rule asks "which triggers stand between these two anchors?" (:func:`triggers_in`) and "do the other
words carry no relation of their own?" (:func:`pre_ok` before the trigger, :func:`post_ok` after it).
The per-lexicon index that makes the first question cheap (:class:`LexiconIndex`) lives here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from extract.languages.lexicon import every_language
from extract.languages.registry import languages
from extract.relations.lexicon import RelationLexicon, Trigger, load_lexicon
from extract.relations.view import (
    CLAUSE_BREAKS,
    GAP_PUNCT,
    Match,
    SentenceView,
    doc_forms,
    forms,
    in_anchor,
    is_role_word,
    match_phrase,
)

#: The tags of a description's words, and of its nouns.
DESCRIPTOR_TAGS = ("NOUN", "PROPN", "ADJ", "ADP")
NOUN_TAGS = ("NOUN", "PROPN")
#: The shortest kind noun that may end a longer word and still name its kind ("planemaker").
KIND_SUFFIX = 5
#: The parts of speech of the words of a unit's name after a role ("of Sport and Development").
UNIT_WORDS = ("NOUN", "PROPN", "ADJ")


@cache
def triggers_by_first_word(triggers: tuple[Trigger, ...]) -> dict[str, tuple[tuple[int, Trigger], ...]]:
    """(lexicon order, trigger) by first word: only triggers whose first word is at a token can match."""
    index: dict[str, list[tuple[int, Trigger]]] = {}
    for number, trigger in enumerate(triggers):
        index.setdefault(trigger.words[0], []).append((number, trigger))
    return {word: tuple(pairs) for word, pairs in index.items()}


@dataclass(frozen=True, slots=True)
class LexiconIndex:
    """Sets and indexes derived from a :class:`RelationLexicon` that the rules consult at every token.

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


_INDEXES: dict[int, tuple[RelationLexicon, LexiconIndex]] = {}


def lexicon_index(lex: RelationLexicon) -> LexiconIndex:
    """The :class:`LexiconIndex` of ``lex``, keyed by identity: hashing a whole lexicon per call costs more
    than the lookups it would save (the lexicon is kept alive in the entry, so its id cannot be reused)."""
    entry = _INDEXES.get(id(lex))
    if entry is None or entry[0] is not lex:
        joint: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lex.joint_triggers:
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


def role_run(
    view: SentenceView, start: int, stop: int, *, skip: set[int] | frozenset[int] | None = None
) -> Match | None:
    """The role phrase starting at ``start`` ("Executive Director", "directeur général"), if any.

    ``skip`` are tokens the phrase cannot run over: the gap rules' skipped tokens by default; the parse
    rules pass none, since they read the tree and not the gap (a model may tag a role as a place)."""
    lex, doc = view.lexicon, view.doc
    table, role_words = doc_forms(doc), lexicon_index(lex).role_words
    skip = view.skip if skip is None else skip
    end, has_head = start, False
    while end < stop and end not in skip:
        text = table[end][0]
        parts = text.split("-")
        if not is_role_word(text, role_words):
            break  # "co-directeur", "vice-chancellor": a compound of role words is one
        has_head = has_head or any(w in lex.heads or w in lex.works_for for w in (text, parts[-1]))
        end += 1
    while end > start and (table[end - 1][0] == "-" or table[end - 1][0] in view.merged.role_trailing_words):
        end -= 1
    if not has_head or end == start or ends_board(view, end - 1):
        return None
    words = _compounds([table[i][0] for i in range(start, end)], lex)
    demoted = any(part in lex.demoting for w in words if w not in lex.heads for part in w.split("-"))
    heads = any(w in lex.heads or w.rsplit("-", 1)[-1] in lex.heads for w in words)  # "co-directrice"
    one_of = any(w in lex.seats for w in words) and _one_of_several(view, start)
    predicate = "heads" if heads and not demoted and not one_of and not _of_a_unit(view, end) else "works_for"
    role = doc[start:end].text
    return Match(start, end, predicate, "role", role)


def _compounds(words: list[str], lex: RelationLexicon) -> list[str]:
    """The role's words, with a demoting word joined to the next where the lexicon's heads write the two
    as one compound: "Vice Chancellor" is the "vice-chancellor" who heads a university, not a demoted
    chancellor ("secretary general" stays two words)."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in lex.demoting and f"{joined[-1]}-{word}" in lex.heads:
            joined[-1] = f"{joined[-1]}-{word}"
        else:
            joined.append(word)
    return joined


def _one_of_several(view: SentenceView, start: int) -> bool:
    """Whether an indefinite article opens the role at ``start``, before it or before the organisation
    that owns it ("a director of Y", "a PartnerRe director"): for a role that is also a seat (``seats``
    of the lexicon), one seat of several, not the head of Y ("a former chief executive" still headed it)."""
    before = start - 1
    owner = next((a for a in view.anchors if a.start <= before < a.end and a.label == "ORG"), None)
    if owner is not None:
        before = owner.start - 1
    return before >= view.sent.start and doc_forms(view.doc)[before][0] in view.lexicon.indefinite_articles


def _of_a_unit(view: SentenceView, at: int) -> bool:
    """Whether the role phrase ending at ``at`` heads a field or a unit, not a whole organisation
    ("Director of Sport and Development", "directrice de la communication de X"): a complement of
    common words follows, none of them a noun that names an organisation, its board or its leadership
    ("chairman of the trustees", "chef de la direction"), and no name after them."""
    lex, table, doc = view.lexicon, doc_forms(view.doc), view.doc
    if at >= view.sent.end or table[at][0] not in lex.unit_prepositions:
        return False
    at += 1
    while at < view.sent.end and table[at][0] in lex.articles:
        at += 1
    if _possessed(view, at):
        return True  # "president of Acme's North American division": a body of Acme's, not Acme
    first = at
    while at < view.sent.end and doc[at].is_alpha and doc[at].pos_ in UNIT_WORDS and not in_anchor(view, at):
        if table[at][0] in _organisation_nouns() or any(w in lex.leadership_nouns for w in table[at]):
            return False  # "of the Board", "de la direction": the organisation's own governing body
        at += 1
    # "de la caisse régionale X" names X; "head of product Ilya Fushman" is over product all the same
    named = any(a.start <= at < a.end and a.label == "ORG" for a in view.anchors)
    return first < at < view.sent.end and not named


def _possessed(view: SentenceView, at: int) -> bool:
    """Does an organisation's name start at ``at`` and own, by its "'s", what follows: no board or
    leadership of its own ("Acme's board"), nor a name, whose head the role would be ("Acme's Beta Group")?"""
    table, merged = doc_forms(view.doc), view.merged
    name = next((a for a in view.anchors if a.start == at and a.label == "ORG"), None)
    if name is None or name.end + 1 >= view.sent.end or table[name.end][0] not in merged.possessive_markers:
        return False
    if in_anchor(view, name.end + 1):
        return False
    owned = table[name.end + 1]
    return not any(w in view.lexicon.leadership_nouns or w in _board_nouns() for w in owned)


@cache
def _board_nouns() -> frozenset[str]:
    """The first words of every language's boards ("board", "conseil"): an organisation's own body."""
    return frozenset(noun.split()[0] for noun in every_language("board_nouns"))


@cache
def _organisation_nouns() -> frozenset[str]:
    """Nouns whose complement is an organisation or its board, whatever the language."""
    generic = {word for lang in languages() for word in load_lexicon(lang).generic_heads}
    return every_language("kind_nouns") | _board_nouns() | generic


def ends_board(view: SentenceView, index: int) -> bool:
    """Whether the token at ``index`` ends the name of a board ("Board of Directors"): a body, not a role."""
    table, boards = doc_forms(view.doc), every_language("board_nouns")
    words = [table[i][0] for i in range(max(view.sent.start, index - 3), index + 1)]
    return any(" ".join(words[n:]) in boards for n in range(len(words) - 1))


def role_ending_at(view: SentenceView, end: int, *, longest: int = 6) -> Match | None:
    """The longest role phrase of at most ``longest`` words that ends right at ``end`` ("Deputy Executive
    Director" before a name, "directeur général" before "de l'AFD")."""
    for start in range(max(view.sent.start, end - longest), end):
        if in_anchor(view, start):
            continue  # a role starts after a name, not inside it: "ZeniMax Media CEO" is a CEO
        match = role_run(view, start, end)
        if match is not None and match.end == end:
            return match
    return None


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
    doc, lexicon, agents = view.doc, lexicon_index(view.lexicon), view.merged.agent_markers
    index, table = lexicon.triggers, doc_forms(doc)
    while position < stop:
        if position in view.skip:
            position += 1
            continue
        best: Match | None = None
        text, lemma = table[position]
        starting = index.get(text, ()) + (index.get(lemma, ()) if lemma != text else ())
        for _, trigger in sorted(starting, key=lambda pair: pair[0]):
            end = match_phrase(doc, position, trigger.words, stop=stop, agents=agents)
            if end is not None and (best is None or end > best.end):
                best = Match(position, end, trigger.predicate, trigger.direction)
        # a role phrase opens with a role word: skip the call (most tokens) when this one is not
        role = role_run(view, position, stop) if is_role_word(text, lexicon.role_words) else None
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
    lex, possessive = view.lexicon, view.merged.possessive_markers
    tokens = _after_age(tokens)
    apposition = (
        bool(tokens)
        and tokens[0].text == ","
        and not any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in tokens[1:])
    )
    for token in tokens:
        text, lemma = forms(token)
        if text in CLAUSE_BREAKS or text == ":" or text in lex.negations:
            return False  # "X is not a member of Y" states no relation
        if text in lex.pre_fillers or lemma in lex.pre_fillers or text in GAP_PUNCT or text in possessive:
            continue
        if text in lex.heads or text in lex.works_for:
            continue  # "X is a senior lecturer based at Y": the role says who X is, not another relation
        if token.pos_ in ("AUX", "DET", "ADV", "PART", "ADP", "NUM", "ADJ", "CCONJ", "SCONJ"):
            continue
        if apposition and (token.pos_ in ("NOUN", "PROPN", "PUNCT", "X") or token.like_num):
            continue  # "A, two of the largest centres in B": a numeral may be tagged a pronoun
        return False
    return True


def _after_age(tokens: Sequence[Token]) -> Sequence[Token]:
    """The words after a person's age written between commas ("X, 47 ans, ex-président de Y", "X, 52,
    chief executive of Y"): a number and at most two lower-case words, which carry no relation."""
    if len(tokens) < 3 or tokens[0].text != "," or not tokens[1].like_num:
        return tokens
    close = next((n for n in range(2, min(len(tokens), 5)) if tokens[n].text == ","), None)
    if close is None or not all(t.is_lower and t.is_alpha for t in tokens[2:close]):
        return tokens
    return tokens[close:]


def post_ok(view: SentenceView, tokens: Sequence[Token], *, role: bool = False) -> bool:
    """Can these words stand between a trigger and its object ("of the", "with the", "such as")? After
    a ``role``, a description of the object may end them ("director of the publisher X")."""
    lex, possessive = view.lexicon, view.merged.possessive_markers
    enumerated = enumerator_end(view, tokens)
    head = tokens if enumerated is None else tokens[: enumerated[0]]
    tail = [] if enumerated is None else tokens[enumerated[1] :]
    for token in tail:
        if not (forms(token)[0] in lex.post_fillers or token.pos_ in ("DET", "ADJ", "PUNCT")):
            return False
    described = _descriptor(head, role=role) if enumerated is None else set()
    if role and enumerated is None:
        described |= _board_words(view, head) | _unit_words(view, head)
    limit = 12 if enumerated is not None else 4 + len(described)
    if len(head) > limit or any(alongside_at(view, t.i) for t in head):
        return False  # "X is a member, alongside A: ..." lists X's fellows, not the object
    for token in head:
        text, lemma = forms(token)
        if text in CLAUSE_BREAKS:
            return False
        if text in lex.post_fillers or lemma in lex.post_fillers or text in GAP_PUNCT or text in possessive:
            continue
        if text in lex.titles or (token.is_lower and text in lex.generic_heads):
            continue
        if token.pos_ in ("DET", "ADJ", "ADP", "NUM", "ADV") or token.i in described:
            continue
        if enumerated is not None and (token.pos_ in ("NOUN", "PROPN", "CCONJ", "PUNCT") or token.is_lower):
            continue  # "9 French comprehensive cancer centres:" (a lower-case word whatever its tag)
        return False
    return True


def _board_words(view: SentenceView, tokens: Sequence[Token]) -> set[int]:
    """The words of a board's name after a role ("le président du conseil d'administration de X"): the
    role is held on the object's board, which is the object's, not another relation."""
    words: set[int] = set()
    for last in tokens:
        start = board_start(view, last.i)
        if start is not None and start >= tokens[0].i:
            words.update(range(start, last.i + 1))
    return words


#: The most words a board's name holds ("conseil d'administration de", "Board of Directors").
BOARD_WORDS = 4


def board_start(view: SentenceView, last: int) -> int | None:
    """Where the longest name of a board that ends on token ``last`` starts ("Board of Directors",
    "conseil d'administration", read on the text, elided word and all), if one does."""
    boards = every_language("board_nouns")
    for start in range(max(view.sent.start, last - BOARD_WORDS + 1), last + 1):
        if view.doc[start : last + 1].text.lower() in boards:
            return start
    return None


def _unit_words(view: SentenceView, tokens: Sequence[Token]) -> set[int]:
    """The field or unit of a role before its workplace ("head of couture and design at X", "responsable
    des achats chez X"): common words after the role's complement, then the workplace's preposition."""
    words = [forms(t)[0] for t in tokens]
    if len(words) < 3 or words[0] not in view.lexicon.unit_prepositions:
        return set()
    if words[-1] not in every_language("workplace_prepositions"):
        return set()
    inside = tokens[1:-1]
    if len(inside) > 5 or not all(t.is_lower or t.text in (",", "&") for t in inside):
        return set()
    return {t.i for t in tokens}


def _descriptor(tokens: Sequence[Token], *, role: bool) -> set[int]:
    """The nouns of a description just before the object: "of the publisher Blackwell", "de
    l'équipementier en télécommunications Alcatel-Lucent" (lower-case words after an article, the last
    of them a noun, after a role), "parent of planemaker Airbus" (the last a kind noun, after any
    trigger): they say what the object is, not another relation."""
    run: list[Token] = []
    for token in reversed(tokens):
        if not (token.is_lower and token.is_alpha and token.pos_ in DESCRIPTOR_TAGS):
            break  # a lower-case word the tagger calls a proper noun is a common one ("drugmaker")
        run.append(token)
    opened = len(tokens) > len(run) and tokens[len(tokens) - len(run) - 1].pos_ == "DET"
    last = next((t for t in run if t.pos_ in NOUN_TAGS), None)  # "du groupe français X": past adjectives
    if last is None:
        return set()
    plain = role and opened and last is run[0]  # "director of the publisher X"
    if not (plain or _kind_word(forms(last)[0])):
        return set()
    return {t.i for t in run if t.pos_ in NOUN_TAGS}


def _kind_word(word: str) -> bool:
    """A kind noun, or a word made on a long one ("planemaker", "drugmaker" on "maker")."""
    kinds = every_language("kind_nouns")
    return word in kinds or any(word.endswith(kind) for kind in kinds if len(kind) >= KIND_SUFFIX)


def alongside_at(view: SentenceView, index: int) -> bool:
    """Does ", alongside" / ", aux côtés de" start at ``index`` (after a comma, as a new group)?"""
    if index == 0 or view.doc[index - 1].text != ",":
        return False
    return any(
        match_phrase(view.doc, index, p, stop=view.sent.end, agents=view.merged.agent_markers)
        for p in view.lexicon.alongside
    )


def enumerator_end(view: SentenceView, tokens: Sequence[Token]) -> tuple[int, int] | None:
    """Position (start, end) of "such as" / "including" / ":" within ``tokens``, if any."""
    words = [forms(t) for t in tokens]
    for index in range(len(tokens)):
        for phrase in view.lexicon.enumerators:
            if all(index + k < len(words) and phrase[k] in words[index + k] for k in range(len(phrase))):
                return index, index + len(phrase)
    return None


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
