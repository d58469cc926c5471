"""What the scorer compares: mentions, entities and relations of one document, from gold or tables.

Gold files and the pipeline's tables have different shapes; both are turned
here into the same :class:`Annotations`, so that :mod:`extract.evaluate.matching`
compares like with like. Entity names and aliases are compared after
:func:`normalise_form`, which folds case, accents and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extract.core.schema import ENTITY_TYPES, LABELS, SYMMETRIC_PREDICATES

#: A run of white space (collapsed to one space in compared forms and shown contexts).
SPACES = re.compile(r"\s+")


# --- the items compared ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """One mention, gold or predicted; ``entity`` is the document-local entity id."""

    start: int
    end: int
    label: str
    text: str
    value: str | None = None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One ORG or PERSON entity of a document, with the normalised forms it may be matched by."""

    id: str
    type: str
    name: str
    forms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Triple:
    """One relation of a document, between two entity ids of that document's annotations."""

    subject: str
    predicate: str
    object: str
    date: str | None = None
    role: str | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Annotations:
    """The mentions, entities and relations of one document, from gold or from the tables."""

    mentions: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Triple, ...] = ()

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with id ``entity_id``, if any."""
        return next((e for e in self.entities if e.id == entity_id), None)


@dataclass(frozen=True, slots=True)
class DocPair:
    """A gold file and the document it scores (``text`` is None when no document matched)."""

    doc: str
    gold_file: str
    lang: str
    text: str | None
    gold: Annotations
    predicted: Annotations


# --- normalisation ----------------------------------------------------------------------------------


SPACES = re.compile(r"\s+")


def normalise_form(text: str) -> str:
    """Fold case, accents and punctuation so that "Centre Léon-Bérard" equals "CENTRE LEON BERARD".

    Punctuation becomes a space (so "Léon-Bérard" and "Léon Bérard" agree), then
    white space is collapsed.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue
        kept.append(" " if category.startswith(("P", "S")) else char)
    return SPACES.sub(" ", "".join(kept).casefold()).strip()


# --- building the annotations -------------------------------------------------------------------


def gold_annotations(gold: Mapping[str, Any]) -> Annotations:
    """The annotations of a gold file (already checked by :func:`extract.evaluate.gold.load_gold`)."""
    mentions = tuple(
        Span(m["start"], m["end"], m["label"], m["text"], m.get("value"), m.get("entity"))
        for m in gold["mentions"]
    )
    entities = tuple(
        Entity(e["id"], e["type"], e["name"], frozenset(normalise_form(a) for a in e["aliases"]))
        for e in gold["entities"]
    )
    relations = tuple(
        Triple(
            r["subject"], r["predicate"], r["object"], r.get("date"), r.get("role"), r.get("evidence") or ""
        )
        for r in gold["relations"]
    )
    return Annotations(mentions, entities, relations)


def predicted_annotations(
    mention_rows: Sequence[Mapping[str, Any]],
    relation_rows: Sequence[Mapping[str, Any]],
    entity_rows: Mapping[str, Mapping[str, Any]],
) -> Annotations:
    """The annotations of one document from its table rows.

    A predicted entity is an entity_id with mentions in the document; it may be
    matched by its name (entities.name) or by any of its mention texts there.
    A triple listed twice (another evidence sentence) is kept once: the gold
    lists each fact once per document and evidence is not scored.
    """
    mentions = tuple(
        Span(m["start"], m["end"], m["label"], m["text"], m["value"], m["entity_id"])
        for m in sorted(mention_rows, key=lambda m: (m["start"], m["end"], m["label"]))
        if m["label"] in LABELS
    )
    texts: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for mention in mentions:
        if mention.entity is not None and mention.label in ENTITY_TYPES:
            texts.setdefault(mention.entity, []).append(mention.text)
            labels.setdefault(mention.entity, mention.label)
    entities = []
    for entity_id, forms in texts.items():
        row = entity_rows.get(entity_id)
        name = row["name"] if row else forms[0]
        kind = row["type"] if row else labels[entity_id]
        entities.append(Entity(entity_id, kind, name, frozenset(normalise_form(t) for t in [name, *forms])))
    for row in relation_rows:  # an entity a relation names without a mention here: matched by name only
        for entity_id in (row["subject_id"], row["object_id"]):
            if entity_id not in texts and entity_id in entity_rows:
                known = entity_rows[entity_id]
                texts[entity_id] = []
                entities.append(
                    Entity(
                        entity_id, known["type"], known["name"], frozenset({normalise_form(known["name"])})
                    )
                )
    relations: list[Triple] = []
    seen: set[tuple[str, str, str]] = set()
    for row in sorted(relation_rows, key=lambda r: (r["start"], r["relation_id"])):
        key = _triple_key(row["subject_id"], row["predicate"], row["object_id"])
        if key in seen:
            continue
        seen.add(key)
        relations.append(
            Triple(
                row["subject_id"],
                row["predicate"],
                row["object_id"],
                row["date"],
                row["role"],
                row["evidence"],
            )
        )
    return Annotations(mentions, tuple(entities), tuple(relations))


def _triple_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return (subject, predicate, obj)
