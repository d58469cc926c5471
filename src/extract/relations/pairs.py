"""Candidate pairs of a sentence and the features a trained classifier reads off each.

The sentence rules accept a shape only when one was written for it, and shapes written from the texts
read do not carry over well to unseen ones. The pair classifier (:mod:`extract.relations.pair_model`),
trained on the gold texts by ``make train-relations``, reads every pair of entities of a sentence
instead. Features are strings: the words between the two names, the words around them, the dependency
path from one name's head to the other's, the lexicon's word classes on those words; each prefixed with
the kind of pair (person then organisation, organisation then person, two organisations), since the
same words mean different things in each. No word of a language is written here: the words come from
the text and the lexicon, their weights from training. (A person against the document's topic, "Its
director Jane Roe said", was tried as a pair too: on the tune half it found one right triple for ten
wrong ones, so the topic is left to the rules.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from extract.relations.frame_lexicon import frame_lexicon
from extract.relations.triggers import triggers_in
from extract.relations.view import Anchor, SentenceView, doc_forms

#: A gap longer than this many words is read by its ends only.
NEAR = 8
#: Dependency paths longer than this many steps are read as "long".
PATH_STEPS = 6
#: Two names with more names than this between them are not paired (a sentence listing fifty
#: organisations would otherwise give over a thousand pairs).
REACH = 8


@dataclass(frozen=True, slots=True)
class Pair:
    """Two entities of a sentence in text order (``right`` at :data:`TOPIC` for the document's topic)."""

    left: Anchor
    right: Anchor

    @property
    def kind(self) -> str:
        """ "PO", "OP" or "OO": the first letters of the two labels."""
        return self.left.label[0] + self.right.label[0]


def candidate_pairs(view: SentenceView) -> Iterator[Pair]:
    """Pairs of distinct entities of the sentence, one of them an organisation, at most :data:`REACH`
    names apart."""
    anchors = sorted({*view.anchors, *view.pronouns}, key=lambda a: (a.start, a.end, a.key))
    for number, left in enumerate(anchors):
        for right in anchors[number + 1 : number + 2 + REACH]:
            if left.key != right.key and "ORG" in (left.label, right.label):
                yield Pair(left, right)


def sentence_pairs(view: SentenceView) -> Iterator[tuple[Pair, list[str]]]:
    """Each candidate pair of the sentence with its features."""
    reader = _Reader(view)
    for pair in candidate_pairs(view):
        yield pair, reader.features(pair)


class _Reader:
    """The features of a sentence's pairs; each token's word and word classes are read once, since every
    pair of the sentence asks for them again."""

    def __init__(self, view: SentenceView) -> None:
        self.view = view
        self.forms = doc_forms(view.doc)
        self.frames = frame_lexicon()
        self.anchor_of: dict[int, Anchor] = {}
        for anchor in reversed((*view.anchors, *view.pronouns)):  # the first anchor holding a token wins
            self.anchor_of.update(dict.fromkeys(range(anchor.start, anchor.end), anchor))
        self.words: dict[int, str] = {}
        self.classes_of: dict[int, list[str]] = {}

    def features(self, pair: Pair) -> list[str]:
        """The features of ``pair``, each prefixed by its kind."""
        found = ["bias", *self._around(pair.left, "l"), *self._around(pair.right, "r")]
        found += self._gap(pair)
        found += self._path(pair)
        return [f"{pair.kind}|{feature}" for feature in found]

    @cached_property
    def _class_words(self) -> tuple[tuple[str, frozenset[str]], ...]:
        lexicon, frames = self.view.lexicon, self.frames
        return (
            ("heads", lexicon.heads),
            ("works_for", lexicon.works_for),
            ("copula", lexicon.copulas),
            ("and", self.view.merged.and_words),
            ("role_verb", frames.role_verbs),
            ("founder", frames.founder_roles),
            ("appoint", frames.appointing_verbs),
            ("membership", lexicon.membership_nouns),
            ("team", lexicon.team_nouns),
        )

    def classes(self, index: int) -> list[str]:
        """The lexicon's word classes of a token: a role word heading (heads) or not (works_for), a frame
        verb and its predicate, a copula, "and"."""
        found = self.classes_of.get(index)
        if found is None:
            text, lemma = self.forms[index]
            found = [name for name, words in self._class_words if text in words or lemma in words]
            found += [f"frame:{f.predicate}:{f.agent}" for f in self.frames.frames.get(lemma, ())]
            self.classes_of[index] = found
        return found

    def word(self, index: int) -> str:
        """A token as a feature: its lemma, lower-cased; a name stands as its label, a number as "#"."""
        found = self.words.get(index)
        if found is None:
            anchor = self.anchor_of.get(index)
            if anchor is not None:
                found = anchor.label
            elif self.view.doc[index].like_num:
                found = "#"
            else:
                found = self.forms[index][1]
            self.words[index] = found
        return found

    def _around(self, anchor: Anchor, side: str) -> list[str]:
        """The two words before and after a name, its head's dependency and its first word's part of
        speech."""
        sent, found = self.view.sent, []
        for step in (1, 2):
            before, after = anchor.start - step, anchor.end - 1 + step
            found.append(f"{side}b{step}:{self.word(before) if before >= sent.start else '<s>'}")
            found.append(f"{side}a{step}:{self.word(after) if after < sent.end else '</s>'}")
        found.append(f"{side}dep:{self._head(anchor).dep_}")
        found.append(f"{side}pos:{self.view.doc[anchor.start].pos_}")
        return found

    def _gap(self, pair: Pair) -> list[str]:
        """The words between the two names (all of them when few, else three at each end), how many
        names stand between, the word classes and the triggers found there."""
        start, end = pair.left.end, pair.right.start
        words: list[str] = []
        classes: set[str] = set()
        index = start
        while index < end:
            anchor = self.anchor_of.get(index)
            if anchor is not None:
                words.append(anchor.label)
                index = max(anchor.end, index + 1)
                continue
            words.append(self.word(index))
            classes.update(self.classes(index))
            index += 1
        between = sum(1 for word in words if word in ("ORG", "PERSON"))
        found = [f"n:{min(between, 3)}", *(f"gc:{name}" for name in sorted(classes))]
        found += [f"t:{m.predicate}{m.direction}" for m in triggers_in(self.view, start, end)]
        if len(words) <= NEAR:
            found.append("g:" + " ".join(words))
            found.extend(f"w:{word}" for word in words)
        else:
            found.append("far")
            found.extend(f"w0:{word}" for word in words[:3])
            found.extend(f"w9:{word}" for word in words[-3:])
        return found

    def _head(self, anchor: Anchor) -> Token:
        return Span(self.view.doc, anchor.start, anchor.end).root

    def _path(self, pair: Pair) -> list[str]:
        """The dependency path between the two names' heads: its shape, and the words on it."""
        left, right = self._head(pair.left), self._head(pair.right)
        up_left = [left, *left.ancestors]
        up_right = [right, *right.ancestors]
        common = next((token for token in up_left if token in up_right), None)
        if common is None:
            return ["p:none"]
        rising = up_left[: up_left.index(common)]
        falling = up_right[: up_right.index(common)]
        steps = [f"{t.dep_}^" for t in rising] + [f"v{t.dep_}" for t in reversed(falling)]
        inner = [t for t in (*rising[1:], common, *falling[1:]) if t not in (left, right)]
        lemmas = [self.word(t.i) for t in inner]
        found = [f"pl:{lemma}" for lemma in lemmas]
        found += [f"pc:{name}" for t in inner for name in self.classes(t.i)]
        if len(steps) <= PATH_STEPS:
            found.append("pd:" + " ".join(steps))
            found.append("p:" + " ".join(steps) + " | " + " ".join(lemmas))
        else:
            found.append("p:long")
        if common not in (left, right):
            found.append(f"c:{self.word(common.i)}")
        return found
