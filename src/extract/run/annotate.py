"""The unit of work of the recognise stage: one document, or a batch of documents, through the models.

Every engine (this machine's processes, a Dask cluster) runs :func:`annotate_batch` on each batch, so
they all give the same rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from extract.core.errors import message
from extract.core.records import Mention, Paragraph, Relation
from extract.relations.document import find_relations

#: A batch as the models take it: (text, paragraphs) of each document.
Items = list[tuple[str, list[Paragraph]]]


def annotate(text: str, paragraphs: Sequence[Paragraph], recogniser) -> dict[str, Any]:
    """Mentions and relations of one document, as rows of ``recognised.parquet``."""
    return next(annotate_many([(text, paragraphs)], recogniser))


def annotate_many(items: Sequence[tuple[str, Sequence[Paragraph]]], recogniser) -> Iterator[dict[str, Any]]:
    """:func:`annotate` for several documents at once (the models see them in batches)."""
    for mentions, blocks in recogniser.recognise(items):
        relations = [] if recogniser.baseline else find_relations(blocks, mentions)
        yield {
            "status": "ok",
            "message": None,
            "mentions": [_mention_row(m) for m in mentions],
            "relations": [_relation_row(r) for r in relations],
        }


def _mention_row(m: Mention) -> dict[str, Any]:
    return {f: getattr(m, f) for f in ("start", "end", "label", "text", "lang", "source", "value", "key")}


def _relation_row(r: Relation) -> dict[str, Any]:
    return {
        f: getattr(r, f)
        for f in ("subject", "predicate", "object", "role", "date", "start", "end", "evidence")
    }


def _failed(error: Exception) -> dict[str, Any]:
    """The recognised fields of a document whose recognition raised ``error``: an error row."""
    return {
        "status": "error",
        "message": message("stage.failed", stage="recognise", error=error),
        "mentions": [],
        "relations": [],
    }


def _run_batch(recogniser, items: Items) -> list[dict[str, Any]]:
    """Annotate a batch; if it fails, annotate its documents one by one to isolate the bad one.

    A failing document is an error row whatever the size of its batch (a batch of one included), so
    the run goes on.
    """
    try:
        return list(annotate_many(items, recogniser))
    except Exception as error:
        if len(items) == 1:
            return [_failed(error)]
    results = []
    for item in items:
        try:
            results.append(annotate(*item, recogniser))
        except Exception as error:  # recorded as the document's error, the run goes on
            results.append(_failed(error))
    return results


def annotate_batch(recogniser, items: Items) -> tuple[list[dict[str, Any]], list[str]]:
    """Recognised fields of each document of a batch, and the model languages loaded so far.

    The one function every engine runs on a batch, so that they all give the same rows.
    """
    results = _run_batch(recogniser, items)
    return results, sorted(recogniser.models)
