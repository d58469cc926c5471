"""The relation lexicon of a language: the words of ``data/<lang>/relations.json``, checked and loaded.

The relation rules read no word of a language from code: every trigger, role word and closed word
class they need is a key of the language's ``relations.json``. This module holds the lexicon's
dataclasses, the checks a file must pass (an error names the file and the key at fault) and the
once-per-process loading, so that the rules import words without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from extract.core.errors import ExtractError
from extract.core.schema import PREDICATES
from extract.languages.registry import language_file, languages, read_json

DIRECTIONS = ("forward", "reverse", "symmetric")


@dataclass(frozen=True, slots=True)
class MergedWords:
    """Small word classes the rules read in every sentence whatever its language: each is the union of
    that key over every supported language (:func:`merged_words`), so that, as the rules always have,
    an English passive may end in "par" and a French list be cut at "and"."""

    agent_markers: frozenset[str]  # a passive trigger's agent ("by", "par"), which may stand a few words on
    possessive_markers: frozenset[str]  # "the Institute's director"
    and_words: frozenset[str]  # join the last two items of a list
    or_words: frozenset[str]  # cut a list into items, like "and" and ","
    of_words: frozenset[str]  # "the accreditation of X", "the membership of A, B"
    plural_of_words: frozenset[str]  # "des": inside "l'adhésion de A et des B", never opening it
    partner_prepositions: frozenset[str]  # "a partnership was signed with X"
    indefinite_articles: frozenset[str]  # "the CLB, a coordinator of X"
    funding_trigger_ends: frozenset[str]  # a funding trigger whose funder follows ("supported by")
    role_trailing_words: frozenset[str]  # never end a role phrase ("directeur de" is "directeur")
    acronym_articles: frozenset[str]  # "Organisation of European Cancer Institutes (the OECI)"
    board_nouns: frozenset[str]  # "HP's Board of Directors", "Conseil d'administration de X": part of X
    owned_suffixes: frozenset[str]  # "Comcast-owned Universal": Universal is a member of Comcast
    backed_suffixes: frozenset[str]  # "SoftBank-backed Acme": Acme is funded by SoftBank
    part_nouns: frozenset[str]  # "Gucci Group, PPR's luxury subsidiary": Gucci Group is a member of PPR


#: Lexicon lists of single words merged over every language (:class:`MergedWords`); each may be empty.
MERGED_KEYS = tuple(f.name for f in fields(MergedWords))
#: Lexicon lists of single words, read as sets.
WORD_SET_KEYS = (
    "catenative_verbs",
    "pre_fillers",
    "post_fillers",
    "list_connectors",
    "between",
    "date_prepositions",
    "subject_pronouns",
    "possessive_pronouns",
    "generic_heads",
    "articles",
    "contracted_articles",
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
    "round_followers",
    "round_verbs",
    "funder_markers",
    "membership_nouns",
    "roster_words",
    "role_openers",
    "study_words",
    "novelty_words",
    *MERGED_KEYS,
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
#: Every key a lexicon file must have, and the only ones it may have (besides comments: "_comment").
LIST_KEYS = ("triggers", "roles", *WORD_SET_KEYS, *PHRASE_KEYS)
#: The keys of its "roles" object.
ROLE_KEYS = (
    "heads",
    "works_for",
    "modifiers",
    "demoting",
    "prepositions",
    "unit_prepositions",
    "leadership_nouns",
    "seats",
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word sequence that states a relation, and which side of it the subject stands on."""

    words: tuple[str, ...]
    predicate: str
    direction: str


@dataclass(frozen=True, slots=True)
class RelationLexicon:
    """One language's trigger words and the closed word classes the rules need."""

    triggers: tuple[Trigger, ...]
    joint_triggers: tuple[tuple[str, ...], ...]
    heads: frozenset[str]
    works_for: frozenset[str]
    modifiers: frozenset[str]
    demoting: frozenset[str]
    role_prepositions: frozenset[str]
    unit_prepositions: frozenset[str]
    leadership_nouns: frozenset[str]
    seats: frozenset[str]  # heading roles that are also one seat of several ("a director of Y")
    catenative_verbs: frozenset[str]  # "vient de signer", "va devenir": the verb after them says what happens
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
    contracted_articles: frozenset[str]  # a preposition and an article in one word ("du club"): "of the"
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
    round_followers: frozenset[str]  # a sentence of investors, no company named ("l'opération")
    round_verbs: frozenset[str]  # that join its round word and its investors ("menée par", "participé")
    funder_markers: frozenset[str]
    membership_nouns: frozenset[str]
    roster_words: frozenset[str]  # before a colon, announce a list of officers ("elected:", "le bureau :")
    role_openers: frozenset[str]  # between a role verb and the role it names ("named as its new CEO")
    study_words: frozenset[str]  # before a school one studied at ("a graduate of", "diplômée de"): no post
    novelty_words: frozenset[str]  # before a role announced without its holder ("a new chief executive")
    agent_markers: frozenset[str]
    possessive_markers: frozenset[str]
    and_words: frozenset[str]
    or_words: frozenset[str]
    of_words: frozenset[str]
    plural_of_words: frozenset[str]
    partner_prepositions: frozenset[str]
    indefinite_articles: frozenset[str]
    funding_trigger_ends: frozenset[str]
    role_trailing_words: frozenset[str]
    acronym_articles: frozenset[str]
    board_nouns: frozenset[str]
    owned_suffixes: frozenset[str]
    backed_suffixes: frozenset[str]
    part_nouns: frozenset[str]

    @property
    def role_words(self) -> frozenset[str]:
        """Words that may stand in a role phrase ("Deputy Executive Director")."""
        return self.heads | self.works_for | self.modifiers


