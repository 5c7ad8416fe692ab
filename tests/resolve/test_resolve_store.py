"""`resolve_store` against a real store that another connection writes to while it resolves."""

from __future__ import annotations

from typing import Any

from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import Article, Document, Extraction, Mention, OffsetMap
from linkchart.resolve.runner import UNLOCKED_ATTEMPTS, resolve_store
from linkchart.store.base import ResolutionInput, Store
from linkchart.store.open import open_store


def add_news(store: Store, source: str, name: str) -> None:
    """Store a one-article document whose text starts with the PERSON mention `name`."""
    text = f"{name} met the council in Tal Sabr."
    store.add_document(Document(source=source, text=text, sha256=f"sha-{source}", kind="txt"),
                       [Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0),
                                start=0, end=len(text))],
                       [Extraction(mentions=[Mention(0, len(name), name, "PERSON")])], [article_fingerprint(text)])


LATE_NAMES = ["Hasan Turabi", "Nadia Qasimi", "Yusuf Barakat", "Layla Mansour", "Omar Jaber", "Samir Haddad",
              "Farid Nouri", "Rami Saleh"]


def raced(url: str, backend: str, races: int) -> Any:
    """Return a store at `url` that a second, impatient connection writes a new document to right after each
    of the first `races` reads of resolution's input (as a second ingest would); `.other` is that connection."""
    store = open_store(url)
    other = open_store(url)
    other._conn.execute(  # type: ignore[attr-defined]
        "SET lock_timeout = '200ms'" if backend == "postgresql" else "PRAGMA busy_timeout = 200")

    class Raced(type(store)):  # type: ignore[misc]
        def read_resolution(self, consume: Any) -> tuple[Any, ResolutionInput]:
            snapshot = super().read_resolution(consume)
            self.reads += 1
            if self.reads <= self.races:
                try:
                    add_news(self.other, f"late{self.reads}.txt", LATE_NAMES[self.reads - 1])
                except Exception as exc:  # locked: this read was made holding the write lock
                    assert "lock" in str(exc)
                    self.races = self.reads - 1
            return snapshot

    store.__class__ = Raced
    store.other, store.races, store.reads = other, races, 0  # type: ignore[attr-defined]
    return store


def test_a_document_stored_during_resolution_is_resolved_too(store_url: str, backend: str) -> None:
    with raced(store_url, backend, races=1) as store:
        add_news(store, "a.txt", "Karim Dawali")
        entities = resolve_store(store, force=False)
        assert entities is not None and store.reads == 2  # the first result was outdated, so it resolved again
        assert {e.name for e in store.entities()} == {"Karim Dawali", "Hasan Turabi"}
        assert len(store.mention_links()) == 2 and not store.resolution_due()
        assert resolve_store(store, force=False) is None  # nothing due any more
        store.other.close()


def test_a_store_that_keeps_changing_is_resolved_under_the_write_lock(store_url: str, backend: str) -> None:
    with raced(store_url, backend, races=UNLOCKED_ATTEMPTS + 5) as store:
        add_news(store, "a.txt", "Karim Dawali")
        resolve_store(store)
        assert store.reads == UNLOCKED_ATTEMPTS + 1 and store.races == UNLOCKED_ATTEMPTS  # the last read held the lock
        names = {e.name for e in store.entities()}
        assert names == {"Karim Dawali", *LATE_NAMES[:UNLOCKED_ATTEMPTS]}
        assert not store.resolution_due()
        store.other.close()
