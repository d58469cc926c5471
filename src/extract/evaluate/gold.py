"""Gold files: load and check them, draft them from the pipeline, move them to and from Label Studio.

A gold file is the hand-labelled truth the scorer trusts, so it is checked
strictly (``extract gold check``) before anything is scored: a wrong offset or a
dangling entity would silently turn into false negatives. Problems are
reported one per line, each naming the file and the item (``mention 12`` is the
index in the file's ``mentions`` list, from 0, as ``jq`` counts), with the
wording of :mod:`extract.core.errors`.

Label Studio format (``extract gold export`` / ``import``), chosen so that a
round trip gives back the same file:

- ``data.text`` is the raw text, ``data.doc`` the gold ``doc``, and
  ``data.entities`` the gold entities (ids, names, aliases, in file order);
- every mention is a ``labels`` region (``from_name`` "label", ``to_name``
  "text", ids ``m0``, ``m1``...) whose ``meta.text`` holds ``key=value`` lines:
  ``entity=E1`` for ORG and PERSON, ``value=2017-06`` for DATE;
- every relation is a ``relation`` result from the subject entity's first
  region to the object entity's first region, ``labels`` [predicate], with
  ``role=``, ``date=`` and ``evidence=`` lines in its ``meta.text``.

A region added in Label Studio for a new entity id makes a new entity (name =
its longest text); texts of new regions are added to the entity's aliases.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from extract.core.errors import ExtractError, message
from extract.core.schema import ENTITY_TYPES, LABELS, PREDICATES, TABLES
from extract.core.tables import read_table, write_atomic

log = logging.getLogger(__name__)

_MONTH_DAY = r"(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?"
_POINT = rf"(?:\d{{4}}(?:-{_MONTH_DAY})?|XXXX-{_MONTH_DAY}|\d{{3}}X)"
#: A normalised DATE value: YYYY, YYYY-MM, YYYY-MM-DD, XXXX-MM(-DD), a decade 199X, or an interval A/B.
DATE_VALUE = re.compile(rf"{_POINT}(?:/{_POINT})?")

#: predicate -> (subject types, object types), from the guidelines' relation table.
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "heads": (("PERSON",), ("ORG",)),
    "works_for": (("PERSON",), ("ORG",)),
    "member_of": (("ORG",), ("ORG",)),
    "partner_of": (("ORG",), ("ORG",)),
    "coordinates": (("ORG",), ("ORG",)),
    "founded": (("ORG", "PERSON"), ("ORG",)),
    "accredited_by": (("ORG",), ("ORG",)),
    "funded_by": (("ORG",), ("ORG",)),
}
assert set(SIGNATURES) == set(PREDICATES), "SIGNATURES must cover schema.PREDICATES"

_NULLABLE_STR = (str, type(None))
#: item kind -> key -> (accepted types, required); the gold file format of GUIDELINES.md.
_SHAPES: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "gold file": {
        "doc": ((str,), True),
        "entities": ((list,), True),
        "mentions": ((list,), True),
        "relations": ((list,), True),
    },
    "mention": {
        "start": ((int,), True),
        "end": ((int,), True),
        "text": ((str,), True),
        "label": ((str,), True),
        "entity": (_NULLABLE_STR, False),
        "value": (_NULLABLE_STR, False),
    },
    "entity": {
        "id": ((str,), True),
        "type": ((str,), True),
        "name": ((str,), True),
        "aliases": ((list,), True),
    },
    "relation": {
        "subject": ((str,), True),
        "predicate": ((str,), True),
        "object": ((str,), True),
        "role": (_NULLABLE_STR, False),
        "date": (_NULLABLE_STR, False),
        "evidence": (_NULLABLE_STR, False),
    },
}


# --- loading and checking ---------------------------------------------------------------------------


_TYPE_NAMES = {
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "a list",
    dict: "an object",
    bool: "a boolean",
    type(None): "null",
}


def _type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _shape_of(where: str, kind: str, item: object) -> list[str]:
    """Problems of one JSON object against :data:`_SHAPES` ``[kind]``."""
    if not isinstance(item, dict):
        return [message("gold.not_object", where=where, got=_type_name(item))]
    shape = _SHAPES[kind]
    problems = [
        message("gold.unknown_key", where=where, field=key, known=", ".join(shape))
        for key in item
        if key not in shape
    ]
    for key, (types, required) in shape.items():
        if key not in item:
            if required:
                problems.append(message("gold.missing_key", where=where, field=key))
            continue
        value = item[key]
        if isinstance(value, bool) or not isinstance(value, types):
            expected = " or ".join(_TYPE_NAMES[t] for t in types)
            problems.append(
                message("gold.bad_type", where=where, field=key, expected=expected, got=_type_name(value))
            )
    return problems


def shape_problems(gold: object) -> list[str]:
    """Problems of the JSON structure of a gold file: keys and value types, nothing about meaning."""
    problems = _shape_of("gold file", "gold file", gold)
    if problems:
        return problems
    assert isinstance(gold, dict)
    for kind, items in (("entity", "entities"), ("mention", "mentions"), ("relation", "relations")):
        for index, item in enumerate(gold[items]):
            problems += _shape_of(f"{kind} {index}", kind, item)
    for index, entity in enumerate(gold["entities"]):
        aliases = entity.get("aliases") if isinstance(entity, dict) else None
        if isinstance(aliases, list) and not all(isinstance(alias, str) for alias in aliases):
            problems.append(
                message(
                    "gold.bad_type",
                    where=f"entity {index}",
                    field="aliases",
                    expected="a list of strings",
                    got="a list with other values",
                )
            )
    return problems


def load_gold(path: Path) -> dict[str, Any]:
    """Read a gold file and check its JSON structure; raise :class:`ExtractError` naming the file if wrong."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ExtractError("gold.unreadable", path=path, error=error.strerror or error) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExtractError("gold.json", path=path, error=error) from error
    problems = shape_problems(gold)
    if problems:
        raise ExtractError("gold.invalid", path=path, problems="; ".join(problems))
    return gold


