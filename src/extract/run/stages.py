"""The five stages of the pipeline, each reading and writing files in a work folder.

    raw/ ──ingest──▶ documents ──segment──▶ segmented ──recognise──▶ recognised
         ──normalise──▶ tables/ ──write──▶ out/*.parquet

Every stage is a function of its input files, so a stage can be run by
itself (``pipeline/<stage>.py``) and make can skip a stage whose inputs did
not change. Work is reused per document: ingest by file size and mtime,
segment and recognise by content hash and :func:`pipeline_version`, so a
re-run with nothing new loads no model, and adding one file processes that
file only. ``write`` replaces the output tables as one (:mod:`extract.core.table_set`)
and only after checking the table contract.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.core.errors import message
from extract.core.records import Mention, Paragraph
from extract.core.schema import TABLES
from extract.core.settings import Settings
from extract.core.table_set import write_tables
from extract.core.tables import to_table, write_atomic
from extract.core.work_files import (
    INGESTED,
    RECOGNISED,
    SEGMENTED,
    TABLES_DIR,
    check_work,
    read_input,
    read_work,
    write_work,
)
from extract.languages.registry import doc_langs
from extract.run.version import pipeline_version

log = logging.getLogger(__name__)

#: Subpackages and top-level modules that do not decide the content of the tables (scoring, review, the
#: command line): a change to any other module of the package invalidates the work reused from earlier runs.
# --- 1. ingest -------------------------------------------------------------------------


def ingest_stage(
    raw: Path, work: Path, settings: Settings, *, allow_shrink: bool = False
) -> list[dict[str, Any]]:
    """Decode every file under ``raw``: ``work/documents.parquet``.

    Unless ``allow_shrink``, an empty ``raw`` (an unmounted share) or one that lost more than half of
    the files of the last run stops here, before anything is written.
    """
    from extract.ingest.files import container_of, discover, ingest_all

    check_raw(raw)
    check_work(work)  # a damaged work file is removed here, so that it is built again (make included)
    previous: dict[str, list[dict[str, Any]]] = {}
    for row in read_work(work / "documents.parquet", INGESTED):
        previous.setdefault(container_of(row["path"]), []).append(row)
    rows = []
    version = pipeline_version(settings)  # a change of readers or of their settings reads every file again
    found_paths = discover(raw, skip=(work.parent, work))  # the output folder is never input
    if not allow_shrink:
        _check_shrink(raw, {path.relative_to(raw).as_posix() for path in found_paths}, set(previous))
    for path in found_paths:
        rel = path.relative_to(raw).as_posix()
        try:
            info = path.stat()
            size, mtime = info.st_size, info.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        old = sorted(previous.get(rel, []), key=lambda row: row["path"] != rel)  # the file's own row first
        same = old and (old[0]["size"], old[0]["mtime_ns"], old[0]["version"]) == (size, mtime, version)
        if same and size >= 0:
            rows += old
            continue
        found = ingest_all(path, raw, max_file_bytes=settings.ingest_max_file_bytes)
        rows += [_ingested_row(document, size, mtime, version) for document in found]
    work.mkdir(parents=True, exist_ok=True)
    # not touched when unchanged: make runs the later stages only when the documents changed
    write_work(work / "documents.parquet", rows, INGESTED, touch=False)
    return rows


def check_raw(raw: Path) -> None:
    """Stop unless ``raw`` is a folder: one that does not exist, or a file given for the folder."""
    from extract.core.errors import ExtractError

    if raw.is_dir():
        return
    raise ExtractError("run.raw_not_folder" if raw.exists() else "run.no_raw", path=raw)


def _check_shrink(raw: Path, found: set[str], previous: set[str]) -> None:
    """Stop when ``raw`` holds no file, or lost more than half of the ``previous`` run's files."""
    from extract.core.errors import ExtractError

    if not found:
        raise ExtractError("run.raw_empty", path=raw)
    lost = len(previous - found)
    if 2 * lost > len(previous):
        raise ExtractError("run.raw_shrunk", path=raw, lost=lost, total=len(previous))


def _ingested_row(found: Any, size: int, mtime: int, version: str) -> dict[str, Any]:
    """The work row of one :class:`Ingested`, its problems logged; ``size`` and ``mtime`` are its file's,
    ``version`` the pipeline version that read it."""
    from extract.ingest.files import doc_id_for

    for warning in found.warnings:
        log.warning("%s: %s", found.path, warning)
    if found.status != "ok":
        log.warning("%s: %s (%s)", found.path, found.message, found.status)
    return {
        "doc_id": found.doc_id or doc_id_for(found.path),
        "path": found.path,
        "sha256": found.sha256,
        "format": found.format,
        "title": found.title,
        "text": found.text,
        "n_chars": len(found.text),
        "status": found.status,
        "message": found.message,
        "size": size,
        "mtime_ns": mtime,
        "version": version,
    }


