"""Span boundaries: cutting a candidate to the guidelines' span, and finding spans fast.

The guidelines' spans hold the name only: no article, title, possessive,
quote, bracket or trailing punctuation, and nothing across a line end. These
functions take a candidate's offsets and return the offsets of that name;
:class:`Spans` answers overlap questions in log time, so that recognition
stays linear in the length of a document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from extract.languages import date_words, lexicon
from extract.recognise.dates import find_dates
from extract.recognise.names import has_head
from extract.recognise.places import is_region, place_names
from extract.text.acronyms import looks_like_acronym


class Spans:
    """Non-overlapping spans kept sorted, so that overlap and containment are found in log time.

    Long documents hold thousands of mentions; checking each candidate against
    every kept one would make recognition quadratic in the document's length.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a kept span (only the last one starting before ``end`` can)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)

    def __bool__(self) -> bool:
        return bool(self.starts)

    def contains(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside one kept span."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]


def occurrences(
    text: str, names: Iterable[str], *, before: str = "", after: str = ""
) -> list[tuple[int, int]]:
    """Where ``names`` stand in ``text`` as whole words: what ``re.finditer`` finds with their alternation,
    longest first, between ``(?<![\\w{before}])`` and ``(?![\\w{after}])``.

    That is: leftmost first, the longest name that fits at a place, no two overlapping; a name fits where
    the character before it is neither a word character nor one of ``before``, and the one after it
    neither a word character nor one of ``after``. Each name is looked for with ``str.find``: compiling
    the alternation of a document's names cost more than all the searching (0.5 s per 300 releases).
    """
    found = []
    for name in names:
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if _free(text, at - 1, before) and _free(text, end, after):
                found.append((at, end))
            at = text.find(name, at + 1)
    found.sort(key=lambda span: (span[0], -span[1]))
    chosen: list[tuple[int, int]] = []
    for start, end in found:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end))
    return chosen


def _free(text: str, index: int, also: str) -> bool:
    """Whether ``text[index]`` is outside the text, or neither a word character (``\\w``) nor in ``also``."""
    if not 0 <= index < len(text):
        return True
    char = text[index]
    return not (char.isalnum() or char == "_" or char in also)


def url_at(text: str, start: int, end: int) -> bool:
    """Whether [start, end) touches a URL or e-mail address (names in them are not mentions)."""
    return urls(text).overlaps(start, end)


@lru_cache(maxsize=4)
def urls(text: str) -> Spans:
    """The URLs and e-mail addresses of a document, found once per document."""
    return Spans(match.span() for match in URL_OR_EMAIL.finditer(text))


URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|<[^>\s]+>")


QUOTES = "\"'“”‘’«»*_`"


EDGE_JUNK = QUOTES + "()[]{}<>.,;:!?–—-/|•·\u00a0 \t\n"


