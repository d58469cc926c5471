"""Union-find: items joined into groups, each group named by its smallest member.

Spellings of one name are joined pairwise (same key, an acronym and its long form, ...), within a
document and across documents; the groups are the entities. The representative of a group is its
smallest item, so that groups come out the same whatever the order of the joins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


class UnionFind:
    """Union-find over hashable items, with deterministic representatives."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, item):
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self, items: Iterable) -> dict:
        out: dict = defaultdict(list)
        for item in items:
            out[self.find(item)].append(item)
        return out