# --- 2. segment ------------------------------------------------------------------------


def segment_stage(work: Path, settings: Settings) -> list[dict[str, Any]]:
    """Paragraphs, their language and boilerplate flags: ``work/segmented.parquet``."""
    from extract.ingest.segment import document_language, segment

    version = pipeline_version(settings)
    documents = read_input(work / "documents.parquet", INGESTED)
    previous = {
        (r["doc_id"], r["sha256"], r["version"]): r for r in read_work(work / "segmented.parquet", SEGMENTED)
    }
    rows = []
    for doc in documents:
        reused = previous.get((doc["doc_id"], doc["sha256"], version))
        if reused:
            rows.append(reused)
            continue
        row = {
            "doc_id": doc["doc_id"],
            "sha256": doc["sha256"],
            "version": version,
            "lang": "other",
            "status": doc["status"],
            "message": doc["message"],
            "paragraphs": [],
        }
        if doc["status"] == "ok":
            try:
                if not doc["text"].strip():
                    row.update(status="skipped", message=message("ingest.whitespace"))
                elif len(doc["text"]) > settings.recognise_max_document_chars:
                    limit = settings.recognise_max_document_chars
                    row.update(
                        status="skipped",
                        message=message("ingest.too_long", n_chars=len(doc["text"]), limit=limit),
                    )
                else:
                    paragraphs = segment(doc["text"], settings)
                    lang = document_language(paragraphs, settings)
                    row.update(lang=lang, paragraphs=[asdict(p) for p in paragraphs])
                    if lang == "other":
                        major = _major(doc["text"], paragraphs, settings)
                        row.update(status="skipped", message=message("ingest.other_language", lang=major))
            except Exception as error:  # one bad document must not stop the run
                row.update(status="error", message=message("stage.failed", stage="segment", error=error))
            if row["status"] != "ok":
                log.warning("%s: %s (%s)", doc["path"], row["message"], row["status"])
        rows.append(row)
    write_work(work / "segmented.parquet", rows, SEGMENTED)
    return rows


def _major(text: str, paragraphs: Sequence[Paragraph], settings: Settings) -> str:
    """The language holding most of the document's characters, named for the skip message.

    Paragraphs say "other" for every language without a model, which tells a user nothing, so
    that text is detected again among the candidates to name it ("de"), or "unidentified".
    """
    from extract.ingest.segment import detect_language

    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        counts[paragraph.lang] += paragraph.end - paragraph.start
    major = counts.most_common(1)[0][0] if counts else "other"
    if major != "other":
        return major
    body = "\n".join(text[p.start : p.end] for p in paragraphs if p.lang == "other")
    code, confidence = detect_language(body, settings) if body.strip() else ("other", 0.0)
    return code if code != "other" and confidence >= settings.language_min_confidence else "unidentified"


# --- 3. recognise ----------------------------------------------------------------------


def recognise_stage(
    work: Path,
    settings: Settings,
    *,
    baseline: bool = False,
    progress: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
) -> dict[str, Any]:
    """Mentions and relations with document-local keys: ``work/recognised.parquet``.

    ``engine`` says where the models run (``extract.run.engines.ENGINES``; ``scheduler`` is a Dask
    scheduler's address); every engine gives the same rows. Returns statistics of the stage
    (documents reused, processed, models loaded).
    """
    version = pipeline_version(settings) + ("-baseline" if baseline else "")
    documents = {d["doc_id"]: d for d in read_input(work / "documents.parquet", INGESTED)}
    segmented = read_input(work / "segmented.parquet", SEGMENTED)
    recognised = read_work(work / "recognised.parquet", RECOGNISED)
    previous = {(r["doc_id"], r["sha256"], r["version"]): r for r in recognised}
    rows, todo = [], []
    for seg in segmented:
        reused = previous.get((seg["doc_id"], seg["sha256"], version))
        if reused:
            rows.append(reused)
        elif seg["status"] != "ok":
            rows.append(
                {
                    "doc_id": seg["doc_id"],
                    "sha256": seg["sha256"],
                    "version": version,
                    "status": seg["status"],
                    "message": seg["message"],
                    "mentions": [],
                    "relations": [],
                }
            )
        else:
            todo.append({**seg, "version": version})
    stats = {"reused": len(rows), "processed": len(todo), "models": []}
    if todo:
        from extract.run.engines import annotate_all

        for seg, result in annotate_all(
            todo,
            documents,
            settings,
            baseline=baseline,
            progress=progress,
            stats=stats,
            engine=engine,
            scheduler=scheduler,
            parts=work / "recognised.parts",
        ):
            rows.append({"doc_id": seg["doc_id"], "sha256": seg["sha256"], "version": version, **result})
    write_work(work / "recognised.parquet", rows, RECOGNISED)
    return stats


# --- 4. normalise ----------------------------------------------------------------------


