"""Calendar dates in every supported language: where they stand in a text and their ISO 8601 value.

The gold guidelines fix both the span of a DATE (weekday and modifiers in, leading prepositions
out, an elliptical range as one mention) and its value (no year unless the expression states
one). spaCy's DATE spans follow neither rule and carry no value, so dates are found by a small
grammar instead: the words of each language (month names, weekdays, modifiers, range
connectors) live in ``data/<lang>/dates.json``, read and checked by
:mod:`extract.languages.date_words`; the shapes that combine them live here.

Every shape is a regular expression compiled once per language; all of them run over the text,
and the longest non-overlapping candidates win, so "Thursday October 27, 2016" beats the
"2016" inside it and "April 21 and 22" beats "April 21".
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from extract.languages.date_words import Vocabulary, vocabulary
from extract.languages.registry import languages
from extract.text.fold import fold_keeping_punctuation


@dataclass(frozen=True)
class DateMatch:
    """One date expression: character offsets into the text (end exclusive) and its ISO value."""

    start: int
    end: int
    text: str
    value: str


# --- grammar ----------------------------------------------------------------------------------------

#: At least one white-space character and at most one line break: a date never spans a blank line.
#: Atomic, so that long runs of spaces cost no backtracking.
_SP = r"(?=\s)(?>[^\S\n]*\n?[^\S\n]*)"
_OSP = r"(?>[^\S\n]*\n?[^\S\n]*)"
_COMMA = rf"(?:,{_OSP}|{_SP})"
_DASHES = "-‐‑‒–—−"
_DASH = f"[{_DASHES}]"
#: A date does not start inside a word, a number ("2,017", "10.2017"), an identifier ("H2020",
#: "ERC-2019") or a URL-like token.
_START = r"(?<![\w@/=#°№])(?<!\d[.,:\-])(?<![^\W\d_]-)"
#: A date ends where a word does, or at a year glued to the next word by a page's markup ("26 January
#: 2015News", "2016-06-29T10:51").
_END = (
    rf"(?:(?![\w@=%])|(?<=\d{{4}})(?-i:(?=[A-ZÀ-Þ][a-zà-ÿ]))|(?<=\d)(?-i:(?=T\d\d:)))"
    rf"(?![.,:/]\d)(?!{_DASH}[^\W_])"
)
_YEAR = r"(?:1\d|20)\d\d(?!\d)"
#: A year standing alone: the guideline's range, so that counts like "1500" are not read as years.
_BARE_YEAR = r"(?:19|20)\d\d(?!\d)"
#: A day of the month as digits, as one alternation.
_DAY = r"3[01]|[12]\d|0?[1-9]"
#: Tokens that hold no dates for the guideline: URLs, e-mail addresses, query strings.
_URLISH = re.compile(r"\S*(?:://|www\.|@|=)\S*|\S*\w\.[a-z]{2,6}/\S*", re.IGNORECASE)
_NEVER = "(?!)"
#: The word just before a position (searched in a window ending there).
_WORD_BEFORE = re.compile(r"([^\W\d_]+['’]?)[^\S\n]+$")


def _after_any(words: Sequence[str]) -> str:
    """A lookbehind for one of ``words`` and a space ("founded in 1892"), each alternative of fixed width."""
    return "(?:" + "|".join(rf"(?<=(?<!\w){re.escape(word)} )" for word in words) + ")" if words else "(?!)"


def _alternation(words: Iterable[str]) -> str:
    """``words`` (and their accent-free forms) as a regex alternation, longest first.

    Longest first so that "sept" is not read as "sep" and "début des" wins over "début".
    Spaces inside a phrase match any white space.
    """
    forms = {form for word in words for form in (word.casefold(), fold_keeping_punctuation(word))}
    if not forms:
        return _NEVER
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    return "|".join(_SP.join(re.escape(part) for part in form.split()) for form in ordered)


@dataclass(frozen=True)
class _Rule:
    """One shape of date: its pattern and the function that turns a match into a value (or rejects it)."""

    pattern: re.Pattern[str]
    value: Callable[[re.Match[str]], str | None]


class Grammar:
    """The date shapes of one vocabulary, compiled once; :func:`grammar` caches one per language."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self._leading = {fold_keeping_punctuation(word) for word in vocab.leading_words}
        self._count_words = tuple(
            sorted({fold_keeping_punctuation(word) for word in vocab.count_words}, key=len, reverse=True)
        )
        self._leading_prefix = re.compile(
            rf"\s*(?:(?:{_alternation(vocab.leading_words)})(?:\s+|(?<=['’]))\s*)*", re.IGNORECASE
        )
        self.rules = [
            _Rule(re.compile(_START + pattern + _END, re.IGNORECASE), value)
            for pattern, value in self._shapes()
        ]

    # -- building the patterns --

    def _shapes(self) -> list[tuple[str, Callable[[re.Match[str]], str | None]]]:
        """Every shape as (pattern, value function); the order does not matter, length decides."""
        v = self.vocab
        full = _alternation(v.months)
        abbreviated = _alternation(v.month_abbreviations)

        def month(group: str) -> str:
            return rf"(?P<{group}>(?:{full})|(?:{abbreviated})\.?)(?!\w)"

        suffix = _alternation(v.day_suffixes)

        day_words = _alternation(v.day_words)

        def day(group: str) -> str:
            # "1er", "1^er", "1 er" (a space the typesetter left) or a word ("premier")
            number = rf"(?P<{group}>{_DAY}|{day_words})"
            return rf"{number}(?:\^\{{(?:{suffix})\}}|\^? ?(?:{suffix}))?(?!\w)"

        weekday = rf"(?:(?:(?:{_alternation(v.weekdays)})\.?(?!\w)),?{_SP})?"
        modifier = rf"(?:(?P<mod>{_alternation(v.modifiers_before)})(?:{_DASH}|{_SP}|(?<=['’])))?"
        after = rf"{_SP}(?P<after>{_alternation(v.modifiers_after)})(?!\w)"
        day_month = rf"(?:{_SP}(?:{_alternation(v.day_month_joiners)}))?{_SP}"
        month_year = rf"(?:{_COMMA}|{_SP}(?:{_alternation(v.month_year_joiners)}){_SP})"
        words = rf"{_SP}(?:{_alternation(v.range_words)}){_SP}(?:(?:{_alternation(v.range_articles)}){_SP})?"
        connector = rf"(?P<conn>{_OSP}{_DASH}{_OSP}|{words})"
        year = rf"(?P<y>{_YEAR})"
        shapes: list[tuple[str, Callable[[re.Match[str]], str | None]]] = [
            (
                rf"{weekday}(?P<y>{_YEAR})(?P<s>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>{_DAY})",
                self._iso_value,
            ),
            (rf"{weekday}(?P<a>\d\d?)(?P<s>[-/.])(?P<b>\d\d?)(?P=s){year}", self._numeric_value),
            # "20.01.15", "24/03/22": a two-digit year only after a two-digit day and month
            (rf"{weekday}(?P<a>\d\d)(?P<s>[/.])(?P<b>\d\d)(?P=s)(?P<y>\d\d)(?!\d)", self._numeric_value),
            (
                rf"(?P<y1>{_BARE_YEAR})(?P<conn>{_OSP}{_DASH}{_OSP}|/)(?:(?P<y2>{_BARE_YEAR})|(?P<ap>['’])?(?P<yy>\d\d))",
                self._year_range_value,
            ),
            (rf"{modifier}{month('m')}{month_year}{year}", self._month_year_value),
            (rf"{modifier}{month('m')}(?:{after})?", self._month_value),
            (rf"{modifier}(?P<y>{_BARE_YEAR})", self._year_value),
            (rf"{_after_any(v.old_year_prepositions)}(?P<y>18\d\d)(?!\d)", self._year_value),
            *self._part_shapes(year),
            (
                rf"{month('m1')}(?:{_SP}(?P<y1>{_YEAR}))?{connector}{month('m2')}(?:{month_year}(?P<y2>{_YEAR}))?",
                self._month_range_value,
            ),
        ]
        decades = []
        if v.decade_suffixes:
            ending = _alternation(v.decade_suffixes)
            decades += [rf"(?P<dec>(?:18|19|20)\d)0(?:{ending})", rf"['’](?P<dec2>\d)0(?:{ending})"]
        if v.decade_words:
            decades.append(rf"(?:{_alternation(v.decade_words)}){_SP}(?P<dec3>(?:18|19|20)?\d)0(?!\d)")
        if decades:
            shapes.append((rf"{modifier}(?:{'|'.join(decades)})", self._decade_value))
        if "day_month" in v.day_orders:
            shapes += [
                (rf"{weekday}{day('d')}{day_month}{month('m')}(?:{_COMMA}{year}|{after})?", self._day_value),
                (
                    # "16, 17 et 18 octobre 2019": the days between the ends are listed
                    rf"{weekday}{day('d1')}(?:,{_OSP}(?:{_DAY})(?!\d))*{connector}{weekday}{day('d2')}{day_month}"
                    rf"{month('m')}(?:{_COMMA}{year}|{after})?",
                    self._day_range_value,
                ),
                (
                    rf"{weekday}{day('d1')}{day_month}{month('m1')}(?:{_COMMA}(?P<y1>{_YEAR}))?{connector}"
                    rf"{weekday}{day('d2')}{day_month}{month('m2')}(?:{_COMMA}(?P<y2>{_YEAR}))?",
                    self._span_value,
                ),
            ]
        if "month_day" in v.day_orders:
            shapes += [
                (rf"{weekday}{month('m')}{_SP}{day('d')}(?:{_COMMA}{year})?", self._day_value),
                (
                    rf"{weekday}{month('m')}{_SP}{day('d1')}{connector}{day('d2')}(?:{_COMMA}{year})?",
                    self._day_range_value,
                ),
                (
                    rf"{weekday}{month('m1')}{_SP}{day('d1')}(?:{_COMMA}(?P<y1>{_YEAR}))?{connector}"
                    rf"{weekday}{month('m2')}{_SP}{day('d2')}(?:{_COMMA}(?P<y2>{_YEAR}))?",
                    self._span_value,
                ),
            ]
        return shapes

    def _part_shapes(self, year: str) -> list[tuple[str, Callable[[re.Match[str]], str | None]]]:
        """ "first quarter of 2012", "Q1 2012", "premier semestre 2019": a part of a year, as an interval."""
        if not self.vocab.year_parts:
            return []
        parts = _alternation(self.vocab.year_parts)
        return [(rf"(?P<part>{parts}){_SP}{year}", self._part_value)]

    # -- values --

    def day_number(self, token: str) -> int:
        """The day a matched day token names ("07" -> 7, "premier" -> 1)."""
        return int(token) if token.isdigit() else self.vocab.day_words[fold_keeping_punctuation(token)]

    def month_number(self, token: str) -> int:
        """The month a matched month token names ("Sept." -> 9, "DÉCEMBRE" -> 12)."""
        key = fold_keeping_punctuation(token).rstrip(".")
        return self.vocab.months.get(key) or self.vocab.month_abbreviations[key]

    def _iso_value(self, match: re.Match[str]) -> str | None:
        return _iso(int(match["y"]), int(match["m"]), self.day_number(match["d"]))

    def _numeric_value(self, match: re.Match[str]) -> str | None:
        """Day first, as in French and British usage, unless only month first makes sense (US)."""
        first, second = int(match["a"]), int(match["b"])
        day, month = (second, first) if second > 12 >= first else (first, second)
        year = int(match["y"])
        return _iso(year + 2000 if year < 100 else year, month, day)

    def _year_range_value(self, match: re.Match[str]) -> str | None:
        """A compact year range ("2003-2007", "1995-'97", "2019/20") as an interval.

        A two-digit end that is no later than the first year ("2017-10") is an ISO month instead.
        """
        first = int(match["y1"])
        if match["y2"]:
            last = int(match["y2"])
        else:
            two_digits = int(match["yy"])
            if not match["ap"] and two_digits <= first % 100:
                is_month = match["conn"].strip() in _DASHES and 1 <= two_digits <= 12
                return f"{first:04d}-{two_digits:02d}" if is_month else None
            last = first - first % 100 + two_digits
            if last <= first:
                last += 100
        return f"{first:04d}/{last:04d}" if last > first else None

    def _month_year_value(self, match: re.Match[str]) -> str | None:
        return f"{int(match['y']):04d}-{self.month_number(match['m']):02d}"

    def _month_value(self, match: re.Match[str]) -> str | None:
        """A month alone, kept only where it cannot be an ordinary word or a first name.

        An abbreviation alone ("Jan", "Dec") is too often a name; an English month in lower
        case is an ordinary word ("may", "august"); a month that is also a common word or a
        name ("May", "June", "Mars") needs a modifier or a leading preposition ("in May").
        """
        token = match["m"]
        key = fold_keeping_punctuation(token).rstrip(".")
        if key not in self.vocab.months:
            return None
        if self.vocab.capitalised_months and not token[0].isupper():
            return None
        if key in self.vocab.months_needing_context and not (match["mod"] or match["after"]):
            before = _WORD_BEFORE.search(match.string, max(0, match.start() - 40), match.start())
            if not before or fold_keeping_punctuation(before[1]) not in self._leading:
                return None
        return f"XXXX-{self.vocab.months[key]:02d}"

    def _part_value(self, match: re.Match[str]) -> str | None:
        first, last = self.vocab.year_parts[fold_keeping_punctuation(match["part"])]
        year = int(match["y"])
        return _interval((year, first), (year, last))

    def _year_value(self, match: re.Match[str]) -> str | None:
        return None if self._is_count(match.string, match.start("y"), match.end("y")) else match["y"]

    def _is_count(self, text: str, start: int, end: int) -> bool:
        """Whether the 4-digit number at ``start:end`` is an amount or part of a grouped number.

        "2000 patients", "€2019", "2019 %" and the "2019" of "12 2019 44" are not years.
        """
        before = text[max(0, start - 3) : start]
        stripped = before.rstrip(" \u00a0\u202f")
        if stripped and stripped[-1] in "$€£¥":
            return True
        if stripped != before and stripped and stripped[-1].isdigit():
            return True
        following = fold_keeping_punctuation(text[end : end + 30].lstrip(" \u00a0\u202f"))
        for word in self._count_words:
            if following.startswith(word):
                rest = following[len(word) : len(word) + 1]
                if not word[-1].isalnum() or not rest or not rest.isalnum():
                    return True
        return False

    def _decade_value(self, match: re.Match[str]) -> str | None:
        groups = match.groupdict()
        if groups.get("dec"):
            return f"{groups['dec']}X"
        digits = groups.get("dec2") or groups.get("dec3") or ""
        return f"19{digits}X" if len(digits) == 1 else f"{digits}X"

    def _day_value(self, match: re.Match[str]) -> str | None:
        year = int(match["y"]) if match["y"] else None
        return _iso(year, self.month_number(match["m"]), self.day_number(match["d"]))

    def _day_range_value(self, match: re.Match[str]) -> str | None:
        """Days of one month ("April 21 and 22", "21-22 April 2019"): the first day borrows the month."""
        year = int(match["y"]) if match["y"] else None
        month = self.month_number(match["m"])
        first, last = self.day_number(match["d1"]), self.day_number(match["d2"])
        return _interval((year, month, first), (year, month, last))

    def _span_value(self, match: re.Match[str]) -> str | None:
        """Two day-and-month dates joined: one mention if joined by a dash or the first borrows the year."""
        return self._joined(
            match,
            (self.month_number(match["m1"]), self.day_number(match["d1"])),
            (self.month_number(match["m2"]), self.day_number(match["d2"])),
        )

    def _month_range_value(self, match: re.Match[str]) -> str | None:
        return self._joined(match, (self.month_number(match["m1"]),), (self.month_number(match["m2"]),))

    def _joined(self, match: re.Match[str], first: tuple[int, ...], last: tuple[int, ...]) -> str | None:
        """The interval of two joined expressions, or None where the guideline wants two mentions.

        Joined by words ("March 3 to April 5"), both ends complete, they are two mentions; only
        when the first end borrows its year from the second ("3 mars au 5 avril 2019") are they one.
        A dash always makes one mention.
        """
        y1 = int(match["y1"]) if match["y1"] else None
        y2 = int(match["y2"]) if match["y2"] else None
        dashed = any(char in _DASHES for char in match["conn"])
        if y1 is not None and y2 is None:
            return None
        if not dashed and (y1 is not None or y2 is None):
            return None
        return _interval((y1 if y1 is not None else y2, *first), (y2, *last))

    # -- finding --

    def find(self, text: str) -> list[DateMatch]:
        """Every date in ``text``: all shapes, longest non-overlapping candidates first, in text order."""
        candidates: list[tuple[int, int, str]] = []
        for rule in self.rules:
            for match in rule.pattern.finditer(text):
                value = rule.value(match)
                if value is not None:
                    candidates.append((match.start(), match.end(), value))
        if not candidates:
            return []
        masked = [(m.start(), m.end()) for m in _URLISH.finditer(text)]
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        starts: list[int] = []
        chosen: list[tuple[int, int, str]] = []
        for start, end, value in candidates:
            if _overlaps(masked, start, end):
                continue
            index = bisect.bisect_left(starts, start)
            if index > 0 and chosen[index - 1][1] > start:
                continue
            if index < len(chosen) and chosen[index][0] < end:
                continue
            starts.insert(index, start)
            chosen.insert(index, (start, end, value))
        return [DateMatch(start, end, text[start:end], value) for start, end, value in chosen]

    def leading_words_end(self, text: str) -> int:
        """Where the leading prepositions and articles of ``text`` ("in", "since the", "le") end."""
        match = self._leading_prefix.match(text)
        return match.end() if match else 0


