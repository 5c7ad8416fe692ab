"""Shared fixtures of the web tests: the session's sample store (`sample_db` of
tests/conftest.py, ingested once for all tests), copies of it for tests that curate, a
TestClient, and a live uvicorn server.

Ingesting loads the spaCy model, so every web test shares one store per back end. Set
LINKCHART_TEST_WEB_DB to an already ingested SQLite store to skip the ingest (the file is
copied first, never modified).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from linkchart.api import Workspace
from linkchart.web.app import create_app

TOKEN = "test-token-3f9a"


@pytest.fixture(scope="session")
def ingest_store(new_store: Callable[[str], str]) -> Callable[[list[str] | None, str], str]:
    """Return the function that ingests files (the sample corpus when None) into a new store of a back end.

    It returns the store's URL.
    """

    def ingest(paths: list[str] | None, backend: str) -> str:
        url = new_store(backend)
        with Workspace(url, processes=1) as ws:  # no fork while test servers run in threads
            report = ws.ingest(paths)
            assert report.ok, report.failed
        return url

    return ingest


@pytest.fixture(scope="session")
def token() -> str:
    """Return the curation token the test apps are created with."""
    return TOKEN


@pytest.fixture(scope="session")
def auth() -> dict[str, str]:
    """Return the header that authorises curation in the test apps."""
    return {"X-Linkchart-Token": TOKEN}


@pytest.fixture(scope="session")
def web_db(
    request: pytest.FixtureRequest,
    backend: str,
    tmp_path_factory: pytest.TempPathFactory,
    copy_store: Callable[[str, Path], str],
) -> str:
    """Return the session's store of the sample corpus (tests/conftest.py's `sample_db`; read-only)."""
    given = os.environ.get("LINKCHART_TEST_WEB_DB")
    if given and backend == "sqlite":
        return copy_store(given, tmp_path_factory.mktemp("web"))
    return str(request.getfixturevalue("sample_db"))


@pytest.fixture
def web_db_copy(web_db: str, tmp_path: Path, copy_store: Callable[[str, Path], str]) -> str:
    """Return a private copy of the session store, for tests that change it (curation)."""
    return copy_store(web_db, tmp_path)


@pytest.fixture(scope="session")
def client(web_db: str) -> Iterator[TestClient]:
    """Return a TestClient over the session store (reads only)."""
    with TestClient(create_app(web_db, token=TOKEN), base_url="http://127.0.0.1:8000") as c:
        yield c


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server() -> Iterator[Callable[[str], str]]:
    """Return a function that serves a store with uvicorn in a background thread and returns its base URL."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(db: str) -> str:
        port = free_port()
        config = uvicorn.Config(create_app(db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)
