"""The entity graph kept by the store: the same neighbourhoods and paths as the graph built in memory,
read from the edges at the entities a request touches, on both back ends."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from linkchart.api import Workspace
from linkchart.graph import build, stored
from linkchart.graph.build import EntityGraph
from linkchart.graph.lifting import edge_of
from linkchart.graph.paths import find_paths, neighbors
from linkchart.models import Evidence
from linkchart.resolve.facts import EntityRelation, entity_relations
from linkchart.store.base import EntityRow
from linkchart.store.open import open_store

PREDICATES = ("met_with", "leads", "funds")


def random_relations(rng: random.Random, nodes: int, count: int) -> list[EntityRelation]:
    """Return relations between random entity pairs: repeated pairs, both directions, some negated."""
    out = []
    for i in range(count):
        s, o = rng.sample(range(1, nodes + 1), 2)
        evidence = [Evidence(f"d{i}.txt", k, k + 5, f"sentence {k}", i) for k in range(rng.randint(1, 8))]
        out.append(EntityRelation(s, rng.choice(PREDICATES), o, rng.random() < 0.15, None, rng.random() < 0.1,
                                  None, ["r"], evidence, [], 1))
    return out


def memory_graph(relations: list[EntityRelation], nodes: int) -> EntityGraph:
    """Return the graph `build_graph` makes of these relations over entities 1..nodes."""
    g = nx.MultiDiGraph()
    for n in range(1, nodes + 1):
        g.add_node(n, name=f"E{n}", type="PERSON", mentions=1)
    for i, r in enumerate(relations):
        g.add_edge(r.subject, r.object, key=i, predicate=r.predicate, negated=r.negated, index=i)
    return EntityGraph(1, g, relations)


@pytest.fixture
def kept(store_url: str) -> tuple[str, EntityGraph]:
    """Return a store keeping a random graph of 70 entities (two loose ones) and that graph built in memory."""
    rng = random.Random(5)
    relations = random_relations(rng, 68, 110)
    with open_store(store_url) as store:
        store.replace_entities([EntityRow(n, f"E{n}", "PERSON", None) for n in range(1, 71)], [], [])
        assert store.replace_entity_graph(store.version(), [edge_of(i, r) for i, r in enumerate(relations)],
                                          [])
    return store_url, memory_graph(relations, 70)


def test_kept_paths_are_the_memory_graphs_in_its_order(kept: tuple[str, EntityGraph]) -> None:
    url, eg = kept
    with open_store(url) as store:
        for a in range(1, 71, 3):
            for b in range(1, 71):
                for hops in (2, 6):
                    want = [[p[0].source, *(h.target for h in p)] for p in find_paths(eg, a, b, hops, limit=20)]
                    assert stored.shortest_paths(store, a, b, hops, limit=20) == want, (a, b, hops)
        assert stored.shortest_paths(store, 1, 99) == []


def test_a_path_search_past_its_frontier_cap_stops_and_says_so(kept: tuple[str, EntityGraph]) -> None:
    url, eg = kept
    stopped = 0
    with open_store(url) as store:
        for a in range(1, 71, 5):
            for b in range(1, 71, 2):
                want = [[p[0].source, *(h.target for h in p)] for p in find_paths(eg, a, b, 6, limit=20)]
                assert stored.search_paths(store, a, b, 6, limit=20) == (want, False)  # the default cap: not hit
                found, partial = stored.search_paths(store, a, b, 6, limit=20, frontier_max=3)
                assert (found, partial) in ((want, False), ([], True)), (a, b)
                stopped += partial
    assert stopped > 0


def test_kept_neighbourhoods_are_the_memory_graphs(kept: tuple[str, EntityGraph]) -> None:
    url, eg = kept
    with open_store(url) as store:
        for entity in [*range(1, 71, 2), 99]:
            for depth in (1, 2, 3):
                nodes, rels = stored.neighbourhood(store, entity, depth)
                want_nodes, want_rels = neighbors(eg, entity, depth)
                assert nodes == want_nodes
                assert rels == want_rels


def test_the_store_picks_an_entitys_first_neighbours_and_the_edges_to_them(kept: tuple[str, EntityGraph]) -> None:
    url, eg = kept
    with open_store(url) as store:
        for entity in [*range(1, 71, 3), 99]:
            at = [r for r in eg.relations if entity in (r.subject, r.object)]
            others = {x for r in at for x in (r.subject, r.object)} - {entity}
            for limit in (None, 1, 3):
                want = store.entity_summaries(ids=others, limit=limit) if others else []
                assert store.entity_neighbours(entity, limit) == want, (entity, limit)
            assert store.entity_neighbour_count(entity) == len(others)
            shown = {entity, *sorted(others)[::2]}
            want_edges = [edge_of(i, r) for i, r in enumerate(eg.relations)
                          if entity in (r.subject, r.object) and r.subject in shown and r.object in shown]
            assert store.entity_edges_to(entity, shown) == want_edges, entity


def test_a_store_never_kept_has_no_current_graph(store_url: str) -> None:
    with open_store(store_url) as store:
        assert not store.graph_current()


def test_a_store_written_after_the_graph_was_kept_computes_it_again(kept: tuple[str, EntityGraph]) -> None:
    url, _ = kept
    with open_store(url) as store:
        assert store.graph_version() == store.version() and store.graph_current()
        store.add_decision("reject", {"entity": "E1"})
        assert store.graph_version() < store.version() and not store.graph_current()
        stored.ensure_graph(store)  # no mentions: the graph computed from the store has no edge
        assert store.graph_version() == store.version() and store.graph_current()
        assert stored.neighbourhood(store, 1)[1] == []


@pytest.fixture
def no_whole_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every whole-graph computation fail: building it in memory, lifting every relation, keeping it."""
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a request built the whole graph")

    monkeypatch.setattr(build, "build_graph", refuse)
    monkeypatch.setattr(stored, "keep_graph", refuse)
    monkeypatch.setattr(stored, "lifted_relations", refuse)


