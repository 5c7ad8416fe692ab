"""The union-find over local surfaces, keeping for each surface the most informative reason it was joined by."""

from __future__ import annotations

from linkchart.resolve.reasons import Reason
from linkchart.resolve.surfaces import Key


class UnionFind:
    """Disjoint sets of local surfaces; `why` maps a surface to the best reason any join gave it."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}
        self.why: dict[Key, Reason] = {}

    def add(self, x: Key) -> None:
        """Add a surface as a set of its own (no-op when known)."""
        self.parent.setdefault(x, x)

    def find(self, x: Key) -> Key:
        """Return the root of the set holding `x`, compressing the path to it."""
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Key, b: Key, reason: Reason) -> bool:
        """Join the sets of `a` and `b` for `reason`; return True when they were apart."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
        # both ends keep their most informative reason, also when already joined another way;
        # a reason naming the other side ("partial name of 'X'") does not explain X itself
        for x in (a, b):
            if reason.quotes(x[1]) and not reason.evidence.explains_both:
                continue
            if x not in self.why or reason.rank < self.why[x].rank:
                self.why[x] = reason
        return ra != rb
