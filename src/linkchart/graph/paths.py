"""Paths between two entities and ego networks, each hop explained by a relation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

import networkx as nx
from networkx.algorithms.shortest_paths.generic import _build_paths_from_predecessors

from linkchart.graph.build import EntityGraph
from linkchart.resolve.facts import EntityRelation


@dataclass
class Hop:
    """One step of a path: the relation that links two entities, read in its own direction."""

    source: int  # the entity the path comes from
    target: int  # the entity the path goes to
    relation: EntityRelation


def _best_relation(eg: EntityGraph, u: int, v: int) -> EntityRelation:
    """Return the best-supported asserted relation between u and v: plain facts before attributed ones."""
    candidates = []
    for a, b in ((u, v), (v, u)):
        for data in (eg.graph.get_edge_data(a, b) or {}).values():
            candidates.append(eg.relations[data["index"]])
    return best_relation(candidates, u, v)


def best_relation(relations: list[EntityRelation], u: int, v: int,
                  evidence_count: Callable[[EntityRelation], int] = lambda r: len(r.evidence)) -> EntityRelation:
    """Return the best-supported asserted relation between u and v among `relations` (in their order, u→v ones
    first): plain facts before attributed ones, then the most evidence (`evidence_count` counts a relation's,
    for relations read with their first evidences only)."""
    candidates = [r for r in relations if r.subject == u and r.object == v and not r.negated]
    candidates += [r for r in relations if r.subject == v and r.object == u and not r.negated]
    return max(candidates, key=lambda r: (r.attributed_to is None and not r.hedged, evidence_count(r)))


def find_paths(eg: EntityGraph, a: int, b: int, max_hops: int = 4, limit: int = 5) -> list[list[Hop]]:
    """Return up to `limit` shortest chains of asserted relations linking a to b (≤ max_hops)."""
    g = eg.asserted()
    if a not in g or b not in g or a == b:
        return []
    try:  # meeting in the middle finds the length cheaply, and a pair too far apart costs no more
        hops = len(nx.bidirectional_shortest_path(g, a, b)) - 1
    except nx.NetworkXNoPath:
        return []
    if hops > max_hops:
        return []
    # nx.all_shortest_paths, with its breadth-first search stopped at the length found instead of
    # walking a's whole component: the same paths in the same order
    pred = nx.predecessor(g, a, cutoff=hops)
    paths = list(islice(_build_paths_from_predecessors({a}, b, pred), limit))
    return [[Hop(u, v, _best_relation(eg, u, v)) for u, v in zip(nodes, nodes[1:], strict=False)] for nodes in paths]


def neighbors(eg: EntityGraph, entity: int, depth: int = 1) -> tuple[set[int], list[EntityRelation]]:
    """Return the entities within `depth` hops of an entity and the relations among them."""
    if entity not in eg.graph:
        return set(), []
    g = eg.graph.to_undirected(as_view=True)
    reach = nx.single_source_shortest_path_length(g, entity, cutoff=depth)
    nodes = set(reach)
    # the edges at the nodes, not a scan of every relation: a request costs its neighbourhood, not the store
    ends = [entity] if depth == 1 else nodes
    found: set[int] = set()
    for n in ends:
        for edges in (eg.graph.out_edges(n, data="index"), eg.graph.in_edges(n, data="index")):
            found.update(i for u, v, i in edges if u in nodes and v in nodes)
    return nodes, [eg.relations[i] for i in sorted(found)]
