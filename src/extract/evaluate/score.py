"""Scoring the four tables against gold files: pure counting, no printing.

The rules are those of gold/GUIDELINES.md, "How the scorer counts". Every
comparison is a one-to-one matching computed here with one deterministic
algorithm (:func:`match_one_to_one`), so the same tables and gold files always
give the same figures and the same error listing. Figures are kept as raw
counts (:class:`Counts`, :class:`Ratio`) per document and only turned into
precision, recall and F1 after summing, which makes every average a micro
average. ``extract score`` (at the bottom) only wires this to
:mod:`extract.evaluate.report`.
"""

from __future__ import annotations

import argparse
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

import pyarrow as pa

from extract.core.errors import ExtractError, message
from extract.core.schema import ENTITY_TYPES, LABELS, PREDICATES, SYMMETRIC_PREDICATES, TABLES
from extract.core.tables import read_table
from extract.evaluate.gold import load_gold

log = logging.getLogger(__name__)

G = TypeVar("G")
P = TypeVar("P")

#: Characters shown either side of a span in the error listing.
CONTEXT_CHARS = 40
#: Language bucket of a gold file that no document matches.
UNKNOWN_LANG = "unknown"


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


# --- the items compared ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """One mention, gold or predicted; ``entity`` is the document-local entity id."""

    start: int
    end: int
    label: str
    text: str
    value: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One ORG or PERSON entity of a document, with the normalised forms it may be matched by."""

    id: str
    type: str
    name: str
    forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Triple:
    """One relation of a document, between two entity ids of that document's annotations."""

    subject: str
    predicate: str
    object: str
    date: str | None = None
    role: str | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Annotations:
    """The mentions, entities and relations of one document, from gold or from the tables."""

    mentions: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Triple, ...] = ()

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with id ``entity_id``, if any."""
        return next((e for e in self.entities if e.id == entity_id), None)


@dataclass(frozen=True, slots=True)
class DocPair:
    """A gold file and the document it scores (``text`` is None when no document matched)."""

    doc: str
    gold_file: str
    lang: str
    text: str | None
    gold: Annotations
    predicted: Annotations


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


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts summed over a set of documents, with the per-label totals ("all") added."""

    n_docs: int
    counts: Mapping[str, Counts]
    ratios: Mapping[str, Ratio]

    def count(self, key: str) -> Counts:
        return self.counts.get(key, Counts())

    def ratio(self, key: str) -> Ratio:
        return self.ratios.get(key, Ratio())


@dataclass(frozen=True, slots=True)
class ScoreRun:
    """Everything one system scored against one gold folder."""

    tables_dir: Path
    docs: tuple[ScoredDoc, ...]
    unmatched_gold: tuple[str, ...]
    overall: Summary
    by_lang: Mapping[str, Summary]
    by_doc: Mapping[str, Summary]
    errors: tuple[ScoreError, ...] = ()


