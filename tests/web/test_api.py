"""The JSON API of linkchart.web.app over a store ingested from the sample corpus."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from linkchart.web.app import create_app

LOCAL = "http://127.0.0.1:8000"  # the app answers the loopback names only (not TestClient's 'testserver')


def top_entity(client: TestClient, q: str) -> dict[str, Any]:
    """Return the best entity suggestion for `q` (fails when there is none)."""
    found = client.get("/api/suggest", params={"q": q}).json()["entities"]
    assert found, f"no entity suggested for {q!r}"
    return found[0]


def needs(client: TestClient, what: str) -> None:
    """Skip when the store holds none of `what` (a stage of extraction not in this build)."""
    if not client.get("/api/stats").json()["counts"].get(what):
        pytest.skip(f"the sample store has no {what}: that extraction stage is missing from this build")


# ---- page and headers ------------------------------------------------------------------------
def test_page_has_strict_csp_and_nosniff(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/documents").headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200


def test_page_has_no_external_resources(client: TestClient) -> None:
    page = client.get("/").text
    assert "http://" not in page and "https://" not in page
    script = client.get("/static/app.js").text
    for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_token_is_rendered_only_for_loopback(web_db: str, token: str) -> None:
    app = create_app(web_db, token=token)
    local = TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 50000))
    assert f'<meta name="linkchart-token" content="{token}">' in local.get("/").text
    remote = TestClient(app, base_url="http://127.0.0.1:8000", client=("10.1.2.3", 50000))
    assert token not in remote.get("/").text
    # a loopback client asking for a foreign host name (DNS rebinding) gets no token either
    rebound = TestClient(app, base_url="http://evil.example:8000", client=("127.0.0.1", 50000))
    assert token not in rebound.get("/").text


def test_token_from_environment(web_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKCHART_TOKEN", "from-env")
    app = create_app(web_db)
    assert app.state.token == "from-env"
    c = TestClient(app, base_url=LOCAL)
    assert c.post("/api/curation/reject", json={"entity": 999999}, headers={"X-Linkchart-Token": "from-env"}
                  ).status_code == 404


def test_every_route_is_documented(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/search", "/api/suggest", "/api/entities", "/api/entities/{entity_id}",
                  "/api/entities/{entity_id}/relations", "/api/entities/{entity_id}/neighbors", "/api/path",
                  "/api/relations/{relation_id}/evidence",
                  "/api/timeline", "/api/conflicts", "/api/documents", "/api/documents/{article_id}", "/api/graph",
                  "/api/curation/merge", "/api/curation/split", "/api/curation/rename", "/api/curation/reject"):
        assert route in paths, route
    assert client.get("/docs").status_code == 200


# ---- search ------------------------------------------------------------------------------------
def test_search_finds_khazali_with_snippet_highlights(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Khazali"}).json()
    assert hits
    for hit in hits:
        for s, e in hit["highlights"]:
            assert "khaz" in hit["snippet_text"][s:e].lower()


def test_search_survives_hostile_queries(client: TestClient) -> None:
    for q in ['"', "AND OR NOT", "*", "<script>", "a' OR 1=1 --", "NEAR(", "x" * 400]:
        assert client.get("/api/search", params={"q": q}).status_code == 200
        assert client.get("/api/suggest", params={"q": q}).status_code == 200


def test_suggest_by_prefix_of_a_name_word(client: TestClient) -> None:
    data = client.get("/api/suggest", params={"q": "khaz"}).json()
    names = [e["name"] for e in data["entities"]]
    assert any("Khazali" in n for n in names)
    assert "Khazali" in data["entities"][0]["name"]  # the most mentioned comes first
    assert data["documents"]


# ---- entities ----------------------------------------------------------------------------------
def test_entities_ranked_and_filtered_by_type(client: TestClient) -> None:
    rows = client.get("/api/entities", params={"limit": 20}).json()
    assert 0 < len(rows) <= 20
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)
    people = client.get("/api/entities", params={"type": "person"}).json()
    assert people and all(r["type"] == "PERSON" for r in people)


def test_profile_of_khazali(client: TestClient) -> None:
    entity = top_entity(client, "Khazali")
    p = client.get(f"/api/entities/{entity['id']}").json()
    assert p["id"] == entity["id"] and "Khazali" in p["name"]
    assert p["type"] == "PERSON"
    assert p["aliases"] and all(a["reason"] for a in p["aliases"])
    assert all(a["reason_evidence"]["kind"] for a in p["aliases"])  # the structure the text was rendered from
    assert {a["reason_pass"] for a in p["aliases"]} >= {None, "partial_names"}  # canonical name; 'Khazali'
    assert len(p["documents"]) >= 3
    assert p["mention_count"] >= len(p["mentions"]) > 0
    m = p["mentions"][0]
    assert m["article_id"] is not None and m["text"] in m["sentence"]


def test_a_profile_pages_through_its_mentions(client: TestClient) -> None:
    entity = top_entity(client, "Khazali")
    every = client.get(f"/api/entities/{entity['id']}", params={"mentions": 5000}).json()
    assert every["mention_count"] == len(every["mentions"]) > 5
    first = client.get(f"/api/entities/{entity['id']}").json()
    assert len(first["mentions"]) == min(20, every["mention_count"])  # the default page
    paged = []
    for offset in range(0, every["mention_count"], 4):
        page = client.get(f"/api/entities/{entity['id']}",
                          params={"mentions": 4, "mentions_offset": offset, "documents": 0}).json()
        assert page["documents"] == [] and page["document_count"] == every["document_count"]
        paged += page["mentions"]
    assert paged == every["mentions"]


def test_unknown_entity_is_404(client: TestClient) -> None:
    assert client.get("/api/entities/987654").status_code == 404
    assert client.get("/api/entities/987654/relations").status_code == 404
    assert client.get("/api/path", params={"a": "Khazali", "b": "Nobody Atall Zzyzx"}).status_code == 404
    assert client.get("/api/documents/987654").status_code == 404


def test_relations_carry_evidence_that_points_into_the_original(client: TestClient) -> None:
    needs(client, "relations")
    entity = top_entity(client, "Khazali")
    rels = client.get(f"/api/entities/{entity['id']}/relations").json()
    assert rels
    for r in rels:
        assert entity["id"] in (r["subject"]["id"], r["object"]["id"])
        assert r["evidence"]
    ev = rels[0]["evidence"][0]
    doc = client.get(f"/api/documents/{ev['article_id']}").json()
    local = doc["text"][ev["start"] - doc["offset"]: ev["end"] - doc["offset"]]
    assert " ".join(local.split()) == " ".join(ev["text"].split())
    one = rels[0]["predicate"]
    only = client.get(f"/api/entities/{entity['id']}/relations", params={"predicate": one}).json()
    assert only and all(r["predicate"] == one for r in only)


def no_null_keys(value: object) -> bool:
    """Return True when no mapping in `value` (nested in lists and mappings) holds a null."""
    if isinstance(value, dict):
        return all(v is not None and no_null_keys(v) for v in value.values())
    if isinstance(value, list):
        return all(no_null_keys(v) for v in value)
    return True


def all_evidence(client: TestClient, r: dict[str, Any], page: int = 2) -> list[dict[str, Any]]:
    """Return every evidence of relation `r`, read `page` at a time from its evidence route."""
    out: list[dict[str, Any]] = []
    while True:
        got = client.get(f"/api/relations/{r['id']}/evidence", params={
            "subject": r["subject"]["id"], "object": r["object"]["id"], "offset": len(out), "limit": page})
        assert got.status_code == 200, got.text
        body = got.json()
        assert body["id"] == r["id"] and body["offset"] == len(out) and body["evidence_count"] == r["evidence_count"]
        assert no_null_keys(body)
        if not body["evidence"]:
            return out
        out += body["evidence"]


def test_relations_come_a_page_at_a_time_with_their_first_evidences(client: TestClient) -> None:
    needs(client, "relations")
    entity = top_entity(client, "Khazali")
    url = f"/api/entities/{entity['id']}/relations"
    whole = client.get(url, params={"evidence": 100000})
    every = whole.json()
    assert int(whole.headers["X-Total-Count"]) == len(every) > 3
    assert all(len(r["evidence"]) == r["evidence_count"] for r in every)
    assert any(r["evidence_count"] > 3 for r in every), "the sample has a relation stated more than three times"
    slim = client.get(url).json()  # by default the first three evidences of each
    assert [r["id"] for r in slim] == [r["id"] for r in every] and no_null_keys(slim)
    for r, full in zip(slim, every, strict=True):
        assert r["evidence"] == full["evidence"][:3] and r["evidence_count"] == full["evidence_count"]
    pages = [client.get(url, params={"limit": 2, "offset": k}) for k in range(0, len(every), 2)]
    assert all(int(p.headers["X-Total-Count"]) == len(every) for p in pages)
    assert [r["id"] for p in pages for r in p.json()] == [r["id"] for r in every]
    many = max(every, key=lambda r: r["evidence_count"])
    assert all_evidence(client, many) == many["evidence"]
    # named from either end; a relation the two do not share, or a malformed id, is refused
    flipped = {**many, "subject": many["object"], "object": many["subject"]}
    assert all_evidence(client, flipped, page=50) == many["evidence"]
    other = next(r for r in every if {r["subject"]["id"], r["object"]["id"]} != {many["subject"]["id"],
                                                                                 many["object"]["id"]})
    params = {"subject": other["subject"]["id"], "object": other["object"]["id"]}
    assert client.get(f"/api/relations/{many['id']}/evidence", params=params).status_code == 404
    assert client.get("/api/relations/x1/evidence", params=params).status_code == 422


def test_neighbors_of_khazali(client: TestClient) -> None:
    needs(client, "relations")
    entity = top_entity(client, "Khazali")
    g = client.get(f"/api/entities/{entity['id']}/neighbors").json()
    assert no_null_keys(g)
    ids = {n["id"] for n in g["nodes"]}
    assert g["center"] == entity["id"] and entity["id"] in ids and len(ids) > 1
    assert g["edges"]
    for e in g["edges"]:
        assert e["subject"]["id"] in ids and e["object"]["id"] in ids
        assert len(e["evidence"]) == 1 <= e["evidence_count"]  # the first one; the rest on asking
    stated_often = max(g["edges"], key=lambda e: e["evidence_count"])
    assert stated_often["evidence_count"] > 1
    rest = all_evidence(client, stated_often)
    assert len(rest) == stated_often["evidence_count"] and rest[0] == stated_often["evidence"][0]
    assert len({e["id"] for e in g["edges"]}) == len(g["edges"])
    assert g["total"] == len(ids) and not g["truncated"]
    few = client.get(f"/api/entities/{entity['id']}/neighbors", params={"limit": 2}).json()
    assert len(few["nodes"]) == 2 and few["truncated"] and few["total"] == g["total"]
    assert client.get(f"/api/entities/{entity['id']}/neighbors", params={"depth": 9}).status_code == 422


def test_path_from_khazali_to_soleimani(client: TestClient) -> None:
    needs(client, "relations")
    result = client.get("/api/path", params={"a": "Khazali", "b": "Soleimani"}).json()
    assert "Soleimani" in result["b"]["name"]
    assert result["paths"], "no path from Khazali to Soleimani"
    for path in result["paths"]:
        assert path[0]["source"] == result["a"]["id"] and path[-1]["target"] == result["b"]["id"]
        for hop, nxt in zip(path, path[1:], strict=False):
            assert hop["target"] == nxt["source"]
        for hop in path:
            r = hop["relation"]
            assert {hop["source"], hop["target"]} == {r["subject"]["id"], r["object"]["id"]}
            assert not r["negated"] and len(r["evidence"]) == 1 <= r["evidence_count"]
            assert all_evidence(client, r, page=50)[0] == r["evidence"][0]
    assert no_null_keys(result)
    by_id = client.get("/api/path", params={"a": result["a"]["id"], "b": result["b"]["id"]}).json()
    assert by_id["paths"]
    assert client.get("/api/path", params={"a": "Khazali", "b": "Soleimani", "max_hops": 99}).status_code == 422


def test_timeline_of_2007(client: TestClient) -> None:
    needs(client, "events")
    events = client.get("/api/timeline", params={"from": "2007", "to": "2007"}).json()
    assert events
    assert all(e["date"].startswith("2007") for e in events)
    assert all(e["evidence"] for e in events)
    everything = client.get("/api/timeline").json()
    dated = [e["date"] for e in everything if e["date"] is not None]
    assert dated == sorted(dated)
    assert all(e["date"] is None for e in everything[len(dated):])  # undated events last, listed apart
    # a happening the text does not date takes its article's date, marked as such
    assert any(e["date_source"] == "article" and e["date"] for e in everything)
    assert client.get("/api/timeline", params={"from": "last week"}).status_code == 422


def test_timeline_of_one_entity(client: TestClient) -> None:
    needs(client, "events")
    entity = top_entity(client, "Khazali")
    events = client.get("/api/timeline", params={"entity": entity["id"]}).json()
    assert events and all(entity["id"] in [p["id"] for p in e["participants"]] for e in events)


def test_conflicts_show_both_sides(client: TestClient) -> None:
    conflicts = client.get("/api/conflicts").json()
    if not conflicts:
        needs(client, "claims")
        pytest.skip("no conflicts found in the sample store (expected: Khazali freed 2009 vs January 2010); "
                    "see resolve/conflicts.py")
    for c in conflicts:
        assert len(c["claims"]) >= 2
        assert len({ev["doc"] for cl in c["claims"] for ev in cl["evidence"]}) >= 2


# ---- documents ---------------------------------------------------------------------------------
def test_documents_and_reader_spans(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    assert len(docs) >= 10
    with_mentions = 0
    for d in docs:
        doc = client.get(f"/api/documents/{d['article_id']}").json()
        assert doc["offset"] == d["start"] and len(doc["text"]) == d["end"] - d["start"]
        for m in doc["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(doc["text"])
            assert doc["text"][m["start"]:m["end"]] == m["text"]
        with_mentions += bool(doc["mentions"])
        if doc["mentions"]:
            assert any(m["entity"] for m in doc["mentions"])
    assert with_mentions >= len(docs) // 2


def test_whole_graph_is_capped(client: TestClient) -> None:
    g = client.get("/api/graph").json()
    assert g["nodes"]
    small = client.get("/api/graph", params={"limit": 3}).json()
    assert len(small["nodes"]) == 3 and small["truncated"]
    ids = {n["id"] for n in small["nodes"]}
    assert all(e["subject"]["id"] in ids and e["object"]["id"] in ids for e in small["edges"])
    assert client.get("/api/graph", params={"limit": 100000}).status_code == 422


# ---- curation ----------------------------------------------------------------------------------
def test_post_needs_the_token(client: TestClient) -> None:
    body = {"entity": 1, "name": "Anything"}
    assert client.post("/api/curation/rename", json=body).status_code == 401
    assert client.post("/api/curation/rename", json=body, headers={"X-Linkchart-Token": "nope"}).status_code == 403
    for action, payload in (("merge", {"a": 1, "b": 2}), ("split", {"entity": 1, "alias": "x"}),
                            ("reject", {"entity": 1})):
        assert client.post(f"/api/curation/{action}", json=payload).status_code == 401


def test_rename_changes_the_profile(web_db_copy: str, auth: dict[str, str], token: str) -> None:
    c = TestClient(create_app(web_db_copy, token=token), base_url=LOCAL)
    entity = top_entity(c, "Khazali")
    r = c.post("/api/curation/rename", json={"entity": entity["id"], "name": "Qais Khazali (AAH)"}, headers=auth)
    assert r.status_code == 200, r.text
    renamed = r.json()["entity"]
    assert renamed["name"] == "Qais Khazali (AAH)"
    assert c.get(f"/api/entities/{renamed['id']}").json()["name"] == "Qais Khazali (AAH)"
    assert c.get("/api/suggest", params={"q": "Qais Khazali (AAH)"}).json()["entities"][0]["id"] == renamed["id"]


def test_merge_then_split_through_the_api(web_db_copy: str, auth: dict[str, str], token: str) -> None:
    c = TestClient(create_app(web_db_copy, token=token), base_url=LOCAL)
    a = top_entity(c, "Asaib")
    other = next(e for e in c.get("/api/entities", params={"type": "ORG"}).json() if e["id"] != a["id"])
    r = c.post("/api/curation/merge", json={"a": a["id"], "b": other["id"]}, headers=auth)
    assert r.status_code == 200, r.text
    merged = r.json()["entity"]
    p = c.get(f"/api/entities/{merged['id']}").json()
    assert other["name"] in [x["alias"] for x in p["aliases"]]
    r = c.post("/api/curation/split", json={"entity": merged["id"], "alias": other["name"]}, headers=auth)
    assert r.status_code == 200, r.text
    p = c.get(f"/api/entities/{top_entity(c, 'Asaib')['id']}").json()
    assert other["name"] not in [x["alias"] for x in p["aliases"]]


def test_reject_removes_the_entity(web_db_copy: str, auth: dict[str, str], token: str) -> None:
    c = TestClient(create_app(web_db_copy, token=token), base_url=LOCAL)
    victim = c.get("/api/entities", params={"limit": 5}).json()[-1]
    r = c.post("/api/curation/reject", json={"entity": victim["id"]}, headers=auth)
    assert r.status_code == 200 and r.json()["entity"] is None
    assert victim["name"] not in [e["name"] for e in c.get("/api/entities", params={"limit": 10000}).json()]


def test_curation_validates_input(client: TestClient, auth: dict[str, str]) -> None:
    assert client.post("/api/curation/rename", json={"entity": 1, "name": ""}, headers=auth).status_code == 422
    assert client.post("/api/curation/merge", json={"a": 1, "b": 1}, headers=auth).status_code == 422
    assert client.post("/api/curation/reject", json={"entity": 987654}, headers=auth).status_code == 404


def test_graph_answers_are_written_as_their_model_would(client: TestClient, web_db: str) -> None:
    """The graph routes skip FastAPI's second validation: what they write is what `Graph` would write."""
    import json

    from linkchart.api import Workspace
    from linkchart.web import schemas as s

    entity = client.get("/api/entities", params={"limit": 1}).json()[0]
    with Workspace(web_db, extract=False) as ws:
        for view in (ws.neighbors(f"#{entity['id']}", limit=4, max_evidence=3), ws.graph(limit=20, max_evidence=3)):
            assert view.nodes and view.edges
            written = json.loads(s.graph_response(view).body)
            assert written == s.Graph.model_validate(view).model_dump(mode="json", exclude_none=True)
            assert no_null_keys(written)
            assert set(written["nodes"][0]) == set(s.Node.model_fields)
        total, rels = ws.relations_page(f"#{entity['id']}", max_evidence=2)
        response = s.relations_response(rels, {"X-Total-Count": str(total)})
        written = json.loads(response.body)
        assert written == [s.Relation.model_validate(r).model_dump(mode="json", exclude_none=True) for r in rels]
        assert response.headers["X-Total-Count"] == str(total) and written and no_null_keys(written)
