"""linkchart.api.pipeline without extraction: what it stores, skips and reports."""

from __future__ import annotations

import random
from pathlib import Path

from linkchart.api.pipeline import ingest_paths
from linkchart.store.open import open_store


def story(seed: int, words: int = 300) -> str:
    """Return a text of random words (different seeds share almost no 5-word shingles)."""
    rng = random.Random(seed)
    return " ".join(rng.choice([f"term{i}" for i in range(400)]) for _ in range(words))


def test_files_are_stored_once_and_near_duplicates_are_linked(tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(story(1), encoding="utf-8")
    (folder / "b.txt").write_text(story(1) + " one more line", encoding="utf-8")  # nearly a.txt
    (folder / "c.txt").write_text(story(2), encoding="utf-8")
    (folder / "d.docx").write_bytes(b"PK")
    ticks: list[str] = []
    with open_store(store_url) as store:
        report = ingest_paths(store, [str(folder)], on_file=ticks.append, batch_articles=1)
        assert sorted(Path(s).name for s in report.added) == ["a.txt", "b.txt", "c.txt"]
        assert [Path(s).name.split(":")[0] for s in report.skipped] == ["d.docx"]
        assert report.failed == [] and report.articles == 3
        assert sorted(Path(t).name for t in ticks) == ["a.txt", "b.txt", "c.txt", "d.docx"]
        rows = {Path(r.source).name: r for r in store.documents()}
        assert rows["b.txt"].duplicate_of == rows["a.txt"].id and rows["c.txt"].duplicate_of is None
        again = ingest_paths(store, [str(folder)])
        assert again.added == [] and sorted(Path(s).name for s in again.unchanged) == ["a.txt", "b.txt", "c.txt"]