# --- normalisation and matching ---------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def normalise_form(text: str) -> str:
    """Fold case, accents and punctuation so that "Centre Léon-Bérard" equals "CENTRE LEON BERARD".

    Punctuation becomes a space (so "Léon-Bérard" and "Léon Bérard" agree), then
    white space is collapsed.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue
        kept.append(" " if category.startswith(("P", "S")) else char)
    return _SPACES.sub(" ", "".join(kept).casefold()).strip()


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


# --- building the annotations -------------------------------------------------------------------


def gold_annotations(gold: Mapping[str, Any]) -> Annotations:
    """The annotations of a gold file (already checked by :func:`extract.evaluate.gold.load_gold`)."""
    mentions = tuple(
        Span(m["start"], m["end"], m["label"], m["text"], m.get("value"), m.get("entity"))
        for m in gold["mentions"]
    )
    entities = tuple(
        Entity(e["id"], e["type"], e["name"], frozenset(normalise_form(a) for a in e["aliases"]))
        for e in gold["entities"]
    )
    relations = tuple(
        Triple(
            r["subject"], r["predicate"], r["object"], r.get("date"), r.get("role"), r.get("evidence") or ""
        )
        for r in gold["relations"]
    )
    return Annotations(mentions, entities, relations)


def predicted_annotations(
    mention_rows: Sequence[Mapping[str, Any]],
    relation_rows: Sequence[Mapping[str, Any]],
    entity_rows: Mapping[str, Mapping[str, Any]],
) -> Annotations:
    """The annotations of one document from its table rows.

    A predicted entity is an entity_id with mentions in the document; it may be
    matched by its name (entities.name) or by any of its mention texts there.
    A triple listed twice (another evidence sentence) is kept once: the gold
    lists each fact once per document and evidence is not scored.
    """
    mentions = tuple(
        Span(m["start"], m["end"], m["label"], m["text"], m["value"], m["entity_id"])
        for m in sorted(mention_rows, key=lambda m: (m["start"], m["end"], m["label"]))
        if m["label"] in LABELS
    )
    texts: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for mention in mentions:
        if mention.entity is not None and mention.label in ENTITY_TYPES:
            texts.setdefault(mention.entity, []).append(mention.text)
            labels.setdefault(mention.entity, mention.label)
    entities = []
    for entity_id, forms in texts.items():
        row = entity_rows.get(entity_id)
        name = row["name"] if row else forms[0]
        kind = row["type"] if row else labels[entity_id]
        entities.append(Entity(entity_id, kind, name, frozenset(normalise_form(t) for t in [name, *forms])))
    for row in relation_rows:  # an entity a relation names without a mention here: matched by name only
        for entity_id in (row["subject_id"], row["object_id"]):
            if entity_id not in texts and entity_id in entity_rows:
                known = entity_rows[entity_id]
                texts[entity_id] = []
                entities.append(
                    Entity(
                        entity_id, known["type"], known["name"], frozenset({normalise_form(known["name"])})
                    )
                )
    relations: list[Triple] = []
    seen: set[tuple[str, str, str]] = set()
    for row in sorted(relation_rows, key=lambda r: (r["start"], r["relation_id"])):
        key = _triple_key(row["subject_id"], row["predicate"], row["object_id"])
        if key in seen:
            continue
        seen.add(key)
        relations.append(
            Triple(
                row["subject_id"],
                row["predicate"],
                row["object_id"],
                row["date"],
                row["role"],
                row["evidence"],
            )
        )
    return Annotations(mentions, tuple(entities), tuple(relations))


def _triple_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate, obj)


# --- scoring one document -----------------------------------------------------------------------


def _context(text: str | None, start: int, end: int) -> str:
    """The span in brackets with :data:`CONTEXT_CHARS` characters either side, on one line."""
    if not text:
        return ""
    left = text[max(0, start - CONTEXT_CHARS) : start]
    right = text[end : end + CONTEXT_CHARS]
    return _SPACES.sub(" ", f"{left}[[{text[start:end]}]]{right}").strip()


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


# --- summing ---------------------------------------------------------------------------------------


def summarise(docs: Iterable[ScoredDoc]) -> Summary:
    """Micro-average: sum the counts of ``docs``, then add the "all" total of each family."""
    counts: dict[str, Counts] = defaultdict(Counts)
    ratios: dict[str, Ratio] = defaultdict(Ratio)
    n_docs = 0
    for doc in docs:
        n_docs += 1
        for key, value in doc.counts.items():
            counts[key] += value
        for key, ratio in doc.ratios.items():
            ratios[key] += ratio
    for family, members in (
        ("mentions.strict", LABELS),
        ("mentions.partial", LABELS),
        ("entities", ENTITY_TYPES),
    ):
        counts[f"{family}.all"] = sum((counts[f"{family}.{m}"] for m in members), Counts())
    predicates = [k for k in counts if k.startswith("relations.")]
    counts["relations.all"] = sum((counts[k] for k in predicates), Counts())
    return Summary(n_docs, dict(counts), dict(ratios))


# --- pairing gold files with documents and running it all -------------------------------------------


def read_predictions(tables_dir: Path) -> dict[str, pa.Table]:
    """The four tables of ``tables_dir``, checked against the schema."""
    tables = {}
    for name in TABLES:
        path = tables_dir / f"{name}.parquet"
        if not path.is_file():
            raise ExtractError("score.no_table", path=path, name=name)
        tables[name] = read_table(path, name)
    return tables


def pair_documents(
    golds: Mapping[str, Mapping[str, Any]], tables: Mapping[str, pa.Table]
) -> tuple[list[DocPair], list[str]]:
    """Pair each gold file (name -> gold dict) with its document; return the pairs and the unmatched files.

    A gold ``doc`` matches a document whose path equals it, or else whose
    path's basename equals it (the first such path in table order).
    """
    documents = tables["documents"].to_pylist()
    by_path = {d["path"]: d for d in documents}
    by_name: dict[str, dict[str, Any]] = {}
    for row in documents:
        by_name.setdefault(PurePosixPath(row["path"]).name, row)
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in tables["mentions"].to_pylist():
        mentions[row["doc_id"]].append(row)
    relations: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in tables["relations"].to_pylist():
        relations[row["doc_id"]].append(row)
    entities = {row["entity_id"]: row for row in tables["entities"].to_pylist()}

    pairs: list[DocPair] = []
    unmatched: list[str] = []
    for gold_file, gold in golds.items():
        row = by_path.get(gold["doc"]) or by_name.get(PurePosixPath(gold["doc"]).name)
        if row is None:
            unmatched.append(gold_file)
            predicted = Annotations()
            lang, text = UNKNOWN_LANG, None
        else:
            doc_id = row["doc_id"]
            predicted = predicted_annotations(mentions[doc_id], relations[doc_id], entities)
            lang, text = row["lang"], row["text"]
        pairs.append(DocPair(gold["doc"], gold_file, lang, text, gold_annotations(gold), predicted))
    return pairs, unmatched


def score_pairs(tables_dir: Path, pairs: Sequence[DocPair], unmatched: Sequence[str]) -> ScoreRun:
    """Score every pair and sum the counts overall, per language and per document."""
    docs = tuple(score_document(pair) for pair in pairs)
    by_lang: dict[str, list[ScoredDoc]] = defaultdict(list)
    for doc in docs:
        by_lang[doc.pair.lang].append(doc)
    return ScoreRun(
        tables_dir=tables_dir,
        docs=docs,
        unmatched_gold=tuple(unmatched),
        overall=summarise(docs),
        by_lang={lang: summarise(group) for lang, group in sorted(by_lang.items())},
        by_doc={doc.pair.doc: summarise([doc]) for doc in docs},
        errors=tuple(error for doc in docs for error in doc.errors),
    )


def score_tables(golds: Mapping[str, Mapping[str, Any]], tables_dir: Path) -> ScoreRun:
    """Score the tables in ``tables_dir`` against ``golds`` (gold file name -> gold dict)."""
    pairs, unmatched = pair_documents(golds, read_predictions(tables_dir))
    return score_pairs(tables_dir, pairs, unmatched)


def load_gold_dir(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Every gold file of ``gold_dir`` (``*.json``), by path, in name order."""
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise ExtractError("score.no_gold", path=gold_dir)
    return {str(path): load_gold(path) for path in paths}


