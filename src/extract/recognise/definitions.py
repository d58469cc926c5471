"""Acronyms defined in brackets: "Long Form (ACR)" and "ACR (Long Form)".

A definition pairs two mentions of one organisation, and it outranks every other source (the text
itself says where the name starts): the short form is found by its shape, the long form by the letters
it spells (:func:`extract.text.acronyms.long_form_start`) and kept only where it names an organisation.
The recogniser (:mod:`extract.recognise.recogniser`) adds both as candidates and keys them together.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extract.languages import lexicon
from extract.recognise.blocks import Block
from extract.recognise.candidates import Candidate, Definition
from extract.recognise.corrections import short_form_of
from extract.recognise.names import followed_by, has_head, names_org
from extract.text import acronyms
from extract.text.fold import fold

#: An acronym written as a word, capital first ("Gifen", "Cnam"), read only where its long form spells it.
_TITLED_ACRONYM = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,9}")


def bracketed_definitions(
    text: str, doc: Doc, block: Block, *, max_acronym_len: int, max_long_form_words: int
) -> tuple[list[Candidate], list[Definition]]:
    """ "Long Form (ACR)" and "ACR (Long Form)" pairs of ``block`` whose long form names an organisation:
    their candidates, and the pairs that key them as one entity."""
    vocab = lexicon.vocabulary(block.lang)
    sub = text[block.start : block.end]
    found: list[Candidate] = []
    pairs: list[Definition] = []
    for match in re.finditer(r"\(\s*([^()\n]{2,120}?)\s*\)", sub):
        inner = match.group(1)
        head = re.split(r"[,;:]\s", inner, maxsplit=1)[0].strip()
        before = sub[: match.start()].rstrip()
        titled = _TITLED_ACRONYM.fullmatch(head) is not None  # "(Gifen)", if its long form spells it
        if titled or acronyms.looks_like_acronym(head, max_len=max_acronym_len):
            short = (block.start + match.start(1), block.start + match.start(1) + len(head))
            long = _long_form_before(before, head, block.start, vocab, max_long_form_words)
            spelled = long is not None and _spelled_word_by_word(head, text[long[0] : long[1]], vocab)
            if titled and not spelled:
                continue
            if long is not None:
                long = _with_leading_name(text, doc, block.start, long, vocab)
        else:
            prev = re.search(r"([\w&-]+)\s*$", before)
            if not prev or not short_form_of(prev.group(1), inner, vocab):
                continue
            short = (block.start + prev.start(1), block.start + prev.end(1))
            long = (block.start + match.start(1), block.start + match.end(1))
            if not (acronyms.long_form_start(prev.group(1), inner) == 0 or has_head(inner, vocab)):
                continue
        long_form = text[long[0] : long[1]] if long else ""
        if not long_form or not (names_org(long_form, vocab) or _spelled_name(head, long_form)):
            continue
        if long_form.split()[-1].lower() in vocab.non_org_after:
            continue  # "Paris Region Innovation Tour (PRIT)": an event, and so is its acronym
        if followed_by(text, max(short[1], long[1]) + 1, vocab.non_org_after):
            continue
        pairs.append(Definition(short, long))
        found.append(Candidate(*short, "ORG", "definition", block.lang))
        found.append(Candidate(*long, "ORG", "definition", block.lang))
    return found, pairs


def _long_form_before(
    before: str, short: str, offset: int, vocab: lexicon.Vocabulary, max_words: int
) -> tuple[int, int] | None:
    """The long form of ``short`` that ends ``before`` (within one clause, at most ``max_words`` words)."""
    clause_start = max(before.rfind(c) for c in ";:\n(") + 1
    clause_start = max([clause_start, *(m.end() for m in re.finditer(r"[.!?]\s", before))])
    words = list(re.finditer(r"\S+", before[clause_start:]))
    window = words[-max_words:]
    if not window:
        return None
    start_in = clause_start + window[0].start()
    candidate = before[start_in:]
    found = acronyms.long_form_start(short, candidate)
    if found is None:
        return None
    start = start_in + found
    while True:  # the long form starts with a capital; articles are left out
        first = re.match(r"(\S+)\s+", before[start:])
        if not first or (first.group(1)[0].isupper() and first.group(1).lower() not in vocab.articles):
            break
        start += first.end()
    if start >= len(before) or not before[start].isupper():
        return None
    return offset + start, offset + len(before)


def _with_leading_name(
    text: str, doc: Doc, offset: int, long: tuple[int, int], vocab: lexicon.Vocabulary
) -> tuple[int, int]:
    """ "Pierce County Workforce Development Council (WDC)": the acronym spells the name from "Workforce",
    but the name the model reads, ending where the long form ends, starts earlier on capitalised words
    that are no article ("Pierce County"): the long form starts there."""
    for ent in doc.ents:
        start, end = offset + ent.start_char, offset + ent.end_char
        if ent.label_ != "ORG" or end != long[1] or not start < long[0]:
            continue
        words = text[start : long[0]].split()
        if all(w[:1].isupper() and w.lower() not in vocab.articles for w in words):
            return start, long[1]
    return long


def _spelled_word_by_word(acronym: str, long_form: str, vocab: lexicon.Vocabulary) -> bool:
    """Whether an acronym written as a word ("Gifen") spells the first letters of its long form's words but
    its connectors, elided articles left out ("Groupement des industriels français de l'énergie
    nucléaire")."""
    words = [re.sub(r"^\w['’]", "", w) for w in long_form.split()]
    letters = [w[0] for w in words if w and w.lower() not in vocab.connectors and w[0].isalpha()]
    return fold("".join(letters)) == fold(acronym)


def _spelled_name(acronym: str, long_form: str) -> bool:
    """A long form with no organisation head names a body when the acronym spells its capitalised words
    one by one and none is a role ("Mission Bethléem Immensee (MBI)", not "Chief Executive Officer (CEO)")."""
    roles = lexicon.every_language("role_words")
    words = [w.lower() for w in re.findall(r"[\w’'-]+", long_form)]
    return acronyms.is_initialism_of(acronym, long_form) and not any(w in roles for w in words)
