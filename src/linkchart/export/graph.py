"""Export the entity graph for Gephi and other graph tools: GEXF and GraphML."""

from __future__ import annotations

import io

import networkx as nx

from linkchart.export.base import Exporter
from linkchart.graph.build import build_graph
from linkchart.store.base import Store


def flat_graph(store: Store) -> nx.MultiDiGraph:
    """Return the entity graph with plain attribute values (strings, numbers, booleans) only."""
    eg = build_graph(store)
    g = nx.MultiDiGraph()
    for node, data in eg.graph.nodes(data=True):
        g.add_node(node, label=data["name"], type=data["type"], mentions=data["mentions"])
    for i, r in enumerate(eg.relations):
        if r.subject in g and r.object in g:
            first = r.evidence[0] if r.evidence else None
            g.add_edge(r.subject, r.object, key=i, label=r.predicate, negated=r.negated,
                       attributed_to=r.attributed_to or "", hedged=r.hedged, date=r.date or "",
                       sources=len({e.doc for e in r.evidence}), evidence=first.text if first else "",
                       evidence_doc=first.doc if first else "")
    return g


class GexfExporter(Exporter):
    """Gephi's GEXF: entities as nodes (type, mentions), relations as labelled edges with evidence."""

    name = "gexf"
    suffix = ".gexf"
    description = "GEXF for Gephi"

    def render(self, store: Store) -> str:
        """Return the entity graph as a GEXF document."""
        buf = io.BytesIO()
        nx.write_gexf(flat_graph(store), buf)
        return buf.getvalue().decode("utf-8")


class GraphMLExporter(Exporter):
    """GraphML, read by Gephi, yEd, Cytoscape desktop and most graph libraries."""

    name = "graphml"
    suffix = ".graphml"
    description = "GraphML"

    def render(self, store: Store) -> str:
        """Return the entity graph as a GraphML document."""
        buf = io.BytesIO()
        nx.write_graphml(flat_graph(store), buf)
        return buf.getvalue().decode("utf-8")
