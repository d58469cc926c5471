"""Scoring the four tables against a folder of gold files: pairing, summing, no printing.

Each gold file is paired with the document it names (:func:`pair_documents`),
each pair is scored by :mod:`extract.evaluate.matching`, and the counts are
summed overall, per language and per document (:func:`summarise`). The reports
are written by :mod:`extract.evaluate.report`; ``extract score`` is
:mod:`extract.cli.score`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import pyarrow as pa

from extract.core.errors import ExtractError
from extract.core.schema import ENTITY_TYPES, LABELS
from extract.core.table_set import read_table_set
from extract.core.tables import read_table
from extract.evaluate.annotations import Annotations, DocPair, gold_annotations, predicted_annotations
from extract.evaluate.gold import load_gold
from extract.evaluate.matching import Counts, Ratio, ScoredDoc, ScoreError, score_document

#: Language bucket of a gold file that no document matches.
UNKNOWN_LANG = "unknown"


# --- what a set of documents scored ------------------------------------------------------------------


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


#: The tables scoring reads: the facts are gathered from the relations, so they are not scored again (and a
#: folder written before there were facts still scores).
SCORED = ("documents", "mentions", "entities", "relations")


def read_predictions(tables_dir: Path) -> dict[str, pa.Table]:
    """The four scored tables of ``tables_dir``, as one set (checked against its manifest) and against
    the schema."""
    blobs = read_table_set(tables_dir, SCORED)
    for name in SCORED:
        if name not in blobs:
            raise ExtractError("score.no_table", path=tables_dir / f"{name}.parquet", name=name)
    return {name: read_table(blobs[name], name) for name in SCORED}


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
