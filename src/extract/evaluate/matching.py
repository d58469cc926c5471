"""Scoring one document: one-to-one matchings of gold and predicted items, counted and explained.

The rules are those of gold/GUIDELINES.md, "How the scorer counts". Every
comparison is a one-to-one matching computed with one deterministic algorithm
(:func:`match_one_to_one`), so the same tables and gold files always give the
same figures and the same error listing. Figures are kept as raw counts
(:class:`Counts`, :class:`Ratio`) per document and only turned into precision,
recall and F1 after summing (:mod:`extract.evaluate.score`), which makes every
average a micro average.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from extract.core.schema import ENTITY_TYPES, LABELS, PREDICATES, SYMMETRIC_PREDICATES
from extract.evaluate.annotations import SPACES, Annotations, DocPair, Entity, Span, Triple

G = TypeVar("G")
P = TypeVar("P")

#: Characters shown either side of a span in the error listing.
CONTEXT_CHARS = 40


# --- counts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives of one figure.

    A figure with nothing to find and nothing found scores 1.0: the system made
    no mistake, and a perfect prediction then reads 1.0 everywhere. Otherwise a
    zero denominator gives 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        """True when there was nothing to find and nothing was predicted."""
        return self.tp + self.fp + self.fn == 0

    @property
    def precision(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.empty:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The counts and the three scores, for JSON."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Ratio:
    """``hits`` out of ``total`` (an accuracy); undefined (None) when there is nothing to count."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict[str, float | int | None]:
        return {"hits": self.hits, "total": self.total, "accuracy": self.value}


# --- what one document scored -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoreError:
    """One false positive or false negative (or both, for a pair), as the error listing shows it."""

    doc: str
    layer: str  # mentions | entities | relations
    kind: str  # missed | spurious | wrong boundary | wrong label | wrong date value | wrong predicate | ...
    label: str  # mention label, entity type or predicate
    gold: str | None
    predicted: str | None
    context: str
    start: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "layer": self.layer,
            "kind": self.kind,
            "label": self.label,
            "gold": self.gold,
            "predicted": self.predicted,
            "context": self.context,
            "start": self.start,
        }


@dataclass(frozen=True, slots=True)
class ScoredDoc:
    """The counts of one document, its errors, and which relations matched (for the HTML report)."""

    pair: DocPair
    counts: Mapping[str, Counts]
    ratios: Mapping[str, Ratio]
    errors: tuple[ScoreError, ...]
    matched_gold_relations: frozenset[int] = frozenset()
    matched_pred_relations: frozenset[int] = frozenset()


# --- matching ---------------------------------------------------------------------------------------