def _date_problem(where: str, what: str, value: str | None) -> list[str]:
    if value is not None and DATE_VALUE.fullmatch(value):
        return []
    return [message("gold.bad_date", where=where, what=what, value=value)]


def _check_mentions(gold: Mapping[str, Any], text: str | None, types: Mapping[str, str]) -> list[str]:
    problems: list[str] = []
    seen: dict[tuple[int, int, str], int] = {}
    previous = None
    for index, mention in enumerate(gold["mentions"]):
        start, end, label = mention["start"], mention["end"], mention["label"]
        where = f"mention {index} (start {start})"
        if text is not None:
            if not 0 <= start < end <= len(text):
                problems.append(message("gold.offsets", where=where, start=start, end=end, length=len(text)))
            elif text[start:end] != mention["text"]:
                problems.append(
                    message("gold.text_mismatch", where=where, text=mention["text"], raw=text[start:end])
                )
        if previous is not None and start < previous:
            problems.append(message("gold.unsorted", where=where, previous=previous))
        previous = start
        if (start, end, label) in seen:
            problems.append(message("gold.duplicate_mention", where=where, other=seen[start, end, label]))
        seen.setdefault((start, end, label), index)
        if label not in LABELS:
            problems.append(message("gold.label", where=where, label=label, known=", ".join(LABELS)))
        elif label == "DATE":
            problems += _date_problem(where, "DATE value", mention.get("value"))
            if mention.get("entity") is not None:
                problems.append(message("gold.stray_key", where=where, label=label, field="entity"))
        else:
            entity = mention.get("entity")
            if entity is None:
                problems.append(message("gold.no_entity", where=where, label=label))
            elif entity not in types:
                problems.append(message("gold.unknown_entity", where=where, entity=entity))
            elif types[entity] != label:
                problems.append(
                    message("gold.entity_type", where=where, label=label, entity=entity, type=types[entity])
                )
            if mention.get("value") is not None:
                problems.append(message("gold.stray_key", where=where, label=label, field="value"))
    return problems


