"""Per-language name vocabularies, token patterns and the organisation list, validated on load.

The data live in ``data/<lang>/names.json``, ``data/names/patterns.json`` and
``data/organisations.csv`` so that a user can extend them without touching
code; a malformed file is refused with a message naming the file and the
problem rather than failing inside spaCy.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from extract.core.errors import ExtractError
from extract.languages.registry import language_file, languages, read_json, read_text

_LIST_KEYS = (
    "org_heads",
    "org_heads_alone_ok",
    "titles",
    "articles",
    "non_org_after",
    "generic",
    "role_words",
    "connectors",
    "acronym_stoplist",
    "org_cues_before",
    "kind_nouns",
    "non_org_before",
    "definite_articles",
    "indefinite_articles",
    "conjunctions",
    "elisions",
    "person_particles",
    "role_complements",
    "workplace_prepositions",
    "name_abbreviations",
    "possessive_endings",
    "contact_words",
    "legal_forms",
    "org_heads_lowercase",
    "lowercase_name_heads",
    "announce_verbs",
    "appointing_verbs",
    "parent_nouns",
    "functions",
    "speech_verbs",
    "awarding_nouns",
    "name_prepositions",
    "complement_prepositions",
    "named_after_heads",
    "acquisition_verbs",
    "title_articles",
    "board_nouns",
    "affiliation_words",
    "clause_openers",
    "headline_verbs",
    "brand_endings",
    "place_prepositions",
    "deal_phrases",
    "list_kinds",
    "list_openers",
    "name_suffixes",
)
#: Yes-or-no settings of a language's names.
_FLAG_KEYS = ("capitalised_modifiers",)
#: Lists whose words keep their case: acronyms, and abbreviations read with their capitals ("Inc.").
_CASED = ("acronym_stoplist", "name_abbreviations", "legal_forms", "name_suffixes")
_OPERATORS = ("?", "*", "+")
#: Lists that patterns take from every language: a French release names English companies too.
_MERGED = ("org_heads", "legal_forms")


def _merged(key: str) -> list[str]:
    return sorted({word for lang in languages() for word in vocabulary(lang).lists[key]})


@dataclass(frozen=True)
class Vocabulary:
    """The name vocabulary of one language; the ``_doc`` of ``data/en/names.json`` says what each list means.

    Every list is lower-cased, but those of :data:`_CASED`."""

    lang: str
    org_heads: frozenset[str]
    org_heads_alone_ok: frozenset[str]
    titles: frozenset[str]
    articles: frozenset[str]
    non_org_after: frozenset[str]
    generic: frozenset[str]
    role_words: frozenset[str]
    connectors: frozenset[str]
    acronym_stoplist: frozenset[str]
    org_cues_before: frozenset[str]
    kind_nouns: frozenset[str]
    non_org_before: frozenset[str]
    definite_articles: frozenset[str]
    indefinite_articles: frozenset[str]
    conjunctions: frozenset[str]
    elisions: frozenset[str]
    person_particles: frozenset[str]
    role_complements: frozenset[str]
    workplace_prepositions: frozenset[str]
    name_abbreviations: frozenset[str]
    possessive_endings: frozenset[str]
    contact_words: frozenset[str]
    legal_forms: frozenset[str]
    org_heads_lowercase: frozenset[str]
    lowercase_name_heads: frozenset[str]
    announce_verbs: frozenset[str]
    appointing_verbs: frozenset[str]
    parent_nouns: frozenset[str]
    functions: frozenset[str]
    speech_verbs: frozenset[str]
    awarding_nouns: frozenset[str]
    name_prepositions: frozenset[str]
    complement_prepositions: frozenset[str]
    named_after_heads: frozenset[str]
    acquisition_verbs: frozenset[str]
    title_articles: frozenset[str]
    board_nouns: frozenset[str]
    affiliation_words: frozenset[str]
    clause_openers: frozenset[str]
    headline_verbs: frozenset[str]
    brand_endings: frozenset[str]
    place_prepositions: frozenset[str]
    deal_phrases: frozenset[str]
    list_kinds: frozenset[str]
    list_openers: frozenset[str]
    name_suffixes: frozenset[str]
    capitalised_modifiers: bool
    lists: dict[str, list[str]]


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The validated name vocabulary of ``lang``: a missing, unknown or malformed key is refused, naming
    the file and the key."""
    path = language_file(lang, "names")
    data = read_json(path)
    unknown = set(data) - set(_LIST_KEYS) - set(_FLAG_KEYS) - {"_doc"}
    if unknown:
        raise ExtractError("data.invalid", path=path, problem=f"unknown keys {sorted(unknown)}")
    lists: dict[str, list[str]] = {}
    for key in _LIST_KEYS:
        if key not in data:
            raise ExtractError("data.invalid", path=path, problem=f"missing key '{key}'")
        values = data[key]
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise ExtractError(
                "data.invalid", path=path, problem=f"'{key}' must be a list of non-empty strings"
            )
        lists[key] = values
    flags = {}
    for key in _FLAG_KEYS:
        if not isinstance(data.get(key), bool):
            raise ExtractError("data.invalid", path=path, problem=f"'{key}' must be true or false")
        flags[key] = data[key]
    folded = {
        key: frozenset(v if key in _CASED else v.lower() for v in values) for key, values in lists.items()
    }
    return Vocabulary(lang=lang, lists=lists, **folded, **flags)


