"""Paths and ego networks: networkx's shortest paths within max_hops; a neighbourhood's relations from its edges."""

from __future__ import annotations

import networkx as nx

from linkchart.graph.build import EntityGraph
from linkchart.graph.paths import Hop, find_paths, neighbors
from linkchart.models import Evidence
from linkchart.resolve.facts import EntityRelation


def rel(s: int, o: int, predicate: str = "met_with") -> EntityRelation:
    """Return an asserted relation between two entity ids with one evidence."""
    return EntityRelation(s, predicate, o, False, None, False, None, evidence=[Evidence("a.txt", 0, 5, "x")],
                          independent_sources=1)


def chain() -> EntityGraph:
    """Return 1-2-3-4 as a chain, 2-3 stated twice, a self-relation of 2 and 5-6 apart."""
    relations = [rel(1, 2), rel(3, 2, "leads"), rel(2, 3), rel(3, 4), rel(5, 6), rel(2, 2, "funds")]
    g = nx.MultiDiGraph()
    for n in range(1, 7):
        g.add_node(n, name=f"E{n}", type="PERSON", mentions=1)
    for i, r in enumerate(relations):
        g.add_edge(r.subject, r.object, key=i, predicate=r.predicate, negated=r.negated, index=i)
    return EntityGraph(1, g, relations)


def scanned(eg: EntityGraph, entity: int, nodes: set[int], depth: int) -> list[EntityRelation]:
    """Return the relations among `nodes` by scanning them all (what the neighbourhood must equal)."""
    return [r for r in eg.relations if r.subject in nodes and r.object in nodes
            and (r.subject == entity or r.object == entity or depth > 1)]


def test_one_hop_keeps_only_the_entitys_own_relations_in_order() -> None:
    eg = chain()
    nodes, rels = neighbors(eg, 2, 1)
    assert nodes == {1, 2, 3}
    assert rels == [eg.relations[i] for i in (0, 1, 2, 5)]
    assert rels == scanned(eg, 2, nodes, 1)


def test_two_hops_keep_the_relations_among_all_reached_entities() -> None:
    eg = chain()
    for entity in range(1, 7):
        nodes, rels = neighbors(eg, entity, 2)
        assert rels == scanned(eg, entity, nodes, 2)
    assert neighbors(eg, 1, 2)[1] == [eg.relations[i] for i in (0, 1, 2, 5)]


def test_an_entity_outside_the_graph_has_no_neighbourhood() -> None:
    assert neighbors(chain(), 99) == (set(), [])


def square_with_tail() -> EntityGraph:
    """Return 1-2-4 and 1-3-4 (two shortest paths), 4-5-6-7-8 as a tail, 9 alone."""
    relations = [rel(1, 2), rel(2, 4), rel(1, 3), rel(3, 4), rel(4, 5), rel(5, 6), rel(6, 7), rel(7, 8)]
    g = nx.MultiDiGraph()
    for n in range(1, 10):
        g.add_node(n, name=f"E{n}", type="PERSON", mentions=1)
    for i, r in enumerate(relations):
        g.add_edge(r.subject, r.object, key=i, predicate=r.predicate, negated=r.negated, index=i)
    return EntityGraph(1, g, relations)


def hops(paths: list[list[Hop]]) -> list[list[int]]:
    """Return each path as the entities it passes through."""
    return [[p[0].source, *(h.target for h in p)] for p in paths]


def test_paths_are_networkx_shortest_paths_in_its_order() -> None:
    eg = square_with_tail()
    assert hops(find_paths(eg, 1, 4)) == list(nx.all_shortest_paths(eg.asserted(), 1, 4))
    assert hops(find_paths(eg, 1, 4, limit=1)) == [[1, 2, 4]]
    assert hops(find_paths(eg, 2, 7)) == [[2, 4, 5, 6, 7]]


def test_a_pair_further_apart_than_max_hops_or_unlinked_has_no_path() -> None:
    eg = square_with_tail()
    assert find_paths(eg, 1, 8, max_hops=5) == []  # six hops
    assert hops(find_paths(eg, 1, 8, max_hops=6)) == list(nx.all_shortest_paths(eg.asserted(), 1, 8))
    assert find_paths(eg, 1, 9) == []
    assert find_paths(eg, 1, 1) == []
