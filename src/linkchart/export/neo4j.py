"""Export to Neo4j as a Cypher script: one node per entity, one relationship per relation."""

from __future__ import annotations

import json

from linkchart.export.base import Exporter
from linkchart.graph.build import build_graph
from linkchart.graph.metrics import NodeMetrics, graph_metrics
from linkchart.store.base import Store

LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Facility",
          "EVENT": "Event"}


def _literal(value: object) -> str:
    """Return a Cypher literal for a string, number, boolean or None (JSON quoting is valid Cypher)."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _metric_props(m: NodeMetrics | None) -> str:
    """Return the SET clauses of a node's centrality and community ('' without metrics)."""
    if m is None:
        return ""
    return (f", e.degree = {m.degree}, e.betweenness = {m.betweenness!r}, e.pagerank = {m.pagerank!r}, "
            f"e.community = {_literal(m.community)}")


class CypherExporter(Exporter):
    """A `cypher-shell` script: MERGE the entities by id, CREATE the relations with their evidence."""

    name = "neo4j"
    suffix = ".cypher"
    description = "Cypher script for Neo4j (cypher-shell -f FILE)"

    def render(self, store: Store) -> str:
        """Return the Cypher statements that load the entity graph."""
        eg = build_graph(store)
        metrics = graph_metrics(eg).nodes
        lines = ["CREATE CONSTRAINT linkchart_entity IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;"]
        for node, data in eg.graph.nodes(data=True):
            label = LABELS.get(data["type"], "Entity")
            lines.append(f"MERGE (e:Entity {{id: {_literal(f'e{node}')}}}) SET e:{label}, "
                         f"e.name = {_literal(data['name'])}, e.type = {_literal(data['type'])}, "
                         f"e.mentions = {data['mentions']}{_metric_props(metrics.get(node))};")
        for r in eg.relations:
            if r.subject not in eg.graph or r.object not in eg.graph:
                continue
            rel_type = r.predicate.upper()
            props = {
                "negated": r.negated, "attributed_to": r.attributed_to, "hedged": r.hedged, "date": r.date,
                "evidence": [e.text for e in r.evidence], "sources": [e.doc for e in r.evidence],
                "offsets": [f"{e.start}-{e.end}" for e in r.evidence],
                "independent_sources": r.independent_sources,
            }
            body = ", ".join(f"{k}: {_literal(v)}" for k, v in props.items())
            lines.append(f"MATCH (a:Entity {{id: {_literal(f'e{r.subject}')}}}), (b:Entity {{id: "
                         f"{_literal(f'e{r.object}')}}}) CREATE (a)-[:{rel_type} {{{body}}}]->(b);")
        return "\n".join(lines) + "\n"