def _overlaps(intervals: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in intervals)


def _iso(year: int | None, month: int, day: int | None = None) -> str | None:
    """``YYYY-MM-DD`` (``XXXX`` for an unstated year), or None for a day the month does not have."""
    if not 1 <= month <= 12:
        return None
    head = f"{year:04d}" if year is not None else "XXXX"
    if day is None:
        return f"{head}-{month:02d}"
    # an unstated year may be a leap year: 29 February is a valid day
    if not 1 <= day <= calendar.monthrange(year if year is not None else 2000, month)[1]:
        return None
    return f"{head}-{month:02d}-{day:02d}"


def _interval(first: tuple[int | None, ...], last: tuple[int | None, ...]) -> str | None:
    """``A/B`` for two (year, month[, day]) ends, or None unless B comes after A."""
    begin, end = _iso(*first), _iso(*last)  # type: ignore[arg-type]
    if begin is None or end is None:
        return None
    comparable = [(0 if part is None else part) for part in first], [(0 if p is None else p) for p in last]
    if comparable[0] >= comparable[1]:
        return None
    return f"{begin}/{end}"


def grammar(lang: str) -> Grammar:
    """The compiled grammar for ``lang`` (a supported language; anything else: all of them)."""
    return _compiled(lang if lang in languages() else "*")


