"""The forms of a name that its spellings share, in every supported language.

Two mentions name one organisation or person when these forms agree: the key (folded, a leading
article left out: "The Curie Institute" / "Curie Institute"), the core (head-noun classes and other
words, so that "Institut Curie" and "Curie Institute" agree), and the canonical name (from the
organisations list, ``data/organisations.csv``). Both the keys of one document
(:mod:`extract.recognise.keys`) and the entities across documents (:mod:`extract.linking.entities`)
compare names this way; it lives here, below both, because it is made of language data
(``data/names/head_classes.json``, the connectors and articles of ``data/<lang>/names.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import cache

from extract.core.errors import ExtractError
from extract.languages import lexicon
from extract.languages.registry import read_json
from extract.text.acronyms import is_acronym
from extract.text.fold import fold, fold_all


def name_key(text: str) -> str:
    """``fold`` with a leading definite article (of any language) left out: the form two spellings of one
    name share."""
    return _leading_article().sub("", fold(text))


@cache
def _leading_article() -> re.Pattern[str]:
    """A folded definite article of any language at the start of a folded name ("the", "l")."""
    articles = fold_all(lexicon.every_language("definite_articles"))
    return re.compile(rf"^(?:{lexicon.alternation(articles)})\s+")


@cache
def _heads() -> tuple[dict[str, str], frozenset[str]]:
    path = "names/head_classes.json"
    try:
        data = read_json(path)
        classes = {fold(word): name for name, words in data["classes"].items() for word in words}
        descriptors = frozenset(fold(word) for word in data["descriptors"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ExtractError("data.invalid", path=path, problem=error) from error
    return classes, descriptors


def name_core(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(head classes, other words) of a name, connectors and descriptors left out."""
    classes, descriptors = _heads()
    connectors = _folded_connectors()
    words = [w for w in name_key(text).split() if w not in connectors]
    heads = frozenset(classes[w] for w in words if w in classes)
    rest = frozenset(w for w in words if w not in classes and w not in descriptors)
    return heads, rest


def without_legal_form(name: str) -> str | None:
    """A company's name with its legal forms dropped ("Viterra" of "Viterra Inc.", "Singapore Exchange" of
    "Singapore Exchange Ltd"), which a release uses after the first mention; None when the name ends on
    none, or nothing capitalised is left."""
    forms = lexicon.every_language("legal_forms")
    words = name.split()
    while words and words[-1].rstrip(",") in forms:
        words.pop()
    if len(words) == len(name.split()) or not words or not words[-1][:1].isupper():
        return None
    return " ".join(words).rstrip(",")


def brand(name: str) -> str | None:
    """The brand a company's name opens with, its endings dropped ("Index" of "Index Ventures", "Delta" of
    "Delta Air Lines", "Lambert" of "Lambert Global LLC"): releases use it alone after the first mention.
    None when the name has no such ending, or nothing capitalised is left before it."""
    endings = lexicon.every_language("brand_endings")
    forms = lexicon.every_language("legal_forms")
    words = name.split()
    while words and words[-1] in forms:
        words.pop()
    kept = len(words)
    while kept > 1 and words[kept - 1].lower() in endings:
        kept -= 1
    if kept == len(words) or not words[kept - 1][:1].isupper():
        return None
    return " ".join(words[:kept])


def after_head(name: str) -> str | None:
    """The name a body's head noun opens, the head left out ("Paris-Dauphine" of "Université
    Paris-Dauphine", "Curie" of "Institut Curie"): French names put the head first, and a release then
    uses the rest alone. None when no head opens the name or a connector follows it ("Université de
    Nantes": "Nantes" is the town)."""
    classes, descriptors = _heads()
    words = name.split()
    if len(words) < 2 or fold(words[0]) not in classes or not words[1][:1].isupper():
        return None
    rest = [fold(word) for word in words[1:]]
    if rest[0] in _folded_connectors() or all(w in classes or w in descriptors for w in rest):
        return None  # "Conseil National", "Foundation Center": the rest names no one
    return " ".join(words[1:])


@cache
def _folded_connectors() -> frozenset[str]:
    """Folded connectors of every language: a fixed set that :func:`name_core` reads for every name."""
    return fold_all(lexicon.every_language("connectors"))


@cache
def canonical_of() -> dict[str, str]:
    """The key (:func:`name_key`) of each alias of the organisations list -> its canonical name."""
    return {name_key(alias): canonical for canonical, alias in lexicon.organisations()}


def canonical_name(forms: Counter[str], canonicals: Mapping[str, str] | None = None) -> str:
    """The fullest form: from the organisations list if one is there, else the longest non-acronym.

    ``canonicals`` (alias key -> canonical name) stands for the list when given: linking lays a user's
    own aliases over the shipped ones (:mod:`extract.linking.aliases`).
    """
    listed_of = canonical_of() if canonicals is None else canonicals
    listed = sorted({listed_of[name_key(f)] for f in forms if name_key(f) in listed_of})
    if listed:
        return listed[0]
    full = [f for f in forms if not is_acronym(f)] or list(forms)
    return min(full, key=lambda f: (-len(f), -forms[f], f))


@cache
def first_names():  # -> gender_guesser.detector.Detector
    """gender-guesser's list of given names, read once: the recogniser asks whether a word is a given
    name, the relations what gender a person's first name has (for "he" and "she")."""
    import gender_guesser.detector  # its list is read when a name first needs it

    return gender_guesser.detector.Detector(case_sensitive=False)
