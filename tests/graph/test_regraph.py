"""Keeping the entity graph incrementally (`graph.regraph`): after articles are added, entities merged or
rejected, the kept graph is the one `keep_graph` computes whole on the same store: the same edges (ids,
order, evidences), documents per entity and degrees; betweenness, PageRank and communities the same once
recomputed, and shown as stale until then."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from linkchart.api import Workspace
from linkchart.api.workspace import sample_corpus_path
from linkchart.graph import regraph, stored
from linkchart.store.base import Store


def kept(store: Store) -> dict[str, Any]:
    """Return everything the kept graph holds: edges by id, documents per entity, every entity's metrics."""
    ids = [e.id for e in store.entities()]
    metrics = store.entity_metrics()
    return {
        "edges": store.entity_edges(ids),
        "documents": {e: store.entity_documents(e) for e in ids},
        "degree": {e: m.degree for e, m in metrics.items()},
        "metrics": metrics,
    }


def assert_same_as_whole(store: Store) -> None:
    """Assert the kept graph is `keep_graph`'s on this store, metrics once recomputed."""
    version, graph = store.graph_metrics_state()
    assert graph == store.version()
    if version != graph:
        assert regraph.refresh_metrics(store, graph)
    assert store.graph_metrics_state() == (graph, graph)
    incremental = kept(store)
    assert stored.keep_graph(store)
    whole = kept(store)
    assert incremental["edges"] == whole["edges"]
    assert incremental["documents"] == whole["documents"]
    assert incremental["degree"] == whole["degree"]
    assert incremental["metrics"] == whole["metrics"]


@pytest.fixture
def halves(tmp_path: Path) -> tuple[Path, Path]:
    """Return two folders holding the sample corpus's files, alternately."""
    files = sorted(sample_corpus_path().iterdir())
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, part in ((first, files[::2]), (second, files[1::2])):
        folder.mkdir()
        for f in part:
            shutil.copy(f, folder / f.name)
    return first, second


def test_the_graph_kept_after_each_change_is_the_whole_graph(store_url: str, halves: tuple[Path, Path],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = halves
    calls: list[str] = []
    whole = stored.keep_graph

    def counted(store: Store) -> bool:
        calls.append("whole")
        return whole(store)

    monkeypatch.setattr(stored, "keep_graph", counted)
    with Workspace(store_url, processes=1) as ws:
        assert ws.ingest([str(first)]).ok
        assert calls == ["whole"]  # a full resolution keeps the graph whole
        assert ws.store.graph_work() is not None
        assert ws.ingest([str(second)]).ok  # resolved, and the graph kept, incrementally
        assert calls == ["whole"]
        monkeypatch.setattr(stored, "keep_graph", whole)
        assert_same_as_whole(ws.store)

        top = [e for e in ws.entities(limit=40) if ws.neighbors(f"#{e.id}").edges]
        a, b = top[0], top[1]
        ws.store.add_decision("merge", {"a": a.name, "b": b.name})
        ws.store.add_decision("reject", {"entity": top[2].name})
        ws.resolve()
        assert ws.store.graph_version() == ws.store.version()
        assert_same_as_whole(ws.store)

        ws.store.delete_document(ws.store.documents()[0].source)
        assert ws.store.graph_work() is None  # its edges are still kept: the next keeping is whole
        ws.resolve()
        assert ws.store.graph_work() is not None
        assert_same_as_whole(ws.store)


def test_whole_graph_metrics_stay_as_of_their_version_until_enough_changed(store_url: str, halves: tuple[Path, Path],
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = halves
    monkeypatch.setattr(regraph, "METRICS_STALE_SHARE", 1e9)  # never enough: they stay as they were
    with Workspace(store_url, processes=1) as ws:
        assert ws.ingest([str(first)]).ok
        before = ws.store.graph_metrics_state()
        assert before[0] == before[1] == ws.store.version()
        old = ws.store.entity_metrics()
        assert ws.ingest([str(second)]).ok
        version, graph = ws.store.graph_metrics_state()
        assert version == before[1] < graph == ws.store.version()  # stale, and says as of which version
        now = ws.store.entity_metrics()
        assert {e: (m.betweenness, m.pagerank, m.community) for e, m in now.items() if e in old} == \
            {e: (m.betweenness, m.pagerank, m.community) for e, m in old.items() if e in now}
        top = f"#{ws.entities(limit=1)[0].id}"
        assert all(n.metrics_stale and n.metrics_as_of == version for n in ws.neighbors(top).nodes)
        assert_same_as_whole(ws.store)
        assert not any(n.metrics_stale for n in ws.neighbors(top).nodes)
        assert {n.metrics_as_of for n in ws.neighbors(top).nodes} == {ws.store.version()}


def test_the_graph_kept_after_articles_joining_known_entities_is_the_whole_graph(store_url: str,
                                                                                 tmp_path: Path) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    said = ("General Karim Dawali, the leader of the Velmora Liberation Front, met Nadia Qasimi in Tal Sabr on "
            "3 May 2021. Dawali was arrested in Tal Sabr in 2021, officials said. ")
    files = []
    for i, extra in enumerate(["", "Qasimi visited Orsk last week. ",
                               "Karim Dawali met Tovin Hasselgrund in Orsk. Hasselgrund leads the Orsk Council. "]):
        files.append(tmp_path / f"a{i}.txt")
        files[-1].write_text(said * 2 + extra, encoding="utf-8")
    kinds = []
    with Workspace(store_url, processes=1) as ws:
        for f in files:
            LAST_RUN.clear()
            assert ws.ingest([str(f)]).ok
            kinds.append(LAST_RUN.get("kind"))
            assert ws.store.graph_version() == ws.store.version()
            assert_same_as_whole(ws.store)  # the documents of the entities joined, their edges and degrees
    assert kinds[0] == "full" and set(kinds[1:]) <= {"attach", "split"}


def test_an_entity_a_new_spelling_joins_only_gains_documents(store_url: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    said = ("General Karim Dawali, the leader of the Velmora Liberation Front, met Nadia Qasimi in Tal Sabr on "
            "3 May 2021. Dawali was arrested in Tal Sabr in 2021, officials said. ")
    files = []
    for i, text in enumerate([said * 2, said + "Qasimi visited Orsk last week. ",
                              "Kareem Dawali, the leader of the Velmora Liberation Front, met Tovin Hasselgrund in "
                              "Orsk. Hasselgrund leads the Orsk Council. "]):
        files.append(tmp_path / f"a{i}.txt")
        files[-1].write_text(text, encoding="utf-8")
    changes = []
    with Workspace(store_url, processes=1) as ws:
        write = ws.store.update_entity_graph

        def recorded(version: int, change: Any) -> bool:
            changes.append(change)
            return write(version, change)

        monkeypatch.setattr(ws.store, "update_entity_graph", recorded)
        assert ws.ingest([str(f) for f in files[:2]]).ok
        dawali = ws.find_entity("Karim Dawali").id
        LAST_RUN.clear()
        assert ws.ingest([str(files[2])]).ok
        assert LAST_RUN["kind"] in {"split", "incremental"}  # resolved again with the cluster it joins
        assert ws.find_entity("Kareem Dawali").id == dawali
        assert dawali in changes[-1].grown and dawali not in changes[-1].entities
        assert_same_as_whole(ws.store)
