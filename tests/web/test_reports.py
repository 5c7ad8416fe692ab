"""The web API's dossiers, centrality and corroboration over the sample store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient


def entity_id(client: TestClient, q: str) -> int:
    """Return the id of the best entity suggestion for `q`."""
    found = client.get("/api/suggest", params={"q": q}).json()["entities"]
    assert found, q
    return int(found[0]["id"])


def test_report_route_serves_a_self_contained_page_under_a_script_free_policy(client: TestClient) -> None:
    r = client.get(f"/api/entities/{entity_id(client, 'Khazali')}/report")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "img-src data:" in csp
    assert r.headers["content-disposition"] == 'inline; filename="Qais_al-Khazali.html"'
    assert r.text.count("<svg ") == 2 and "<script" not in r.text
    # the page keeps its own strict policy
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_report_route_serves_markdown_as_a_download_and_refuses_bad_requests(client: TestClient) -> None:
    r = client.get(f"/api/entities/{entity_id(client, 'Khazali')}/report", params={"format": "md"})
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment;")
    assert r.text.startswith("# Qais al-Khazali")
    assert client.get("/api/entities/1/report", params={"format": "docx"}).status_code == 422
    assert client.get("/api/entities/987654/report").status_code == 404


def test_graph_nodes_carry_centrality_and_metrics_follow_the_filter(client: TestClient) -> None:
    graph = client.get("/api/graph", params={"limit": 50}).json()
    top = next(n for n in graph["nodes"] if n["name"] == "Qais al-Khazali")
    assert top["degree"] > 0 and top["pagerank"] > 0 and top["community"] is not None
    assert all(e["independent_sources"] >= 1 for e in graph["edges"])
    everything = client.get("/api/graph/metrics").json()
    leads = client.get("/api/graph/metrics", params=[("predicate", "leads")]).json()
    assert 0 < leads["links"] < everything["links"]
    strict = client.get("/api/graph/metrics", params={"min_sources": 2}).json()
    assert strict["links"] < everything["links"]
    dated = client.get("/api/graph/metrics", params={"from": "2019", "to": "2019", "undated": "false"}).json()
    assert dated["links"] < everything["links"]
    assert client.get("/api/graph/metrics", params={"from": "last year"}).status_code == 422


def test_relations_and_events_say_how_many_independent_sources(client: TestClient) -> None:
    rels = client.get(f"/api/entities/{entity_id(client, 'Khazali')}/relations").json()
    assert all(1 <= r["independent_sources"] <= r["evidence_count"] for r in rels)
    assert any(r["independent_sources"] < r["evidence_count"] for r in rels), "the sample's repost counts once"
    events = client.get("/api/timeline").json()
    assert all(1 <= e["independent_sources"] <= len(e["evidence"]) for e in events)


def test_report_route_prints_pdf(client: TestClient) -> None:
    pytest.importorskip("playwright.sync_api", reason="the pdf extra (playwright) is not installed")
    if not Path("/usr/bin/chromium").exists() and not shutil.which("chromium"):
        pytest.skip("PDF needs Debian's chromium")
    r = client.get(f"/api/entities/{entity_id(client, 'Hezbollah')}/report", params={"format": "pdf"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-") and r.headers["content-disposition"] == 'inline; filename="Hezbollah.pdf"'