def cut_at_breaks(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep the longest piece of a span that crosses a line end, bracket, semicolon or dash."""
    pieces = [
        (m.start() + start, m.end() + start)
        for m in re.finditer(r"(?:[^\n()\[\];|–—,]|,(?!\s))+", text[start:end])
    ]
    pieces = [p for p in pieces if text[p[0] : p[1]].strip()]
    if not pieces:
        return start, start
    return max(pieces, key=lambda p: (len(text[p[0] : p[1]].strip()), -p[0]))


def trim(text: str, start: int, end: int, vocab: lexicon.Vocabulary, *, person: bool) -> tuple[int, int]:
    """Leave out edge punctuation, quotes, leading articles and titles, and a possessive 's."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in EDGE_JUNK:
            start, changed = start + 1, True
        while end > start and (text[end - 1] in EDGE_JUNK and not initial_dot(text, start, end)):
            end, changed = end - 1, True
        span = text[start:end]
        ending = next((e for e in possessive_endings() if span.endswith(e)), None)
        if ending:
            end, changed = end - len(ending), True
        first = re.match(r"([\w’'.-]+?)(['’]|\s+)", text[start:end])
        if first:
            word = first.group(1).lower()
            elided = first.group(2) in "'’"
            lead = (word + first.group(2)).lower() if elided else word
            drop = lead in vocab.articles or (elided and lead in lexicon.every_language("elisions"))
            titled = elided or word in vocab.title_articles
            drop = drop and not (titled and _title_article(text, start, first.end(), vocab))
            drop = drop or (person and (word in vocab.titles or word.rstrip(".") in vocab.titles))
            rest = text[start + first.end() : end]
            # "Treasurer Jay Smith": a role word before a name of two words or more is no part of it
            drop = drop or (person and word in vocab.role_words and len(rest.split()) >= 2)
            after = start + len(_leading_role(text[start:end], vocab))
            after += len(text[after:end]) - len(text[after:end].lstrip())
            of_role = _role_complement().match(text[after:end]) if after > start else None
            if of_role:  # "Directrice Générale de l'Imprimerie Nationale": the organisation after the role
                start, changed = after + of_role.end(), True
            elif drop and rest:
                start, changed = start + first.end(), True
    return start, end


def _title_article(text: str, start: int, length: int, vocab: lexicon.Vocabulary) -> bool:
    """Whether an article in capitals belongs to the name it opens ("L'Oréal", "L'Equipe", "La
    Montagne", "Le Poème Harmonique"): it is written in capitals inside a sentence, or opens a word that is
    no head noun ("L'Institut Pasteur" at a sentence's start is the Institut)."""
    if not text[start].isupper():
        return False
    word = re.match(r"[\w-]+", text[start + length :])
    before = text[:start].rstrip()
    inside = bool(before) and before[-1] not in ".!?:\"“”«»"
    return inside or (word is not None and word.group().lower() not in vocab.org_heads | vocab.generic)


def _leading_role(span: str, vocab: lexicon.Vocabulary) -> str:
    """The longest role phrase that opens ``span`` ("Directrice Générale", "Director"), or ""."""
    lowered = span.lower()
    found = [r for r in vocab.role_words if lowered.startswith(r) and lowered[len(r) : len(r) + 1] in " '’"]
    return span[: max(map(len, found))] if found else ""


def board_owner(text: str, start: int, end: int) -> tuple[int, int]:
    """The owner of a governing body named by it ("Conseil d'administration de Groupama", "Board of
    Directors of Acme" give Groupama and Acme; so does "the PPL board" in lower case): the guidelines see
    the owner named, not a body of its own."""
    name = text[start:end]
    lowered = name.lower()
    boards = _boards()
    board = next((b for b in boards if lowered == b or lowered.startswith(b + " ")), None)
    if board is not None:  # the longest body that opens the name: "Board of Directors" is not "Board" of X
        rest = re.match(rf"{re.escape(board)}\s+(?:{_complement()})\s*", lowered)
        if rest and rest.end() < len(name) and name[rest.end()].isupper():
            return start + rest.end(), end
        return start, end
    # after the owner: "the PPL board", "WRIT Board of Trustees"; a board in capitals after a name is the
    # name's own ("oneworld Governing Board"), but one with a complement ("Board of Trustees")
    ending = next((b for b in boards if lowered.endswith(" " + b) and (_joined(b) or name.endswith(b))), None)
    if ending is None:
        return start, end
    owner = name[: -len(ending) - 1]
    possessive = next((e for e in possessive_endings() if owner.endswith(e)), "")  # "HP's Board"
    return start, start + len(owner) - len(possessive)


def owned_board(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a governing body whose owner is named right after it ("le Conseil
    d'administration de PCAS", "the Executive Committee of the European Festivals Association")? Such a
    body is its owner's, not an organisation of its own (:func:`board_owner`)."""
    if text[start:end].lower() not in lexicon.every_language("board_nouns"):
        return False
    rest = _to_owner().match(text.lower(), end)
    return rest is not None and text[rest.end() : rest.end() + 1].isupper()


def _joined(board: str) -> bool:
    """Whether a board noun holds a complement ("board of trustees", "conseil d'administration")."""
    return re.search(rf"\s(?:{_complement()})", board) is not None


@cache
def _boards() -> tuple[str, ...]:
    """Every language's board nouns, longest first: the longest opens a name ("Board of Directors")."""
    return tuple(sorted(lexicon.every_language("board_nouns"), key=len, reverse=True))


@cache
def _to_owner() -> re.Pattern[str]:
    """The words between a board and its owner written after it (" of the ", " de l'")."""
    return re.compile(rf"\s+(?:{_complement()})\s*")


@cache
def _complement() -> str:
    """ "of", "of the", "de", "de l'", "du", "des": what joins a body to its owner."""
    joins = lexicon.alternation(lexicon.every_language("role_complements"))
    articles = lexicon.alternation(lexicon.every_language("definite_articles"))
    return rf"(?:{joins})(?:\s*(?:{articles})\s*)?"


def trim_org_words(text: str, start: int, end: int, vocab: lexicon.Vocabulary) -> tuple[int, int]:
    """Leave out lower-case words before a name ("groupe Unicancer") and a lower-case head after it
    ("the ONCORA network"): the name is the capitalised part. A lower-case head that a complement
    follows is the name's start ("ministère de la Culture"), and a complement ending on a head
    noun stays ("Agence nationale de la recherche")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    # "Acme Foundation Appoints Jane Roe", "TRUE RELIGION APPOINTS": a headline's verb ends the name
    headline = vocab.headline_verbs
    verbs = (n for n, w in enumerate(words) if n and w.group()[0].isupper() and w.group().lower() in headline)
    words = words[: next(verbs, len(words))]
    joins = lexicon.every_language("name_prepositions") | lexicon.every_language("articles")
    while len(words) > 2 and _dated(words[-1].group()) and words[-2].group() not in joins:
        if not words[-2].group().islower():
            break
        words = words[:-2]  # "Cégep de La Pocatière en 2011", "Smithfield Foods on Thursday": a year, day
        # or month after a preposition that opens no complement of a name ("de la Mer" does) is no part of it
    heads_first = tuple(h + " " for h in vocab.org_heads_lowercase if h not in vocab.kind_nouns)
    if text[start:end].startswith(heads_first) or _named_after(words, vocab):
        return start, start + words[-1].end()  # "université de Nantes": the head is the name's start
    heads = vocab.org_heads | vocab.generic
    while (
        len(words) > 1
        and words[0].group()[0].islower()
        and not words[0].group().startswith(elisions())
        and not (words[0].group() in vocab.org_heads and words[1].group().lower() in vocab.connectors)
    ):
        words.pop(0)  # a lower-case head followed by "de" starts the name: "ministère de la Culture"
    connectors = vocab.connectors | vocab.articles
    while (
        len(words) > 2
        and words[-1].group().islower()
        and words[-1].group() in heads
        and words[-1].group() not in lexicon.every_language("legal_forms")  # "Acal plc" stays whole
        and words[-2].group().lower() not in connectors  # "Agence nationale de la recherche" stays whole
    ):
        words.pop()
    words = _before_place(text, start, words, vocab)
    while len(words) > 1 and words[-1].group().lower() in connectors:
        words.pop()  # "Service de (presse)": a name does not end on "de"
    return start + words[0].start(), start + words[-1].end()


def _dated(word: str) -> bool:
    """A year, a weekday or a month, of any language."""
    return word.isdigit() or word.lower() in _date_names()


@cache
def _date_names() -> frozenset[str]:
    """Every language's weekdays and months written whole, in lower case (not "mer" or "jeu", which are
    also words of names)."""
    words = date_words.vocabulary("")
    return frozenset(w.lower() for w in (*words.weekdays, *words.months) if len(w) > 3)


def _named_after(words: list[re.Match[str]], vocab: lexicon.Vocabulary) -> bool:
    """A head of ``named_after_heads`` right before a capitalised name ("fondation Veolia", "fédération
    Finance et Banque"): the body is another than the one it is named after, though the head is a kind
    noun ("la société Acme" is Acme). Not before a complement ("la fondation du Comité Olympique")."""
    return len(words) > 1 and words[0].group() in vocab.named_after_heads and words[1].group()[:1].isupper()


def _before_place(
    text: str, start: int, words: list[re.Match[str]], vocab: lexicon.Vocabulary
) -> list[re.Match[str]]:
    """The words of a name before a place it is said to be in ("Eller College of Management in Tucson",
    "University of Arizona Cancer Center in Phoenix"): a connector that opens no complement of a name
    ("in", "à", not "of", "de") followed by a gazetteer place alone ends the name there."""
    elided = lexicon.every_language("elisions")
    joining = vocab.name_prepositions | vocab.conjunctions | vocab.articles | elided
    for n in range(len(words) - 2, 0, -1):
        word = words[n].group()
        if word.isalpha() and word in vocab.connectors and word not in joining:
            rest = text[start + words[n + 1].start() : start + words[-1].end()]
            return words[:n] if rest in place_names() else words
    return words


def after_owner(text: str, start: int, end: int, vocab: lexicon.Vocabulary) -> int:
    """Where a name starts that its owner's possessive opens ("Japan’s ITOCHU Corporation", "WADA's Ad Hoc
    European Committee", "the Government's Darwin Expert Committee"): an owner that is a country or region,
    an acronym or a head or generic noun is no part of the name, as "Lloyd’s" of "Lloyd’s Register
    Foundation" is (a town is not asked: "David" is one); nor is an owner whose name begins before the span
    ("Hong Kong’s WH Group")."""
    span = text[start:end]
    cuts = [(at, len(e) + 1) for e in possessive_endings() if (at := span.find(e + " ")) > 0]
    if not cuts:
        return start
    at, length = min(cuts)
    owner = span[:at]
    last = owner.split()[-1] if owner.split() else owner
    common = last.lower() in vocab.org_heads or last.lower() in vocab.generic
    longer = re.search(r"[A-ZÀ-ÖØ-Þ][\w.&’'-]* $", text[max(0, start - 40) : start]) is not None
    if looks_like_acronym(owner) or is_region(owner) or common or longer:
        return start + at + length  # past the possessive ending and its space
    return start


def before_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    """The owner in a span that runs on past a possessive ("Ahlstrom's Home and Personal" gives
    "Ahlstrom"): what follows the owner is something it has, a division or a product."""
    span = text[start:end]
    cuts = [span.find(e + " ") for e in possessive_endings()]
    cuts = [at for at in cuts if at > 0 and not _head_after(span, at)]
    return (start, start + min(cuts)) if cuts else (start, end)


def _head_after(span: str, at: int) -> bool:
    """Whether an organisation head follows the possessive at ``at`` or ends the span ("St. Augustine's
    University", "King's College", "America's Credit Unions"): the possessive is inside the name, not its
    owner's mark. Not after an acronym
    ("ESA's Council") nor before a governing body ("Caledonia's Board"): those are the owner's."""
    after = re.match(r"\S+\s+([\w-]+)", span[at:])
    owner = span[:at].split()
    if after is None or not owner or owner[-1].isupper():
        return False
    heads = lexicon.every_language("org_heads")
    head, last = after.group(1).lower(), span.split()[-1].lower()
    if last not in heads and last.endswith("s") and last[:-1] in heads:
        last = last[:-1]  # "America's Credit Unions"
    return any(word in heads and word not in _board_words() for word in (head, last))


@cache
def _board_words() -> frozenset[str]:
    """The words of the governing bodies' names of every language ("board", "committee")."""
    return frozenset(word for noun in lexicon.every_language("board_nouns") for word in noun.split())


def initial_dot(text: str, start: int, end: int) -> bool:
    """A final '.' that belongs to an abbreviation ("Inc.", "J.") rather than ending a sentence."""
    if text[end - 1] != ".":
        return False
    word = re.search(r"(\S+)$", text[start:end])
    return bool(word and _abbreviation().fullmatch(word.group(1)))


def after_titles(text: str, start: int, end: int, vocab: lexicon.Vocabulary) -> int:
    """The start of a name after the job titles a model span opens with ("CEO and Chairman ARM
    Holdings" gives "ARM Holdings"): a title names a person's post, never the body."""
    match = _titles_before(vocab.lang).match(text, start, end)
    return match.end() if match and match.end() < end else start


def after_date(text: str, start: int, end: int, lang: str) -> int:
    """The start of a name after the dateline date a span opens with ("August 2009 - The University of
    Surrey" gives "The University of Surrey"): a date is never part of an organisation's name."""
    if not any(ch.isdigit() for ch in text[start:end]):
        return start  # a dateline's date has a day or a year; reading every span for dates cost 1 %
    found = find_dates(text[start:end], lang)
    if not found or found[0].start != 0:
        return start
    rest = re.match(r"[\s,–—-]*", text[start + found[0].end : end])
    after = start + found[0].end + (rest.end() if rest else 0)
    return after if after < end and text[after].isupper() else start


def before_cut_word(text: str, start: int, end: int) -> int:
    """The end of a span that stops inside a hyphened word ("Milwaukee Water Commons Co" of "...Commons
    Co-Executive Director"): the part before the hyphen belongs to the word after, not to the name."""
    if end + 1 >= len(text) or text[end] not in "-‑" or not text[end + 1].isalpha():
        return end
    space = text.rfind(" ", start, end)
    return len(text[:space].rstrip(" ,")) if space > start else end


def with_legal_form(text: str, end: int) -> int:
    """The end of a company's name run on over the legal form right after it ("Crédit Agricole SA",
    "Groove Networks, Inc."): the form is part of the name, though the models often leave it out."""
    match = _legal_form_after().match(text, end)
    return match.end() if match else end


def after_at(text: str, start: int, end: int, vocab: lexicon.Vocabulary) -> tuple[int, int]:
    """The organisation after "at" in a model span that starts with a job's words.

    "Director of Networks at EirGrid" gives "Networks at EirGrid" to the model; a name
    with an organisation head before "at" ("University of Texas at Austin") is kept whole.
    """
    match = _workplace().search(text[start:end])
    if match and not has_head(text[start : start + match.start()], vocab):
        return start + match.end(), end
    return start, end


# --- the words these rules read, in every language (data/<lang>/names.json) --------------------------


@cache
def _titles_before(lang: str) -> re.Pattern[str]:
    """Role words, joined by conjunctions, then a space and a capital letter."""
    vocab = lexicon.vocabulary(lang)
    roles, joins = lexicon.alternation(vocab.role_words), lexicon.alternation(vocab.conjunctions | {"&"})
    return re.compile(rf"(?i:(?:{roles})(?:\s+(?:{joins})\s+(?:{roles}))*)\s+(?=[A-ZÀ-ÖØ-Þ])")


@cache
def _legal_form_after() -> re.Pattern[str]:
    """A legal form after a space, or after a comma and a space, that ends a word."""
    forms = lexicon.alternation(lexicon.every_language("legal_forms"))
    return re.compile(rf",?[ \u00a0](?:{forms})(?![\w-])")


@cache
def possessive_endings() -> tuple[str, ...]:
    """Every language's possessive endings ("'s"), longest first: a name is cut before one."""
    return tuple(sorted(lexicon.every_language("possessive_endings"), key=lambda e: (-len(e), e)))


@cache
def elisions() -> tuple[str, ...]:
    """Elided words ("d'", "l'"): a lower-case word before a name that is one starts the name."""
    return tuple(sorted(lexicon.every_language("elisions")))


def after_elision(word: str, elided: Iterable[str]) -> str | None:
    """The word written after one of the ``elided`` prepositions or articles ("image" of "l'image",
    "éthique" of "d'éthique"); None for any other word."""
    lower = word.lower()
    return next((word[len(e) :] for e in elided if lower.startswith(e) and len(lower) > len(e)), None)


@cache
def _role_complement() -> re.Pattern[str]:
    """The word after a role word that introduces its organisation ("Director of", "directeur d'")."""
    words = lexicon.every_language("role_complements")
    elided = lexicon.alternation(w for w in words if w[-1] in "'’")
    whole = lexicon.alternation(w for w in words if w[-1] not in "'’")
    return re.compile(rf"(?:{whole})\s+|(?:{elided})", re.IGNORECASE)


@cache
def _abbreviation() -> re.Pattern[str]:
    """Initials ("J.") or an abbreviation that ends a name ("Inc."), case kept."""
    return re.compile(
        rf"(?:[A-Z]\.)+|(?:{lexicon.alternation(lexicon.every_language('name_abbreviations'))})"
    )


@cache
def _workplace() -> re.Pattern[str]:
    """A preposition before a person's workplace and the capital that starts its name (" at EirGrid")."""
    words = lexicon.alternation(lexicon.every_language("workplace_prepositions"))
    return re.compile(rf"\s(?:{words})\s+(?=[A-ZÀ-ÖØ-Þ])")
