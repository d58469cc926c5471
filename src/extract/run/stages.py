"""The five stages of the pipeline, each reading and writing files in a work folder.

    raw/ ──ingest──▶ documents ──segment──▶ segmented ──recognise──▶ recognised
         ──normalise──▶ tables/ ──write──▶ out/*.parquet

Every stage is a function of its input files, so a stage can be run by
itself (``pipeline/<stage>.py``) and make can skip a stage whose inputs did
not change. Work is reused per document: ingest by file size and mtime,
segment and recognise by content hash and :func:`pipeline_version`, so a
re-run with nothing new loads no model, and adding one file processes that
file only. ``write`` replaces the output tables atomically and only after
checking the table contract.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from extract import __version__
from extract.core.errors import message
from extract.core.records import Mention, Relation
from extract.core.schema import TABLES
from extract.core.settings import Settings, model_version
from extract.core.tables import table_bytes, to_table, write_atomic, write_tables
from extract.ingest.segment import Paragraph
from extract.languages.registry import data_root, doc_langs, languages

log = logging.getLogger(__name__)

WORK = ".cache"  # the work folder, inside the output folder
#: Subpackages and top-level modules that do not decide the content of the tables (scoring, review, the
#: command line): a change to any other module of the package invalidates the work reused from earlier runs.
_UNVERSIONED = frozenset({"__init__.py", "__main__.py", "cli", "evaluate", "review"})

_PARAGRAPH = pa.struct(
    [("start", pa.int64()), ("end", pa.int64()), ("lang", pa.string()), ("boilerplate", pa.bool_())]
)
_MENTION = pa.struct(
    [
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("label", pa.string()),
        ("text", pa.string()),
        ("lang", pa.string()),
        ("source", pa.string()),
        ("value", pa.string()),
        ("key", pa.string()),
    ]
)
_RELATION = pa.struct(
    [
        ("subject", pa.string()),
        ("predicate", pa.string()),
        ("object", pa.string()),
        ("role", pa.string()),
        ("date", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("evidence", pa.string()),
    ]
)
INGESTED = pa.schema(
    [f for f in TABLES["documents"] if f.name != "lang"]
    + [pa.field("size", pa.int64()), pa.field("mtime_ns", pa.int64())]
)
SEGMENTED = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sha256", pa.string()),
        ("version", pa.string()),
        ("lang", pa.string()),
        ("status", pa.string()),
        ("message", pa.string()),
        ("paragraphs", pa.list_(_PARAGRAPH)),
    ]
)
RECOGNISED = pa.schema(
    [
        ("doc_id", pa.string()),
        ("sha256", pa.string()),
        ("version", pa.string()),
        ("status", pa.string()),
        ("message", pa.string()),
        ("mentions", pa.list_(_MENTION)),
        ("relations", pa.list_(_RELATION)),
    ]
)


def work_dir(out: Path) -> Path:
    return out / WORK


@cache
def pipeline_version(settings: Settings) -> str:
    """A hash of everything that decides the tables: code, data files, settings, model versions."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(str(resources.files("extract")))
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] not in _UNVERSIONED and relative.parts[0] != "data":  # data: hashed below
            digest.update(relative.as_posix().encode() + path.read_bytes())
    data = data_root()
    for path in sorted(data.rglob("*")):
        if path.is_file() and path.suffix in {".json", ".csv", ".toml"}:
            digest.update(path.relative_to(data).as_posix().encode() + path.read_bytes())
    digest.update(repr(settings).encode())
    for lang in languages():
        name = settings.model_for(lang)
        digest.update(f"{name}={model_version(name)}".encode())
    return digest.hexdigest()[:16]


def _read(path: Path, schema: pa.Schema) -> list[dict[str, Any]]:
    """Rows of a work file, or none when it is missing or from an older layout."""
    if not path.exists():
        return []
    try:
        table = pq.read_table(path)
        if table.schema != schema:
            return []
        return table.to_pylist()
    except (OSError, pa.ArrowInvalid):
        log.warning("%s is unreadable; it will be rebuilt", path)
        return []


def _write(path: Path, rows: Sequence[dict[str, Any]], schema: pa.Schema, key: str = "doc_id") -> None:
    rows = sorted(rows, key=lambda r: r[key])
    table = pa.Table.from_pylist(list(rows), schema=schema)
    write_atomic(path, table_bytes(table))


# --- 1. ingest -------------------------------------------------------------------------


