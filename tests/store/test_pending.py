"""The store's pending work: resolution marked due in the transaction of the write that needs it."""

from __future__ import annotations

import pytest

from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import Article, Document, Extraction, Mention, OffsetMap
from linkchart.store.base import EntityRow, Store, StoreError
from linkchart.store.open import open_store

TEXT = "Karim Dawali met the Northern Front in Tal Sabr."


def make_doc(source: str, text: str, sha: str | None = None) -> Document:
    """Return a plain-text document (its hash made from the text unless given)."""
    return Document(source=source, text=text, sha256=sha or f"sha-{hash(text)}", kind="txt")


def make_article(source: str, text: str) -> Article:
    """Return the one article of a document that is all `text`."""
    return Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0), start=0,
                   end=len(text))


def add_plain(store: Store, source: str, text: str) -> int:
    """Store a one-article document without extractions; return its id."""
    return store.add_document(make_doc(source, text), [make_article(source, text)], [None],
                              [article_fingerprint(text)])


def add_with_mention(store: Store, source: str, text: str = TEXT) -> int:
    """Store a one-article document whose first two words are a PERSON mention; return its id."""
    return store.add_document(
        make_doc(source, text), [make_article(source, text)],
        [Extraction(mentions=[Mention(0, 12, text[:12], "PERSON")])], [article_fingerprint(text)],
    )


def resolve_all_as_one(store: Store) -> bool:
    """Store one entity holding every mention, based on a fresh resolution input; return whether it was stored."""
    snapshot = store.resolution_input()
    links = [(m.id, 1) for m in snapshot.mentions]
    return store.replace_entities([EntityRow(1, "Karim Dawali", "PERSON")], [], links, based_on=snapshot)


def test_a_new_store_has_nothing_due_and_every_input_write_makes_resolution_due(store_url: str) -> None:
    with open_store(store_url) as store:
        assert not store.resolution_due()
        add_with_mention(store, "a.txt")
        assert store.resolution_due()
        assert resolve_all_as_one(store) and not store.resolution_due()
        store.add_decision("reject", {"entity": "Karim Dawali"})
        assert store.resolution_due()
        assert resolve_all_as_one(store)
        assert store.delete_document("a.txt") and store.resolution_due()


def test_the_due_mark_survives_a_reopen_as_the_document_does(store_url: str) -> None:
    with open_store(store_url) as store:
        add_with_mention(store, "a.txt")
    with open_store(store_url) as store:
        assert store.resolution_due() and store.resolution_input().mentions


def test_a_resolution_read_before_a_write_is_not_stored(store_url: str) -> None:
    with open_store(store_url) as store:
        add_with_mention(store, "a.txt")
        stale = store.resolution_input()
        add_with_mention(store, "a.txt", TEXT + " Again.")  # replaces a.txt: its mention ids are gone
        links = [(m.id, 1) for m in stale.mentions]
        assert not store.replace_entities([EntityRow(1, "Karim Dawali", "PERSON")], [], links, based_on=stale)
        assert store.entities() == [] and store.resolution_due()
        assert resolve_all_as_one(store) and store.mention_links() == [(store.mentions()[0].id, 1)]


def test_a_forced_resolution_with_nothing_due_is_stored(store_url: str) -> None:
    with open_store(store_url) as store:
        add_with_mention(store, "a.txt")
        assert resolve_all_as_one(store)
        snapshot = store.resolution_input()
        assert not snapshot.is_due
        assert store.replace_entities([], [], [], based_on=snapshot) and store.entities() == []


def test_a_document_is_stored_once_whoever_stores_it_first(store_url: str) -> None:
    with open_store(store_url) as one, open_store(store_url) as other:
        doc = make_doc("a.txt", TEXT, sha="same")
        assert one.add_document_if_new(doc, [make_article("a.txt", TEXT)], [None], [None]) is not None
        copy = Document(source="copy/a.txt", text=TEXT, sha256="same", kind="txt")
        assert other.add_document_if_new(copy, [make_article("copy/a.txt", TEXT)], [None], [None]) is None
        assert other.add_document_if_new(doc, [make_article("a.txt", TEXT)], [None], [None]) is None
        assert [r.source for r in one.document_rows()] == ["a.txt"] and one.stats()["articles"] == 1


def test_writes_inside_exclusive_are_one_transaction(store_url: str) -> None:
    with open_store(store_url) as store:
        with pytest.raises(RuntimeError), store.exclusive():
            add_plain(store, "a.txt", "first text")
            with pytest.raises(StoreError):  # a refused write inside rolls back itself only
                store.add_document(make_doc("b.txt", "x"), [make_article("b.txt", "x")], [None], [b"bad"])
            assert [r.source for r in store.document_rows()] == ["a.txt"]
            raise RuntimeError("the block fails")
        assert store.document_rows() == [] and not store.resolution_due()
        with store.exclusive():
            add_plain(store, "a.txt", "first text")
        assert [r.source for r in store.document_rows()] == ["a.txt"] and store.resolution_due()


def impatient(url: str, backend: str) -> Store:
    """Return a second connection to the store at `url` whose writes give up after 0.1 s waiting for a lock."""
    store = open_store(url)
    setting = "SET lock_timeout = '100ms'" if backend == "postgresql" else "PRAGMA busy_timeout = 100"
    store._conn.execute(setting)  # type: ignore[attr-defined]
    return store


def test_another_connection_cannot_write_while_a_store_is_exclusive(store_url: str, backend: str) -> None:
    with open_store(store_url) as store, impatient(store_url, backend) as other:
        with store.exclusive():
            snapshot = store.resolution_input()
            with pytest.raises(Exception, match="lock"):  # SQLite: database is locked; PostgreSQL: lock timeout
                add_plain(other, "b.txt", "other text")
            assert other.document_rows() == []  # readers are not blocked
            assert store.replace_entities([], [], [], based_on=snapshot)
        add_plain(other, "b.txt", "other text")
        assert other.resolution_due()


def test_a_second_resolver_of_the_same_input_stores_nothing_more(store_url: str) -> None:
    with open_store(store_url) as store, open_store(store_url) as other:
        add_with_mention(store, "a.txt")
        first, second = store.resolution_input(), other.resolution_input()
        assert store.replace_entities([EntityRow(1, "Karim Dawali", "PERSON")], [],
                                      [(m.id, 1) for m in first.mentions], based_on=first)
        assert other.replace_entities([], [], [], based_on=second)  # done already: its empty result is not stored
        assert [e.name for e in other.entities()] == ["Karim Dawali"] and not other.resolution_due()
