"""The Workspace over small hand-made stores (the sample corpus is for the end-to-end tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

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


class CutShort(Exception):
    """Stands for a kill: the run stops where it is."""


def test_a_run_cut_short_before_resolution_is_finished_by_the_next_run_that_adds_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nKarim Dawali, the leader of the Northern Front, met Hasan Turabi.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Visit\n\nHasan Turabi visited Tal Sabr on Monday.\n", encoding="utf-8")

    def stop(stage: str) -> None:
        if stage == "resolving":
            raise CutShort

    db = tmp_path / "s.db"
    with Workspace(db, processes=1) as ws:
        with pytest.raises(CutShort):
            ws.ingest([str(folder)], on_stage=stop)
        assert len(ws.documents()) == 2 and ws.entities() == [] and ws.resolution_due()
    with Workspace(db, processes=1) as ws:
        report = ws.ingest([str(folder)])
        assert report.added == [] and len(report.unchanged) == 2
        assert {"Karim Dawali", "Hasan Turabi"} <= {e.name for e in ws.entities()}
        assert not ws.resolution_due() and not ws.finish_pending()
