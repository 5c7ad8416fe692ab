"""Who matters: degree, betweenness and PageRank centrality, and communities, over the entity graph.

The graph measured is undirected and simple: two entities are linked when at least one
asserted (not negated) relation between them passes the filter (predicates, a date range,
a least number of independent sources); the link weighs as many relations as join them.
Communities are networkx's Louvain with a fixed seed, so one store gives one answer (fast label
propagation above `LOUVAIN_MAX_NODES` linked entities);
they are numbered by size, 0 the largest. An entity without a link is in no community.
Results are cached with the graph (rebuilt when the store changes), one per filter.
Betweenness is networkx's measure computed by igraph's C code (a hundred times faster per
source); on a big graph it is estimated from a sample of source nodes (`BETWEENNESS_BUDGET`).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

import igraph
import networkx as nx

from linkchart.graph.build import EntityGraph
from linkchart.resolve.facts import EntityRelation

SEED = 7  # Louvain and sampled betweenness are randomised: one seed, one answer per store
# Betweenness costs one shortest-path search per source node; over this many steps (sources × (nodes +
# links)) it is estimated from a sample of sources instead, so a big store answers in seconds (igraph
# does ~10 million steps a second here: 2,494 linked entities of 1,000 real articles exactly in 1.7 s).
BETWEENNESS_BUDGET = 40_000_000
MIN_BETWEENNESS_SAMPLE = 10  # sources at least: on a 100,000-article store each costs seconds
# Louvain up to this many linked entities; above, networkx's fast label propagation (seconds, not minutes)
LOUVAIN_MAX_NODES = 5000


@dataclass(frozen=True)
class GraphFilter:
    """Which relations make links: of these predicates (all when None), dated within [date_from, date_to].

    Dates compare as prefixes ('2019' holds '2019-11-05'); an undated relation stays when
    `keep_undated` (the default) and drops otherwise once a range is set. `min_sources`
    keeps relations stated by at least that many independent sources.
    """

    predicates: frozenset[str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    keep_undated: bool = True
    min_sources: int = 1

    def keeps(self, r: EntityRelation) -> bool:
        """Return True when the relation passes the filter (negated relations never do)."""
        if r.negated or (self.predicates is not None and r.predicate not in self.predicates):
            return False
        if max(r.independent_sources, 1 if r.evidence else 0) < self.min_sources:
            return False
        if not r.date:
            return self.keep_undated or not (self.date_from or self.date_to)
        if self.date_from and r.date[: len(self.date_from)] < self.date_from:
            return False
        return not (self.date_to and r.date[: len(self.date_to)] > self.date_to)


@dataclass
class NodeMetrics:
    """One entity's place in the graph."""

    degree: int  # distinct entities it is linked to
    betweenness: float  # share of shortest paths between others that pass through it (0..1)
    pagerank: float  # PageRank over the weighted links (sums to 1 over the graph)
    community: int | None  # Louvain community, 0 the largest; None when it has no link


@dataclass
class GraphMetrics:
    """Metrics of every entity of the graph under one filter."""

    nodes: dict[int, NodeMetrics]
    communities: list[list[int]] = field(default_factory=list)  # members, largest community first
    links: int = 0  # links (entity pairs) that passed the filter

    def ranked(self, by: str = "pagerank") -> list[int]:
        """Return entity ids by descending `by` (pagerank, betweenness or degree), then the others, ties by id."""
        return sorted(self.nodes, key=lambda n: (-getattr(self.nodes[n], by), -self.nodes[n].pagerank, n))


def link_graph(eg: EntityGraph, flt: GraphFilter) -> nx.Graph:
    """Return the weighted undirected graph of the relations passing `flt`, with every entity as a node."""
    g = nx.Graph()
    g.add_nodes_from(eg.graph.nodes)
    for r in eg.relations:
        if r.subject in g and r.object in g and flt.keeps(r):
            if g.has_edge(r.subject, r.object):
                g[r.subject][r.object]["weight"] += 1
            else:
                g.add_edge(r.subject, r.object, weight=1)
    return g


def links_graph(nodes: Iterable[int], links: Iterable[tuple[int, int, bool]]) -> nx.Graph:
    """Return `link_graph` under no filter from the entities and the (subject, object, negated) of their relations
    in order (every lifted relation has evidence, so only negation drops one)."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for s, o, negated in links:
        add_link(g, s, o, negated)
    return g


def add_link(g: nx.Graph, s: int, o: int, negated: bool) -> None:
    """Add one relation (subject, object, negated) to a graph of `links_graph`: a link, or one more weight on it."""
    if not negated and s in g and o in g:
        if g.has_edge(s, o):
            g[s][o]["weight"] += 1
        else:
            g.add_edge(s, o, weight=1)


def compute_metrics(g: nx.Graph) -> GraphMetrics:
    """Return degree, betweenness, PageRank and Louvain community of every node of `g`."""
    linked = g.subgraph([n for n in g if g.degree(n) > 0]).copy()  # a copy: algorithms crawl over views
    size = linked.number_of_nodes() + linked.number_of_edges()
    sample = max(MIN_BETWEENNESS_SAMPLE, BETWEENNESS_BUDGET // max(size, 1))
    between = betweenness(linked, sample if sample < linked.number_of_nodes() else None)
    rank = nx.pagerank(g, weight="weight") if g.number_of_nodes() else {}
    found = _communities(linked)
    communities = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    community_of = {n: i for i, members in enumerate(communities) for n in members}
    nodes = {n: NodeMetrics(degree=g.degree(n), betweenness=between.get(n, 0.0), pagerank=rank.get(n, 0.0),
                            community=community_of.get(n)) for n in g}
    return GraphMetrics(nodes, communities, g.number_of_edges())


def betweenness(g: nx.Graph, sample: int | None = None) -> dict[int, float]:
    """Return the normalised betweenness of every node of the undirected graph `g`, computed by igraph (C).

    The values are networkx's `betweenness_centrality(g)`. With `sample`, they are estimated from
    that many source nodes drawn as networkx draws them (seeded), scaled as networkx scales them.
    """
    nodes = list(g)
    n = len(nodes)
    if n <= 2:
        return dict.fromkeys(nodes, 0.0)
    index = {v: i for i, v in enumerate(nodes)}
    # both directions of each link: igraph then counts ordered pairs (s, t), as networkx accumulates them
    h = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in g.edges()], directed=False).as_directed("mutual")
    if sample is None:
        raw, scale = h.betweenness(directed=True), 1 / ((n - 1) * (n - 2))
    else:
        sources = random.Random(SEED).sample(nodes, sample)
        raw = h.betweenness(directed=True, sources=[index[s] for s in sources])
        scale = n / sample / ((n - 1) * (n - 2))
    return {v: raw[i] * scale for i, v in enumerate(nodes)}


def _communities(linked: nx.Graph) -> list[set[int]]:
    """Return the communities of a graph without isolated nodes: Louvain, or label propagation on a big one."""
    if not linked.number_of_edges():
        return []
    if linked.number_of_nodes() > LOUVAIN_MAX_NODES:
        return [set(c) for c in nx.community.fast_label_propagation_communities(linked, weight="weight", seed=SEED)]
    return [set(c) for c in nx.community.louvain_communities(linked, weight="weight", seed=SEED)]


def graph_metrics(eg: EntityGraph, flt: GraphFilter | None = None) -> GraphMetrics:
    """Return the metrics of the entity graph under a filter (all asserted relations by default), cached."""
    flt = flt or GraphFilter()
    cached = eg.metrics.get(flt)
    if cached is None:
        cached = eg.metrics[flt] = compute_metrics(link_graph(eg, flt))
    return cached
