"""Centrality and communities over the entity graph, and the filters that choose its links."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from linkchart.cli import app
from linkchart.graph.build import EntityGraph
from linkchart.graph.metrics import GraphFilter, betweenness, graph_metrics
from linkchart.models import Evidence
from linkchart.resolve.facts import EntityRelation


def rel(s: int, o: int, predicate: str = "met_with", date: str | None = None, negated: bool = False,
        sources: int = 1) -> EntityRelation:
    """Return a relation between two entity ids with one evidence per independent source."""
    evidence = [Evidence(f"doc{i}.txt", 0, 10, "a sentence") for i in range(sources)]
    return EntityRelation(s, predicate, o, negated, None, False, date, evidence=evidence,
                          independent_sources=sources)


def two_triangles() -> EntityGraph:
    """Return 1-2-3 and 5-6-7, joined through 4 (leads relations, dated 2019), and 8 alone."""
    relations = [rel(1, 2), rel(2, 3), rel(3, 1), rel(5, 6), rel(6, 7), rel(7, 5),
                 rel(3, 4, "leads", "2019-05-01", sources=2), rel(4, 5, "leads", "2019-06", sources=2)]
    g = nx.MultiDiGraph()
    for n in range(1, 9):
        g.add_node(n, name=f"E{n}", type="PERSON", mentions=1)
    for i, r in enumerate(relations):
        g.add_edge(r.subject, r.object, key=i, predicate=r.predicate, negated=r.negated, index=i)
    return EntityGraph(1, g, relations)


def test_the_bridge_between_two_groups_has_the_highest_betweenness_and_they_are_two_communities() -> None:
    m = graph_metrics(two_triangles())
    assert max(m.nodes, key=lambda n: m.nodes[n].betweenness) == 4
    assert m.nodes[4].degree == 2 and m.nodes[3].degree == 3
    left, right = m.nodes[1].community, m.nodes[7].community
    assert left is not None and right is not None and left != right
    assert {m.nodes[n].community for n in (1, 2)} == {left} and {m.nodes[n].community for n in (6, 5)} == {right}
    assert m.nodes[8].community is None and m.nodes[8].degree == 0 and m.nodes[8].betweenness == 0
    assert abs(sum(x.pagerank for x in m.nodes.values()) - 1) < 1e-6
    assert m.links == 8 and m.ranked()[0] in (3, 5)  # the triangles' gates collect the most rank


def test_metrics_are_the_same_every_time_and_cached_per_filter() -> None:
    eg = two_triangles()
    first = graph_metrics(eg)
    assert graph_metrics(eg) is first
    assert graph_metrics(two_triangles()).nodes == first.nodes


def test_filters_by_predicate_date_and_independent_sources_choose_the_links() -> None:
    eg = two_triangles()
    no_bridge = graph_metrics(eg, GraphFilter(predicates=frozenset({"met_with"})))
    assert no_bridge.nodes[4].degree == 0 and no_bridge.nodes[4].community is None and no_bridge.links == 6
    only_leads = graph_metrics(eg, GraphFilter(predicates=frozenset({"leads"})))
    assert only_leads.nodes[4].degree == 2 and only_leads.nodes[1].degree == 0
    may = graph_metrics(eg, GraphFilter(date_from="2019-05", date_to="2019-05", keep_undated=False))
    assert may.links == 1 and may.nodes[3].degree == 1
    with_undated = graph_metrics(eg, GraphFilter(date_from="2019-05", date_to="2019-05"))
    assert with_undated.links == 7
    corroborated = graph_metrics(eg, GraphFilter(min_sources=2))
    assert corroborated.links == 2 and corroborated.nodes[1].degree == 0


def test_negated_relations_make_no_link() -> None:
    eg = two_triangles()
    eg.relations.append(rel(8, 1, negated=True))
    assert graph_metrics(eg).nodes[8].degree == 0


def test_cli_ranks_entities_by_centrality(sample_db: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["entities", "--db", str(sample_db), "--rank", "centrality", "-n", "5"],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "PageRank" in res.output and "Qais al-Khazali" in res.output
    filtered = runner.invoke(app, ["entities", "--db", str(sample_db), "--rank", "betweenness", "-p", "leads",
                                   "--from", "2017", "--min-sources", "2"], env={"COLUMNS": "200"})
    assert filtered.exit_code == 0, filtered.output
    bad = runner.invoke(app, ["entities", "--db", str(sample_db), "--rank", "fame"])
    assert bad.exit_code == 2


def test_big_graphs_sample_betweenness_and_use_label_propagation(monkeypatch: pytest.MonkeyPatch) -> None:
    from linkchart.graph import metrics

    g = nx.connected_caveman_graph(6, 8)  # six cliques of eight in a ring
    nx.set_edge_attributes(g, 1, "weight")
    exact = metrics.compute_metrics(g)
    monkeypatch.setattr(metrics, "BETWEENNESS_BUDGET", 10)
    monkeypatch.setattr(metrics, "MIN_BETWEENNESS_SAMPLE", 12)
    monkeypatch.setattr(metrics, "LOUVAIN_MAX_NODES", 10)
    quick = metrics.compute_metrics(g)
    assert len(quick.communities) >= 2 and all(m.community is not None for m in quick.nodes.values())
    bridges = {n for n in g if g.degree(n) > 7}  # the nodes that join two cliques
    assert len(bridges) == 6
    top = sorted(quick.nodes, key=lambda n: -quick.nodes[n].betweenness)[:len(bridges)]
    assert len(set(top) & bridges) >= len(bridges) // 2, "the sample still finds the bridges"
    assert quick.nodes[0].pagerank == exact.nodes[0].pagerank


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_betweenness_is_networkx_measure_computed_by_igraph(seed: int) -> None:
    g = nx.gnm_random_graph(120, 260, seed=seed)
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    want = nx.betweenness_centrality(g)
    got = betweenness(g)
    assert set(got) == set(want) and max(abs(got[n] - want[n]) for n in g) < 1e-12
    # sampled: the sources networkx would draw, and its scaling; an estimate close to the exact measure
    sampled = betweenness(g, 40)
    estimate = nx.betweenness_centrality(g, k=40, seed=7)
    assert max(abs(sampled[n] - estimate[n]) for n in g) < 0.01
    assert sampled != got