def test_the_kept_graph_is_every_relation_lifted_to_entities(sample_ws: Workspace) -> None:
    store = sample_ws.store
    assert store.graph_version() == store.version()  # kept by the resolution that followed the ingest
    relations = entity_relations(store)
    assert stored.lifted_relations(store) == relations
    kept = store.entity_edges({x for r in relations for x in (r.subject, r.object)})
    assert [stored.relation_of(e) for e in kept] == relations


@pytest.mark.usefixtures("no_whole_graph")
def test_neighbours_paths_and_profiles_read_the_kept_graph_only(sample_ws: Workspace) -> None:
    top = sample_ws.entities(limit=6)
    for e in top:
        view = sample_ws.neighbors(f"#{e.id}", limit=500, max_evidence=3)
        assert view.center == e.id and view.nodes[0].id == e.id
        whole = sample_ws.neighbors(f"#{e.id}")
        assert [x.id for x in view.edges] == [x.id for x in whole.edges]
        assert [x.evidence_count for x in view.edges] == [len(x.evidence) for x in whole.edges]
        assert all(len(x.evidence) <= 3 for x in view.edges)
        assert sample_ws.profile(f"#{e.id}", documents=1).document_count >= 1
    linked = [e for e in top if sample_ws.neighbors(f"#{e.id}").edges]
    a, b = linked[0], linked[1]
    found = sample_ws.path(f"#{a.id}", f"#{b.id}", max_hops=6)
    assert found.paths and found.paths[0][0].source == a.id and found.paths[0][-1].target == b.id
    # hops read with their first evidence only: the same relations, each counting all its evidences
    slim = sample_ws.path(f"#{a.id}", f"#{b.id}", max_hops=6, max_evidence=1)
    hops = [(h.relation.id, len(h.relation.evidence), h.relation.evidence[0]) for p in found.paths for h in p]
    assert [(h.relation.id, h.relation.evidence_count, h.relation.evidence[0]) for p in slim.paths for h in p] == hops
    assert all(len(h.relation.evidence) == 1 for p in slim.paths for h in p)


@pytest.mark.usefixtures("no_whole_graph")
def test_an_entitys_relations_come_a_page_at_a_time(sample_ws: Workspace) -> None:
    entity = sample_ws.entities(limit=1)[0]
    whole = sample_ws.relations(f"#{entity.id}")
    assert len(whole) > 3 and any(len(r.evidence) > 3 for r in whole)
    total, slim = sample_ws.relations_page(f"#{entity.id}", max_evidence=2)
    assert total == len(whole) and [r.id for r in slim] == [r.id for r in whole]
    assert [(r.evidence, r.evidence_count) for r in slim] == [(r.evidence[:2], len(r.evidence)) for r in whole]
    pages = [sample_ws.relations_page(f"#{entity.id}", limit=2, offset=k) for k in range(0, total, 2)]
    assert all(n == total for n, _ in pages) and [r for _, page in pages for r in page] == whole
    one = whole[-1].predicate
    assert sample_ws.relations_page(f"#{entity.id}", one, offset=1) == (
        sum(r.predicate == one for r in whole), [r for r in whole if r.predicate == one][1:])
    r = max(whole, key=lambda x: len(x.evidence))
    page = sample_ws.relation_evidence(r.id, r.object.id, r.subject.id, offset=1, limit=2)
    assert (page.evidence_count, page.evidence) == (len(r.evidence), r.evidence[1:3])


def test_a_profile_pages_its_documents_and_counts_them_all(sample_ws: Workspace) -> None:
    entity = sample_ws.entities(limit=1)[0]
    whole = sample_ws.profile(f"#{entity.id}")
    assert whole.document_count == len(whole.documents) >= 2
    assert [d.source for d in whole.documents] == sorted(d.source for d in whole.documents)
    pages = [sample_ws.profile(f"#{entity.id}", documents=1, documents_offset=i) for i in range(whole.document_count)]
    assert all(p.document_count == whole.document_count and len(p.documents) == 1 for p in pages)
    assert [p.documents[0] for p in pages] == whole.documents
    assert sample_ws.profile(f"#{entity.id}", documents=0).documents == []