# --- the command ---------------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``extract score``."""
    parser = subparsers.add_parser(
        "score",
        help="score the tables against gold files",
        description="Score the tables against the gold files; print a table, write reports/score.*.",
    )
    parser.add_argument("--gold", type=Path, default=Path("gold/dev"), help="gold folder (default gold/dev)")
    parser.add_argument(
        "--tables", type=Path, default=Path("extracted"), help="tables to score (default extracted)"
    )
    parser.add_argument(
        "--baseline",
        "--compare",
        type=Path,
        help="a baseline's tables, shown beside the pipeline's with the lift",
    )
    parser.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    parser.add_argument(
        "--reports", type=Path, default=Path("reports"), help="report folder (default reports)"
    )
    parser.add_argument("--no-html", action="store_true", help="do not write score.html")
    parser.set_defaults(func=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Score, print the table (and errors), write the reports; always exit 0 once scored."""
    from extract.evaluate import report

    golds = load_gold_dir(args.gold)
    pipeline = score_tables(golds, args.tables)
    baseline = score_tables(golds, args.baseline) if args.baseline else None
    for gold_file in pipeline.unmatched_gold:
        log.warning(message("score.unmatched_gold", path=gold_file, tables=args.tables))
    report.print_summary(pipeline, baseline=baseline)
    if args.errors:
        report.print_errors(pipeline)
    for path in report.write_reports(
        pipeline,
        args.reports,
        gold_dir=args.gold,
        baseline=baseline,
        errors=args.errors,
        html=not args.no_html,
    ):
        log.info(message("score.written", path=path))
    return 0
