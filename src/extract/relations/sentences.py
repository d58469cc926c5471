"""The sentences the relation rules read, and the lexicon each is read with.

A parsed block may hold several paragraphs, and the small parsers run a title without a full stop into
the next paragraph or cut a sentence after a name in capitals; a paragraph may also be taken for the
wrong language when it is full of foreign names. Sentences are therefore cut at every line end and at
the parser's boundaries that follow a full stop, and the lexicon follows the words of the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.languages.registry import languages
from extract.relations.lexicon import RelationLexicon, load_lexicon
from extract.relations.view import doc_forms

#: What may end a sentence inside a line, and what may stand after that stop.
SENTENCE_STOPS = frozenset({".", "!", "?", "…", "..."})
BULLETS = frozenset({"•", "▪", "►", "-", "–", "*", "·", "‣", "◦"})
SENTENCE_CLOSERS = frozenset({'"', "”", "»", "'", "’", ")", "]"})


def sentence_lexicon(sent: Span) -> RelationLexicon:
    """The lexicon of the language ``sent`` is written in: the block's language unless the sentence holds
    more of another language's marker words (a paragraph full of French names may be taken for French)."""
    words = [text for text, _ in doc_forms(sent.doc)[sent.start : sent.end]]
    own = sent.doc.lang_

    def weight(lang: str) -> tuple[int, bool]:
        markers = load_lexicon(lang).marker_words
        return sum(word in markers for word in words), lang == own

    return load_lexicon(max(languages(), key=weight))


def lines(doc: Doc) -> list[Span]:
    """The block's lines: a block may hold several paragraphs, and nothing is stated across a line end.

    Computed once per Doc: relation finding reads them twice per block, for the footnote lists and again
    to cut sentences. ``doc.user_data`` keeps token bounds, not Spans, so that it holds no reference back
    to the Doc.
    """
    cached = doc.user_data.get("extract.lines")
    if cached is None or cached[0] != len(doc):
        bounds = tuple((span.start, span.end) for span in _lines(doc))
        cached = doc.user_data["extract.lines"] = (len(doc), bounds)
    return [doc[start:end] for start, end in cached[1]]


def _lines(doc: Doc) -> list[Span]:
    spans, start = [], 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            spans.append(doc[start : token.i])
            start = token.i + 1
    spans.append(doc[start:])
    return [_trimmed(span) for span in spans if span.text.strip()]


def sentences(doc: Doc) -> list[Span]:
    """The block's sentences: its lines, cut where the parser starts a sentence after a full stop.

    The small parsers run a title line without a full stop into the next paragraph, or cut a sentence
    after a name in capitals; a sentence inside a line ends with ".", "!" or "?".
    """
    spans = []
    for line in lines(doc):
        start = line.start
        for token in line[1:]:
            if token.is_sent_start and _ends_sentence(doc, token.i):
                spans.append(doc[start : token.i])
                start = token.i
        spans.append(doc[start : line.end])
    return [_trimmed(span) for span in spans if span.text.strip()]


def _ends_sentence(doc: Doc, index: int) -> bool:
    """Does the text before token ``index`` end a sentence (a stop, possibly inside quotes or brackets)?"""
    for token in reversed(doc[:index]):
        if token.is_space or token.text in SENTENCE_CLOSERS:
            continue
        return token.text in SENTENCE_STOPS
    return True


def _trimmed(span: Span) -> Span:
    """``span`` without surrounding white space and without the bullet that opens a list item."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_space or span.doc[start].text in BULLETS):
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]
