"""Every export format renders the sample store, and graph tools can read it back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from linkchart.api import Workspace
from linkchart.cli import app


def test_gexf_and_graphml_read_back_with_entities_and_evidence(sample_ws: Workspace) -> None:
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        g = reader(io.BytesIO(sample_ws.export(fmt).encode("utf-8")))
        labels = {d.get("label") for _, d in g.nodes(data=True)}
        assert "Qais al-Khazali" in labels and "Asaib Ahl al-Haq" in labels
        edges = list(g.edges(data=True))
        assert edges and all(d.get("evidence") for _, _, d in edges)
        assert {"leads", "backed_by"} <= {d.get("label") for _, _, d in edges}


def test_graph_files_carry_types_counts_centrality_and_corroboration(sample_ws: Workspace) -> None:
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        g = reader(io.BytesIO(sample_ws.export(fmt).encode("utf-8")))
        nodes = {d["label"]: d for _, d in g.nodes(data=True)}
        top = nodes["Qais al-Khazali"]
        assert top["type"] == "PERSON" and int(top["mentions"]) > 10
        assert int(top["degree"]) >= 3 and float(top["betweenness"]) > 0 and float(top["pagerank"]) > 0
        assert int(top["community"]) >= 0
        assert all(int(d["community"]) == -1 for _, d in g.nodes(data=True) if int(d["degree"]) == 0)
        edges = [d for _, _, d in g.edges(data=True)]
        assert all({"predicate", "date", "negated", "independent_sources"} <= set(d) for d in edges)
        assert any(str(d["negated"]).lower() == "true" for d in edges)
        leads = [d for u, v, d in g.edges(data=True) if d["predicate"] == "leads"
                 and g.nodes[u]["label"] == "Qais al-Khazali" and g.nodes[v]["label"] == "Asaib Ahl al-Haq"]
        assert leads and 1 <= int(leads[0]["independent_sources"]) < int(leads[0]["sources"]) + 1


def test_neo4j_script_merges_entities_and_creates_relations(sample_ws: Workspace) -> None:
    script = sample_ws.export("neo4j")
    lines = script.strip().splitlines()
    assert all(line.endswith(";") for line in lines)
    assert any(line.startswith("MERGE (e:Entity") and '"Qais al-Khazali"' in line for line in lines)
    assert any(":LEADS {" in line and "independent_sources: " in line for line in lines)
    assert any("e.pagerank = " in line for line in lines)


def test_cli_export_formats(sample_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in ("json", "gexf", "graphml", "neo4j", "ftm"):
        out = tmp_path / f"x.{fmt}"
        res = runner.invoke(app, ["export", "--db", str(sample_db), "--format", fmt, "-o", str(out)])
        assert res.exit_code == 0 and out.stat().st_size > 1000
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["format"] == "linkchart/1"
    bad = runner.invoke(app, ["export", "--db", str(sample_db), "--format", "xlsx"])
    assert bad.exit_code == 2
