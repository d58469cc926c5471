"""Train the pair classifier of :mod:`extract.relations.pair_model` on gold texts, and choose its thresholds.

Every gold text is read as the pipeline reads it (the same recognition, the same sentences); each
candidate pair of each sentence (:func:`extract.relations.pairs.candidate_pairs`) is labelled by the
gold: a recognised entity stands for the gold entity whose mentions it overlaps most, and a pair is
"heads>" when the gold says the left one heads the right one in a quote overlapping the sentence,
:data:`UNSTATED` (not learned from) when the gold relates the two only elsewhere, "none" when it says
nothing of them. A logistic regression (scikit-learn, installed by ``make train-relations`` only) learns
the classes from features seen in at least :data:`MIN_COUNT` pairs. Each predicate's threshold (the
probability its triples need) is the one of :data:`THRESHOLDS`, or none, under which the rules and the
classifier together find the most of the gold triples (F1) in :data:`FOLDS`-fold cross-validation by
document: each text scored by a model that did not see it. The model is written as JSON, its weights
rounded, so the same gold gives the same file.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.core.records import Mention
from extract.core.settings import Settings
from extract.evaluate.gold import load_gold
from extract.ingest.files import ingest
from extract.ingest.segment import segment
from extract.recognise.recogniser import Recogniser
from extract.relations.document import find_relations
from extract.relations.pair_model import NEVER, NONE, class_name, read_class
from extract.relations.pairs import sentence_pairs
from extract.relations.view import Evidence, SentenceView

#: A feature must be seen in this many pairs to be learned (rarer ones only fit their text).
MIN_COUNT = 3
#: The inverse regularisation strength of the regression.
C = 0.5
#: Weights smaller than this are left out of the shipped file (they change no decision).
SMALLEST_WEIGHT = 0.01
#: Decimals kept of each weight.
DECIMALS = 4
#: The thresholds tried, and the folds of the cross-validation that chooses among them.
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
FOLDS = 5

#: The label of a pair the gold relates in another sentence than this one: not learned from.
UNSTATED = "?"

Triple = tuple[str, str, str]
Span = tuple[int, int] | None


@dataclass
class GoldText:
    """One gold text as training sees it: its pairs' features and labels, the gold entities each pair
    stands for, the rules' triples and the gold's, both in gold entity ids."""

    doc: str
    features: list[list[str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    ends: list[tuple[str | None, str | None]] = field(default_factory=list)
    rules: set[Triple] = field(default_factory=set)
    gold: set[Triple] = field(default_factory=set)


def read_gold_texts(
    gold_dir: Path, raw_dir: Path, settings: Settings, *, progress: Callable[[str], None] = lambda _: None
) -> list[GoldText]:
    """Every gold file of ``gold_dir`` with its text in ``raw_dir``, read by the pipeline."""
    recogniser = Recogniser(settings)
    texts = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = load_gold(path)
        text = ingest(raw_dir / gold["doc"], raw_dir).text
        texts.append(_read(gold, text, *next(recogniser.recognise([(text, segment(text, settings))]))))
        progress(gold["doc"])
    return texts


def _read(gold: dict[str, Any], text: str, mentions: Sequence[Mention], blocks: Sequence[Any]) -> GoldText:
    """One gold text's pairs, labelled: a pair the gold relates by a quote that overlaps the sentence
    takes that relation's class, one it relates elsewhere is :data:`UNSTATED`, any other "none"."""
    entity_of = _entity_of(mentions, gold["mentions"])
    related = _related(gold["relations"], text)
    read = GoldText(
        gold["doc"], gold={_normal((r["subject"], r["predicate"], r["object"])) for r in gold["relations"]}
    )

    def observe(view: SentenceView, evidence: Evidence) -> None:
        for pair, features in sentence_pairs(view):
            left, right = entity_of.get(pair.left.key), entity_of.get(pair.right.key)
            stated = [
                name
                for name, where in related.get((left, right), ())
                if where is None or (where[0] < evidence.end and evidence.start < where[1])
            ]
            read.features.append(features)
            read.labels.append(min(stated) if stated else UNSTATED if (left, right) in related else NONE)
            read.ends.append((left, right))

    found = find_relations(blocks, mentions, use_model=False, observe=observe)
    read.rules = {
        _normal((entity_of.get(r.subject, ""), r.predicate, entity_of.get(r.object, ""))) for r in found
    }
    return read


