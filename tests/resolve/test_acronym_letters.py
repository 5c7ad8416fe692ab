"""Acronyms whose letters differ are different names (a short acronym's key keeps its letters), and an
organisation's acronyms in other languages join it (invented text; full and incremental resolution agree)."""

from __future__ import annotations

from pathlib import Path

from ingested import ingest_report

from linkchart.api import Workspace
from linkchart.export.json import export_linkchart

FIRST = ("The night train was run by the Tarvo Federal Railways (SBT / FFT) and the Velmar Freight Trust (FT). "
         "In 1999 FFT and FT stopped the service.")
SECOND = "FT bought new coaches in 2001, and the Tarvo Federal Railways sold theirs."


def _groups(data: dict) -> set[frozenset[str]]:
    return {frozenset(e["aliases"]) for e in data["entities"] if e["type"] == "ORG"}


def test_acronyms_of_other_letters_stay_apart(store_url: str, tmp_path: Path) -> None:
    with Workspace(store_url, processes=1) as ws:
        ingest_report(ws, tmp_path, "first.txt", FIRST)
        ingest_report(ws, tmp_path, "second.txt", SECOND)  # resolved incrementally
        groups = _groups(export_linkchart(ws.store))
        assert frozenset({"Tarvo Federal Railways", "SBT", "FFT"}) in groups
        assert frozenset({"Velmar Freight Trust", "FT"}) in groups
        ws.resolve(full=True)
        assert _groups(export_linkchart(ws.store)) == groups
