"""spaCy models, loaded once per language and only when a document needs them.

Each model gets one extra component before its parser, ``newline_sentences``:
press releases put headings, list items and contact lines on lines of their
own, without a full stop, and letting a sentence run across a line end joins
a heading to the next paragraph's subject.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from extract.core.errors import ExtractError
from extract.core.settings import Settings
from extract.recognise.attribute_table import use_attribute_table

log = logging.getLogger(__name__)


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line end."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


class Models:
    """The spaCy pipeline of each language, loaded on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._loaded: dict[str, Language] = {}
        self.load_seconds = 0.0

    def __contains__(self, lang: str) -> bool:
        return lang in self._loaded

    def __iter__(self) -> Iterator[str]:
        """The languages whose model is loaded so far."""
        return iter(self._loaded)

    def get(self, lang: str) -> Language:
        """The pipeline for ``lang``, loading it now if need be."""
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang)
        return self._loaded[lang]

    def _load(self, lang: str) -> Language:
        import spacy

        name = self.settings.model_for(lang)
        started = time.perf_counter()
        try:
            nlp = spacy.load(name)
        except OSError as error:
            raise ExtractError("model.missing", model=name, setting=f"models.{lang}") from error
        nlp.add_pipe("newline_sentences", before="parser" if "parser" in nlp.pipe_names else None)
        if self.settings.models_attribute_table:
            use_attribute_table(nlp)
        nlp.max_length = max(nlp.max_length, self.settings.recognise_max_block_chars + 1)
        self.load_seconds += time.perf_counter() - started
        log.debug("loaded %s in %.1fs", name, time.perf_counter() - started)
        return nlp
