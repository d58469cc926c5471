"""Entities across documents: the document-local entities of the corpus joined into canonical ones.

The entities of each document (mentions with one key, :mod:`extract.recognise.keys`) are joined when
they share a normalised full form or a canonical name from the organisations list; a shared acronym
joins them only when it is not claimed by two different long forms, so "ESO" in an oncology release
and in an astronomy one stay apart. A person's one-word form ("Smith", "John": a surname or first name
that the document's own full name explains) joins nothing across documents: shared, it would chain every
Smith and every John of the corpus into one person.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from extract.core.records import Mention
from extract.languages.name_forms import canonical_name, name_core, name_key
from extract.linking.aliases import Alias, canonical_names
from extract.text.acronyms import is_acronym
from extract.text.union_find import UnionFind


@dataclass(frozen=True)
class Entity:
    """One canonical entity of the corpus."""

    entity_id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    n_docs: int
    n_mentions: int


def entity_id(type_: str, name: str) -> str:
    """A stable ID from the entity's type and canonical name."""
    digest = hashlib.sha256(f"{type_}|{name_key(name)}".encode()).hexdigest()
    return f"{type_[0]}{digest[:15]}"


def link(
    documents: Sequence[tuple[str, Sequence[Mention]]],
    *,
    aliases: Sequence[Alias] = (),
) -> tuple[dict[tuple[str, str], str], list[Entity]]:
    """Join the document-local entities of all documents.

    ``aliases`` are the user's own (canonical, alias) rows, laid over the shipped organisations list.
    Returns the entity ID of each (doc_id, local key) and the entities.
    """
    canonicals = canonical_names(aliases)
    local: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    types: dict[tuple[str, str], str] = {}
    for doc_id, mentions in documents:
        for m in mentions:
            if m.key is not None:
                local[(doc_id, m.key)][m.text] += 1
                types[(doc_id, m.key)] = m.label
    union = UnionFind()
    shared: dict[tuple[str, str], list] = defaultdict(list)
    acronym_users: dict[tuple[str, str], list] = defaultdict(list)
    for item, forms in local.items():
        union.find(item)
        for form in forms:
            if is_acronym(form):
                acronym_users[(types[item], form)].append(item)
            elif types[item] != "PERSON" or len(form.split()) > 1:
                shared[(types[item], name_key(form))].append(item)
            canonical = canonicals.get(name_key(form))
            if canonical and types[item] == "ORG":
                shared[("list", canonical)].append(item)
    for group in shared.values():
        for other in group[1:]:
            union.union(group[0], other)
    for users in acronym_users.values():
        # One acronym, long forms that agree ("Organisation"/"Organization of European Cancer
        # Institutes"): one body. Long forms that disagree: two bodies that share an acronym.
        cores = {name_core(f) for u in users for f in local[u] if not is_acronym(f)}
        if len(cores) <= 1:
            for other in users[1:]:
                union.union(users[0], other)
    merged: dict[str, tuple[str, str, list, Counter[str]]] = {}
    for members in union.groups(sorted(local)).values():
        forms: Counter[str] = Counter()
        for member in members:
            forms.update(local[member])
        type_ = types[members[0]]
        name = canonical_name(forms, canonicals)
        eid = entity_id(type_, name)
        if eid in merged:  # two groups that reduce to one canonical name are one entity
            _, _, old_members, old_forms = merged.pop(eid)
            members, forms = old_members + members, old_forms + forms
            name = canonical_name(forms, canonicals)
            eid = entity_id(type_, name)
        merged[eid] = (type_, name, members, forms)
    ids: dict[tuple[str, str], str] = {}
    entities = []
    for eid, (type_, name, members, forms) in merged.items():
        ids.update({member: eid for member in members})
        entities.append(
            Entity(eid, type_, name, tuple(sorted(forms)), len({m[0] for m in members}), sum(forms.values()))
        )
    return ids, sorted(entities, key=lambda e: (e.type, e.name, e.entity_id))