def _check_entities(gold: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for index, entity in enumerate(gold["entities"]):
        where = f"entity {index} ({entity['id']})"
        if entity["id"] in seen:
            problems.append(message("gold.duplicate_entity", where=where, id=entity["id"]))
        seen.add(entity["id"])
        if entity["type"] not in ENTITY_TYPES:
            problems.append(
                message("gold.entity_kind", where=where, type=entity["type"], known=", ".join(ENTITY_TYPES))
            )
    return problems


def _check_relations(gold: Mapping[str, Any], types: Mapping[str, str]) -> list[str]:
    problems: list[str] = []
    for index, relation in enumerate(gold["relations"]):
        where = f"relation {index}"
        predicate = relation["predicate"]
        if predicate not in SIGNATURES:
            problems.append(
                message("gold.predicate", where=where, predicate=predicate, known=", ".join(PREDICATES))
            )
        for side, allowed in zip(
            ("subject", "object"), SIGNATURES.get(predicate, (ENTITY_TYPES, ENTITY_TYPES)), strict=True
        ):
            entity = relation[side]
            if entity not in types:
                problems.append(message("gold.relation_entity", where=where, side=side, entity=entity))
            elif types[entity] not in allowed:
                problems.append(
                    message(
                        "gold.relation_type",
                        where=where,
                        predicate=predicate,
                        expected=" or ".join(allowed),
                        side=side,
                        entity=entity,
                        type=types[entity],
                    )
                )
        if relation.get("date") is not None:
            problems += _date_problem(where, "date", relation["date"])
    return problems


def check_gold(gold: dict[str, Any], text: str | None) -> list[str]:
    """Every problem of one gold file, one line each; ``text`` is the raw text (None: offsets not checked).

    The JSON structure is checked first: the other checks need it whole.
    """
    problems = shape_problems(gold)
    if problems:
        return problems
    types: dict[str, str] = {}
    for entity in gold["entities"]:
        types.setdefault(entity["id"], entity["type"])  # a duplicate id is reported once, not on every use
    return _check_entities(gold) + _check_mentions(gold, text, types) + _check_relations(gold, types)


def alias_warnings(gold: dict[str, Any]) -> list[str]:
    """Entities whose aliases are not exactly the set of their mention texts (a warning, not an error).

    Scoring matches predicted entities by alias, so a stale alias list makes
    entity figures wrong without any offset being wrong.
    """
    texts: dict[str, set[str]] = {}
    for mention in gold["mentions"]:
        if mention.get("entity") is not None:
            texts.setdefault(mention["entity"], set()).add(mention["text"])
    warnings = []
    for index, entity in enumerate(gold["entities"]):
        mentioned = texts.get(entity["id"], set())
        aliases = set(entity["aliases"])
        if aliases != mentioned:
            warnings.append(
                message(
                    "gold.aliases",
                    where=f"entity {index} ({entity['id']})",
                    extra=", ".join(repr(a) for a in sorted(aliases - mentioned)) or "none",
                    missing=", ".join(repr(t) for t in sorted(mentioned - aliases)) or "none",
                )
            )
    return warnings


def read_raw_text(path: Path) -> str:
    """A raw text file as gold offsets count it: UTF-8, byte-order mark dropped, line ends as ``\\n``."""
    text = path.read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def find_raw(raw_dir: Path, doc: str) -> Path | None:
    """The raw file a gold ``doc`` names: ``raw_dir/doc``, else the first file of that name below it."""
    direct = raw_dir / doc
    if direct.is_file():
        return direct
    return next(iter(sorted(p for p in raw_dir.rglob(Path(doc).name) if p.is_file())), None)


def check_dir(gold_dir: Path, raw_dir: Path) -> tuple[list[str], list[str], int]:
    """Check every ``*.json`` of ``gold_dir`` against ``raw_dir``: (problems, warnings, number of files).

    Each line starts with the gold file's path, so it can be read alone.
    """
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise ExtractError("gold.no_files", path=gold_dir)
    problems: list[str] = []
    warnings: list[str] = []
    for path in paths:
        try:
            gold = load_gold(path)
        except ExtractError as error:
            problems.append(str(error))
            continue
        raw = find_raw(raw_dir, gold["doc"])
        text = None
        if raw is None:
            problems.append(message("gold.no_raw", path=path, doc=gold["doc"], raw=raw_dir))
        elif raw.suffix.lower() != ".txt":
            warnings.append(message("gold.not_text", path=path, raw=raw))
        else:
            try:
                text = read_raw_text(raw)
            except UnicodeDecodeError as error:
                problems.append(message("gold.raw_decode", path=path, raw=raw, error=error))
        problems += [f"{path}: {problem}" for problem in check_gold(gold, text)]
        warnings += [f"{path}: {warning}" for warning in alias_warnings(gold)]
    return problems, warnings, len(paths)


def gold_json(gold: Mapping[str, Any]) -> str:
    """A gold file's text: 2-space indent, UTF-8 characters as they are, final newline."""
    return json.dumps(gold, indent=2, ensure_ascii=False) + "\n"


# --- drafting from the pipeline's tables ---------------------------------------------------------------


def tables_to_gold(
    doc_row: Mapping[str, Any], mentions: pa.Table, entities: pa.Table, relations: pa.Table
) -> dict[str, Any]:
    """One document's rows of the tables as a gold file, for a person to correct.

    Entities are numbered E1, E2... in order of first mention; aliases are their
    mention texts here (first occurrence order) and the name is the longest of
    them (the guidelines' "fullest form in the document"), unless the entities
    table's name is one of them: the pipeline's own choice. An ORG or PERSON
    mention without an entity_id gets an entity of its own text. Relations whose
    ends have no mention in the document are left out: a gold relation must join
    annotated entities.
    """
    doc_id = doc_row["doc_id"]
    rows = sorted(
        (m for m in mentions.to_pylist() if m["doc_id"] == doc_id),
        key=lambda m: (m["start"], m["end"], m["label"]),
    )
    local: dict[tuple[str, str], str] = {}  # (entity key, label) -> E<n>
    by_table_id: dict[str, str] = {}
    gold_entities: dict[str, dict[str, Any]] = {}
    gold_mentions = []
    for row in rows:
        if row["label"] == "DATE":
            gold_mentions.append(
                {
                    "start": row["start"],
                    "end": row["end"],
                    "text": row["text"],
                    "label": "DATE",
                    "value": row["value"],
                }
            )
            continue
        key = (row["entity_id"] or f"text:{row['text']}", row["label"])
        if key not in local:
            local[key] = f"E{len(local) + 1}"
            gold_entities[local[key]] = {
                "id": local[key],
                "type": row["label"],
                "name": row["text"],
                "aliases": [],
            }
            if row["entity_id"] is not None:
                by_table_id.setdefault(row["entity_id"], local[key])
        entity = gold_entities[local[key]]
        if row["text"] not in entity["aliases"]:
            entity["aliases"].append(row["text"])
        entity["name"] = max(entity["aliases"], key=len)
        gold_mentions.append(
            {
                "start": row["start"],
                "end": row["end"],
                "text": row["text"],
                "label": row["label"],
                "entity": local[key],
            }
        )
    gold_relations = [
        {
            "subject": by_table_id[row["subject_id"]],
            "predicate": row["predicate"],
            "object": by_table_id[row["object_id"]],
            "role": row["role"],
            "date": row["date"],
            "evidence": row["evidence"],
        }
        for row in relations.to_pylist()
        if row["doc_id"] == doc_id and row["subject_id"] in by_table_id and row["object_id"] in by_table_id
    ]
    names = {row["entity_id"]: row["name"] for row in entities.to_pylist()}
    for table_id, local_id in by_table_id.items():
        entity = gold_entities[local_id]
        if names.get(table_id) in entity["aliases"]:
            entity["name"] = names[table_id]
    return {
        "doc": doc_row["path"],
        "entities": list(gold_entities.values()),
        "mentions": gold_mentions,
        "relations": gold_relations,
    }


def draft_gold(raw_file: Path) -> dict[str, Any]:
    """Run the pipeline on ``raw_file`` alone (in a temporary folder) and return its output as a gold file."""
    try:
        from extract.run.runner import run
    except ImportError as error:
        raise ExtractError("gold.no_runner", error=error) from error
    if not raw_file.is_file():
        raise ExtractError("gold.not_file", path=raw_file)
    with tempfile.TemporaryDirectory(prefix="extract-draft-") as tmp:
        raw_dir, out_dir = Path(tmp, "raw"), Path(tmp, "tables")
        raw_dir.mkdir()
        shutil.copy2(raw_file, raw_dir / raw_file.name)
        run(raw_dir, out_dir)
        tables = {name: read_table(out_dir / f"{name}.parquet", name) for name in TABLES}
    rows = [row for row in tables["documents"].to_pylist() if row["path"] == raw_file.name]
    if not rows:
        raise ExtractError("gold.no_document", path=raw_file)
    return tables_to_gold(rows[0], tables["mentions"], tables["entities"], tables["relations"])


# --- Label Studio -------------------------------------------------------------------------------------


def _meta(pairs: Mapping[str, str | None]) -> dict[str, list[str]]:
    return {"text": [f"{key}={value}" for key, value in pairs.items() if value is not None]}


def _read_meta(result: Mapping[str, Any], region: str) -> dict[str, str]:
    lines = (result.get("meta") or {}).get("text") or []
    if isinstance(lines, str):
        lines = lines.splitlines()
    fields = {}
    for line in lines:
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(message("gold.ls_meta", id=region, line=line))
        fields[key.strip()] = value
    return fields


def to_labelstudio(gold: Mapping[str, Any], text: str) -> dict[str, Any]:
    """One gold file as a Label Studio task (format in the module docstring)."""
    results: list[dict[str, Any]] = []
    first_region: dict[str, str] = {}
    for index, mention in enumerate(gold["mentions"]):
        region = f"m{index}"
        if mention["label"] == "DATE":
            meta = _meta({"value": mention.get("value")})
        else:
            meta = _meta({"entity": mention.get("entity")})
            first_region.setdefault(mention.get("entity"), region)
        results.append(
            {
                "id": region,
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {
                    "start": mention["start"],
                    "end": mention["end"],
                    "text": mention["text"],
                    "labels": [mention["label"]],
                },
                "meta": meta,
            }
        )
    for index, relation in enumerate(gold["relations"]):
        ends = [first_region.get(relation[side]) for side in ("subject", "object")]
        if None in ends:
            raise ExtractError("gold.ls_no_region", doc=gold["doc"], index=index)
        results.append(
            {
                "id": f"r{index}",
                "from_id": ends[0],
                "to_id": ends[1],
                "type": "relation",
                "direction": "right",
                "labels": [relation["predicate"]],
                "meta": _meta({key: relation.get(key) for key in ("role", "date", "evidence")}),
            }
        )
    return {
        "data": {"text": text, "doc": gold["doc"], "entities": gold["entities"]},
        "annotations": [{"result": results}],
    }


def _utf16_to_index(text: str, offset: int) -> int:
    """The ``str`` index of a UTF-16 offset (JavaScript counts characters beyond U+FFFF twice)."""
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _region_span(text: str, region: str, value: Mapping[str, Any]) -> tuple[int, int]:
    """A region's offsets as ``str`` indices, accepting Python or JavaScript (UTF-16) offsets."""
    start, end = value["start"], value["end"]
    if text[start:end] == value["text"]:
        return start, end
    start16, end16 = _utf16_to_index(text, start), _utf16_to_index(text, end)
    if text[start16:end16] == value["text"]:
        return start16, end16
    raise ValueError(
        message(
            "gold.ls_region_text", id=region, text=value["text"], found=text[start:end], start=start, end=end
        )
    )


def from_labelstudio(task: Mapping[str, Any]) -> dict[str, Any]:
    """A Label Studio task (as written by :func:`to_labelstudio`, maybe edited) as a gold file.

    Raises ValueError with a readable reason when the task is not in that format.
    """
    data = task["data"]
    text = data["text"]
    results = task["annotations"][0]["result"]
    entities = {e["id"]: {**e, "aliases": list(e["aliases"])} for e in data.get("entities") or []}
    regions: dict[str, str | None] = {}
    mentions = []
    for result in results:
        if result.get("type") != "labels":
            continue
        value, region = result["value"], str(result["id"])
        start, end = _region_span(text, region, value)
        label = value["labels"][0]
        meta = _read_meta(result, region)
        mention: dict[str, Any] = {"start": start, "end": end, "text": value["text"], "label": label}
        if label == "DATE":
            mention["value"] = meta.get("value")
            regions[region] = None
        else:
            entity_id = meta.get("entity") or f"{label}:{value['text']}"
            entity = entities.setdefault(
                entity_id, {"id": entity_id, "type": label, "name": value["text"], "aliases": []}
            )
            if value["text"] not in entity["aliases"]:
                entity["aliases"].append(value["text"])
                entity["name"] = max([entity["name"], value["text"]], key=len)
            mention["entity"] = entity_id
            regions[region] = entity_id
        mentions.append(mention)
    relations = []
    for result in results:
        if result.get("type") != "relation":
            continue
        ends = [regions.get(str(result[key])) for key in ("from_id", "to_id")]
        if None in ends:
            raise ValueError(
                message("gold.ls_unknown_region", source=result["from_id"], target=result["to_id"])
            )
        subject, obj = ends if result.get("direction", "right") != "left" else ends[::-1]
        meta = _read_meta(result, str(result.get("id")))
        relations.append(
            {
                "subject": subject,
                "predicate": result["labels"][0],
                "object": obj,
                "role": meta.get("role"),
                "date": meta.get("date"),
                "evidence": meta.get("evidence"),
            }
        )
    mentions.sort(key=lambda m: m["start"])
    return {
        "doc": data["doc"],
        "entities": list(entities.values()),
        "mentions": mentions,
        "relations": relations,
    }


def export_labelstudio(gold_dir: Path, raw_dir: Path) -> list[dict[str, Any]]:
    """Every gold file of ``gold_dir`` as a Label Studio task, with its raw text."""
    tasks = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = load_gold(path)
        raw = find_raw(raw_dir, gold["doc"])
        if raw is None:
            raise ExtractError("gold.no_raw", path=path, doc=gold["doc"], raw=raw_dir)
        tasks.append(to_labelstudio(gold, read_raw_text(raw)))
    if not tasks:
        raise ExtractError("gold.no_files", path=gold_dir)
    return tasks


def import_labelstudio(path: Path) -> list[dict[str, Any]]:
    """The gold files held in a Label Studio JSON export (a list of tasks)."""
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExtractError("gold.json", path=path, error=error) from error
    if not isinstance(tasks, list):
        raise ExtractError("gold.ls_not_list", path=path)
    golds = []
    for index, task in enumerate(tasks):
        try:
            golds.append(from_labelstudio(task))
        except (KeyError, IndexError, TypeError, ValueError) as error:
            problem = error.args[0] if isinstance(error, ValueError) else f"missing or malformed {error}"
            raise ExtractError("gold.ls_invalid", path=path, index=index, problem=problem) from error
    return golds


# --- the command -----------------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``extract gold`` with its sub-commands check, draft, export and import."""
    parser = subparsers.add_parser(
        "gold",
        help="check, draft, export and import gold files",
        description="Tools for the hand-labelled gold files (see gold/GUIDELINES.md).",
    )
    commands = parser.add_subparsers(dest="gold_command", metavar="ACTION", required=True)

    check = commands.add_parser("check", help="validate gold files against the raw texts")
    check.add_argument("gold_dir", type=Path, metavar="DIR")
    check.add_argument("--raw", type=Path, default=Path("raw"), help="raw folder (default raw)")
    check.set_defaults(func=_check_command)

    draft = commands.add_parser("draft", help="pre-annotate one raw file with the pipeline")
    draft.add_argument("raw_file", type=Path, metavar="FILE")
    draft.add_argument("--out", type=Path, help="gold file to write (default: print it)")
    draft.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    draft.set_defaults(func=_draft_command)

    export = commands.add_parser("export", help="gold files to a Label Studio JSON file")
    export.add_argument("gold_dir", type=Path, metavar="DIR")
    export.add_argument("--format", choices=["labelstudio"], default="labelstudio")
    export.add_argument("--raw", type=Path, default=Path("raw"), help="raw folder (default raw)")
    export.add_argument("--out", type=Path, required=True, help="JSON file to write")
    export.set_defaults(func=_export_command)

    imp = commands.add_parser("import", help="a Label Studio JSON export to gold files")
    imp.add_argument("tasks_file", type=Path, metavar="FILE")
    imp.add_argument("--format", choices=["labelstudio"], default="labelstudio")
    imp.add_argument("--out", type=Path, required=True, help="gold folder to write into")
    imp.add_argument("--force", action="store_true", help="overwrite gold files that exist")
    imp.set_defaults(func=_import_command)


def _check_command(args: argparse.Namespace) -> int:
    problems, warnings, n_files = check_dir(args.gold_dir, args.raw)
    for line in warnings:
        log.warning("warning: %s", line)
    for line in problems:
        print(line)
    if problems:
        files = len({line.split(": ", 1)[0] for line in problems})
        print(message("gold.check_failed", problems=len(problems), files=files, n=n_files), file=sys.stderr)
        return 1
    log.info(message("gold.check_ok", n=n_files, raw=args.raw, warnings=len(warnings)))
    return 0


def _write_new(path: Path, text: str, *, force: bool) -> None:
    if path.exists() and not force:
        raise ExtractError("gold.exists", path=path)
    write_atomic(path, text.encode("utf-8"))
    log.info(message("gold.written", path=path))


def _draft_command(args: argparse.Namespace) -> int:
    if args.out is not None and args.out.exists() and not args.force:
        raise ExtractError("gold.exists", path=args.out)  # before the (slow) run
    text = gold_json(draft_gold(args.raw_file))
    if args.out is None:
        sys.stdout.write(text)
    else:
        _write_new(args.out, text, force=args.force)
    return 0


def _export_command(args: argparse.Namespace) -> int:
    tasks = export_labelstudio(args.gold_dir, args.raw)
    write_atomic(args.out, (json.dumps(tasks, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    log.info(message("gold.written", path=args.out))
    return 0


def _import_command(args: argparse.Namespace) -> int:
    golds: Sequence[dict[str, Any]] = import_labelstudio(args.tasks_file)
    for gold in golds:
        _write_new(args.out / f"{Path(gold['doc']).stem}.json", gold_json(gold), force=args.force)
    return 0
