"""The models' attribute ruler and lemmatizer as tables: the same attributes, found once per kind of token.

spaCy's English model maps every fine-grained tag to its part of speech and morphology, plus a few
word exceptions, with the 179 Matcher patterns of its ``attribute_ruler``; several use ``IN`` and
``REGEX`` predicates, which the Matcher evaluates in Python at every token. That is about a tenth of
the whole model's time on press releases (2.4 s of 20 s on 240 of them), for a result that, for a
pattern of one token, depends only on the token's word and tags. So:

- the ruler's one-token patterns are matched once per distinct (word, tag, dependency, ...) key, on
  a Doc of that one token, by a Matcher holding those patterns (spaCy's own predicates, so the verdict
  is spaCy's), and the attributes they set are kept in a table;
- each Doc then takes its attributes from that table through ``Doc.to_array``/``Doc.from_array``;
- patterns over several tokens, with operators or with attributes a lone token cannot carry go
  through a Matcher on the whole Doc, as before, and every match is applied in the ruler's order
  (later patterns win), so the tokens end with the very attributes the ruler would give them.

A ruler whose patterns set anything but POS, TAG, MORPH, LEMMA or DEP is left as it is.

The lemmatizer that follows reads each token in Python too (a tenth of a millisecond per sentence);
its rules give the same lemma for the same word, part of speech and morphology, so its lemmas are
kept in a table with that key (:class:`LemmaTable`). The setting ``models.attribute_table`` turns
both off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

#: Attributes of a token (not of its word) that a one-token Doc is given, so that patterns may test them.
TOKEN_ATTRS = {"TAG": TAG, "POS": POS, "MORPH": MORPH, "LEMMA": LEMMA, "DEP": DEP}
#: Attributes of the word itself: the same on a one-token Doc made from the same text.
WORD_ATTRS = frozenset(
    {
        "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH",
        "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
        "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
        "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
    }
)  # fmt: skip
#: Attributes the table may set; a ruler setting any other is left as it is.
SETTABLE = (POS, TAG, MORPH, LEMMA, DEP)
#: Lemmatizers whose lemma depends on the word, part of speech and morphology alone (their code was read
#: for this: spaCy's own, and the English and French ones that override it); modes likewise.
TABLED_LEMMATIZERS = frozenset({"Lemmatizer", "EnglishLemmatizer", "FrenchLemmatizer"})
TABLED_MODES = frozenset({"rule", "lookup"})
#: Kinds of token a table remembers before it starts afresh: memory stays bounded on any corpus, and
#: re-learning a key costs one small Matcher call (a press release has a few hundred kinds of token).
MAX_KEYS = 200_000

Pattern = list[dict[str, Any]]


def one_token(pattern: Pattern) -> bool:
    """Whether ``pattern`` matches exactly one token on that token's word and tags alone."""
    if len(pattern) != 1 or "OP" in pattern[0]:
        return False
    return all(key.upper() in WORD_ATTRS or key.upper() in TOKEN_ATTRS for key in pattern[0])


def tabulable(ruler: AttributeRuler) -> bool:
    """Whether the ruler only sets attributes the table can set; any other ruler is left in the pipeline."""
    return all(set(attrs) <= set(SETTABLE) for attrs in ruler.attrs)


