"""The engines that run recognition over many documents: batches, worker processes, progress, errors.

Documents go to the models in batches (``nlp.pipe`` is much faster on many
texts than one at a time). With ``run.processes`` > 1 each worker process
loads the models once and takes whole batches, so the work spreads over the
cores; with the ``dask`` engine the same batches go to a Dask cluster
(:mod:`extract.run.dask_engine`). A document whose processing raises is recorded as
an error row and the run goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.core.records import Paragraph
from extract.core.settings import Settings
from extract.core.work_files import KEY_COLUMNS
from extract.recognise.blocks import batches

if TYPE_CHECKING:
    from extract.run.annotate import Items

log = logging.getLogger(__name__)

BATCH_DOCS = 16  # documents handed to a worker at once (fewer when they are long: engine_batches)
#: Where recognition runs: worker processes of this machine, or a Dask cluster.
ENGINES = ("local", "dask")
_worker: dict[str, Any] = {}


def _items(batch: Sequence[dict[str, Any]], texts: dict[str, str]) -> Items:
    """The (text, paragraphs) of each segmented row of ``batch``."""
    return [(texts[seg["doc_id"]], [Paragraph(**p) for p in seg["paragraphs"]]) for seg in batch]


def _init_worker(settings: Settings, baseline: bool) -> None:
    from extract.recognise.recogniser import Recogniser

    _worker["recogniser"] = Recogniser(settings, baseline=baseline)


def _work(items: Items) -> tuple[list[dict[str, Any]], list[str]]:
    from extract.run.annotate import annotate_batch

    return annotate_batch(_worker["recogniser"], items)


def annotate_all(
    todo: Sequence[dict[str, Any]],
    documents: dict[str, dict[str, Any]],
    settings: Settings,
    *,
    baseline: bool,
    progress: bool,
    stats: dict[str, Any],
    engine: str = "local",
    scheduler: str | None = None,
    parts: Path | None = None,
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(segmented row, recognised fields) for every document of ``todo``, in order.

    ``engine`` is one of :data:`ENGINES`; ``scheduler`` is the address of a Dask scheduler (dask
    engine only; without it a local cluster is started for the run); ``parts`` is the folder where
    the dask engine's workers write their rows (each ``todo`` row then needs its ``version``).
    """
    texts = {seg["doc_id"]: documents[seg["doc_id"]]["text"] for seg in todo}
    paths = {seg["doc_id"]: documents[seg["doc_id"]].get("path", seg["doc_id"]) for seg in todo}
    batches = engine_batches(todo, texts, settings)
    processes = settings.run_processes or os.cpu_count() or 1
    processes = min(processes, len(batches))
    bar = _progress(len(todo), enabled=progress and len(todo) >= settings.run_progress_min_docs)
    models: set[str] = set()
    try:
        if engine == "dask":
            from extract.run.dask_engine import dask_outcomes

            if parts is None:
                raise ValueError("the dask engine needs a folder for its parts")
            work = ((_items(b, texts), [{k: seg[k] for k in KEY_COLUMNS} for seg in b]) for b in batches)
            outcomes = dask_outcomes(work, settings, parts=parts, baseline=baseline, scheduler=scheduler)
            yield from _emit(batches, outcomes, bar, models, paths)
        elif processes <= 1:
            from extract.recognise.recogniser import Recogniser
            from extract.run.annotate import annotate_batch

            recogniser = Recogniser(settings, baseline=baseline)
            outcomes = (annotate_batch(recogniser, _items(b, texts)) for b in batches)
            yield from _emit(batches, outcomes, bar, models, paths)
        else:
            context = multiprocessing.get_context("spawn")
            with context.Pool(processes, initializer=_init_worker, initargs=(settings, baseline)) as pool:
                outcomes = pool.imap(_work, (_items(b, texts) for b in batches))
                yield from _emit(batches, outcomes, bar, models, paths)
    finally:
        if bar is not None:
            bar.stop()
    stats["models"] = sorted(models)


def engine_batches(
    todo: Sequence[dict[str, Any]], texts: dict[str, str], settings: Settings
) -> list[list[dict[str, Any]]]:
    """The rows of ``todo`` in batches of at most :data:`BATCH_DOCS` documents and
    ``recognise.max_batch_chars`` characters, a longer document alone: a worker then holds the rows of
    one long document at a time, never those of sixteen."""
    sizes = [len(texts[seg["doc_id"]]) for seg in todo]
    return [
        [todo[k] for k in batch] for batch in batches(sizes, BATCH_DOCS, settings.recognise_max_batch_chars)
    ]


def _emit(batches, outcomes, bar, models: set[str] | None = None, paths: dict[str, str] | None = None):
    """Yield (segmented row, result) per document; a failure is logged with the document's path."""
    for batch, (results, loaded) in zip(batches, outcomes, strict=True):
        if models is not None and loaded:
            models.update(loaded)
        for seg, result in zip(batch, results, strict=True):
            if result["status"] == "error":
                where = (paths or {}).get(seg["doc_id"], seg["doc_id"])
                log.warning("%s: %s (%s)", where, result["message"], result["status"])
            yield seg, result
        if bar is not None:
            bar.advance(bar.task_ids[0], len(batch))


def _progress(total: int, *, enabled: bool):
    """A progress bar on stderr, or None."""
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("recognising"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    )
    bar.add_task("recognise", total=total)
    bar.start()
    return bar
