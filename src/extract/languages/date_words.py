"""The date words of each language: ``data/<lang>/dates.json`` read, checked and merged.

The date grammar (:mod:`extract.recognise.dates`) is built from these words; they live in a module of
their own, beside the name vocabulary (:mod:`extract.languages.lexicon`), because they are the data of a
language, checked on load, and the grammar should hold shapes, not file handling. A malformed file is
refused with a message naming the file and the key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.core.errors import ExtractError
from extract.languages.registry import data_root, language_file, languages
from extract.text.fold import fold_keeping_punctuation

_MONTH_MAPS = ("months", "month_abbreviations")
_PART_MAPS = ("year_parts",)
_DAY_MAPS = ("day_words",)
_FLAGS = ("capitalised_months",)
_WORD_LISTS = (
    "months_needing_context",
    "weekdays",
    "day_orders",
    "day_suffixes",
    "day_month_joiners",
    "month_year_joiners",
    "modifiers_before",
    "modifiers_after",
    "decade_words",
    "decade_suffixes",
    "range_words",
    "range_articles",
    "leading_words",
    "count_words",
    "old_year_prepositions",
)
_DAY_ORDERS = ("month_day", "day_month")


@dataclass(frozen=True)
class Vocabulary:
    """The words of one language (or of several, merged) that the date grammar is built from.

    Month keys are stored folded (lower case, accents removed), so that "Décembre",
    "decembre" and "DÉCEMBRE" all find month 12.
    """

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    capitalised_months: bool
    months_needing_context: frozenset[str]
    weekdays: tuple[str, ...]
    day_orders: frozenset[str]
    day_suffixes: tuple[str, ...]
    day_month_joiners: tuple[str, ...]
    month_year_joiners: tuple[str, ...]
    modifiers_before: tuple[str, ...]
    modifiers_after: tuple[str, ...]
    decade_words: tuple[str, ...]
    decade_suffixes: tuple[str, ...]
    range_words: tuple[str, ...]
    range_articles: tuple[str, ...]
    leading_words: tuple[str, ...]
    count_words: tuple[str, ...]
    old_year_prepositions: tuple[str, ...]  # "founded in 1892": a year before 1900 only after one of these
    year_parts: dict[str, tuple[int, int]]  # "first quarter of" -> (1, 3): the months of a part of a year
    day_words: dict[str, int]  # "premier" -> 1: a day of the month written as a word


def load_vocabulary(path: Path) -> Vocabulary:
    """Read and check one vocabulary file; raise :class:`ExtractError` naming the file and the problem."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExtractError("dates.data_missing", path=path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExtractError("dates.data_json", path=path, error=error) from None
    if not isinstance(raw, dict):
        raise ExtractError("dates.data_not_object", path=path, got=type(raw).__name__)
    known = (*_MONTH_MAPS, *_PART_MAPS, *_DAY_MAPS, *_FLAGS, *_WORD_LISTS)
    for key in raw:
        if key not in known:
            raise ExtractError("dates.data_unknown_key", path=path, field=key, known=", ".join(known))
    for key in known:
        if key not in raw:
            raise ExtractError("dates.data_missing_key", path=path, field=key)
    for key in _FLAGS:
        if not isinstance(raw[key], bool):
            raise ExtractError(
                "dates.data_type", path=path, field=key, expected="true or false", got=raw[key]
            )
    months = {key: _month_map(path, key, raw[key]) for key in _MONTH_MAPS}
    words = {key: _word_list(path, key, raw[key]) for key in _WORD_LISTS}
    for order in words["day_orders"]:
        if order not in _DAY_ORDERS:
            raise ExtractError(
                "dates.data_choice", path=path, field="day_orders", got=order, known=", ".join(_DAY_ORDERS)
            )
    return Vocabulary(
        months=months["months"],
        month_abbreviations=months["month_abbreviations"],
        capitalised_months=raw["capitalised_months"],
        months_needing_context=frozenset(
            fold_keeping_punctuation(word) for word in words.pop("months_needing_context")
        ),
        day_orders=frozenset(words.pop("day_orders")),
        year_parts=_part_map(path, "year_parts", raw["year_parts"]),
        day_words=_day_map(path, "day_words", raw["day_words"]),
        **words,
    )


