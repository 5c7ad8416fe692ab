"""The entity graph kept by the store: computed once after resolution, read a few entities at a time.

`keep_graph` lifts every stored relation to resolved entities exactly as
`linkchart.resolve.facts.entity_relations` does, but a batch of whole documents at a time
(their linked mention spans and relations only, so memory does not grow with the store), adds
the whole-graph metrics (`linkchart.graph.metrics`, no filter) and stores both
(`Store.replace_entity_graph`). Requests then read the edges at the entities they touch:
`neighbourhood` and `shortest_paths` give what `paths.neighbors` and `paths.find_paths` give on
the graph built in memory, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import networkx as nx
from networkx.algorithms.shortest_paths.generic import _build_paths_from_predecessors

from linkchart.graph.keeping import keep_whole
from linkchart.graph.lifting import BatchIndex, lift_rows
from linkchart.models import Evidence
from linkchart.resolve.facts import EntityRelation, RelationGroups
from linkchart.resolve.sources import SourceIndex
from linkchart.store.base import EntityEdgeRow, EntityMetricsRow, Store

BATCH_ARTICLES = 500  # articles (whole documents) whose spans and relations are read at once
# a path search stops, its answer partial, rather than read the edges of a frontier larger than this: two hubs
# not directly linked would otherwise read the edges of thousands of entities
PATH_FRONTIER_MAX = 1000


def _names(store: Store) -> dict[str, int]:
    """Return the entity each lower-cased alias names most often (MentionIndex's fallback for demonyms)."""
    best: dict[str, tuple[int, int]] = {}
    for a in store.entity_aliases():
        key = a.alias.lower()
        if key not in best or a.count > best[key][1]:
            best[key] = (a.entity_id, a.count)
    return {k: v[0] for k, v in best.items()}


def _batches(store: Store) -> Iterator[list[int]]:
    """Yield article ids in ascending runs of about BATCH_ARTICLES, never splitting a document."""
    batch: list[int] = []
    last_doc = None
    for a in sorted(store.documents(), key=lambda a: a.id):
        if len(batch) >= BATCH_ARTICLES and a.document_id != last_doc:
            yield batch
            batch = []
        batch.append(a.id)
        last_doc = a.document_id
    if batch:
        yield batch


def lifted_relations(store: Store, sources: SourceIndex | None = None) -> list[EntityRelation]:
    """Return `entity_relations(store)` (the same relations, evidences and order), read a batch at a time."""
    by_name = _names(store)
    groups = RelationGroups(store)
    for batch in _batches(store):
        index = BatchIndex(store.linked_spans(batch), by_name)
        for lifted, r in lift_rows(index, store.relations_in(batch), by_name.get):
            groups.add(r, lifted.subject, lifted.object, lifted.rank)
    return groups.relations(sources or SourceIndex(store))


def keep_graph(store: Store) -> bool:
    """Compute the entity graph and its metrics and keep them in the store; return whether they were stored.

    False when the store changed meanwhile (the next call computes them again). Each edge's id is the
    rank of its first relation row, and every row is kept as lifted, so that the next keeping can be
    incremental (`linkchart.graph.regraph`). Memory stays bounded: edges pass through temporary files
    (`linkchart.graph.keeping`).
    """
    return keep_whole(store, list(_batches(store)), _names(store))


def ensure_graph(store: Store) -> None:
    """Keep the entity graph of the store's current version, computing it when the kept one is older.

    Incrementally when the store knows what changed since it was kept (`regraph.update_graph`), else whole.
    """
    from linkchart.graph.regraph import update_graph

    for _ in range(3):  # a write racing the computation makes it stale: try again, then serve what is kept
        if store.graph_current():
            return
        done = update_graph(store)
        if done or (done is None and keep_graph(store)):
            return


def relation_of(e: EntityEdgeRow) -> EntityRelation:
    """Return the entity relation a stored edge keeps."""
    return EntityRelation(e.subject, e.predicate, e.object, e.negated, e.attributed_to, e.hedged, e.date,
                          list(e.rules), [Evidence(*x) for x in e.evidence], list(e.dates), e.independent_sources)


def neighbourhood(store: Store, entity: int, depth: int = 1) -> tuple[set[int], list[EntityRelation]]:
    """Return the entities within `depth` hops of an entity and the relations among them, by rank.

    The same as `paths.neighbors` on the whole graph (edges of either direction, negated ones too).
    """
    if store.entity(entity) is None:
        return set(), []
    if depth == 1:
        edges = store.entity_edges([entity])
        return {entity, *(x for e in edges for x in (e.subject, e.object))}, [relation_of(e) for e in edges]
    nodes, frontier = {entity}, {entity}
    for _ in range(depth):
        frontier = {x for _, s, o, _ in store.entity_edge_ends(frontier) for x in (s, o)} - nodes
        if not frontier:
            break
        nodes |= frontier
    return nodes, [relation_of(e) for e in store.entity_edges(nodes, within=True)]


def shortest_paths(store: Store, a: int, b: int, max_hops: int = 4, limit: int = 5) -> list[list[int]]:
    """Return up to `limit` shortest chains of asserted relations from a to b (≤ max_hops), as entity ids.

    The same chains, in the same order, as `paths.find_paths` on the whole graph (no frontier cap).
    """
    return search_paths(store, a, b, max_hops, limit, frontier_max=None)[0]


def search_paths(store: Store, a: int, b: int, max_hops: int = 4, limit: int = 5,
                 frontier_max: int | None = PATH_FRONTIER_MAX, known: bool = False) -> tuple[list[list[int]], bool]:
    """Return up to `limit` shortest chains from a to b (≤ max_hops) as entity ids, and whether the search stopped.

    The same chains, in the same order, as `paths.find_paths` on the whole graph: a search from
    both ends reads the edges of the smaller frontier each step; the entities on a shortest
    chain then make a small graph, ordered as the whole one, that networkx walks as before.
    That graph needs no further read: every edge of a shortest chain has an end whose edges
    one side read (`_on_shortest_paths` relies on the same), and edges between entities at the
    same distance from `a` (not read) change no shortest chain nor their order.
    When the smaller frontier holds more than `frontier_max` entities the search stops: no
    chains, True (a chain may exist that was not looked for). `known`: both entities were read
    already (they are not looked up again: a round trip each on a server).
    """
    if a == b or (not known and (store.entity(a) is None or store.entity(b) is None)):
        return [], False
    dist: dict[int, dict[int, int]] = {a: {a: 0}, b: {b: 0}}
    radius = {a: 0, b: 0}
    adj: dict[int, set[int]] = {}
    first: dict[tuple[int, int], int] = {}  # (subject, object) read → the rank of its first edge (negated too)
    asserted: set[tuple[int, int]] = set()
    frontier = {a: [a], b: [b]}
    length = None
    while length is None and frontier[a] and frontier[b]:
        if radius[a] + radius[b] >= max_hops:
            return [], False  # any chain of at most this length would have met already
        side = a if len(frontier[a]) <= len(frontier[b]) else b
        if frontier_max is not None and len(frontier[side]) > frontier_max:
            return [], True
        other = b if side == a else a
        found: dict[int, set[int]] = {n: set() for n in frontier[side]}
        for i, s, o, negated in store.entity_edge_ends(frontier[side]):
            if first.setdefault((s, o), i) > i:
                first[s, o] = i
            if not negated:
                asserted.add((s, o))
                if s in found:
                    found[s].add(o)
                if o in found:
                    found[o].add(s)
        adj.update(found)
        radius[side] += 1
        nxt = []
        for n in frontier[side]:
            for m in found[n]:
                if m not in dist[side]:
                    dist[side][m] = radius[side]
                    nxt.append(m)
        frontier[side] = nxt
        meet = [m for m in nxt if m in dist[other]]
        if meet:
            length = min(dist[a][m] + dist[b][m] for m in meet)
    if length is None or length > max_hops:
        return [], False
    on_path = _on_shortest_paths(dist, adj, a, b, length)
    g = nx.Graph()
    g.add_nodes_from(sorted(on_path))
    # the whole graph's edge order: by subject id, then by the rank of the pair's first edge (negated ones
    # count: the directed graph holds them), asserted pairs only
    between = [pair for pair in asserted if pair[0] in on_path and pair[1] in on_path]
    g.add_edges_from(sorted(between, key=lambda pair: (pair[0], first[pair])))
    pred = nx.predecessor(g, a, cutoff=length)
    return [list(p) for p in islice(_build_paths_from_predecessors({a}, b, pred), limit)], False


def _on_shortest_paths(dist: dict[int, dict[int, int]], adj: dict[int, set[int]], a: int, b: int,
                       length: int) -> set[int]:
    """Return the entities on some shortest a–b chain, from the distances and edges both searches read."""
    meet = {m for m in dist[a] if m in dist[b] and dist[a][m] + dist[b][m] == length}
    on_path = set(meet)
    for side in (a, b):
        d_side = dist[side]
        nearer: dict[int, list[int]] = {}  # node → its neighbours one step nearer `side` (those were read)
        for n, ns in adj.items():
            dn = d_side.get(n)
            if dn is None:
                continue
            for m in ns:
                if d_side.get(m) == dn + 1:
                    nearer.setdefault(m, []).append(n)
        layer = set(meet)
        while layer:
            layer = {n for m in layer for n in nearer.get(m, ())}
            on_path |= layer
    return on_path


def metrics_of(store: Store, entity_ids: Iterable[int]) -> dict[int, EntityMetricsRow]:
    """Return the kept metrics of these entities."""
    return store.entity_metrics(entity_ids)
