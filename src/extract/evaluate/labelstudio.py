"""Label Studio: gold files to Label Studio tasks and back (``extract gold export`` / ``import``).

The format is chosen so that a round trip gives back the same file:

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

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from extract.core.errors import ExtractError, message
from extract.evaluate.gold import find_raw, load_gold, read_raw_text


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
