"""Export to Neo4j as a Cypher script: one node per entity, one relationship per relation.

The script is written as it is read from the kept graph (`export.kept`): one statement per line,
the relations a page of kept edges at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from linkchart.export.base import Exporter
from linkchart.export.kept import kept_current, kept_metrics, kept_nodes, kept_relations
from linkchart.graph.metrics import NodeMetrics
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


def cypher_lines(store: Store) -> Iterator[str]:
    """Yield the Cypher statements that load the entity graph, each ending its line."""
    kept_current(store)
    metrics = kept_metrics(store)
    yield "CREATE CONSTRAINT linkchart_entity IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n"
    nodes = set()
    for n in kept_nodes(store):
        nodes.add(n.id)
        label = LABELS.get(n.type, "Entity")
        yield (f"MERGE (e:Entity {{id: {_literal(f'e{n.id}')}}}) SET e:{label}, e.name = {_literal(n.name)}, "
               f"e.type = {_literal(n.type)}, e.mentions = {n.mentions}{_metric_props(metrics.get(n.id))};\n")
    del metrics
    for r in kept_relations(store):
        if r.subject not in nodes or r.object not in nodes:
            continue
        rel_type = r.predicate.upper()
        props = {
            "negated": r.negated, "attributed_to": r.attributed_to, "hedged": r.hedged, "date": r.date,
            "evidence": [e.text for e in r.evidence], "sources": [e.doc for e in r.evidence],
            "offsets": [f"{e.start}-{e.end}" for e in r.evidence],
            "independent_sources": r.independent_sources,
        }
        body = ", ".join(f"{k}: {_literal(v)}" for k, v in props.items())
        yield (f"MATCH (a:Entity {{id: {_literal(f'e{r.subject}')}}}), (b:Entity {{id: "
               f"{_literal(f'e{r.object}')}}}) CREATE (a)-[:{rel_type} {{{body}}}]->(b);\n")


class CypherExporter(Exporter):
    """A `cypher-shell` script: MERGE the entities by id, CREATE the relations with their evidence."""

    name = "neo4j"
    suffix = ".cypher"
    description = "Cypher script for Neo4j (cypher-shell -f FILE)"

    def render(self, store: Store) -> str:
        """Return the Cypher statements that load the entity graph."""
        return "".join(cypher_lines(store))

    def pieces(self, store: Store) -> dict[str, Iterable[str]]:
        """Return the script as its statements, computed as they are written."""
        return {"": cypher_lines(store)}
