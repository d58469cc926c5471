"""Names listed after a plural kind of organisation are organisations: "brands such as Estée Lauder, Jo
Malone London and Le Labo", "les galeries Poggi, Catherine Putman et Suzanne Tarasieve".

Brands, fashion houses and galleries are often named after a person, and the models read them as people;
the plural noun that opens the list (``list_kinds`` of ``data/<lang>/names.json``, with the words that may
follow it, ``list_openers``: "such as", "notamment") says what each item is. An item is a run of
capitalised words (a connector or particle may stand between two: "Clémentine de la Féronnière") up to
the next comma or conjunction; the list ends at the first item that is none, or after the item its
conjunction opens. An item the models read as a person, or as nothing, becomes an organisation; a span
that a rule or cue chose, or that runs past the item, is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from extract.languages import lexicon
from extract.recognise.candidates import RANKS, Candidate

#: Items of one list, at most.
MAX_ITEMS = 10
#: Words of one item, at most.
MAX_WORDS = 5
#: A capitalised word of a name ("Malone", "SLAG"), or the "&" inside one ("Viktor & Rolf").
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'.-]*|&")
#: What may close a word that closes an item.
_CLOSING = ",.;:)…"


Block = tuple[int, int, str]  # a stretch of the text (start, end) and its language


def kind_lists(text: str, chosen: Sequence[Candidate], blocks: Sequence[Block]) -> list[Candidate]:
    """``chosen`` with the items of every list a plural kind noun opens read as organisations, in the
    (start, end, language) ``blocks`` of the text."""
    result = list(chosen)
    for start, end, lang in blocks:
        for opening in _opening(lang).finditer(text, start, end):
            for item in _items(text, opening.end(), lang):
                result = _as_organisation(result, *item, lang)
    return sorted(result, key=lambda c: (c.start, c.end))


def _items(text: str, position: int, lang: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each item of the list that starts at ``position``."""
    vocab = lexicon.vocabulary(lang)
    inner = vocab.connectors | vocab.person_particles | vocab.articles
    inner -= lexicon.every_language("conjunctions")  # "and" closes an item: "The Ordinary and Le Labo"
    for _ in range(MAX_ITEMS):
        item = _item(text, position, inner)
        if item is None:
            return
        yield item
        join = _join().match(text, item[1])
        if join is None:
            return
        if join.group().strip(", "):  # a conjunction: one item more, the last
            last = _item(text, join.end(), inner)
            if last is not None:
                yield last
            return
        position = join.end()


def _item(text: str, position: int, inner: frozenset[str]) -> tuple[int, int] | None:
    """The capitalised name at ``position``, to the word a comma or stop closes, or None."""
    taken: list[tuple[int, str]] = []  # each word's offset from ``position``, without its closing sign
    for word in re.finditer(r"\S+", text[position : position + 200].split("\n", 1)[0]):
        bare = word.group().rstrip(_CLOSING)
        if len(taken) == MAX_WORDS or not (_CAPITAL.fullmatch(bare) or (taken and bare.lower() in inner)):
            break
        taken.append((word.start(), bare))
        if bare != word.group():
            break
    while taken and not _CAPITAL.fullmatch(taken[-1][1]):
        taken.pop()  # an item ends on a name, not on "de" or "and"
    if not taken or taken[-1][1] == "&":
        return None
    (first, _), (last, word) = taken[0], taken[-1]
    return position + first, position + last + len(word)


def _as_organisation(chosen: list[Candidate], start: int, end: int, lang: str) -> list[Candidate]:
    """``chosen`` with the item [start, end) one organisation, in place of the weaker spans inside it."""
    inside = [c for c in chosen if c.start < end and start < c.end]
    if any(c.rank >= RANKS["kind"] or c.start < start or c.end > end for c in inside):
        return chosen
    if any((c.start, c.end, c.label) == (start, end, "ORG") for c in inside):
        return chosen
    return [*(c for c in chosen if c not in inside), Candidate(start, end, "ORG", "kind", lang)]


@cache
def _opening(lang: str) -> re.Pattern[str]:
    """A plural kind noun in lower case (not the head of a name: "Banques Alimentaires"), an opener after
    a comma or none ("brands, including"), then a colon or nothing, before the first item on the line."""
    vocab = lexicon.vocabulary(lang)
    kinds, openers = lexicon.alternation(vocab.list_kinds), lexicon.alternation(vocab.list_openers)
    return re.compile(rf"(?<![\w-])(?:{kinds})(?:,?[ \t]+(?:{openers}))?[ \t]*:?[ \t]+(?=[A-ZÀ-ÖØ-Þ])")


@cache
def _join() -> re.Pattern[str]:
    """A comma, or a conjunction after a comma or none ("A, B and C", "A, B, et C")."""
    conjunctions = lexicon.alternation(lexicon.every_language("conjunctions"))
    return re.compile(rf"[ \t]*,[ \t]+(?:(?:{conjunctions})[ \t]+)?|[ \t]+(?:{conjunctions})[ \t]+")
