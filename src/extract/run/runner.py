"""A run: the five stages on a folder of raw texts, with a lock and a summary.

One run at a time writes to an output folder (a lock file held with
``flock``; the kernel releases it if the process dies), the tables are
replaced only at the end and atomically, and the run ends with a one-line
summary of what is in the tables and what was skipped, and why.

The command line that calls :func:`run` is :mod:`extract.cli.run`; the stage
scripts of ``pipeline/`` (:mod:`extract.cli.stages`) take the same lock.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import logging
import os
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from extract.core.errors import ExtractError
from extract.core.schema import TABLES
from extract.core.settings import Settings, load_settings
from extract.core.table_set import finish_switch
from extract.core.work_files import INPUTS_MARK, read_mark, work_dir, write_mark
from extract.linking.aliases import user_aliases
from extract.run import stages
from extract.run.version import code_hash

log = logging.getLogger(__name__)

LOCK = ".lock"
#: Work files the normalise stage reads, and the file (in the work folder) that records their hash.
NORMALISE_INPUTS = ("documents.parquet", "segmented.parquet", "recognised.parquet")
NORMALISED = INPUTS_MARK


@dataclass
class Summary:
    """What a run did, for the closing line and for the benchmark."""

    documents: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    entities: int = 0
    relations: int = 0
    processed: int = 0
    reused: int = 0
    models: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        labels = ", ".join(f"{label} {self.mentions[label]}" for label in ("ORG", "PERSON", "DATE"))
        skipped = "; ".join(f"{n} {reason}" for reason, n in sorted(self.reasons.items()))
        text = (
            f"{_count(self.documents, 'document')} ({self.statuses['ok']} ok, {self.statuses['skipped']} "
            f"skipped, {_count(self.statuses['error'], 'error')}), "
            f"{_count(sum(self.mentions.values()), 'mention')} ({labels}), "
            f"{_count(self.entities, 'entity', 'entities')}, {_count(self.relations, 'relation')}"
        )
        if self.processed or self.reused:
            text += f"; {self.processed} processed, {self.reused} reused"
        if self.models:
            text += f", models loaded: {', '.join(self.models)}"
        text += f"; tables {'updated: ' + ', '.join(self.changed) if self.changed else 'unchanged'}"
        if self.seconds:
            text += f" ({self.seconds:.1f}s)"
        if skipped:
            text += f"\nnot extracted: {skipped}"
        return text


def _count(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the noun, singular for one: "1 error", "2 errors"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold the output folder's lock, or stop with a message naming the process that has it.

    Once it holds the lock, it finishes a switch of the tables left half done by a run killed while
    replacing them (:func:`extract.core.table_set.finish_switch`), so that every writer starts from one
    set. An environment failure while the lock is held (disk full, a read-only folder, a file where a
    folder should be) stops with one line saying which (:func:`environment_error`); the tables are
    replaced only at the very end, so they are left as they were.
    """
    if out.exists() and not out.is_dir():
        raise ExtractError("run.out_not_folder", path=out)
    path = out / LOCK
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+")
    except OSError as error:
        raise environment_error(error, out) from error
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        pid = handle.read().strip() or "unknown"
        handle.close()
        raise ExtractError("run.locked", path=out, pid=pid, lock=path) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        finish_switch(out)
        yield
    except OSError as error:
        raise environment_error(error, out) from error
    finally:
        handle.seek(0)
        handle.truncate()
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def environment_error(error: OSError, out: Path) -> ExtractError:
    """The one-line failure of an OSError met while writing to ``out``: disk full, read-only, not a folder."""
    where = error.filename or out
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        return ExtractError("run.disk_full", path=where, out=out)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExtractError("run.read_only", path=where, out=out, error=reason)
    if error.errno in (errno.ENOTDIR, errno.EEXIST):  # a file where a folder should be: name that file
        path = Path(where)
        in_the_way = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), path)
        return ExtractError("run.out_not_folder", path=in_the_way)
    return ExtractError("run.os_error", path=where, out=out, error=reason)


