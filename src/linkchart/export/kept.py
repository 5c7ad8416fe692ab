"""The entity graph as the exports read it: from the graph the store keeps, a page of edges at a time.

The kept edges, by id, are `entity_relations(store)` in its order (`graph.stored.keep_graph`), and
the kept metrics are `graph_metrics` of that graph under no filter: so an export reading them
writes what one building the whole graph in memory (`graph.build.build_graph`) writes, without
holding every mention, relation and evidence of the store at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linkchart.graph.metrics import NodeMetrics
from linkchart.graph.regraph import refresh_metrics
from linkchart.graph.stored import ensure_graph, relation_of
from linkchart.resolve.facts import EntityRelation
from linkchart.store.base import Store

PAGE_EDGES = 2000  # kept edges read at once


@dataclass(frozen=True)
class Node:
    """An entity as a node of the exported graph."""

    id: int
    name: str
    type: str
    mentions: int  # mentions linked to it


def kept_current(store: Store) -> None:
    """Make the kept graph and its metrics those of the store's current version (computed when older)."""
    ensure_graph(store)
    for _ in range(3):  # metrics left stale by incremental updates: recomputed from the kept edges
        metrics_version, graph_version = store.graph_metrics_state()
        if metrics_version == graph_version or refresh_metrics(store, graph_version):
            return


def kept_nodes(store: Store) -> list[Node]:
    """Return every entity as a node, by id (the order of `build_graph`'s nodes)."""
    mentions = {e.id: e.mentions for e in store.entity_summaries()}
    return [Node(e.id, e.name, e.type, mentions.get(e.id, 0)) for e in store.entities()]


def kept_metrics(store: Store) -> dict[int, NodeMetrics]:
    """Return the kept metrics of every entity (`graph_metrics(...).nodes` of the whole graph)."""
    return {n: NodeMetrics(m.degree, m.betweenness, m.pagerank, m.community)
            for n, m in store.entity_metrics().items()}


def kept_relations(store: Store) -> Iterator[EntityRelation]:
    """Yield the entity relations of the kept graph in order (`entity_relations(store)`), a page at a time."""
    after = -1
    while page := store.kept_edges(after, PAGE_EDGES):
        for e in page:
            yield relation_of(e)
        after = page[-1].id
