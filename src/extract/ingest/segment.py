"""Paragraphs, their language, and which of them are web boilerplate.

Press releases switch language (an English page with a French footer, a
bilingual release), so language is decided per paragraph and each paragraph
goes to its own language's model. Short paragraphs (headings, list items)
are too short to classify on their own and take the language of the nearest
long paragraph. Boilerplate (cookie notices, share links, navigation, spam)
is marked rather than removed, so offsets into the text never move.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from extract.core.errors import ExtractError
from extract.core.records import Paragraph
from extract.core.settings import Settings
from extract.languages.registry import languages, read_json


@cache
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of ``data/boilerplate.json``."""
    path = "boilerplate.json"
    try:
        data = read_json(path)
        patterns = data["patterns"]
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ValueError("'patterns' must be a list of strings")
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    except (ValueError, KeyError, re.error) as error:
        raise ExtractError("data.invalid", path=path, problem=error) from error


def is_boilerplate(paragraph: str) -> bool:
    """Whether the whole paragraph is web boilerplate."""
    text = paragraph.strip()
    return any(pattern.match(text) for pattern in boilerplate_patterns())


@cache
def _detector(candidates: tuple[str, ...]):  # -> lingua.LanguageDetector
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in candidates]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str, settings: Settings) -> tuple[str, float]:
    """The most likely language of ``text`` among the candidates, and its confidence.

    Read on the words that do not start with a capital where there are enough of them: names are
    nobody's language, and an English sentence listing French institutions ("alongside Centre Léon
    Bérard, Institut Curie ...") is English, whatever its names say. Only the first
    ``language.max_chars`` characters are read, up to a word's end: the detector's time grows with the
    text's length, and a paragraph keeps its language.
    """
    common = " ".join(word for word in text.split() if not word[:1].isupper())
    if len(common) >= settings.language_min_chars:
        text = common
    if len(text) > settings.language_max_chars:
        text = text[: settings.language_max_chars + 1].rsplit(None, 1)[0]
    return _best_language(text, tuple(settings.language_candidates))


@lru_cache(maxsize=4096)
def _best_language(text: str, candidates: tuple[str, ...]) -> tuple[str, float]:
    """Memoised: lingua is deterministic and the costliest step of segmentation, and press releases
    repeat whole paragraphs (an "About us" footer, a contact block) from one release to the next."""
    values = _detector(candidates).compute_language_confidence_values(text)
    if not values:
        return "other", 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), best.value


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line holding more than white space, line ends left out."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            left = len(line) - len(line.lstrip())
            spans.append((match.start() + left, match.start() + left + len(stripped)))
    return spans


def segment(text: str, settings: Settings) -> list[Paragraph]:
    """The paragraphs of ``text`` with their language and boilerplate flag."""
    spans = split_lines(text)
    flags = [is_boilerplate(text[s:e]) for s, e in spans]
    langs: list[str | None] = []
    for (start, end), boiler in zip(spans, flags, strict=True):
        lang = None
        if not boiler and end - start >= settings.language_min_chars:
            code, confidence = detect_language(text[start:end], settings)
            if confidence >= settings.language_min_confidence or code not in languages():
                lang = code if code in languages() else "other"
        langs.append(lang)
    filled = _fill_short(langs, spans, text, settings)
    return [
        Paragraph(start, end, lang, boiler)
        for (start, end), lang, boiler in zip(spans, filled, flags, strict=True)
    ]


def _fill_short(
    langs: list[str | None], spans: list[tuple[int, int]], text: str, settings: Settings
) -> list[str]:
    """Give each undecided paragraph the language of the nearest decided one (before first)."""
    decided = [i for i, lang in enumerate(langs) if lang is not None]
    if not decided:
        # Nothing long enough: judge the document's text as a whole.
        whole = " ".join(text[s:e] for s, e in spans)
        code, _ = detect_language(whole, settings) if whole.strip() else ("other", 0.0)
        fallback = code if code in languages() else "other"
        return [fallback for _ in langs]
    filled = []
    for i, lang in enumerate(langs):
        if lang is None:
            nearest = min(decided, key=lambda j: (abs(j - i), j > i))
            lang = langs[nearest]
        filled.append(lang)
    return filled


def document_language(paragraphs: list[Paragraph], settings: Settings) -> str:
    """A supported language, mixed or other, from the share of characters in each language.

    Mixed when the second language covers at least ``language.mixed_share``; a tie goes to the code
    that sorts first."""
    shares: Counter[str] = Counter()
    for paragraph in paragraphs:
        if not paragraph.boilerplate:
            shares[paragraph.lang] += paragraph.end - paragraph.start
    total = sum(shares.values())
    if not total:
        return "other"
    ranked = sorted(languages(), key=lambda lang: (-shares[lang], lang))
    if sum(shares[lang] for lang in ranked) / total < settings.language_supported_share:
        return "other"
    if len(ranked) > 1 and shares[ranked[1]] / total >= settings.language_mixed_share:
        return "mixed"
    return ranked[0]