def _part_map(path: Path, key: str, value: object) -> dict[str, tuple[int, int]]:
    """A ``{"phrase": [first month, last month]}`` object, checked, with folded phrases."""
    if not isinstance(value, dict):
        raise ExtractError("dates.data_type", path=path, field=key, expected="an object", got=value)
    result: dict[str, tuple[int, int]] = {}
    for name, months in value.items():
        ok = isinstance(months, list) and len(months) == 2 and all(
            isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= 12 for m in months
        )
        if not name.strip() or not ok or months[0] > months[1]:
            expected = "phrases with [first month, last month], 1 to 12"
            raise ExtractError("dates.data_type", path=path, field=key, expected=expected, got={name: months})
        result[fold_keeping_punctuation(name.strip())] = (months[0], months[1])
    return result


def _day_map(path: Path, key: str, value: object) -> dict[str, int]:
    """A ``{"word": day of the month}`` object (empty allowed), checked, with folded words."""
    if not isinstance(value, dict):
        raise ExtractError("dates.data_type", path=path, field=key, expected="an object", got=value)
    result: dict[str, int] = {}
    for name, number in value.items():
        day = isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= 31
        if not name.strip() or not day:
            expected = "words with a day of the month, 1 to 31"
            raise ExtractError("dates.data_type", path=path, field=key, expected=expected, got={name: number})
        result[fold_keeping_punctuation(name.strip())] = number
    return result


def _month_map(path: Path, key: str, value: object) -> dict[str, int]:
    """A ``{"name": month number}`` object, checked, with folded names."""
    if not isinstance(value, dict) or not value:
        raise ExtractError("dates.data_type", path=path, field=key, expected="a non-empty object", got=value)
    result: dict[str, int] = {}
    for name, number in value.items():
        if not name.strip():
            raise ExtractError("dates.data_type", path=path, field=key, expected="non-empty names", got=name)
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 12:
            raise ExtractError("dates.data_month", path=path, field=key, name=name, got=number)
        # both forms, so that the grammar matches "décembre" and "decembre" alike
        result[name.strip().casefold()] = number
        result[fold_keeping_punctuation(name.strip())] = number
    return result


def _word_list(path: Path, key: str, value: object) -> tuple[str, ...]:
    """A list of non-empty strings, checked."""
    if not isinstance(value, list) or not all(isinstance(word, str) and word.strip() for word in value):
        expected = "a list of non-empty strings"
        raise ExtractError("dates.data_type", path=path, field=key, expected=expected, got=value)
    return tuple(word.strip() for word in value)


def merge_vocabularies(vocabularies: Iterable[Vocabulary]) -> Vocabulary:
    """One vocabulary holding the words of all ``vocabularies``: for text of unknown language.

    Month names are kept only with the capital-letter rule if any language asks for it,
    so that merging never admits a lower-case "may" that English alone would refuse.
    """
    vocabularies = list(vocabularies)

    def union(field: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(word for vocab in vocabularies for word in getattr(vocab, field)))

    def union_map(field: str) -> dict[str, int]:
        return {name: number for vocab in vocabularies for name, number in getattr(vocab, field).items()}

    tuples = {
        name: union(name) for name in _WORD_LISTS if name not in ("months_needing_context", "day_orders")
    }
    return Vocabulary(
        months=union_map("months"),
        month_abbreviations=union_map("month_abbreviations"),
        capitalised_months=any(vocab.capitalised_months for vocab in vocabularies),
        months_needing_context=frozenset(union("months_needing_context")),
        day_orders=frozenset(union("day_orders")),
        year_parts={name: part for vocab in vocabularies for name, part in vocab.year_parts.items()},
        day_words=union_map("day_words"),
        **tuples,
    )


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The vocabulary for ``lang`` (``data/<lang>/dates.json``); any other value gets all of them merged."""
    if lang in languages():
        return load_vocabulary(data_root() / language_file(lang, "dates"))
    return merge_vocabularies(vocabulary(code) for code in languages())