def _entity_of(mentions: Sequence[Mention], gold_mentions: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Each recognised entity key -> the gold entity whose mentions its own overlap most (ties: the id
    first in order)."""
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        if mention.label not in ("ORG", "PERSON") or not mention.key:
            continue
        for gold in gold_mentions:
            if gold.get("entity") and gold["start"] < mention.end and mention.start < gold["end"]:
                votes.setdefault(mention.key, Counter())[gold["entity"]] += 1
    return {key: min(count, key=lambda e: (-count[e], e)) for key, count in votes.items()}


def _related(relations: Iterable[dict[str, Any]], text: str) -> dict[tuple[str, str], list[tuple[str, Span]]]:
    """(left, right) gold entities -> the classes of the pair (the predicate and which way it reads),
    each with where its evidence stands in the text (None when the quote is not found as written)."""
    classes: dict[tuple[str, str], list[tuple[str, Span]]] = {}
    for relation in relations:
        subject, predicate, obj = relation["subject"], relation["predicate"], relation["object"]
        quote = (relation.get("evidence") or "").strip()
        at = text.find(quote) if quote else -1
        where = (at, at + len(quote)) if at >= 0 else None
        classes.setdefault((subject, obj), []).append((class_name(predicate, True), where))
        backwards = class_name(predicate, predicate == "partner_of")  # a partnership reads both ways
        classes.setdefault((obj, subject), []).append((backwards, where))
    return classes


def _normal(triple: Triple) -> Triple:
    """A partnership written one way: its two ends in order."""
    subject, predicate, obj = triple
    return (obj, predicate, subject) if predicate == "partner_of" and subject > obj else triple


def fit(texts: Sequence[GoldText], *, c: float | None = None) -> dict[str, Any]:
    """The regression trained on every pair of ``texts``, in the JSON form of
    :func:`extract.relations.pair_model.model_from_dict` (threshold not yet set)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    learned = [
        (features, label)
        for text in texts
        for features, label in zip(text.features, text.labels, strict=True)
        if label != UNSTATED
    ]
    seen = Counter(f for features, _ in learned for f in set(features))
    rows = [{f: 1 for f in features if seen[f] >= MIN_COUNT} for features, _ in learned]
    labels = [label for _, label in learned]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    regression = LogisticRegression(C=C if c is None else c, max_iter=5000).fit(matrix, labels)
    classes = [str(name) for name in regression.classes_]
    weights: dict[str, dict[str, float]] = {}
    for column, feature in enumerate(vectorizer.get_feature_names_out()):
        by_class = {
            classes[row]: round(float(regression.coef_[row, column]), DECIMALS)
            for row in range(len(classes))
            if abs(regression.coef_[row, column]) >= SMALLEST_WEIGHT
        }
        if by_class:
            weights[str(feature)] = by_class
    intercepts = [round(float(b), DECIMALS) for b in regression.intercept_]
    return {"classes": classes, "intercepts": intercepts, "weights": weights, "thresholds": {}}


@dataclass(frozen=True, slots=True)
class HeldOut:
    """One text as cross-validation scored it: the rules' right and wrong triples, the gold triples they
    miss, and each triple the classifier adds (by its likeliest pair) with its probability and rightness."""

    right: int
    wrong: int
    missed: int
    added: tuple[tuple[str, float, bool], ...]  # (predicate, probability, in the gold)


def cross_validate(texts: Sequence[GoldText], *, folds: int = FOLDS) -> list[HeldOut]:
    """Each text scored by a model trained on the other folds (texts dealt to folds in turn, in name
    order)."""
    from extract.relations.pair_model import model_from_dict

    held_out = []
    for fold in range(folds):
        model = model_from_dict(fit([t for n, t in enumerate(texts) if n % folds != fold]))
        for text in texts[fold::folds]:
            rules = {t for t in text.rules if t[0] and t[2]}
            added: dict[Triple, float] = {}
            for features, ends in zip(text.features, text.ends, strict=True):
                name, probability = model.best(features)
                triple = _triple(name, ends)
                if ends[0] and ends[1] and triple not in rules:
                    added[triple] = max(probability, added.get(triple, 0.0))
            held_out.append(
                HeldOut(
                    len(rules & text.gold),
                    len(text.rules) - len(rules & text.gold),
                    len(text.gold - rules),
                    tuple((t[1], p, t in text.gold) for t, p in sorted(added.items())),
                )
            )
    return held_out


def scored(held_out: Sequence[HeldOut], thresholds: Mapping[str, float]) -> dict[str, float]:
    """The rules' triples and the classifier's at ``thresholds`` (by predicate; absent: none) against
    the gold."""
    count = Counter[str]()
    for text in held_out:
        taken = [right for predicate, p, right in text.added if p >= thresholds.get(predicate, NEVER)]
        count["tp"] += text.right + sum(taken)
        count["fp"] += text.wrong + len(taken) - sum(taken)
        count["fn"] += text.missed - sum(taken)
    return _f1(count)


def choose_thresholds(held_out: Sequence[HeldOut]) -> dict[str, float]:
    """A threshold for each predicate, from :data:`THRESHOLDS` or none (the classifier's triples of that
    predicate left out), the best F1 of the rules and the classifier together: one predicate at a time,
    twice over, starting from the one threshold best for all."""
    predicates = sorted({predicate for text in held_out for predicate, _, _ in text.added})
    common = max(THRESHOLDS, key=lambda t: (scored(held_out, dict.fromkeys(predicates, t))["f1"], t))
    chosen = dict.fromkeys(predicates, common)
    for _ in range(2):
        for predicate in predicates:
            options = [*THRESHOLDS, NEVER]
            chosen[predicate] = max(
                options, key=lambda t: (scored(held_out, {**chosen, predicate: t})["f1"], t)
            )
    return {predicate: t for predicate, t in chosen.items() if t != NEVER}


def _triple(name: str, ends: tuple[str | None, str | None]) -> Triple:
    predicate, forward = read_class(name)
    left, right = ends[0] or "", ends[1] or ""
    return _normal((left, predicate, right) if forward else (right, predicate, left))


def _f1(count: Counter[str]) -> dict[str, float]:
    tp, fp, fn = count["tp"], count["fp"], count["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def train(texts: Sequence[GoldText], out: Path) -> list[tuple[str, dict[str, float]]]:
    """Cross-validate, choose the thresholds, then train on every text and write the model to ``out``.
    Returns the cross-validation's figures: the rules alone, the best single threshold, the chosen ones."""
    held_out = cross_validate(texts)
    thresholds = choose_thresholds(held_out)
    predicates = sorted({predicate for text in held_out for predicate, _, _ in text.added})
    figures = [("rules alone", scored(held_out, {}))]
    figures += [(f"all at {t}", scored(held_out, dict.fromkeys(predicates, t))) for t in THRESHOLDS]
    chosen = ", ".join(f"{predicate} {t}" for predicate, t in sorted(thresholds.items()))
    figures.append((f"chosen: {chosen}", scored(held_out, thresholds)))
    model = fit(texts)
    model["thresholds"] = thresholds
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    return figures
