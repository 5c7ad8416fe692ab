"""The Workspace over small hand-made stores (the sample corpus is for the end-to-end tests)."""

from __future__ import annotations

from pathlib import Path

from linkchart.api import Workspace
from linkchart.resolve.names import name_key
from linkchart.store.base import EntityAliasRow, EntityRow
from linkchart.store.sqlite import SQLiteStore


def test_opening_a_store_gives_aliases_without_a_name_key_the_resolvers_key(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with SQLiteStore(db) as store:  # as a store written before name keys were handed to it
        store.replace_entities([EntityRow(1, "Qais al-Khazali", "PERSON")], [EntityAliasRow(1, "Qays al-Khaz'ali")], [])
        assert store.aliases_without_name_key() == ["Qays al-Khaz'ali"]
    with Workspace(db, extract=False) as ws:
        assert ws.store.aliases_without_name_key() == []
        assert ws.store.entity_by_name_key(name_key("Qais Khazali")) == [(1, 1)]
        assert ws.find_entity("Sheikh Qais Khazali").id == 1