def ingest_stage(raw: Path, work: Path, settings: Settings) -> list[dict[str, Any]]:
    """Decode every file under ``raw``: ``work/documents.parquet``."""
    from extract.core.errors import ExtractError
    from extract.ingest.readers import discover, doc_id_for, ingest

    if not raw.is_dir():
        raise ExtractError("run.no_raw", path=raw)
    previous = {row["path"]: row for row in _read(work / "documents.parquet", INGESTED)}
    rows = []
    for path in discover(raw):
        rel = path.relative_to(raw).as_posix()
        try:
            info = path.stat()
            size, mtime = info.st_size, info.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        old = previous.get(rel)
        if old and old["size"] == size and old["mtime_ns"] == mtime and size >= 0:
            rows.append(old)
            continue
        found = ingest(path, raw, max_file_bytes=settings.ingest_max_file_bytes)
        for warning in found.warnings:
            log.warning("%s: %s", found.path, warning)
        if found.status != "ok":
            log.warning("%s: %s (%s)", found.path, found.message, found.status)
        rows.append(
            {
                "doc_id": doc_id_for(found.path),
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
            }
        )
    work.mkdir(parents=True, exist_ok=True)
    _write(work / "documents.parquet", rows, INGESTED)
    return rows


# --- 2. segment ------------------------------------------------------------------------


def segment_stage(work: Path, settings: Settings) -> list[dict[str, Any]]:
    """Paragraphs, their language and boilerplate flags: ``work/segmented.parquet``."""
    from extract.ingest.segment import document_language, segment

    version = pipeline_version(settings)
    documents = _read(work / "documents.parquet", INGESTED)
    previous = {
        (r["doc_id"], r["sha256"], r["version"]): r for r in _read(work / "segmented.parquet", SEGMENTED)
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
    _write(work / "segmented.parquet", rows, SEGMENTED)
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

    ``engine`` says where the models run (``extract.run.workers.ENGINES``; ``scheduler`` is a Dask
    scheduler's address); every engine gives the same rows. Returns statistics of the stage
    (documents reused, processed, models loaded).
    """
    version = pipeline_version(settings) + ("-baseline" if baseline else "")
    documents = {d["doc_id"]: d for d in _read(work / "documents.parquet", INGESTED)}
    segmented = _read(work / "segmented.parquet", SEGMENTED)
    previous = {
        (r["doc_id"], r["sha256"], r["version"]): r for r in _read(work / "recognised.parquet", RECOGNISED)
    }
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
        from extract.run.workers import annotate_all

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
    _write(work / "recognised.parquet", rows, RECOGNISED)
    return stats


def annotate(text: str, paragraphs: Sequence[Paragraph], recogniser) -> dict[str, Any]:
    """Mentions and relations of one document, as rows of ``recognised.parquet``."""
    return next(annotate_many([(text, paragraphs)], recogniser))


def annotate_many(items: Sequence[tuple[str, Sequence[Paragraph]]], recogniser) -> Iterator[dict[str, Any]]:
    """:func:`annotate` for several documents at once (the models see them in batches)."""
    from extract.relations.document import find_relations

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


# --- 4. normalise ----------------------------------------------------------------------


def normalise_stage(work: Path) -> dict[str, pa.Table]:
    """Canonical entities across documents and the four tables: ``work/tables/*.parquet``."""
    from extract.linking.canon import link

    documents = _read(work / "documents.parquet", INGESTED)
    segmented = {r["doc_id"]: r for r in _read(work / "segmented.parquet", SEGMENTED)}
    recognised = {r["doc_id"]: r for r in _read(work / "recognised.parquet", RECOGNISED)}
    per_doc = [
        (doc_id, [Mention(**m) for m in row["mentions"]]) for doc_id, row in sorted(recognised.items())
    ]
    ids, entities = link(per_doc)
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
    }
    write_tables(work / "tables", tables)
    return tables


def _hash_id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:15]


# --- 5. write --------------------------------------------------------------------------


def write_stage(work: Path, out: Path) -> tuple[dict[str, pa.Table], list[str]]:
    """Check the tables against the contract, then replace ``out/*.parquet``; return what changed."""
    from extract.core.contract import check_tables
    from extract.core.tables import read_table

    tables = {name: read_table(work / "tables" / f"{name}.parquet", name) for name in TABLES}
    check_tables(tables, doc_langs=doc_langs())
    changed = write_tables(out, tables)
    return tables, changed
