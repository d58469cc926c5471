"""The trained pair classifier: relations the rules have no shape for, read off a sentence's pairs.

A multinomial logistic regression over the features of :mod:`extract.relations.pairs`, trained on the
tune half of the real-text gold by ``make train-relations`` (:mod:`extract.training.relation_pairs`) and
shipped as data: ``data/models/relation_pairs.json`` holds its classes ("heads>" for the left name
heading the right one, "member_of<" for the right a member of the left, "none"), their intercepts, the
weight of each feature for each class it counts in, and the probability each predicate's triples need to
be emitted, chosen on the tune half by cross-validation. Its triples are added to the rules' (the same
triple from both is one, and keeps the rules' role and date): by document-held-out cross-validation on
the tune half the two together find more than either.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.core.errors import ExtractError
from extract.core.schema import POST_PREDICATES
from extract.languages.registry import data_root
from extract.relations.pairs import sentence_pairs
from extract.relations.view import Found, SentenceView

#: Where the shipped model lives, under the data folder.
MODEL_FILE = "models/relation_pairs.json"
#: The class that says "no relation".
NONE = "none"
#: The threshold of a predicate the model has none for: above any probability, never emitted.
NEVER = 2.0


def class_name(predicate: str, forward: bool) -> str:
    """A pair's class: "heads>" when the left entity heads the right one, "heads<" the other way round."""
    return f"{predicate}{'>' if forward else '<'}"


def read_class(name: str) -> tuple[str, bool]:
    """The predicate of a class and whether it reads from the left entity to the right one."""
    return name[:-1], name.endswith(">")


@dataclass(frozen=True, slots=True)
class PairModel:
    """Classes, their intercepts, each feature's weights by class index, and the probability a triple of
    each predicate needs to be emitted (a predicate without one is never emitted)."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[tuple[int, float], ...]]
    thresholds: dict[str, float]

    def best(self, features: Sequence[str]) -> tuple[str, float]:
        """The most probable class other than "none", and its probability."""
        scores = list(self.intercepts)
        for feature in features:
            for number, weight in self.weights.get(feature, ()):
                scores[number] += weight
        top = max(scores)
        exp = [math.exp(score - top) for score in scores]
        total = sum(exp)
        probability, name = max(
            (p / total, name) for name, p in zip(self.classes, exp, strict=True) if name != NONE
        )
        return name, probability


def model_from_dict(data: dict) -> PairModel:
    """A model from its JSON form (as written by training)."""
    classes = tuple(data["classes"])
    index = {name: number for number, name in enumerate(classes)}
    weights = {
        feature: tuple(sorted((index[name], float(w)) for name, w in by_class.items()))
        for feature, by_class in data["weights"].items()
    }
    thresholds = {predicate: float(t) for predicate, t in data["thresholds"].items()}
    return PairModel(classes, tuple(float(b) for b in data["intercepts"]), weights, thresholds)


def shipped_model() -> PairModel | None:
    """The model in the data folder in use; None when it has none (the rules alone then)."""
    return _model_at(data_root() / MODEL_FILE)


@cache
def _model_at(path: Path) -> PairModel | None:
    """Read once per file: every sentence asks for it. A file that is no model stops the run with a
    message naming it (a data folder of one's own, ``$EXTRACT_DATA``, may hold a wrong one)."""
    if not path.is_file():
        return None
    try:
        return model_from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        problem = f"not a relation pair model ({type(error).__name__}: {error})"
        raise ExtractError("data.invalid", path=path, problem=problem) from error


def classified(view: SentenceView, model: PairModel | None) -> Iterator[Found]:
    """The triples the model finds in the sentence, each with at least its predicate's threshold."""
    if model is None:
        return
    for pair, features in sentence_pairs(view):
        name, probability = model.best(features)
        predicate, forward = read_class(name)
        if probability >= model.thresholds.get(predicate, NEVER):
            subject, obj = (pair.left, pair.right) if forward else (pair.right, pair.left)
            yield Found(subject.key, predicate, obj.key, None, None)


def beside_rules(found: Iterable[Found], rules: Sequence[Found]) -> Iterator[Found]:
    """The model's triples of a sentence but a post of a person the sentence's rules placed elsewhere, in
    an organisation they gave another person: in "X, président de A ; Y, directeur de B" the rules give
    each person the organisation of their own item, and the model, which weighs each pair alone, would give
    X every organisation of the list as well."""
    holders: dict[str, set[str]] = {}
    for post in (f for f in rules if f.predicate in POST_PREDICATES):
        holders.setdefault(post.object, set()).add(post.subject)
    placed = set().union(*holders.values())

    def elsewhere(one: Found) -> bool:
        """Placed by the rules, but not here, where they placed someone else."""
        here = holders.get(one.object, set())
        return one.subject in placed and one.subject not in here and bool(here)

    return (f for f in found if not (f.predicate in POST_PREDICATES and elsewhere(f)))
