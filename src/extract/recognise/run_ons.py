"""Listed names and acronyms run on over the capitalised words right after them.

A name that the organisations list or the acronym rule reads is often the first word of a longer one: a
subsidiary, a branch or a unit named after its parent ("Thales Alenia Space", "AG2R La Mondiale", "Medef
Grand Lille", "KPMG Avocats", "WWF France"). The models, which would read the longer name, often read none
there, and the short span leaves the rest of the name out. The run stops at a word of another name or a
date, a role or a title ("Airbus Chief Executive"), a function word ("KPMG And"), and the line's end.

Any organisation's name also runs on to a longer name the document reads elsewhere, where the text writes
that longer name whole (:func:`to_longer_names`): a model that reads "France Nature Environnement" once
may read "France Nature" the next time, and the same words are the same name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from extract.languages import lexicon
from extract.recognise.candidates import Candidate
from extract.recognise.places import country_names
from extract.recognise.spans import Spans

#: The sources whose names may run on: a listed name and an acronym, read from their own word alone.
RUNNING = frozenset({"gazetteer", "acronym"})

#: A capitalised word right after a space, with no full stop after it ("Honda Motor Co." keeps "Co.").
_NEXT_WORD = re.compile(r"[ \u00a0]([A-ZÀ-ÖØ-Þ][\w&’'-]*(?:\.\w+)*)")


def run_ons(text: str, chosen: Sequence[Candidate], taken: Spans, titles: Spans) -> list[Candidate]:
    """``chosen`` with each listed name or acronym run on over the capitalised words after it, none of
    them in another candidate or in ``taken`` (the dates), and none in a headline (``titles``: in Title
    Case every word looks like a name)."""
    spans = Spans((c.start, c.end) for c in chosen)
    for start, end in taken:
        spans.add(start, end)
    return [
        _run_on(text, c, spans)
        if c.label == "ORG" and c.source in RUNNING and not titles.overlaps(c.start, c.end)
        else c
        for c in chosen
    ]


def _run_on(text: str, candidate: Candidate, spans: Spans) -> Candidate:
    """``candidate`` run on over the capitalised words after it; in a language that writes its common
    nouns after a name with capitals, only as far as its last organisation head or country."""
    vocab = lexicon.vocabulary(candidate.lang)
    end = kept = candidate.end
    while (match := _NEXT_WORD.match(text, end)) is not None:
        start, stop = match.span(1)
        word = match.group(1)
        if text[end - 1] in ".!?" or spans.overlaps(start, stop) or word.lower() in _stop_words():
            break  # a sentence's end, another name, a role or a connector
        if len(word) > 1 and word.isupper():
            break  # words in capitals: a line of them ("LAKE FOREST", "READ MORE") or another acronym
        end = stop
        if not vocab.capitalised_modifiers or word.lower() in vocab.org_heads or word in country_names():
            kept = end
    return replace(candidate, end=kept) if kept != candidate.end else candidate


@cache
def _stop_words() -> frozenset[str]:
    """The words no name runs on over, in every language: roles, titles, connectors and articles."""
    keys: Iterable[str] = (
        "role_words",
        "titles",
        "connectors",
        "articles",
        "conjunctions",
        "definite_articles",
    )
    return frozenset(part for key in keys for words in lexicon.every_language(key) for part in words.split())


#: The word characters a name opens on ("" where it opens on a quote or a bracket).
_FIRST_WORD = re.compile(r"\w*")


def to_longer_names(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """An organisation's name runs on to a longer name the document reads elsewhere, where the text at its
    start writes that longer name whole ("Mutualité Française" where "Mutualité Française Pays de la Loire"
    is written, and read elsewhere): the same words are the same name. A candidate inside the words it
    runs on over ("Pays de la Loire") goes."""
    orgs = {text[c.start : c.end] for c in chosen if c.label == "ORG"}
    # the names by their first word, so that each candidate is read against its own few, not all of them
    by_first: dict[str, list[str]] = {}
    for name in sorted((name for name in orgs if " " in name), key=len):
        by_first.setdefault(_FIRST_WORD.match(name).group(), []).append(name)
    grown: dict[int, Candidate] = {}
    for n, c in enumerate(chosen):
        if c.label != "ORG":
            continue
        longer = [
            name
            for name in by_first.get(_FIRST_WORD.match(text, c.start).group(), ())
            if len(name) > c.end - c.start
            and text.startswith(name, c.start)
            and _rest_of_name(text, c.end, c.start + len(name))
        ]
        if longer:
            grown[n] = replace(c, end=c.start + len(longer[-1]))
    covered = Spans((c.start, c.end) for c in grown.values())
    return [
        grown.get(n, c)
        for n, c in enumerate(chosen)
        if n in grown or not covered.contains(c.start, c.end)
    ]


def _rest_of_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may end a name: a word at least, no board ("TIA Board": the board of
    TIA, read apart), and no word going on past ``end``."""
    words = re.findall(r"[\w’'-]+", text[start:end].lower())
    if not any(len(word) > 1 for word in words) or set(words) & _board_nouns():
        return False
    return not (end < len(text) and (text[end].isalnum() or text[end] in "’'-&"))


@cache
def _board_nouns() -> frozenset[str]:
    """The head word of each governing body's name ("board" of "board of directors")."""
    return frozenset(words.split()[0] for words in lexicon.every_language("board_nouns"))
