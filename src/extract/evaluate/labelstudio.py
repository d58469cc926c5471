"""Label Studio: gold files to Label Studio tasks and back (``extract gold export`` / ``import``).

The tasks suit the labelling config of :func:`labelling_config` (shipped as
``gold/labelstudio.xml``, printed by ``extract gold config``), and the format is
chosen so that a round trip gives back the same file:

- ``data.text`` is the document's text as ``documents.text`` holds it (the raw
  file read by the pipeline's ingest, whatever its format), ``data.doc`` the
  gold ``doc``, and ``data.entities`` the gold entities (ids, names, aliases, in
  file order);
- the gold file's labels are the task's ``predictions`` (pre-annotations a person
  accepts or corrects), not its ``annotations``: what comes back is what a person
  submitted, the task's first annotation that was not skipped;
- every mention is a ``labels`` region (``from_name`` "label", ``to_name``
  "text", ids ``m0``, ``m1``...) whose ``meta.text`` holds ``key=value`` lines:
  ``entity=E1`` for ORG and PERSON, ``value=2017-06`` for DATE;
- every relation is a ``relation`` result from the subject entity's first
  region to the object entity's first region, ``labels`` [predicate], with
  ``role=``, ``date=`` and ``evidence=`` lines in its ``meta.text``.

A region added in Label Studio for a new entity id makes a new entity (name =
its longest text); texts of new regions are added to the entity's aliases. An
entity whose regions were all deleted is dropped, and an alias no region has
any more is taken off its entity.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from extract import __version__
from extract.core.errors import ExtractError, message
from extract.core.schema import LABELS, PREDICATES
from extract.evaluate.gold import load_gold
from extract.evaluate.raw import NoText, raw_text

#: The names of the task's text and of its labels, in the tasks and in the labelling config alike.
TEXT_NAME, LABELS_NAME = "text", "label"
#: The ``model_version`` of the predictions: Label Studio offers pre-annotations by it.
MODEL_VERSION = f"extract {__version__}"
#: Label colours in Label Studio, in the order of :data:`LABELS` (its default gives all labels one colour).
_COLOURS = ("#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b")


class NotLabelled(ValueError):
    """A task no one has submitted an annotation for in Label Studio: nothing to import."""


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
                "from_name": LABELS_NAME,
                "to_name": TEXT_NAME,
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
        "data": {TEXT_NAME: text, "doc": gold["doc"], "entities": gold["entities"]},
        "predictions": [{"model_version": MODEL_VERSION, "result": results}],
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


def submitted_result(task: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The result of the task's first annotation that was not skipped; :class:`NotLabelled` if none.

    Predictions are never read back: they are the pre-annotations, not what a person checked.
    """
    for annotation in task.get("annotations") or []:
        if not annotation.get("was_cancelled"):
            return list(annotation["result"])
    raise NotLabelled(message("gold.ls_not_labelled", doc=task["data"]["doc"]))


def from_labelstudio(task: Mapping[str, Any]) -> dict[str, Any]:
    """A Label Studio task (as written by :func:`to_labelstudio`, then labelled) as a gold file.

    Raises ValueError with a readable reason when the task is not in that format, and
    :class:`NotLabelled` when no one submitted an annotation for it.
    """
    data = task["data"]
    text = data[TEXT_NAME]
    results = submitted_result(task)
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
            entities.setdefault(entity_id, {"id": entity_id, "type": label, "name": None, "aliases": []})
            mention["entity"] = entity_id
            regions[region] = entity_id
        mentions.append(mention)
    relations = [_relation(result, regions) for result in results if result.get("type") == "relation"]
    mentions.sort(key=lambda m: m["start"])
    return {
        "doc": data["doc"],
        "entities": _entities_in_use(entities.values(), mentions),
        "mentions": mentions,
        "relations": relations,
    }


def _relation(result: Mapping[str, Any], regions: Mapping[str, str | None]) -> dict[str, Any]:
    """A ``relation`` result as a gold relation between the entities of its two regions."""
    ends = [regions.get(str(result[key])) for key in ("from_id", "to_id")]
    if None in ends:
        raise ValueError(message("gold.ls_unknown_region", source=result["from_id"], target=result["to_id"]))
    subject, obj = ends if result.get("direction", "right") != "left" else ends[::-1]
    meta = _read_meta(result, str(result.get("id")))
    return {
        "subject": subject,
        "predicate": result["labels"][0],
        "object": obj,
        "role": meta.get("role"),
        "date": meta.get("date"),
        "evidence": meta.get("evidence"),
    }


