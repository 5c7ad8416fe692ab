"""Keeping the whole graph through buckets in temporary files (`graph.keeping`) keeps what the in-memory
keeping keeps: the same edges (ids, evidences, sources), metrics, lifted rows and documents per entity, with
edges whose rows span many batches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from linkchart.graph import keeping, stored
from linkchart.graph.lifting import BatchIndex, edge_of, lift_rows
from linkchart.graph.metrics import compute_metrics, links_graph
from linkchart.resolve.facts import RelationGroups
from linkchart.resolve.sources import SourceIndex
from linkchart.store.base import EntityMetricsRow, LiftedRow, Store
from linkchart.store.open import open_store


def keep_in_memory(store: Store) -> bool:
    """Keep the graph as it was kept before `graph.keeping`: every group, evidence and lifted row in memory."""
    version = store.version()
    by_name = stored._names(store)
    groups = RelationGroups(store)
    rows: list[LiftedRow] = []
    for batch in stored._batches(store):
        index = BatchIndex(store.linked_spans(batch), by_name)
        for lifted, r in lift_rows(index, store.relations_in(batch), by_name.get):
            groups.add(r, lifted.subject, lifted.object, lifted.rank)
            rows.append(lifted)
    relations = groups.relations(SourceIndex(store))
    metrics = compute_metrics(links_graph((e.id for e in store.entities()),
                                          ((r.subject, r.object, r.negated) for r in relations)))
    edges = [edge_of(rank, r) for rank, r in zip(groups.first, relations, strict=True)]
    out = [EntityMetricsRow(n, m.degree, m.betweenness, m.pagerank, m.community) for n, m in metrics.nodes.items()]
    return store.replace_entity_graph(version, edges, out, rows)


def kept(store: Store) -> dict[str, Any]:
    """Return everything the kept graph holds: edges by id, metrics, lifted rows, documents per entity."""
    ids = [e.id for e in store.entities()]
    lifted = store._read("SELECT * FROM graph_rows ORDER BY relation_id")  # type: ignore[attr-defined]
    return {
        "edges": store.entity_edges(ids),
        "metrics": store.entity_metrics(),
        "rows": [tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in lifted],
        "documents": {e: store.entity_documents(e) for e in ids},
        "work": store.graph_work(),
    }


@pytest.mark.parametrize(("batch", "bucket"), [(1, 1), (4, 3), (500, 2000)])
def test_the_kept_graph_is_the_one_kept_in_memory(sample_db: str, copy_store: Callable[[str, Path], str],
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  batch: int, bucket: int) -> None:
    # small batches and buckets: an edge's rows come from many batches, the edges from many buckets
    monkeypatch.setattr(stored, "BATCH_ARTICLES", batch)
    monkeypatch.setattr(keeping, "BUCKET_ARTICLES", bucket)
    with open_store(copy_store(sample_db, tmp_path)) as store:
        assert keep_in_memory(store)
        want = kept(store)
        assert stored.keep_graph(store)
        got = kept(store)
    assert len({ev[4] for e in want["edges"] for ev in e.evidence}) > 1
    assert any(len({ev[4] for ev in e.evidence}) > 1 for e in want["edges"])  # an edge told in several articles
    assert len(want["rows"]) > len(want["edges"]) > 10
    for part in want:
        assert got[part] == want[part], part


def test_the_links_graph_adds_links_in_order_of_first_statement(sample_db: str, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored, "BATCH_ARTICLES", 1)
    with open_store(sample_db) as store:
        relations = stored.lifted_relations(store)
        want = links_graph((e.id for e in store.entities()), ((r.subject, r.object, r.negated) for r in relations))
        buckets = [keeping.Spill(tmp_path / f"b{i}") for i in range(5)]
        keeping.lift_and_spill(store, list(stored._batches(store)), stored._names(store), buckets,
                               keeping.Spill(tmp_path / "lifted"))
        got = keeping.group_buckets(store, buckets, keeping.Spill(tmp_path / "edges"))
    assert list(got.nodes) == list(want.nodes)
    assert list(got.edges(data=True)) == list(want.edges(data=True))  # the order too: metrics depend on it
    assert {n: list(got[n]) for n in got} == {n: list(want[n]) for n in want}
