"""An invented report written to a file and ingested, for resolve tests that compare incremental and full runs."""

from __future__ import annotations

from pathlib import Path

from linkchart.api import Workspace


def ingest_report(ws: Workspace, folder: Path, name: str, text: str) -> None:
    """Write `text` under a title line as `folder/name` and ingest it into `ws` (resolved incrementally)."""
    (folder / name).write_text(f"Invented report\n\n{text}\n")
    assert ws.ingest([str(folder / name)]).ok