def run(
    raw: Path,
    out: Path,
    *,
    settings: Settings | None = None,
    baseline: bool = False,
    progress: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    allow_shrink: bool = False,
) -> Summary:
    """Extract the tables of every file under ``raw`` into ``out``.

    ``engine`` runs recognition on this machine (``local``) or a Dask cluster (``dask``, at the
    ``scheduler`` address, or a local cluster started for the run when there is none). Without
    ``allow_shrink``, an empty ``raw`` or one that lost most of the last run's files stops the run.
    """
    started = time.perf_counter()
    settings = settings or load_settings()
    work = work_dir(out)
    stages.check_raw(raw)  # before the lock: a wrong --raw leaves no output folder behind
    user_aliases(settings.linking_aliases)  # a wrong aliases file stops the run before the models load
    with output_lock(out):
        stages.ingest_stage(raw, work, settings, allow_shrink=allow_shrink)
        stages.segment_stage(work, settings)
        stats = stages.recognise_stage(
            work, settings, baseline=baseline, progress=progress, engine=engine, scheduler=scheduler
        )
        normalise_if_changed(work, settings)
        tables, changed = stages.write_stage(work, out)
    summary = summarise(tables)
    summary.processed, summary.reused, summary.models = stats["processed"], stats["reused"], stats["models"]
    summary.changed = changed
    summary.seconds = time.perf_counter() - started
    return summary


def _reason(text: str) -> str:
    """A message up to its first colon outside parentheses: "recognise failed: boom" gives "recognise
    failed", while "unsupported file type '.doc' (supported: .txt, ...)" stays whole."""
    depth = 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ":" and depth <= 0:
            return text[:i]
    return text


def normalise_fingerprint(work: Path, aliases: Sequence[tuple[str, str]] = ()) -> str:
    """A hash of all that the normalise stage reads: its input files, the user's aliases (their rows, not
    the file's name or time) and the code that decides tables."""
    digest = hashlib.sha256(code_hash().encode())
    for name in NORMALISE_INPUTS:
        path = work / name
        digest.update(name.encode() + (path.read_bytes() if path.exists() else b"missing"))
    digest.update(repr(tuple(aliases)).encode())
    return digest.hexdigest()


def normalise_if_changed(work: Path, settings: Settings | None = None) -> dict[str, pa.Table] | None:
    """Run the normalise stage unless it already ran on these very inputs and its tables are there;
    return its tables, or None when it did not run.

    Linking entities reads every document's mentions, so it is the one stage whose cost grows with
    the corpus even when nothing changed; skipping it keeps a re-run of a large corpus short. A change
    to the user's aliases file (setting ``linking.aliases``) changes the fingerprint, so it re-links.
    """
    aliases = user_aliases((settings or load_settings()).linking_aliases)
    fingerprint = normalise_fingerprint(work, aliases)
    mark = work / NORMALISED
    have_tables = all((work / "tables" / f"{name}.parquet").exists() for name in TABLES)
    if have_tables and read_mark(mark) == fingerprint:
        log.debug("normalise: inputs unchanged, tables reused")
        return None
    tables = stages.normalise_stage(work, aliases=aliases)
    write_mark(mark, fingerprint)
    return tables


def summarise(tables: dict[str, pa.Table]) -> Summary:
    """Counts of the tables, and the reasons documents were not extracted."""
    summary = Summary()
    documents = tables["documents"].select(["status", "message"]).to_pylist()
    summary.documents = len(documents)
    summary.statuses.update(d["status"] for d in documents)
    summary.reasons.update(_reason(d["message"] or d["status"]) for d in documents if d["status"] != "ok")
    summary.mentions.update(tables["mentions"].column("label").to_pylist())
    summary.entities = tables["entities"].num_rows
    summary.relations = tables["relations"].num_rows
    return summary
