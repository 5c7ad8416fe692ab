"""The union-find over local surfaces, keeping for each surface the most informative reason it was joined by.

Each set also carries the nations its names are qualified by (`national.nation_key`): a join
that would put two nations in one set is refused and recorded in `refused` ('Iraqi Army' and
'US Army' stay apart even when a bare 'the Army' was joined to each), checked against whole
sets, not only the two names being joined. Analysts' merges are forced through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from linkchart.resolve.reasons import Reason
from linkchart.resolve.surfaces import Key

_NO_NATION: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Refusal:
    """A join the union-find refused: its two names, the reason offered, and the nations of each side."""

    a: Key
    b: Key
    reason: Reason
    nations_a: frozenset[str]
    nations_b: frozenset[str]

    @property
    def text(self) -> str:
        """Return the refusal as shown to a reader."""
        return (f"not joined: '{self.a[1]}' ({', '.join(sorted(self.nations_a))}) and '{self.b[1]}' "
                f"({', '.join(sorted(self.nations_b))}) belong to different nations; offered: {self.reason.text}")


class UnionFind:
    """Disjoint sets of local surfaces; `why` maps a surface to the best reason any join gave it.

    `nation_of` returns the nation key of a surface, or None (no nation guard when omitted).
    """

    def __init__(self, nation_of: Callable[[Key], str | None] | None = None) -> None:
        self.parent: dict[Key, Key] = {}
        self.why: dict[Key, Reason] = {}
        self.nations: dict[Key, frozenset[str]] = {}  # root → the nations of its names (none: absent)
        self.refused: list[Refusal] = []
        self._nation_of = nation_of

    def add(self, x: Key) -> None:
        """Add a surface as a set of its own (no-op when known)."""
        if x in self.parent:
            return
        self.parent[x] = x
        nation = self._nation_of(x) if self._nation_of is not None else None
        if nation:
            self.nations[x] = frozenset((nation,))

    def recount_nations(self, keys: list[Key]) -> None:
        """Recompute the nations of the sets holding `keys` after their parents were rewritten (a split)."""
        for k in keys:
            self.nations.pop(k, None)
        for k in keys:
            nation = self._nation_of(k) if self._nation_of is not None else None
            if nation:
                root = self.find(k)
                self.nations[root] = self.nations.get(root, _NO_NATION) | {nation}

    def find(self, x: Key) -> Key:
        """Return the root of the set holding `x`, compressing the path to it."""
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def nations_of(self, x: Key) -> frozenset[str]:
        """Return the nations of the names in the set holding `x`."""
        return self.nations.get(self.find(x), _NO_NATION)

    def union(self, a: Key, b: Key, reason: Reason, force: bool = False) -> bool:
        """Join the sets of `a` and `b` for `reason`; return True when they were apart and are now one.

        A join of two sets qualified by different nations is refused (recorded in `refused`,
        False returned) unless `force` (an analyst's merge).
        """
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            na, nb = self.nations.get(ra, _NO_NATION), self.nations.get(rb, _NO_NATION)
            if na and nb and na != nb and not force:
                self.refused.append(Refusal(a, b, reason, na, nb))
                return False
            self.parent[rb] = ra
            if nb:
                self.nations[ra] = na | nb
                del self.nations[rb]
        # both ends keep their most informative reason, also when already joined another way;
        # a reason naming the other side ("partial name of 'X'") does not explain X itself
        for x in (a, b):
            if reason.quotes(x[1]) and not reason.evidence.explains_both:
                continue
            if x not in self.why or reason.rank < self.why[x].rank:
                self.why[x] = reason
        return ra != rb