def invalid(path: str, problem: str) -> ExtractError:
    """The error for a relation data file (relations.json, frames.json) that is not as it should be."""
    return ExtractError("data.invalid", path=path, problem=problem)


def word_list(raw: Any, name: str, path: str) -> list[str]:
    """The lower-cased words of key ``name``, checked to be a list of non-empty strings."""
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise invalid(path, f"'{name}' must be a list of non-empty strings")
    return [w.lower() for w in raw]


def _phrases(raw: Any, name: str, path: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list) or not raw:
        raise invalid(path, f"'{name}' must be a non-empty list of word lists")
    return tuple(tuple(word_list(p, name, path)) for p in raw)


def parse_lexicon(data: Any, *, path: str) -> RelationLexicon:
    """Check a lexicon file's content and build its :class:`RelationLexicon`; errors name file and key."""
    if not isinstance(data, dict):
        raise invalid(path, "top level must be an object")
    missing = [key for key in LIST_KEYS if key not in data]
    if missing:
        raise invalid(path, f"missing keys {missing}")
    unknown = [key for key in data if key not in LIST_KEYS and not key.startswith("_")]
    if unknown:
        raise invalid(path, f"unknown keys {unknown}")
    triggers = []
    for number, entry in enumerate(data["triggers"]):
        if not isinstance(entry, dict) or set(entry) != {"words", "predicate", "direction"}:
            raise invalid(path, f"trigger {number} must have exactly 'words', 'predicate', 'direction'")
        if entry["predicate"] not in PREDICATES:
            raise invalid(path, f"trigger {number}: unknown predicate {entry['predicate']!r}")
        if entry["direction"] not in DIRECTIONS:
            raise invalid(path, f"trigger {number}: direction must be one of {list(DIRECTIONS)}")
        words = tuple(word_list(entry["words"], f"triggers[{number}].words", path))
        if not words:
            raise invalid(path, f"trigger {number} has no words")
        triggers.append(Trigger(words, entry["predicate"], entry["direction"]))
    roles = data["roles"]
    if not isinstance(roles, dict) or set(roles) != set(ROLE_KEYS):
        raise invalid(path, f"'roles' must be an object with exactly the keys {list(ROLE_KEYS)}")
    role = {key: frozenset(word_list(roles[key], f"roles.{key}", path)) for key in ROLE_KEYS}
    words = {key: frozenset(word_list(data[key], key, path)) for key in WORD_SET_KEYS}
    return RelationLexicon(
        triggers=tuple(sorted(triggers, key=lambda t: -len(t.words))),
        heads=role["heads"],
        works_for=role["works_for"],
        modifiers=role["modifiers"],
        demoting=role["demoting"],
        role_prepositions=role["prepositions"],
        unit_prepositions=role["unit_prepositions"],
        leadership_nouns=role["leadership_nouns"],
        seats=role["seats"],
        **{key: _phrases(data[key], key, path) for key in PHRASE_KEYS},
        **words,
    )


@cache
def load_lexicon(lang: str) -> RelationLexicon:
    """The relation lexicon of ``lang``, read and checked once per process."""
    path = language_file(lang, "relations")
    return parse_lexicon(read_json(path), path=path)


@cache
def _merged(langs: tuple[str, ...]) -> MergedWords:
    lexicons = [load_lexicon(lang) for lang in langs]
    return MergedWords(
        **{key: frozenset().union(*(getattr(lex, key) for lex in lexicons)) for key in MERGED_KEYS}
    )


def merged_words() -> MergedWords:
    """The :class:`MergedWords` of the supported languages, built once per set of languages."""
    return _merged(languages())
