"""Finding an organisation or person by any of its names, accents and case ignored.

A reader types a name as they know it: "Inserm", "institut national de la santé et de la recherche
médicale", "Centre Leon Berard", "CLB". A name matches an entity when it folds
(:func:`extract.text.fold.fold`) to the entity's name or one of its aliases, or to any alias of the
organisations list (shipped, and the user's own, :mod:`extract.linking.aliases`) whose group the entity
belongs to: so a name in the other language finds the organisation even when the texts never used it.
Only when nothing matches whole is a name looked for as a run of whole words inside the names ("Bérard").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extract.linking.aliases import Alias
from extract.text.fold import fold


@dataclass(frozen=True, slots=True)
class Match:
    """An entity a name matched, and how: the form it matched and where that form comes from."""

    entity_id: str
    type: str
    name: str
    form: str  # the name or alias that matched
    how: str  # "entity_id" | "name" | "alias" | "organisations list" | "part of a name"


def find_entities(
    entities: Sequence[Mapping[str, Any]], query: str, *, aliases: Iterable[Alias] = ()
) -> list[Match]:
    """The entities (rows of the entities table) that ``query`` names, sorted by type, name and ID.

    ``aliases`` are (canonical, alias) rows of the organisations list. An entity_id matches itself.
    """
    by_id = {e["entity_id"]: e for e in entities}
    if query in by_id:
        return [_match(by_id[query], query, "entity_id")]
    wanted = fold(query)
    if not wanted:
        return []
    found = _whole(entities, wanted) or _listed(entities, wanted, aliases) or _partial(entities, wanted)
    return sorted(found.values(), key=lambda m: (m.type, m.name, m.entity_id))


def _match(entity: Mapping[str, Any], form: str, how: str) -> Match:
    return Match(entity["entity_id"], entity["type"], entity["name"], form, how)


def _forms(entity: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(form, where from) of an entity's own names: its name, then its aliases."""
    return [(entity["name"], "name"), *((alias, "alias") for alias in entity["aliases"] or ())]


def _whole(entities: Iterable[Mapping[str, Any]], wanted: str) -> dict[str, Match]:
    """Entities one of whose own names folds to ``wanted``."""
    found: dict[str, Match] = {}
    for entity in entities:
        for form, how in _forms(entity):
            if fold(form) == wanted:
                found.setdefault(entity["entity_id"], _match(entity, form, how))
    return found


def _listed(entities: Iterable[Mapping[str, Any]], wanted: str, aliases: Iterable[Alias]) -> dict[str, Match]:
    """Entities of the organisations-list group that ``wanted`` is an alias of: those one of whose own
    names is a form of that group (its canonical name or one of its aliases)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for canonical, alias in aliases:
        groups[canonical] |= {fold(canonical), fold(alias)}
    found: dict[str, Match] = {}
    for canonical, forms in groups.items():
        if wanted not in forms:
            continue
        for entity in entities:
            if entity["type"] == "ORG" and any(fold(form) in forms for form, _ in _forms(entity)):
                found.setdefault(entity["entity_id"], _match(entity, canonical, "organisations list"))
    return found


def _partial(entities: Iterable[Mapping[str, Any]], wanted: str) -> dict[str, Match]:
    """Entities one of whose own names holds ``wanted`` as a run of whole words ("berard")."""
    found: dict[str, Match] = {}
    for entity in entities:
        for form, _ in _forms(entity):
            if f" {wanted} " in f" {fold(form)} ":
                found.setdefault(entity["entity_id"], _match(entity, form, "part of a name"))
    return found
