"""Export the entity graph for Gephi and other graph tools: GEXF and GraphML."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import ClassVar

import networkx as nx

from linkchart.export.base import Exporter
from linkchart.export.kept import kept_current, kept_metrics, kept_nodes, kept_relations
from linkchart.export.screening import listed_labels
from linkchart.graph.metrics import NodeMetrics
from linkchart.resolve.facts import EntityRelation
from linkchart.store.base import Store


def flat_graph(store: Store) -> nx.MultiDiGraph:
    """Return the store's entity graph with plain attribute values (strings, numbers, booleans) only.

    Nodes carry their centrality and community over all asserted relations (`graph.metrics`),
    and `listed`: the list entries their names matched when screened ('' when none). Read from
    the kept graph (`export.kept`): each edge keeps its first evidence only, not the store's.
    """
    kept_current(store)
    nodes = [(n.id, n.name, n.type, n.mentions) for n in kept_nodes(store)]
    return plain_graph(nodes, kept_relations(store), kept_metrics(store), listed_labels(store))


def plain_graph(nodes: Iterable[tuple[int, str, str, int]], relations: Iterable[EntityRelation],
                metrics: dict[int, NodeMetrics] | None = None, listed: dict[int, str] | None = None
                ) -> nx.MultiDiGraph:
    """Return a graph of (id, name, type, mentions) nodes and the relations among them, plain attributes only.

    With `metrics`, nodes also carry degree, betweenness, pagerank and community (-1: none);
    with `listed`, every node carries `listed` (its list entries, '' when none).
    """
    g = nx.MultiDiGraph()
    for node, name, type_, mentions in nodes:
        g.add_node(node, label=name, type=type_, mentions=mentions)
        if listed is not None:
            g.nodes[node]["listed"] = listed.get(node, "")
        m = (metrics or {}).get(node)
        if m is not None:
            g.nodes[node].update(degree=m.degree, betweenness=m.betweenness, pagerank=m.pagerank,
                                 community=-1 if m.community is None else m.community)
    for i, r in enumerate(relations):
        if r.subject in g and r.object in g:
            first = r.evidence[0] if r.evidence else None
            g.add_edge(r.subject, r.object, key=i, label=r.predicate, predicate=r.predicate, negated=r.negated,
                       attributed_to=r.attributed_to or "", hedged=r.hedged, date=r.date or "",
                       sources=len({e.doc for e in r.evidence}), independent_sources=r.independent_sources,
                       evidence=first.text if first else "", evidence_doc=first.doc if first else "")
    return g


def gexf_text(graph: nx.MultiDiGraph) -> str:
    """Return a graph as a GEXF document."""
    buf = io.BytesIO()
    nx.write_gexf(graph, buf)
    return buf.getvalue().decode("utf-8")


class _NetworkxExporter(Exporter):
    """A graph file format that networkx writes."""

    writer: ClassVar[Callable[[nx.MultiDiGraph, io.BytesIO], None]]

    def render(self, store: Store) -> str:
        """Return the entity graph as a document of this format."""
        buf = io.BytesIO()
        type(self).writer(flat_graph(store), buf)
        return buf.getvalue().decode("utf-8")


class GexfExporter(_NetworkxExporter):
    """Gephi's GEXF: entities as nodes (type, mentions), relations as labelled edges with evidence."""

    name = "gexf"
    suffix = ".gexf"
    description = "GEXF for Gephi"
    writer = nx.write_gexf


class GraphMLExporter(_NetworkxExporter):
    """GraphML, read by Gephi, yEd, Cytoscape desktop and most graph libraries."""

    name = "graphml"
    suffix = ".graphml"
    description = "GraphML"
    writer = nx.write_graphml
