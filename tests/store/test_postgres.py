"""The store opener, and what only a shared PostgreSQL store must hold: its migrations, writers at once, readers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from linkchart.api import Workspace
from linkchart.api.pipeline import ingest_paths
from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import Article, Document, Extraction, Mention, OffsetMap
from linkchart.store.migrate import SchemaVersionError
from linkchart.store.open import backend_of, open_store
from linkchart.store.sqlite import SQLiteStore

# --- the opener: one place maps a URL to a back end ----------------------------------


def test_a_path_opens_sqlite(tmp_path: Path) -> None:
    for url in (str(tmp_path / "a.db"), f"sqlite://{tmp_path / 'b.db'}"):
        with open_store(url) as store:
            assert isinstance(store, SQLiteStore)
    assert (tmp_path / "a.db").exists() and (tmp_path / "b.db").exists()


@pytest.mark.parametrize(
    ("url", "expected"),
    [("case.db", "sqlite"), ("/data/case.db", "sqlite"), ("sqlite:///data/case.db", "sqlite"),
     ("postgresql://ana@db.example/case", "postgresql"), ("postgres://ana@db.example/case", "postgresql"),
     ("POSTGRESQL://ana@db.example/case", "postgresql")],
)
def test_backend_of_a_url(url: str, expected: str) -> None:
    assert backend_of(url) == expected


@pytest.mark.parametrize("url", ["mysql://ana@db/case", "http://example.org/case.db", "s3://bucket/case.db"])
def test_unknown_schemes_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="unknown store URL scheme"):
        open_store(url)


# --- PostgreSQL only -----------------------------------------------------------------


@pytest.fixture
def cluster(pg_cluster: Any) -> Any:
    """Return the session's private PostgreSQL cluster."""
    return pg_cluster


@pytest.fixture
def pg_url(cluster: Any) -> Iterator[str]:
    """Return the URL of a new PostgreSQL store (dropped after the test)."""
    url = cluster.create_database(template="linkchart_template")
    yield url
    cluster.drop_database(url.rsplit("/", 1)[1])


def _store(cluster: Any, name: str) -> Any:
    from linkchart.store.postgres import PostgresStore

    return PostgresStore(cluster.url(name))


def test_a_new_database_is_created_migrated_and_reopened_as_it_is(cluster: Any) -> None:
    from linkchart.store.migrate import latest_version
    from linkchart.store.postgres_migrate import migrate_postgres, postgres_migrations, schema_version

    with _store(cluster, "fresh_case") as store:  # the database did not exist
        assert schema_version(store._conn) == latest_version(postgres_migrations()) >= 1
        assert store.version() == 0
        assert migrate_postgres(store._conn) == []
    with _store(cluster, "fresh_case") as store:
        assert schema_version(store._conn) == latest_version(postgres_migrations())
    cluster.drop_database("fresh_case")


def test_a_newer_database_is_refused(cluster: Any) -> None:
    import psycopg

    url = cluster.create_database("future_case")
    _store(cluster, "future_case").close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("INSERT INTO linkchart_schema (version) VALUES (999)")
    with pytest.raises(SchemaVersionError, match="newer"):
        _store(cluster, "future_case")
    cluster.drop_database("future_case")


def _document(source: str, n_mentions: int, seed: int) -> tuple[Document, Article, Extraction]:
    names = [f"Ilvan Doraset{seed}{i}" for i in range(n_mentions)]
    text = " ".join(f"{name} spoke in Tarvel on day {seed}." for name in names)
    doc = Document(source=source, text=text, sha256=f"sha-{source}-{seed}", kind="txt")
    article = Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text)), start=0,
                      end=len(text))
    mentions, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        pos = start + len(name)
        mentions.append(Mention(start, pos, name, "PERSON", start, text.index(".", pos) + 1))
    return doc, article, Extraction(mentions=mentions)


def _writer(url: str, sources: list[str], seed: int, errors: list[BaseException]) -> None:
    try:
        with open_store(url) as store:
            for source in sources:
                doc, article, extraction = _document(source, 5, seed)
                store.add_document(doc, [article], [extraction], [article_fingerprint(article.text)])
        with Workspace(url, extract=False) as ws:
            ws.resolve()
    except BaseException as exc:  # reported by the test
        errors.append(exc)


def test_two_writers_at_once_lose_nothing_and_duplicate_nothing(pg_url: str) -> None:
    mine = [f"a/{i}.txt" for i in range(15)]
    theirs = [f"b/{i}.txt" for i in range(15)]
    shared = [f"shared/{i}.txt" for i in range(10)]
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_writer, args=(pg_url, mine + shared, 1, errors)),
        threading.Thread(target=_writer, args=(pg_url, shared + theirs, 2, errors)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(pg_url) as store:
        sources = [row.source for row in store.documents()]
        assert sorted(sources) == sorted(mine + theirs + shared)  # each once
        mentions = store.mentions()
        assert len(mentions) == 5 * len(sources)
        # the last resolver ran after every write: each mention belongs to an entity
        assert {m for m, _ in store.mention_links()} == {m.id for m in mentions}


def test_a_reader_sees_all_of_a_document_or_none(pg_url: str) -> None:
    done = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with open_store(pg_url) as store:
                for i in range(40):
                    doc, article, extraction = _document(f"r/{i}.txt", 20, i)
                    store.add_document(doc, [article], [extraction], [None])
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    writer = threading.Thread(target=write)
    writer.start()

    def complete_articles(reader: Any) -> set[int]:
        per_article: dict[int, int] = {}
        for m in reader.mentions():  # one statement: one snapshot
            per_article[m.article_id] = per_article.get(m.article_id, 0) + 1
        assert all(n == 20 for n in per_article.values()), per_article
        return set(per_article)

    with open_store(pg_url) as reader:
        while not done.is_set():
            complete_articles(reader)
        writer.join()
        assert errors == [] and len(complete_articles(reader)) == 40


def test_two_pipelines_ingesting_the_same_files_store_each_once(pg_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i}.txt").write_text(f"Report {i}: the council of Varn met on day {i} about the harbour.",
                                         encoding="utf-8")
    reports: list[Any] = []

    def run() -> None:
        with open_store(pg_url) as store:
            reports.append(ingest_paths(store, [str(folder)], batch_articles=1))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.failed == [] for r in reports)
    with open_store(pg_url) as store:
        sources = [Path(row.source).name for row in store.documents()]
    assert sorted(sources) == sorted(f"{i}.txt" for i in range(12))


def test_an_article_committed_after_a_later_one_was_resolved_is_still_new(pg_url: str) -> None:
    # two writers may commit out of order: an article below the largest resolved id can be unresolved
    with open_store(pg_url) as store:
        for i in range(4):
            doc, article, extraction = _document(f"gap{i}", 2, i)
            store.add_document(doc, [article], [extraction], [article_fingerprint(article.text)])
        with Workspace(pg_url, extract=False) as ws:
            ws.resolve()
        ids = [r["id"] for r in store._read("SELECT id FROM articles ORDER BY id")]
        assert store.incremental_input().articles == []
        assert store.graph_work() is not None and store.graph_work().articles == []
        store._conn.execute("DELETE FROM resolver_articles WHERE article_id = %s", (ids[1],))  # as if never read
        store._conn.execute("DELETE FROM graph_articles WHERE article_id = %s", (ids[2],))
        store._conn.commit()
        assert store.incremental_input().articles == [ids[1]]
        assert store.graph_work().articles == [ids[2]]