def normalise_stage(work: Path, *, aliases: Sequence[tuple[str, str]] | None = None) -> dict[str, pa.Table]:
    """Canonical entities across documents, the tables and the facts: ``work/tables/*.parquet``.

    ``aliases`` are the user's own (canonical, alias) rows (:mod:`extract.linking.aliases`); they are
    recorded in the work folder, so that a rebuild that is not given them (the write stage's, of a
    damaged work table) links as the stage did.
    """
    from extract.linking.entities import link
    from extract.linking.facts import fact_rows

    aliases = _recorded_aliases(work, aliases)
    documents = read_input(work / "documents.parquet", INGESTED)
    segmented = {r["doc_id"]: r for r in read_input(work / "segmented.parquet", SEGMENTED)}
    recognised = {r["doc_id"]: r for r in read_input(work / "recognised.parquet", RECOGNISED)}
    per_doc = [
        (doc_id, [Mention(**m) for m in row["mentions"]]) for doc_id, row in sorted(recognised.items())
    ]
    ids, entities = link(per_doc, aliases=aliases)
    doc_rows, mention_rows, relation_rows = [], [], []
    for doc in documents:
        seg = segmented.get(doc["doc_id"], {})
        rec = recognised.get(doc["doc_id"], {})
        status = rec.get("status") or seg.get("status") or doc["status"]
        # An ok document keeps ingest's warnings ("decoded as cp1252"): recognise has none of its own.
        note = rec.get("message") or seg.get("message", doc["message"])
        doc_rows.append(
            {
                **{k: doc[k] for k in ("doc_id", "path", "sha256", "format", "title", "text", "n_chars")},
                "lang": seg.get("lang", "other"),
                "status": status,
                "message": note,
            }
        )
        for m in rec.get("mentions", []):
            mention_rows.append(
                {
                    "mention_id": _hash_id("m", doc["doc_id"], m["start"], m["end"], m["label"]),
                    "doc_id": doc["doc_id"],
                    **{k: m[k] for k in ("start", "end", "text", "label", "value", "lang", "source")},
                    "entity_id": ids.get((doc["doc_id"], m["key"])) if m["key"] else None,
                }
            )
        for r in rec.get("relations", []):
            subject, obj = ids.get((doc["doc_id"], r["subject"])), ids.get((doc["doc_id"], r["object"]))
            if subject and obj:
                relation_rows.append(
                    {
                        "relation_id": _hash_id("r", doc["doc_id"], subject, r["predicate"], obj, r["start"]),
                        "doc_id": doc["doc_id"],
                        "subject_id": subject,
                        "predicate": r["predicate"],
                        "object_id": obj,
                        **{k: r[k] for k in ("role", "date", "start", "end", "evidence")},
                    }
                )
    relation_rows = list({r["relation_id"]: r for r in relation_rows}.values())
    tables = {
        "documents": to_table("documents", doc_rows),
        "mentions": to_table("mentions", mention_rows),
        "entities": to_table("entities", [asdict(e) | {"aliases": list(e.aliases)} for e in entities]),
        "relations": to_table("relations", relation_rows),
        "facts": to_table("facts", fact_rows(relation_rows)),
    }
    write_tables(work / TABLES_DIR, tables, page_checksums=True)
    return tables


#: The work file that records the user's aliases the normalise stage last linked with.
ALIASES = "aliases.json"


def _recorded_aliases(work: Path, aliases: Sequence[tuple[str, str]] | None) -> list[tuple[str, str]]:
    """``aliases``, recorded in ``work``; when None, those recorded by the last run (none if none)."""
    path = work / ALIASES
    if aliases is not None:
        write_atomic(path, json.dumps([list(row) for row in aliases], ensure_ascii=False).encode())
        return [tuple(row) for row in aliases]
    try:
        return [(canonical, alias) for canonical, alias in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def _hash_id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:15]


# --- 5. write --------------------------------------------------------------------------


def write_stage(work: Path, out: Path) -> tuple[dict[str, pa.Table], list[str]]:
    """Check the tables against the contract, then replace ``out/*.parquet`` as one; return what changed.

    The work tables are read checked against their manifest; damaged, missing or half switched, they are
    built again from their inputs first.
    """
    from extract.core.checksums import Damaged
    from extract.core.contract import check_tables
    from extract.core.table_set import finish_switch, verified_tables

    folder = work / TABLES_DIR
    if folder.is_dir():
        finish_switch(folder)
    try:
        tables = verified_tables(folder, TABLES)
    except Damaged as error:  # damaged or missing: built again from its inputs
        log.warning("%s", message("work.rebuilt", path=folder, error=error))
        normalise_stage(work)
        tables = verified_tables(folder, TABLES)  # as written: the bytes do not hang on how it was built
    check_tables(tables, doc_langs=doc_langs())
    changed = write_tables(out, tables)
    return tables, changed
