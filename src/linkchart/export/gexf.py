"""Export entity graphs to GEXF for Gephi."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import networkx as nx


def ego_gexf(nodes: Iterable[Any], relations: Iterable[Any]) -> str:
    """Return a GEXF document of entities (id, name, type, mentions) and their relations."""
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n.id, label=n.name, type=n.type, mentions=n.mentions)
    for i, r in enumerate(relations):
        if r.subject in g and r.object in g:
            g.add_edge(r.subject, r.object, key=i, label=r.predicate, negated=bool(r.negated),
                       attributed_to=r.attributed_to or "", evidence=len(r.evidence))
    buf = io.BytesIO()
    nx.write_gexf(g, buf)
    return buf.getvalue().decode("utf-8")