@cache
def _compiled(key: str) -> Grammar:
    """One grammar per language key, built on first use: compiling costs far more than matching."""
    return Grammar(vocabulary(key))


# --- public API ---------------------------------------------------------------------------------------


def find_dates(text: str, lang: str) -> list[DateMatch]:
    """Every calendar date in ``text``, in text order, without overlaps.

    ``lang`` is a supported language; any other value uses all vocabularies. Never raises on any text.
    """
    if not isinstance(text, str) or not text:
        return []
    return grammar(lang if isinstance(lang, str) else "").find(text)


def normalise_date(expression: str, lang: str) -> str | None:
    """The ISO value of one date expression (such as a span spaCy labelled DATE), or None.

    The expression may begin with prepositions and articles ("in 2017", "the 1990s", "le 17
    décembre 2020") and end with punctuation; anything else around the date, or a text that
    is not a calendar date at all ("four years", "next year"), gives None.
    """
    if not isinstance(expression, str):
        return None
    text = expression.rstrip(" \t\n.,;:!?)")
    matches = find_dates(text, lang)
    if len(matches) != 1 or matches[0].end != len(text):
        return None
    rules = grammar(lang if isinstance(lang, str) else "")
    return matches[0].value if rules.leading_words_end(text) >= matches[0].start else None