def _entities_in_use(
    entities: Iterable[Mapping[str, Any]], mentions: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The entities that still have a mention, each with the aliases its mentions still have.

    A region deleted in Label Studio takes its text off the entity's aliases, and the entity itself
    when it was the last; the gold file keeps no entity nor alias that nothing in the text carries.
    Aliases keep their order, new texts come after them; the name stays unless its text was taken
    off (then the longest alias), and a longer new text becomes the name.
    """
    texts: dict[str, list[str]] = {}
    for mention in mentions:
        if mention.get("entity") is not None:
            texts.setdefault(mention["entity"], []).append(mention["text"])
    kept = []
    for entity in entities:
        used = texts.get(entity["id"])
        if not used:
            continue
        old = list(entity["aliases"])
        added = [t for t in dict.fromkeys(used) if t not in old]
        aliases = [a for a in old if a in used] + added
        name = entity["name"]
        if name is None or (name in old and name not in aliases):
            name = max(aliases, key=len)
        name = max([name, *added], key=len)
        kept.append({**entity, "name": name, "aliases": aliases})
    return kept


def export_labelstudio(gold_dir: Path, raw_dir: Path) -> list[dict[str, Any]]:
    """Every gold file of ``gold_dir`` as a Label Studio task, with its document's text from ``raw_dir``."""
    tasks = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = load_gold(path)
        try:
            text = raw_text(raw_dir, gold["doc"])
        except NoText as problem:
            raise ExtractError("gold.raw", path=path, problem=problem) from None
        tasks.append(to_labelstudio(gold, text))
    if not tasks:
        raise ExtractError("gold.no_files", path=gold_dir)
    return tasks


def import_labelstudio(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The gold files held in a Label Studio JSON export (a list of tasks), and why tasks were left out.

    A task no one submitted is left out with a line saying so (its pre-annotations are not gold); any
    other problem stops the import, naming the task.
    """
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExtractError("gold.json", path=path, error=error) from error
    if not isinstance(tasks, list):
        raise ExtractError("gold.ls_not_list", path=path)
    golds, left_out = [], []
    for index, task in enumerate(tasks):
        try:
            golds.append(from_labelstudio(task))
        except NotLabelled as reason:
            left_out.append(message("gold.ls_invalid", path=path, index=index, problem=reason))
        except (KeyError, IndexError, TypeError, ValueError) as error:
            problem = error.args[0] if isinstance(error, ValueError) else f"missing or malformed {error}"
            raise ExtractError("gold.ls_invalid", path=path, index=index, problem=problem) from error
    return golds, left_out


def labelling_config() -> str:
    """The Label Studio labelling config for the tasks of :func:`to_labelstudio` (``gold/labelstudio.xml``).

    Built from the schema, so it offers exactly the labels (:data:`LABELS`) and relation predicates
    (:data:`PREDICATES`) the gold files may hold; their definitions are in ``gold/GUIDELINES.md``.
    The text keeps its line ends and spaces (``pre-wrap``) and regions are chosen by the character,
    since gold offsets count every character.
    """
    labels = "\n".join(
        f'    <Label value="{label}" background="{_COLOURS[index % len(_COLOURS)]}"/>'
        for index, label in enumerate(LABELS)
    )
    relations = "\n".join(f'    <Relation value="{predicate}"/>' for predicate in PREDICATES)
    return (
        "<View>\n"
        "  <!-- extract's gold labelling (gold/GUIDELINES.md): made by 'extract gold config'; a region's\n"
        "       meta holds entity=E1 (ORG, PERSON) or value=2017-06 (DATE), a relation's role=, date=,\n"
        "       evidence= lines. -->\n"
        "  <Style>.htx-text { white-space: pre-wrap; }</Style>\n"
        f'  <Labels name="{LABELS_NAME}" toName="{TEXT_NAME}">\n{labels}\n  </Labels>\n'
        f"  <Relations>\n{relations}\n  </Relations>\n"
        f'  <Text name="{TEXT_NAME}" value="${TEXT_NAME}" granularity="symbol"/>\n'
        "</View>\n"
    )
