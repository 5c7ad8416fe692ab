"""Exports read from the kept graph, a page at a time, write what the whole store held in memory gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linkchart.api import Workspace
from linkchart.cli import app
from linkchart.export import exporters, kept
from linkchart.export.json import export_linkchart, linkchart_pieces
from linkchart.graph.build import build_graph
from linkchart.graph.metrics import graph_metrics
from linkchart.resolve.facts import entity_relations


def test_the_kept_relations_read_a_page_at_a_time_are_the_store_relations(sample_ws: Workspace,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "PAGE_EDGES", 7)  # many pages
    store = sample_ws.store
    kept.kept_current(store)
    relations = list(kept.kept_relations(store))
    assert len(relations) > 20
    assert relations == entity_relations(store)


def test_the_kept_nodes_and_metrics_are_the_graph_built_in_memory(sample_ws: Workspace) -> None:
    store = sample_ws.store
    kept.kept_current(store)
    eg = build_graph(store)
    nodes = [(n.id, n.name, n.type, n.mentions) for n in kept.kept_nodes(store)]
    assert nodes == [(n, d["name"], d["type"], d["mentions"]) for n, d in eg.graph.nodes(data=True)]
    assert kept.kept_metrics(store) == graph_metrics(eg).nodes


def test_the_streamed_json_is_the_json_of_the_whole_store(sample_ws: Workspace, monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from linkchart.export import json as json_export

    monkeypatch.setattr(json_export, "MENTION_BATCH", 10)  # the mentions of a few entities at a time
    store = sample_ws.store
    pieces = list(linkchart_pieces(store))
    assert len(pieces) > 100
    whole = export_linkchart(store)
    assert whole["events"] and whole["claims"] and any(e["mentions"] for e in whole["entities"])
    assert "".join(pieces) == json.dumps(whole, ensure_ascii=False, indent=1) + "\n"
    # each entity's mentions, as every mention row and link read at once give them
    rows = {m.id: m for m in store.mentions()}
    want: dict[str, list[tuple[str, int, int, str, str | None]]] = {}
    for mention, entity in store.mention_links():
        m = rows[mention]
        want.setdefault(f"e{entity}", []).append((m.source, m.start, m.end, m.text, m.refers_to or None))
    got = {e["id"]: [(m["doc"], m["start"], m["end"], m["text"], m.get("stands_for")) for m in e["mentions"]]
           for e in whole["entities"] if e["mentions"]}
    assert got == {k: sorted(v, key=lambda m: (m[0], m[1])) for k, v in want.items()}


def test_the_cli_writes_each_format_as_rendered(sample_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    with Workspace(sample_db) as ws:
        files = {fmt: exporter.files(ws.store) for fmt, exporter in exporters().items()}
    for fmt, parts in files.items():
        out = tmp_path / f"x{exporters()[fmt].suffix}"
        res = runner.invoke(app, ["export", "--db", str(sample_db), "--format", fmt, "-o", str(out)])
        assert res.exit_code == 0, res.output
        for part, text in parts.items():
            path = out if part == "" else tmp_path / f"x-{part}{exporters()[fmt].suffix}"
            assert path.read_bytes() == text.encode("utf-8"), (fmt, part)
