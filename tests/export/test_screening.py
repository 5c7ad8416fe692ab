"""The screening hook: a store that keeps screening matches gets list badges in dossiers and FtM Sanctions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkchart.api import Workspace
from linkchart.export.ftm import FtmExporter
from linkchart.export.report import dossier
from linkchart.export.report.html import render_html
from linkchart.export.screening import ScreeningMatch, screening_matches
from linkchart.store.sqlite import SQLiteStore


class ScreenedStore(SQLiteStore):
    """A SQLite store that also answers screening matches: one invented list for one entity."""

    listed: int = -1

    def screening_matches(self, entity_id: int) -> list[ScreeningMatch]:
        """Return the invented listing of the listed entity."""
        return [ScreeningMatch("Invented Watch List", "listed for a test")] if entity_id == self.listed else []


@pytest.fixture()
def screened(sample_db: Path) -> ScreenedStore:
    """Return the sample store (read only) with screening results for its most-named person."""
    with Workspace(sample_db, extract=False) as ws:
        listed = ws.find_entity("Khazali").id
    store = ScreenedStore(str(sample_db))
    store.listed = listed
    return store


def test_stores_without_screening_have_no_matches(sample_ws: Workspace) -> None:
    assert screening_matches(sample_ws.store, 1) == []


@pytest.mark.sqlite_only(reason="the screening hook is shown on a SQLite store subclass")
def test_matches_show_as_badges_in_the_dossier(screened: ScreenedStore) -> None:
    d = dossier(screened, screened.listed)
    assert [b.list_name for b in d.badges] == ["Invented Watch List"]
    assert "Screening matched Invented Watch List." in d.summary
    assert '<span class="tag list" title="listed for a test">Invented Watch List</span>' in render_html(d)
    screened.close()


@pytest.mark.sqlite_only(reason="the screening hook is shown on a SQLite store subclass")
def test_matches_export_as_followthemoney_sanctions(screened: ScreenedStore) -> None:
    entities = [json.loads(line) for line in FtmExporter().render(screened).splitlines()]
    screened.close()
    sanctions = [e for e in entities if e["schema"] == "Sanction"]
    assert len(sanctions) == 1 and sanctions[0]["properties"]["program"] == ["Invented Watch List"]
    listed = next(e for e in entities if e["id"] == sanctions[0]["properties"]["entity"][0])
    assert listed["properties"]["name"] == ["Qais al-Khazali"]
    ftm = pytest.importorskip("followthemoney")
    proxy = ftm.model.get_proxy(sanctions[0], cleaned=False)
    assert proxy.schema.name == "Sanction" and proxy.get("entity") == [listed["id"]]
