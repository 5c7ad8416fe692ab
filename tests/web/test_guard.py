"""The bounded server: hosts it answers (DNS rebinding), size limits, ids in SQLite's range, short 422s,
requests served side by side, and a connection that outlives an error. Over the invented store."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

from linkchart.api import Workspace
from linkchart.web.app import create_app
from linkchart.web.guard import Hosts

LOCAL = "http://127.0.0.1:8000"
TOKEN = "guard-token"
AUTH = {"X-Linkchart-Token": TOKEN}
TOO_BIG = [2**63, 2**64, 10**30, -1, 0]


@pytest.fixture(scope="module")
def guarded(invented_db: Path) -> Iterator[TestClient]:
    """Return a TestClient (loopback host) over an app on the invented store."""
    with TestClient(create_app(str(invented_db), token=TOKEN), base_url=LOCAL) as client:
        yield client


@pytest.fixture
def writable_client(invented_db: Path, tmp_path: Path) -> TestClient:
    """Return a TestClient over an app on a private copy of the invented store (for curation)."""
    import sqlite3

    db = str(tmp_path / "copy.db")
    with sqlite3.connect(invented_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    return TestClient(create_app(db, token=TOKEN), base_url=LOCAL)


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def roe_id(client: TestClient) -> int:
    """Return the id of the entity Tamsin Roe."""
    return int(client.get("/api/suggest", params={"q": "Tamsin"}).json()["entities"][0]["id"])


# ---- hosts -------------------------------------------------------------------------------------
def test_hosts_served_at_an_address_and_port() -> None:
    hosts = Hosts.served_at("127.0.0.1", 8123)
    for good in ("127.0.0.1:8123", "localhost:8123", "[::1]:8123", "LOCALHOST:8123"):
        assert hosts.allows(good), good
    for bad in ("evil.example:8123", "evil.example", "127.0.0.1:9999", "localhost", "", None, "127.0.0.1.evil.example"):
        assert not hosts.allows(bad), bad
    assert Hosts.served_at("0.0.0.0", 8123).allows("anything.example:1")
    lan = Hosts.served_at("192.168.1.5", 80, ["analyst.lan"])
    assert lan.allows("192.168.1.5") and lan.allows("192.168.1.5:80") and lan.allows("analyst.lan:8443")
    assert not lan.allows("evil.example")
    assert Hosts.served_at("::1", 8000).allows("[::1]:8000")


def test_a_foreign_host_gets_400_everywhere(invented_db: Path) -> None:
    app = create_app(str(invented_db), token=TOKEN)
    rebound = TestClient(app, base_url="http://rebound.example:8000")
    for path in ("/", "/api/stats", "/api/entities", "/static/app.js", "/openapi.json", "/docs"):
        r = rebound.get(path)
        assert r.status_code == 400 and "unknown Host" in r.json()["detail"], path
    assert rebound.post("/api/curation/reject", json={"entity": 1}, headers=AUTH).status_code == 400
    for base in ("http://localhost:8000", "http://127.0.0.1:9", "http://[::1]:8000"):
        assert TestClient(app, base_url=base).get("/api/stats").status_code == 200, base


# ---- size limits and short errors -----------------------------------------------------------
def test_a_long_query_string_is_414_and_never_echoed(guarded: TestClient) -> None:
    r = guarded.get("/api/search", params={"q": "x" * 60_000})
    assert r.status_code == 414 and len(r.content) < 200


def test_a_long_body_is_413(guarded: TestClient) -> None:
    body = json.dumps({"entity": 1, "alias": "a" * 100_000})
    r = guarded.post("/api/curation/split", content=body, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 413 and "64 KB" in r.json()["detail"]


def test_a_refused_input_is_shortened_in_the_422(guarded: TestClient) -> None:
    r = guarded.get("/api/search", params={"q": "q" * 5000})
    assert r.status_code == 422 and len(r.content) < 600
    (error,) = r.json()["detail"]
    assert error["loc"] == ["query", "q"] and error["input"].endswith("… (5,000 characters)")
    r = guarded.post("/api/curation/rename", json={"entity": 1, "name": "n" * 20_000}, headers=AUTH)
    assert r.status_code == 422 and len(r.content) < 600


@pytest.mark.parametrize("bad", TOO_BIG)
def test_ids_outside_sqlites_range_are_404_or_422(guarded: TestClient, bad: int) -> None:
    for path in (f"/api/entities/{bad}", f"/api/entities/{bad}/relations", f"/api/entities/{bad}/neighbors",
                 f"/api/documents/{bad}"):
        assert guarded.get(path).status_code in (404, 422), path
    for params in ({"a": str(bad), "b": "Tamsin Roe"}, {"a": f"#{bad}", "b": "Tamsin Roe"}):
        assert guarded.get("/api/path", params=params).status_code in (404, 422)
    assert guarded.get("/api/timeline", params={"entity": str(bad)}).status_code in (404, 422)
    for action, body in (("merge", {"a": bad, "b": 1}), ("merge", {"a": 1, "b": str(bad)}), ("reject", {"entity": bad}),
                         ("split", {"entity": bad, "alias": "Roe"}), ("rename", {"entity": bad, "name": "X"})):
        assert guarded.post(f"/api/curation/{action}", json=body, headers=AUTH).status_code in (404, 422), action


def test_a_lone_surrogate_in_a_body_is_422(guarded: TestClient) -> None:
    for action, raw in (("rename", b'{"entity": 1, "name": "Tamsin \\ud800 Roe"}'),
                        ("split", b'{"entity": 1, "alias": "\\udcff"}'), ("reject", b'{"entity": "\\ud800"}')):
        r = guarded.post(f"/api/curation/{action}", content=raw, headers={**AUTH, "content-type": "application/json"})
        assert r.status_code == 422, (action, r.text)


def test_bad_dates_types_and_ambiguity_are_answered(writable_client: TestClient) -> None:
    c = writable_client
    assert c.get("/api/timeline", params={"from": "2019-13"}).status_code == 422
    r = c.get("/api/entities", params={"type": "BOGUS"})
    assert r.status_code == 422 and "PERSON" in r.json()["detail"]
    assert c.get("/api/path", params={"a": "Tamsn Roe", "b": "Orrin Vale"}).status_code == 200  # a sure spelling
    r = c.get("/api/path", params={"a": "Orrin Roe", "b": "Orrin Vale"})  # two people fit part of it: uncertain
    assert r.status_code == 404 and "did you mean" in r.json()["detail"] and "Tamsin Roe" in r.json()["detail"]
    assert "score " in r.json()["detail"]
    roe = roe_id(c)
    assert c.post("/api/curation/merge", json={"a": roe, "b": f"#{roe}"}, headers=AUTH).status_code == 422
    assert c.post("/api/curation/rename", json={"entity": roe, "name": "Orrin Vale"}, headers=AUTH).status_code == 200
    r = c.get("/api/path", params={"a": "Orrin Vale", "b": "Brightwater Guild"})
    assert r.status_code == 409 and f"#{roe} Orrin Vale" in r.json()["detail"]


def test_a_refused_split_stores_no_decision(writable_client: TestClient) -> None:
    c = writable_client
    roe = roe_id(c)
    r = c.post("/api/curation/split", json={"entity": roe, "alias": "Nobody Atall"}, headers=AUTH)
    assert r.status_code == 422 and "its names" in r.json()["detail"]
    with Workspace(c.app.state.web.db, extract=False, create=False) as ws:  # type: ignore[attr-defined]
        assert ws.store.decisions() == []


# ---- a real server: side by side, and a connection that outlives an error ---------------------
@pytest.fixture
def served(invented_db: Path) -> Iterator[tuple[int, FastAPI, threading.Event, threading.Event]]:
    """Serve the invented store with uvicorn, plus two routes a test needs: one that fails, one that holds
    a workspace until released. Return the port, the app, and the 'holding' and 'release' events."""
    app = create_app(str(invented_db), token=TOKEN)
    holding, release = threading.Event(), threading.Event()

    def broken() -> None:  # stands for a bug in a route
        raise RuntimeError("a bug")

    def slow(request: Request) -> dict[str, bool]:  # a request that takes long while holding a workspace
        with request.app.state.web.use():
            holding.set()
            return {"released": release.wait(timeout=30)}

    app.add_api_route("/test/broken", broken)
    app.add_api_route("/test/slow", slow)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive()
        time.sleep(0.05)
    yield port, app, holding, release
    release.set()
    server.should_exit = True
    thread.join(timeout=10)


def test_the_connection_outlives_a_500_and_other_errors(served: tuple[int, FastAPI, threading.Event, threading.Event]
                                                       ) -> None:
    port = served[0]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for path, status in (("/test/broken", 500), ("/api/stats", 200), ("/api/entities/99999", 404),
                         ("/api/entities/99999999999999999999", 422), ("/test/broken", 500), ("/api/stats", 200)):
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        assert response.status == status, (path, body)
        if status == 500:
            assert b"a bug" not in body and b"Traceback" not in body
        assert response.getheader("connection") != "close", path
    conn.close()


def test_a_slow_request_does_not_hold_up_the_others(served: tuple[int, FastAPI, threading.Event, threading.Event]
                                                    ) -> None:
    port, _, holding, release = served
    answers: list[int] = []

    def slow_call() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/test/slow")
        answers.append(conn.getresponse().status)

    caller = threading.Thread(target=slow_call)
    caller.start()
    assert holding.wait(timeout=20)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)  # would time out if requests were serialised
    for path in ("/api/stats", "/api/entities", "/api/search?q=Vale"):
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        assert response.status == 200, path
    assert not answers, "the slow request ended before the others were answered"
    release.set()
    caller.join(timeout=20)
    assert answers == [200]


def test_linkchart_serve_answers_its_own_names_only(invented_db: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "linkchart.cli", "serve", "--db", str(invented_db), "--port",
                               str(port), "--allow-host", "analyst.lan"], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        assert server.stdout.readline().startswith(f"linkchart: http://127.0.0.1:{port}/")
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        expected = {f"127.0.0.1:{port}": 200, f"localhost:{port}": 200, f"[::1]:{port}": 200, "analyst.lan": 200,
                    "evil.example": 400, f"evil.example:{port}": 400, "127.0.0.1:1": 400}
        for host, status in expected.items():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/api/stats", headers={"Host": host})
            assert conn.getresponse().status == status, host
            conn.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
