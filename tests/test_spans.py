"""Span helpers: ``occurrences`` finds what the regular expression it stands in for would find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from extract.recognise.spans import occurrences

ALPHABET = "ab @/.-_é\n"


def by_regex(text: str, names: list[str], before: str, after: str) -> list[tuple[int, int]]:
    alternation = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w{re.escape(before)}])(?:{alternation})(?![\w{re.escape(after)}])")
    return [m.span() for m in pattern.finditer(text)]


def test_a_name_is_found_as_a_whole_word_only() -> None:
    assert occurrences("Curie and Curies, Curie", ["Curie"]) == [(0, 5), (18, 23)]


def test_the_longest_name_wins_where_two_start() -> None:
    assert occurrences("Institut Curie Paris", ["Institut", "Institut Curie"]) == [(0, 14)]


def test_a_longer_name_that_runs_into_a_word_gives_way_to_a_shorter_one() -> None:
    assert occurrences("Centre Leon Bx", ["Centre Leon B", "Centre Leon"]) == [(0, 11)]


def test_characters_named_before_and_after_block_a_match() -> None:
    assert occurrences("mail@Curie.fr /Curie", ["Curie"], before="@/.-", after="@/-") == []


@given(
    text=st.text(alphabet=ALPHABET, max_size=60),
    names=st.lists(st.text(alphabet="ab é-", min_size=1, max_size=5), min_size=1, max_size=5),
)
def test_occurrences_agree_with_the_regular_expression(text: str, names: list[str]) -> None:
    assert occurrences(text, names, before="@/.-", after="@/-") == by_regex(text, names, "@/.-", "@/-")
    assert occurrences(text, names) == by_regex(text, names, "", "")
