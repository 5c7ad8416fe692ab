"""The screening hook of the exports: a store never screened has no matches (screened stores: tests/screen)."""

from __future__ import annotations

from linkchart.api import Workspace
from linkchart.export.screening import listed_labels, screening_matches


def test_stores_without_screening_have_no_matches(sample_ws: Workspace) -> None:
    assert screening_matches(sample_ws.store, 1) == []
    assert listed_labels(sample_ws.store) == {}
