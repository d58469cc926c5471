"""The records that flow between stages, one document at a time.

Offsets are always character offsets into the document's full text
(``documents.text``), end exclusive, whatever block of text a model saw.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-empty line of the document (offsets exclude the line end), with its language."""

    start: int
    end: int
    lang: str  # a supported language, or other
    boilerplate: bool


@dataclass(frozen=True, slots=True)
class Mention:
    """One ORG, PERSON or DATE mention in a document."""

    start: int
    end: int
    label: str  # ORG | PERSON | DATE
    text: str
    lang: str  # language of the paragraph it stands in: a supported language, or other
    source: str  # model | rule (a name propagated through the document keeps its rule or model source)
    value: str | None = None  # ISO 8601 value, DATE only
    key: str | None = None  # document-local entity key: same key, same entity (ORG/PERSON only)


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation triple between two document-local entities, with its evidence."""

    subject: str  # Mention.key of the subject entity
    predicate: str  # one of schema.PREDICATES
    object: str  # Mention.key of the object entity
    role: str | None  # heads / works_for: the role word as written
    date: str | None  # ISO value of the DATE the text ties to the relation
    start: int  # evidence sentence, offsets in the document text
    end: int
    evidence: str
