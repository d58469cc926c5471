"""Gold files: load them and check them against the raw texts and the guidelines.

A gold file is the hand-labelled truth the scorer trusts, so it is checked
strictly (``extract gold check``) before anything is scored: a wrong offset or a
dangling entity would silently turn into false negatives. Problems are
reported one per line, each naming the file and the item (``mention 12`` is the
index in the file's ``mentions`` list, from 0, as ``jq`` counts), with the
wording of :mod:`extract.core.errors`. Offsets count in the raw file's
``documents.text``, read by the pipeline's own ingest whatever the format
(:mod:`extract.evaluate.raw`).

Drafting a gold file from the pipeline is :mod:`extract.evaluate.draft`, moving
gold files to and from Label Studio :mod:`extract.evaluate.labelstudio`, and the
``extract gold`` command :mod:`extract.cli.gold`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from extract.core.errors import ExtractError, message
from extract.core.schema import ENTITY_TYPES, LABELS, PREDICATES
from extract.evaluate.raw import NoText, raw_text

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
        try:
            text: str | None = raw_text(raw_dir, gold["doc"])
        except NoText as problem:
            text = None
            problems.append(f"{path}: {problem}")
        problems += [f"{path}: {problem}" for problem in check_gold(gold, text)]
        warnings += [f"{path}: {warning}" for warning in alias_warnings(gold)]
    return problems, warnings, len(paths)


def gold_json(gold: Mapping[str, Any]) -> str:
    """A gold file's text: 2-space indent, UTF-8 characters as they are, final newline."""
    return json.dumps(gold, indent=2, ensure_ascii=False) + "\n"
