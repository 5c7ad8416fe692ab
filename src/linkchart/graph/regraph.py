"""Keep the entity graph after an incremental resolution by redoing only what it changed.

The store remembers every relation row as lifted to entities (`graph_rows`, schema 12) and, with
each incremental resolution, what it changed (`Store.graph_work`): articles whose mentions moved to
another entity (or never lifted), entities whose mentions or type changed, aliases whose entities
changed. Those articles' rows (and the rows looked up by those aliases) are lifted again; every
edge between a pair of entities that a lifted row left or joined (or at an entity whose type
changed) is grouped again from all the rows of that pair, in rank order, exactly as `keep_graph`
groups them; the documents and degree of the changed entities are counted again.

Betweenness, PageRank and communities are measures of the whole graph: they are not recomputed
after each article. They stay as they were, with the graph version they were computed at
(`Store.graph_metrics_state`: shown as stale while it is older than the graph), until the edges
written since then exceed `METRICS_STALE_SHARE` of all edges, or the graph is kept whole
(`linkchart resolve`); `refresh_metrics` recomputes them from the kept edges.
"""

from __future__ import annotations

from linkchart.graph.lifting import BatchIndex, edge_of, lift_rows
from linkchart.graph.metrics import compute_metrics, links_graph
from linkchart.resolve.facts import RelationGroups
from linkchart.resolve.sources import SourceIndex
from linkchart.store.base import EntityMetricsRow, GraphChange, LiftedRow, RelationRow, Store

METRICS_STALE_SHARE = 0.01  # recompute the whole-graph metrics once edges changed since exceed this share
LIFT_BATCH = 500  # articles lifted at once


class _Names:
    """The entity a lower-cased name names, as `stored._names` finds it (most counted alias, then lowest id),
    looked up in the store one name at a time."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known: dict[str, int | None] = {}

    def get(self, name: str) -> int | None:
        """Return the entity the alias `name` (lower-cased) names most often, or None."""
        if name not in self.known:
            best: tuple[int, int] | None = None
            for entity, count in self.store.entity_by_alias(name):
                if best is None or count > best[1]:
                    best = (entity, count)
            self.known[name] = best[0] if best else None
        return self.known[name]


def update_graph(store: Store) -> bool | None:
    """Keep the graph of the store's current version by redoing what changed since it was kept; return whether
    it was stored (False: a write came first), None when it must be kept whole (`stored.keep_graph`)."""
    work = store.graph_work()
    if work is None:
        return None
    articles = set(work.articles)
    if work.names:
        articles |= store.lifted_articles_named(work.names)
    pairs = store.lifted_pairs(articles, work.types)
    names = _Names(store)
    lifted: list[tuple[LiftedRow, RelationRow]] = []
    ordered = sorted(articles)
    for start in range(0, len(ordered), LIFT_BATCH):
        batch = ordered[start:start + LIFT_BATCH]
        index = BatchIndex(store.linked_spans(batch), {})
        lifted += lift_rows(index, store.relations_in(batch), names.get)
    pairs |= {(x.subject, x.object) for x, _ in lifted}
    pairs = {p for p in pairs if p[0] is not None and p[1] is not None and p[0] != p[1]}
    again = {x.relation_id for x, _ in lifted}
    rows = [(x, r) for x, r in store.pair_relations(pairs) if x.relation_id not in again]
    rows += [(x, r) for x, r in lifted if (x.subject, x.object) in pairs]
    rows.sort(key=lambda row: row[0].rank)
    types: dict[int, str] = {}
    for entity in sorted({x for p in pairs for x in p}):
        row = store.entity(entity)
        if row is not None:
            types[entity] = row.type
    groups = RelationGroups(store, types)
    for x, r in rows:
        groups.add(r, x.subject, x.object, x.rank)
    sources = SourceIndex(store, {ev.article_id for rel in groups.grouped.values() for ev in rel.evidence
                                  if ev.article_id is not None})
    relations = groups.relations(sources)
    edges = [edge_of(rank, r) for rank, r in zip(groups.first, relations, strict=True)]
    change = GraphChange(ordered, [x for x, _ in lifted], sorted(pairs), edges, work.entities, work.grown)
    changed = work.metrics_changed + len(pairs)
    # the edges kept before this change, counted only as far as the share needs (not every edge of a big store)
    stale = changed > METRICS_STALE_SHARE * max(store.edge_count(int(changed / METRICS_STALE_SHARE) + 1), 1)
    if not store.update_entity_graph(work.version, change):
        return False
    if stale:
        refresh_metrics(store, work.version)
    return True


def refresh_metrics(store: Store, version: int) -> bool:
    """Recompute every entity's metrics from the kept edges of graph version `version` and keep them; return
    whether stored (the same numbers `keep_graph` computes: the same graph, built in the same order)."""
    g = links_graph((e.id for e in store.entities()), store.graph_links())
    metrics = compute_metrics(g)
    return store.replace_entity_metrics(version, (EntityMetricsRow(n, m.degree, m.betweenness, m.pagerank,
                                                                   m.community) for n, m in metrics.nodes.items()))