class AttributeTable:
    """Sets the attributes ``ruler`` would set, through a table of the tokens seen so far."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.single = Matcher(self.vocab)
        self.context = Matcher(self.vocab)
        tested: set[str] = set()
        for number in range(len(ruler.attrs)):
            key = str(number)
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                if one_token(pattern):
                    self.single.add(key, [pattern])
                    tested.update(k.upper() for k in pattern[0] if k.upper() in TOKEN_ATTRS)
                else:
                    self.context.add(key, [pattern])
        self.key_attrs = [ORTH, *(TOKEN_ATTRS[name] for name in sorted(tested))]
        self.set_attrs = sorted({attr for attrs in ruler.attrs for attr in attrs})
        self._columns = {attr: column for column, attr in enumerate(self.set_attrs)}
        self.attrs = [dict(attrs) for attrs in ruler.attrs]
        self.indices = list(ruler.indices)
        self._table: dict[tuple[int, ...], tuple[int, ...]] = {}  # key -> numbers of the matching entries
        self._values: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}  # numbers -> (column, value)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and self.set_attrs:
            self.set_annotations(doc, self.entries(doc))
        return doc

    def entries(self, doc: Doc) -> list[tuple[int, ...]]:
        """The numbers of the ruler's entries that match each token, in the ruler's order."""
        keys = [tuple(row) for row in doc.to_array(self.key_attrs).reshape(len(doc), -1).tolist()]
        table = self._table
        found = [table[key] if key in table else self._learn(key) for key in keys]
        if len(self.context):
            extra: dict[int, set[int]] = {}
            for match_id, start, end in self.context(doc, allow_missing=True):
                number = int(self.vocab.strings[match_id])
                # an index outside the span raises, as it does in spaCy
                target = doc[start:end][self.indices[number]].i
                extra.setdefault(target, set()).add(number)
            for i, numbers in extra.items():
                found[i] = tuple(sorted(numbers.union(found[i])))
        return found

    def set_annotations(self, doc: Doc, entries: Sequence[tuple[int, ...]]) -> None:
        """Give every token the attributes of its entries, a later entry overriding an earlier one.

        Written column-wise: tokens with the same entries share one row of values (a Doc has a few
        hundred such rows for thousands of tokens), and a mask keeps what no entry sets.
        """
        rows: dict[tuple[int, ...], int] = {}
        of_token = numpy.array([rows.setdefault(numbers, len(rows)) for numbers in entries])
        width = len(self.set_attrs)
        table = numpy.zeros((len(rows), width), dtype="uint64")
        setting = numpy.zeros((len(rows), width), dtype=bool)
        for numbers, row in rows.items():
            for column, value in self._values.get(numbers) or self._merge(numbers):
                table[row, column] = value
                setting[row, column] = True
        current = doc.to_array(self.set_attrs).reshape(len(doc), width)
        doc.from_array(self.set_attrs, numpy.where(setting[of_token], table[of_token], current))

    def _merge(self, numbers: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) of the attributes these entries set, applied in turn as the ruler does."""
        final: dict[int, int] = {}
        for number in numbers:
            final.update(self.attrs[number])
        self._values[numbers] = tuple((self._columns[attr], value) for attr, value in final.items())
        return self._values[numbers]

    def _learn(self, key: tuple[int, ...]) -> tuple[int, ...]:
        """The entries whose one-token patterns match a token of this key (spaCy's Matcher decides)."""
        if len(self._table) >= MAX_KEYS:
            self._table.clear()
        word = Doc(self.vocab, words=[self.vocab.strings[key[0]]], spaces=[False])
        if len(key) > 1:
            word.from_array(self.key_attrs[1:], numpy.array([key[1:]], dtype="uint64"))
        numbers = sorted({int(self.vocab.strings[m]) for m, _, _ in self.single(word, allow_missing=True)})
        self._table[key] = tuple(numbers)
        return self._table[key]


class LemmaTable:
    """Sets the lemmas ``lemmatizer`` would set, asking it once per (word, part of speech, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas, table, overwrite = [row[3] for row in rows], self._lemmas, self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                if key not in table:
                    if len(table) >= MAX_KEYS:
                        table.clear()
                    table[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = table[key]
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
        return doc


def tabled_lemmatizer(lemmatizer: object) -> bool:
    """Whether ``lemmatizer`` is one whose lemmas the :class:`LemmaTable` may keep."""
    known = type(lemmatizer).__name__ in TABLED_LEMMATIZERS
    return known and getattr(lemmatizer, "mode", None) in TABLED_MODES


@Language.factory("attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """Registered so that the table can be added to a pipeline (next to the ruler it stands in for)."""
    return AttributeTable(nlp.get_pipe("attribute_ruler"))


@Language.factory("lemma_table")
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    """Registered so that the table can be added to a pipeline (next to the lemmatizer it stands in for)."""
    return LemmaTable(nlp.get_pipe("lemmatizer"))


def use_attribute_table(nlp: Language) -> list[str]:
    """Put tables in the place of ``nlp``'s attribute ruler and lemmatizer where they can stand in for them;
    return the names of the components replaced."""
    replaced = []
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler) and tabulable(ruler):
        nlp.add_pipe("attribute_table", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
        replaced.append("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if lemmatizer is not None and tabled_lemmatizer(lemmatizer):
        nlp.add_pipe("lemma_table", before="lemmatizer")
        nlp.remove_pipe("lemmatizer")
        replaced.append("lemmatizer")
    return replaced
