"""Shared fixtures: the store back ends, and one store ingested from the bundled sample corpus per back end.

Tests that take `backend` (directly or through `store_url`, `sample_db`, `sample_ws`, or
the web fixtures) run once per back end: SQLite, and PostgreSQL on a private cluster
started for the session as the `postgres` user in a temporary folder (tools/pgcluster.py).
A test that holds only for SQLite (WAL, file paths) says so with
`@pytest.mark.sqlite_only(reason=...)`. LINKCHART_TEST_BACKENDS=sqlite runs one back end;
without the PostgreSQL server programs its tests are skipped, except under CI, where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from linkchart.api import Workspace
from linkchart.store.open import backend_of

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BACKENDS = ("sqlite", "postgresql")
TEMPLATE_DB = "linkchart_template"  # migrated once; every test database is a copy of it
SNAPSHOT_SUFFIX = "_snapshot"  # an untouched copy of a session database, to copy from while it is open


def _backends() -> list[str]:
    chosen = os.environ.get("LINKCHART_TEST_BACKENDS")
    return [b for b in BACKENDS if b in chosen.split(",")] if chosen else list(BACKENDS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that takes `backend` once per back end (SQLite only for `sqlite_only` tests)."""
    if "backend" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        params = ["sqlite"] if only_sqlite else _backends()
        metafunc.parametrize("backend", params, indirect=True, scope="session")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Refuse a `sqlite_only` marker without a reason."""
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None and not marker.kwargs.get("reason"):
            raise pytest.UsageError(f"{item.nodeid}: sqlite_only needs reason=...")


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """Return the store back end this test runs on: 'sqlite' or 'postgresql'."""
    return str(request.param)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """Return a private PostgreSQL cluster for the session (with the migrated template database)."""
    try:
        from pgcluster import FAST_SETTINGS, PostgresCluster, PostgresUnavailable

        from linkchart.store.postgres import PostgresStore
    except ImportError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL tests need psycopg: {exc}")
    try:
        cluster = PostgresCluster.start(FAST_SETTINGS)
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(str(exc))
    try:
        PostgresStore(cluster.create_database(TEMPLATE_DB)).close()
        yield cluster
    finally:
        cluster.stop()


def _database_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


@pytest.fixture(scope="session")
def new_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], str]:
    """Return a function giving the URL of a new, empty store of a back end (a SQLite path or a database URL)."""

    def make(backend: str) -> str:
        if backend == "sqlite":
            return str(tmp_path_factory.mktemp("store") / "lc.db")
        cluster = request.getfixturevalue("pg_cluster")
        return str(cluster.create_database(template=TEMPLATE_DB))

    return make


@pytest.fixture(scope="session")
def copy_store(request: pytest.FixtureRequest) -> Callable[[str, Path], str]:
    """Return a function giving the URL of a private copy of a session store (see `snapshot_store`)."""

    def copy(src: str, folder: Path) -> str:
        if backend_of(src) == "postgresql":
            cluster = request.getfixturevalue("pg_cluster")
            return str(cluster.create_database(template=_database_name(src) + SNAPSHOT_SUFFIX))
        import sqlite3

        dst = str(folder / "copy.db")
        with sqlite3.connect(src) as source, sqlite3.connect(dst) as target:
            source.backup(target)
        return dst

    return copy


def snapshot_store(request: pytest.FixtureRequest, url: str) -> None:
    """Keep an untouched copy of a PostgreSQL session store (no one may be connected to it now); returns nothing.

    `copy_store` copies from it, since PostgreSQL copies only a database nobody is using.
    """
    if backend_of(url) == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        cluster.create_database(_database_name(url) + SNAPSHOT_SUFFIX, template=_database_name(url))


@pytest.fixture
def store_url(request: pytest.FixtureRequest, backend: str, new_store: Callable[[str], str]) -> Iterator[str]:
    """Return the URL of a new, empty store of this test's back end (a PostgreSQL one is dropped after the test)."""
    cluster = request.getfixturevalue("pg_cluster") if backend == "postgresql" else None
    url = new_store(backend)
    yield url
    if cluster is not None:
        cluster.drop_database(_database_name(url))


@pytest.fixture(scope="session")
def sample_db(request: pytest.FixtureRequest, backend: str, new_store: Callable[[str], str]) -> str:
    """Return the URL of a store holding the whole sample corpus (ingested once per back end)."""
    url = new_store(backend)
    with Workspace(url) as ws:
        report = ws.ingest()
    assert report.ok, report.failed
    snapshot_store(request, url)
    return url


@pytest.fixture()
def sample_ws(sample_db: str) -> Iterator[Workspace]:
    """Return a workspace on the shared sample store (read-only use)."""
    with Workspace(sample_db) as ws:
        yield ws


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """Return ../shared/corpus, or skip when this checkout has none."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return SHARED_CORPUS


INVENTED_CORPUS = Path(__file__).resolve().parent / "fixtures" / "invented"


@pytest.fixture(scope="session")
def invented_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a store of tests/fixtures/invented: three short articles about invented people, one of them
    (hostile.jsonl) with a title full of terminal escapes, rich markup and a bidi override."""
    db = tmp_path_factory.mktemp("invented") / "invented.db"
    with Workspace(db, processes=1) as ws:
        report = ws.ingest([str(INVENTED_CORPUS)])
    assert report.ok, report.failed
    return db