def match_one_to_one(
    golds: Sequence[G],
    preds: Sequence[P],
    compatible: Callable[[G, P], bool],
    *,
    preference: Callable[[G, P], Any] | None = None,
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching between ``golds`` and ``preds``, as sorted index pairs.

    Kuhn's augmenting paths: golds are taken in order and each tries its
    candidates in ``preference`` order (then index order), so the result is the
    same on every run and close pairs win ties, while the size is always the
    largest possible (a greedy pass could leave a gold unmatched needlessly).
    """
    candidates: list[list[int]] = []
    for gold in golds:
        options = [j for j, pred in enumerate(preds) if compatible(gold, pred)]
        if preference is not None:
            options.sort(key=lambda j, gold=gold: (preference(gold, preds[j]), j))
        candidates.append(options)
    owner = [-1] * len(preds)

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if owner[j] == -1 or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i != -1)


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _span_preference(gold: Span, pred: Span) -> tuple[int, int, int]:
    """Exact spans first, then the largest overlap, then the closest start."""
    exact = 0 if (gold.start, gold.end) == (pred.start, pred.end) else 1
    return (exact, -_overlap(gold, pred), abs(gold.start - pred.start))


# --- scoring one document -----------------------------------------------------------------------


def _context(text: str | None, start: int, end: int) -> str:
    """The span in brackets with :data:`CONTEXT_CHARS` characters either side, on one line."""
    if not text:
        return ""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return SPACES.sub(" ", f"{left}[[{text[start:end]}]]{right}").strip()


def _show_span(span: Span) -> str:
    shown = f"{span.text!r} [{span.start}:{span.end}]"
    return f"{shown} = {span.value}" if span.label == "DATE" else shown


def score_mentions(pair: DocPair) -> tuple[dict[str, Counts], dict[str, Ratio], list[ScoreError]]:
    """Strict and partial counts per label, DATE value figures, and the mention errors."""
    counts: dict[str, Counts] = {}
    ratios: dict[str, Ratio] = {}
    errors: list[ScoreError] = []
    left_gold: list[Span] = []
    left_pred: list[Span] = []

    def error(kind: str, label: str, gold: Span | None, pred: Span | None) -> ScoreError:
        spans = [s for s in (gold, pred) if s is not None]
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        return ScoreError(
            pair.doc,
            "mentions",
            kind,
            label,
            _show_span(gold) if gold else None,
            _show_span(pred) if pred else None,
            _context(pair.text, start, end),
            start,
        )

    for label in LABELS:
        golds = [m for m in pair.gold.mentions if m.label == label]
        preds = [m for m in pair.predicted.mentions if m.label == label]
        strict = match_one_to_one(golds, preds, lambda g, p: (g.start, g.end) == (p.start, p.end))
        counts[f"mentions.strict.{label}"] = Counts(
            len(strict), len(preds) - len(strict), len(golds) - len(strict)
        )
        partial = match_one_to_one(golds, preds, lambda g, p: _overlap(g, p) > 0, preference=_span_preference)
        counts[f"mentions.partial.{label}"] = Counts(
            len(partial), len(preds) - len(partial), len(golds) - len(partial)
        )
        strict_gold = {i for i, _ in strict}
        strict_pred = {j for _, j in strict}
        left_gold += [g for i, g in enumerate(golds) if i not in strict_gold]
        left_pred += [p for j, p in enumerate(preds) if j not in strict_pred]
        if label == "DATE":
            same = [(golds[i], preds[j]) for i, j in strict if golds[i].value == preds[j].value]
            ratios["dates.value"] = Ratio(len(same), len(strict))
            counts["dates.span_value"] = Counts(len(same), len(preds) - len(same), len(golds) - len(same))
            errors += [
                error("wrong date value", label, golds[i], preds[j])
                for i, j in strict
                if golds[i].value != preds[j].value
            ]

    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for kind, compatible in (
        ("wrong boundary", lambda g, p: g.label == p.label and _overlap(g, p) > 0),
        ("wrong label", lambda g, p: g.label != p.label and _overlap(g, p) > 0),
    ):
        golds = [i for i in range(len(left_gold)) if i not in used_gold]
        preds = [j for j in range(len(left_pred)) if j not in used_pred]
        pairs = match_one_to_one(
            golds,
            preds,
            lambda i, j, ok=compatible: ok(left_gold[i], left_pred[j]),
            preference=lambda i, j: _span_preference(left_gold[i], left_pred[j]),
        )
        for a, b in pairs:
            gold, pred = left_gold[golds[a]], left_pred[preds[b]]
            used_gold.add(golds[a])
            used_pred.add(preds[b])
            errors.append(
                error(
                    kind, gold.label if kind == "wrong boundary" else f"{gold.label}→{pred.label}", gold, pred
                )
            )
    errors += [error("missed", g.label, g, None) for i, g in enumerate(left_gold) if i not in used_gold]
    errors += [error("spurious", p.label, None, p) for j, p in enumerate(left_pred) if j not in used_pred]
    return counts, ratios, errors


def _entities_compatible(gold: Entity, pred: Entity) -> bool:
    return gold.type == pred.type and not gold.forms.isdisjoint(pred.forms)


def _show_entity(entity: Entity, annotations: Annotations) -> str:
    texts = sorted({m.text for m in annotations.mentions if m.entity == entity.id})
    forms = f" ({' | '.join(texts)})" if texts and texts != [entity.name] else ""
    return f"{entity.name}{forms}"


def score_entities(pair: DocPair) -> tuple[dict[str, Counts], list[ScoreError]]:
    """Entity counts per type: each gold entity matches at most one predicted entity."""
    counts: dict[str, Counts] = {}
    errors: list[ScoreError] = []
    first = _first_mentions(pair.predicted)
    for kind in ENTITY_TYPES:
        golds = [e for e in pair.gold.entities if e.type == kind]
        preds = sorted(
            (e for e in pair.predicted.entities if e.type == kind and e.id in first),
            key=lambda e: first[e.id],
        )
        pairs = match_one_to_one(
            golds,
            preds,
            _entities_compatible,
            preference=lambda g, p: -len(g.forms & p.forms),
        )
        counts[f"entities.{kind}"] = Counts(len(pairs), len(preds) - len(pairs), len(golds) - len(pairs))
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        for i, gold in enumerate(golds):
            if i not in matched_gold:
                errors.append(
                    ScoreError(pair.doc, "entities", "missed", kind, _show_entity(gold, pair.gold), None, "")
                )
        for j, pred in enumerate(preds):
            if j in matched_pred:
                continue
            split = [g.name for g in golds if _entities_compatible(g, pred)]
            errors.append(
                ScoreError(
                    pair.doc,
                    "entities",
                    "split (gold entity already matched)" if split else "spurious",
                    kind,
                    split[0] if split else None,
                    _show_entity(pred, pair.predicted),
                    "",
                    first[pred.id],
                )
            )
    return counts, errors


def _first_mentions(annotations: Annotations) -> dict[str, int]:
    first: dict[str, int] = {}
    for mention in annotations.mentions:
        if mention.entity is not None:
            first.setdefault(mention.entity, mention.start)
    return first


def score_relations(
    pair: DocPair,
) -> tuple[dict[str, Counts], dict[str, Ratio], list[ScoreError], list[tuple[int, int]]]:
    """Relation counts per predicate, the date accuracy of matched triples, errors and the matched pairs."""
    gold_entities = {e.id: e for e in pair.gold.entities}
    pred_entities = {e.id: e for e in pair.predicted.entities}

    def same_entity(gold_id: str, pred_id: str) -> bool:
        gold, pred = gold_entities.get(gold_id), pred_entities.get(pred_id)
        return gold is not None and pred is not None and _entities_compatible(gold, pred)

    def same_ends(gold: Triple, pred: Triple, *, swap: bool) -> bool:
        if same_entity(gold.subject, pred.subject) and same_entity(gold.object, pred.object):
            return True
        return swap and same_entity(gold.subject, pred.object) and same_entity(gold.object, pred.subject)

    def matches(gold: Triple, pred: Triple) -> bool:
        return gold.predicate == pred.predicate and same_ends(
            gold, pred, swap=gold.predicate in SYMMETRIC_PREDICATES
        )

    golds, preds = pair.gold.relations, pair.predicted.relations
    pairs = match_one_to_one(golds, preds, matches)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    counts: dict[str, Counts] = {}
    for predicate in sorted({*PREDICATES, *(t.predicate for t in (*golds, *preds))}):
        tp = sum(1 for i, _ in pairs if golds[i].predicate == predicate)
        n_gold = sum(1 for t in golds if t.predicate == predicate)
        n_pred = sum(1 for t in preds if t.predicate == predicate)
        counts[f"relations.{predicate}"] = Counts(tp, n_pred - tp, n_gold - tp)
    ratios = {"relations.date": Ratio(sum(1 for i, j in pairs if golds[i].date == preds[j].date), len(pairs))}

    def show(triple: Triple, annotations: Annotations) -> str:
        names = {e.id: e.name for e in annotations.entities}
        subject, obj = names.get(triple.subject, triple.subject), names.get(triple.object, triple.object)
        return f"{subject} —{triple.predicate}→ {obj}" + (f" ({triple.date})" if triple.date else "")

    errors = [
        ScoreError(
            pair.doc,
            "relations",
            "wrong date",
            golds[i].predicate,
            show(golds[i], pair.gold),
            show(preds[j], pair.predicted),
            preds[j].evidence,
        )
        for i, j in pairs
        if golds[i].date != preds[j].date
    ]
    left_gold = [i for i in range(len(golds)) if i not in matched_gold]
    left_pred = [j for j in range(len(preds)) if j not in matched_pred]
    wrong = match_one_to_one(left_gold, left_pred, lambda i, j: same_ends(golds[i], preds[j], swap=True))
    for a, b in wrong:
        gold, pred = golds[left_gold[a]], preds[left_pred[b]]
        errors.append(
            ScoreError(
                pair.doc,
                "relations",
                "wrong direction" if gold.predicate == pred.predicate else "wrong predicate",
                gold.predicate if gold.predicate == pred.predicate else f"{gold.predicate}→{pred.predicate}",
                show(gold, pair.gold),
                show(pred, pair.predicted),
                pred.evidence,
            )
        )
    wrong_gold = {a for a, _ in wrong}
    wrong_pred = {b for _, b in wrong}
    errors += [
        ScoreError(
            pair.doc,
            "relations",
            "missed",
            golds[i].predicate,
            show(golds[i], pair.gold),
            None,
            golds[i].evidence,
        )
        for a, i in enumerate(left_gold)
        if a not in wrong_gold
    ]
    errors += [
        ScoreError(
            pair.doc,
            "relations",
            "spurious",
            preds[j].predicate,
            None,
            show(preds[j], pair.predicted),
            preds[j].evidence,
        )
        for b, j in enumerate(left_pred)
        if b not in wrong_pred
    ]
    return counts, ratios, errors, pairs


def score_document(pair: DocPair) -> ScoredDoc:
    """All counts of one document."""
    counts, ratios, errors = score_mentions(pair)
    entity_counts, entity_errors = score_entities(pair)
    relation_counts, relation_ratios, relation_errors, pairs = score_relations(pair)
    return ScoredDoc(
        pair,
        {**counts, **entity_counts, **relation_counts},
        {**ratios, **relation_ratios},
        tuple(errors + entity_errors + relation_errors),
        frozenset(i for i, _ in pairs),
        frozenset(j for _, j in pairs),
    )
