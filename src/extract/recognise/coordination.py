"""Names that coordinate inside their complement: "Department for Business, Innovation and Skills",
"Foundation for Research, Science and Technology", "Cité internationale de la bande dessinée et de
l'image", "Académie des Inscriptions et Belles Lettres".

Models stop such a name at its first comma or conjunction, and the rest is lost or read as a name of its
own. A name whose complement has begun (a preposition of ``name_prepositions`` after its first word) and
does not end on a place goes on over a list that a conjunction closes, on the name's line, when every item
is capitalised words ("Innovation", "Belles Lettres") or a preposition, an article and a noun in lower case
("de l'image", "du paysage"). Anything else is a second name: an item that opens on an article, holds an
acronym, an organisation head, a role or a possessive, or holds a mention other than one read only because
it is listed ("the Library of Congress and the Foundation Center", "the Ministry of Defence and NATO").
Only the language's own words are read (``data/<lang>/names.json``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.languages import lexicon
from extract.recognise.candidates import Candidate
from extract.recognise.places import place_names
from extract.recognise.spans import Spans, after_elision

#: Words and signs after a name, up to its line's end.
_TOKENS = re.compile(r"[^\W_][\w’'-]*|&|\S")
#: An item of the list holds at most this many words.
MAX_ITEM_WORDS = 5
#: Characters read after a name for its list: a list of several items fits, and a document written on one
#: long line costs no more per name than a short one.
REACH = 300


def coordinated_complements(text: str, chosen: Sequence[Candidate]) -> list[Candidate]:
    """``chosen`` with each organisation whose complement coordinates run on to the list's last item. An
    organisation read in the list only because it is listed after one ("Skills": source "cue") is part of
    the name and goes with it; any other mention there is a name of its own, and the list stays
    a list ("the University of New South Wales and QuTech")."""
    others = Spans((c.start, c.end) for c in chosen if c.label != "ORG" or c.source != "cue")
    extended: dict[int, Candidate] = {}
    for number, c in enumerate(chosen):
        if c.label == "ORG":
            end = _list_end(text, c, lexicon.vocabulary(c.lang))
            if end is not None and not others.overlaps(c.end, end):
                extended[number] = replace(c, end=end)
    if not extended:
        return list(chosen)
    longer = Spans((c.start, c.end) for c in extended.values())
    return [
        extended.get(number, c)
        for number, c in enumerate(chosen)
        if number in extended or c.label != "ORG" or not longer.contains(c.start, c.end)
    ]


def _list_end(text: str, c: Candidate, vocab: lexicon.Vocabulary) -> int | None:
    """Where the list that goes on the name's complement ends, or None if none goes on it."""
    words = text[c.start : c.end].split()
    if not any(_preposition(w, vocab) for w in words[1:]) or words[-1] in place_names():
        return None  # no complement, or one that ends on a place: "l'université de Lille et Zorvex"
    reach = min(len(text), c.end + REACH)
    line_end = text.find("\n", c.end, reach)
    stop = reach if line_end < 0 else line_end
    tokens = [(m.group(), m.end()) for m in _TOKENS.finditer(text, c.end, stop)]
    conjunctions = {*vocab.conjunctions, "&"}
    at, end = 0, None
    while at < len(tokens):
        mark = tokens[at][0]
        if mark != "," and mark.lower() not in conjunctions:
            return None
        last = mark.lower() in conjunctions
        if mark == "," and at + 1 < len(tokens) and tokens[at + 1][0].lower() in conjunctions:
            at, last = at + 1, True  # the serial comma: ", and Sport"
        item_end = _item(tokens, at + 1, vocab)
        if item_end is None:
            return None
        at, end = item_end, tokens[item_end - 1][1]
        if last:
            return end
    return None


def _item(tokens: list[tuple[str, int]], at: int, vocab: lexicon.Vocabulary) -> int | None:
    """Where the list item that opens at ``at`` ends (the index after its last word), or None: capitalised
    words (connecting words may stand between them: "Protection de l'Environnement"), or a preposition,
    an article and a noun in lower case, again and again ("de l'aménagement du territoire"). An item
    that opens on an article ("and the Foundation Center", "et la Société") is another name."""
    n, stop = at, min(len(tokens), at + MAX_ITEM_WORDS)
    if n < stop and _capitalised(tokens[n][0]):
        n += 1
        while n + 1 < stop and _connector(tokens[n][0], vocab) and _capitalised(tokens[n + 1][0]):
            n += 2
        while n < stop and _capitalised(tokens[n][0]):
            n += 1
        return n if _part_of_a_name([word for word, _ in tokens[at:n]], vocab) else None
    ended = None
    while n < stop and _preposition(tokens[n][0], vocab):
        word = tokens[n][0]
        n += 1
        noun = after_elision(word, vocab.elisions)
        if noun is None and n < stop and tokens[n][0].lower() in vocab.definite_articles:
            n += 1  # "de la communication"; "de l'image" is one token
        if noun is not None:  # the noun written with its elided preposition: "d'éthique"
            if not noun.islower():
                return None  # "et de l'Auditorium Maurice Ravel": another name
            ended = n
        elif n < stop and tokens[n][0][:1].isalpha() and tokens[n][0].islower():
            n += 1
            ended = n
        else:
            return None  # "et de Dijon", "et des Mines": a place or another name as often as not
    return ended


def _part_of_a_name(words: list[str], vocab: lexicon.Vocabulary) -> bool:
    """Whether capitalised words can close a name's list rather than open a name of their own: no role
    or title ("Minister"), no acronym ("NATO"), no organisation head ("Cabinet Office"), no possessive
    ("Sport’s Cultural Heritage")."""
    lower = [w.lower() for w in words]
    return not (
        lower[0] in vocab.role_words
        or lower[0] in vocab.titles
        or any(w.isupper() and len(w) > 1 for w in words)
        or any(w in vocab.org_heads for w in lower)
        or any(w.endswith(ending) for w in lower for ending in vocab.possessive_endings)
    )


def _preposition(word: str, vocab: lexicon.Vocabulary) -> bool:
    """A preposition that opens a name's complement, alone ("de") or elided onto its noun ("d'éthique")."""
    return word.lower() in vocab.name_prepositions or after_elision(word, vocab.elisions) is not None


def _connector(word: str, vocab: lexicon.Vocabulary) -> bool:
    return word.lower() in vocab.connectors and word.lower() not in vocab.conjunctions


def _capitalised(word: str) -> bool:
    return word[:1].isupper()