def alternation(words: Iterable[str]) -> str:
    """``words`` as a regular-expression alternation, escaped, longest first; matching nothing if none."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(map(re.escape, ordered)) if ordered else "(?!)"


@cache
def every_language(key: str) -> frozenset[str]:
    """The words of list ``key`` in every supported language together.

    For the rules that read a text's words whatever its language is said to be: a French release
    quotes English names ("Director of Networks at EirGrid"), and an English one French ones.
    """
    return frozenset(word for lang in languages() for word in getattr(vocabulary(lang), key))


def _expand(token: Any, macros: dict[str, Any], vocab: Vocabulary, path: str) -> dict[str, Any]:
    """One pattern token: a spaCy token dict, or a macro name with an optional operator."""
    if isinstance(token, dict):
        return token
    if not isinstance(token, str):
        raise ExtractError(
            "data.invalid", path=path, problem=f"pattern token {token!r} is not a string or object"
        )
    name, op = (token[:-1], token[-1]) if token[-1] in _OPERATORS else (token, None)
    if name not in macros:
        raise ExtractError("data.invalid", path=path, problem=f"unknown macro '{name}'")
    expanded = json.loads(json.dumps(macros[name]))
    _fill_lists(expanded, vocab, path)
    if op:
        expanded["OP"] = op
    return expanded


def _fill_lists(node: Any, vocab: Vocabulary, path: str) -> None:
    """Replace every '@key' value in a macro by the vocabulary list ``key``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and value.startswith("@"):
                if value[1:] not in vocab.lists:
                    raise ExtractError("data.invalid", path=path, problem=f"unknown list '{value}'")
                node[key] = _merged(value[1:]) if value[1:] in _MERGED else vocab.lists[value[1:]]
            else:
                _fill_lists(value, vocab, path)


@cache
def patterns(kind: str, lang: str) -> list[list[dict[str, Any]]]:
    """The expanded token patterns of ``kind`` (org or person) for ``lang``."""
    path = "names/patterns.json"
    data = read_json(path)
    macros = data.get("macros", {})
    groups = data.get(kind)
    if not isinstance(groups, dict):
        raise ExtractError("data.invalid", path=path, problem=f"'{kind}' must be an object of pattern lists")
    vocab = vocabulary(lang)
    raw = [*groups.get("any", []), *groups.get(lang, [])]
    if kind == "org":
        raw += _lowercase_head_patterns(vocab)
    return [[_expand(token, macros, vocab, path) for token in pattern] for pattern in raw]


def _lowercase_head_patterns(vocab: Vocabulary) -> list[list[Any]]:
    """Patterns for names that start with a lower-case head (``org_heads_lowercase``): the head's words,
    lower-case adjectives, an optional "de (la)", and a capitalised name ("centre hospitalier
    universitaire de La Réunion", "université Bourgogne Franche-Comté"); or the head, a complement in
    lower case and the name after "de" ("cour d'appel de Bordeaux", "faculté de pharmacie de Nantes") or
    right after a complement with its article ("agence de l'eau Loire-Bretagne"). A complement without
    article nor "de" after it says what kind of body the name is ("agence de presse Reuters"), as does a
    head that is a kind noun right before the name ("l'agence Xinhua": the name is Xinhua)."""
    found: list[list[Any]] = []
    for head in sorted(vocab.org_heads_lowercase):
        words: list[Any] = [{"LOWER": word, "IS_LOWER": True} for word in head.split()]
        if head not in vocab.kind_nouns:
            found.append([*words, "ADJLOW*", "DEPREP", "DET?", "CAP", "NAME*"])
            found.append([*words, "ADJLOW*", "CAP", "NAME*"])
        found.append([*words, "DEPREP", "DET?", "NOUNLOW", "ADJLOW*", "DEPREP", "DET?", "CAP", "NAME*"])
        found.append([*words, "DEPREP", "DET", "NOUNLOW", "ADJLOW*", "CAP", "NAME*"])
    return found


@cache
def organisations() -> tuple[tuple[str, str], ...]:
    """(canonical, alias) rows of ``data/organisations.csv``, comment lines left out."""
    path = "organisations.csv"
    lines = [line for line in read_text(path).splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if reader.fieldnames != ["canonical", "alias"]:
        raise ExtractError("data.invalid", path=path, problem="header must be 'canonical,alias'")
    rows = []
    for number, row in enumerate(reader, start=2):
        canonical, alias = (row.get("canonical") or "").strip(), (row.get("alias") or "").strip()
        if not canonical or not alias or None in row:
            raise ExtractError("data.invalid", path=path, problem=f"row {number} needs exactly two values")
        rows.append((canonical, alias))
    return tuple(rows)
