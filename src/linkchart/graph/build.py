"""Build the entity graph from the store, cached by the store's version.

Nodes are entities (name, type, mention count); edges are `EntityRelation`s. Paths and
neighbourhoods run on this networkx graph; it is rebuilt only when the store changed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from linkchart.resolve.facts import (
    EntityClaim,
    EntityEvent,
    EntityRelation,
    MentionIndex,
    entity_claims,
    entity_events,
    entity_relations,
)
from linkchart.store.base import Store


@dataclass
class EntityGraph:
    """The graph and what it was built from."""

    version: int
    graph: nx.MultiDiGraph
    relations: list[EntityRelation]
    names: dict[int, str] = field(default_factory=dict)
    index: MentionIndex | None = None
    # computed on first use, kept until the store changes
    _asserted: nx.Graph | None = None
    _events: list[EntityEvent] | None = None
    _claims: list[EntityClaim] | None = None
    metrics: dict[Any, Any] = field(default_factory=dict)  # graph.metrics' results, one per filter

    def undirected(self) -> nx.MultiGraph:
        """Return the graph with directions dropped (paths ignore who did what to whom)."""
        return self.graph.to_undirected(as_view=True)

    def asserted(self) -> nx.Graph:
        """Return the simple undirected graph of the relations the text asserts (not negated)."""
        if self._asserted is None:
            g = nx.Graph()
            g.add_nodes_from(self.graph.nodes)
            g.add_edges_from((u, v) for u, v, data in self.graph.edges(data=True) if not data.get("negated"))
            self._asserted = g
        return self._asserted

    def events(self, store: Store, undated: bool = False) -> list[EntityEvent]:
        """Return the store's dated entity events in date order, and with `undated` the undated ones after them
        (cached with the graph)."""
        if self._events is None:
            self._events = entity_events(store, self.index, undated=True)
        return self._events if undated else [e for e in self._events if e.date]

    def claims(self, store: Store) -> list[EntityClaim]:
        """Return the store's entity claims (cached with the graph)."""
        if self._claims is None:
            self._claims = entity_claims(store, self.index)
        return self._claims


_cache: dict[str, EntityGraph] = {}
_lock = threading.Lock()


def entity_graph(store: Store, key: str) -> EntityGraph:
    """Return the entity graph of a store, rebuilding it only when the store's version moved."""
    version = store.version()
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached.version == version:
            return cached
    built = build_graph(store, version)
    with _lock:
        _cache[key] = built
    return built


def build_graph(store: Store, version: int = 0) -> EntityGraph:
    """Return a fresh entity graph built from the store."""
    g = nx.MultiDiGraph()
    counts: dict[int, int] = {}
    for _, entity in store.mention_links():
        counts[entity] = counts.get(entity, 0) + 1
    names = {}
    for e in store.entities():
        g.add_node(e.id, name=e.name, type=e.type, mentions=counts.get(e.id, 0))
        names[e.id] = e.name
    index = MentionIndex(store)
    relations = entity_relations(store, index)
    for i, r in enumerate(relations):
        if r.subject in g and r.object in g:
            g.add_edge(r.subject, r.object, key=i, predicate=r.predicate, negated=r.negated,
                       attributed_to=r.attributed_to, index=i)
    return EntityGraph(version, g, relations, names, index)
