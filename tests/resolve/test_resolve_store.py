"""`resolve_store` against a real store that another connection writes to while it resolves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import Article, Document, Extraction, Mention, OffsetMap
from linkchart.resolve.cluster import UNLOCKED_ATTEMPTS, resolve_store
from linkchart.store.base import ResolutionInput
from linkchart.store.sqlite import SQLiteStore


def add_news(store: SQLiteStore, source: str, name: str) -> None:
    """Store a one-article document whose text starts with the PERSON mention `name`."""
    text = f"{name} met the council in Tal Sabr."
    store.add_document(Document(source=source, text=text, sha256=f"sha-{source}", kind="txt"),
                       [Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0),
                                start=0, end=len(text))],
                       [Extraction(mentions=[Mention(0, len(name), name, "PERSON")])], [article_fingerprint(text)])


LATE_NAMES = ["Hasan Turabi", "Nadia Qasimi", "Yusuf Barakat", "Layla Mansour", "Omar Jaber", "Samir Haddad",
              "Farid Nouri", "Rami Saleh"]


class RacedStore(SQLiteStore):
    """A store that another connection writes a new document to right after each of the first `races` reads
    of resolution's input (as a second ingest would)."""

    def __init__(self, path: Path, other: SQLiteStore, races: int) -> None:
        super().__init__(path)
        self.other = other
        self.races = races
        self.reads = 0

    def resolution_input(self) -> ResolutionInput:
        snapshot = super().resolution_input()
        self.reads += 1
        if self.reads <= self.races:
            try:
                add_news(self.other, f"late{self.reads}.txt", LATE_NAMES[self.reads - 1])
            except sqlite3.OperationalError:  # locked: this read was made holding the write lock
                self.races = self.reads - 1
        return snapshot


def test_a_document_stored_during_resolution_is_resolved_too(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db, timeout=0.2) as other, RacedStore(db, other, races=1) as store:
        add_news(store, "a.txt", "Karim Dawali")
        entities = resolve_store(store, force=False)
        assert entities is not None and store.reads == 2  # the first result was outdated, so it resolved again
        assert {e.name for e in store.entities()} == {"Karim Dawali", "Hasan Turabi"}
        assert len(store.mention_links()) == 2 and not store.resolution_due()
        assert resolve_store(store, force=False) is None  # nothing due any more


def test_a_store_that_keeps_changing_is_resolved_under_the_write_lock(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db, timeout=0.2) as other, RacedStore(db, other, races=UNLOCKED_ATTEMPTS + 5) as store:
        add_news(store, "a.txt", "Karim Dawali")
        resolve_store(store)
        assert store.reads == UNLOCKED_ATTEMPTS + 1 and store.races == UNLOCKED_ATTEMPTS  # the last read held the lock
        names = {e.name for e in store.entities()}
        assert names == {"Karim Dawali", *LATE_NAMES[:UNLOCKED_ATTEMPTS]}
        assert not store.resolution_due()
