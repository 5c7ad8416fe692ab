"""The engines' file-level contract (api/engines/filework.py), run in this process: the same report and store
as the local pipeline, unchanged content never sent to a worker, one failing document costing only itself."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from linkchart.api.engines.filework import (
    FileOutcome,
    extract_outcomes,
    plan_file,
    prepare_file,
    store_outcome,
)
from linkchart.api.pipeline import ingest_paths
from linkchart.models import Article, Extraction, IngestReport, Mention
from linkchart.store.base import Store
from linkchart.store.open import open_store


def text(seed: int) -> str:
    """Return a short made-up news text, different for each seed."""
    return (f"Officials in Varnholt said on Monday that convoy {seed} had reached the border crossing. "
            f"Commander Ilse Drovak told reporters the route was open again after {seed} days.")


def make_folder(root: Path) -> Path:
    """Return a folder of files of every outcome: stored, near-duplicate, bad jsonl line, empty, unsupported."""
    folder = root / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text(1), encoding="utf-8")
    (folder / "b.md").write_text("# Convoy\n\n" + text(2), encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK")
    lines = [json.dumps({"title": "One", "text": text(3)}), "{not json", "",
             json.dumps({"title": "Two", "text": text(4), "date": "2021-03-04"})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run_engine(store: Store, paths: list[str], extract: Callable[[list[Article]], list[Extraction]] | None = None,
               sent: list[str] | None = None) -> IngestReport:
    """Return the report of `ingest_paths` with an engine that keeps the file-level contract with every step in
    this process (what the Ray engine spreads over its workers); `sent` collects the files handed to 'workers'."""

    def engine(store: Store, files: list[tuple[str, str | None]], report: IngestReport, on_file: object) -> None:
        outcomes: list[FileOutcome] = []
        for path, notice in files:
            work = plan_file(store, path, notice, report)
            if work is not None:
                if sent is not None:
                    sent.append(Path(work.path).name)
                outcomes.append(prepare_file(work))
        extract_outcomes(outcomes, extract)
        for outcome in outcomes:
            store_outcome(store, outcome, report)

    return ingest_paths(store, paths, engine=engine)


def rows(store: Store) -> list[tuple[object, ...]]:
    """Return the stored documents' rows without their ids, by source."""
    return sorted((r.source, r.title, r.date, r.start, r.end, r.words, r.duplicate_of is not None)
                  for r in store.documents())


def test_the_contract_stores_and_reports_what_the_local_pipeline_does(tmp_path: Path, new_store) -> None:
    folder = make_folder(tmp_path)
    with open_store(new_store("sqlite")) as local, open_store(new_store("sqlite")) as engine:
        expected = ingest_paths(local, [str(folder)])
        got = run_engine(engine, [str(folder)])
        for field in ("added", "unchanged", "skipped", "failed", "warnings"):
            assert sorted(getattr(got, field)) == sorted(getattr(expected, field)), field
        assert got.articles == expected.articles == 4
        assert any("empty file" in line for line in got.failed) and any("not JSON" in w for w in got.warnings)
        assert rows(engine) == rows(local)


def test_unchanged_content_is_not_sent_again(tmp_path: Path, new_store) -> None:
    folder = make_folder(tmp_path)
    with open_store(new_store("sqlite")) as store:
        run_engine(store, [str(folder)])
        sent: list[str] = []
        again = run_engine(store, [str(folder)], sent=sent)
        assert again.added == [] and again.articles == 0
        # a.txt and b.md are stored: not sent; the jsonl's bad line is never stored, so it goes again, and its
        # stored lines come back unchanged without being extracted; the empty file fails again, as locally
        assert sent == ["empty.txt", "feed.jsonl"]
        assert sorted(Path(s).name for s in again.unchanged) == ["a.txt", "b.md", "feed.jsonl#L1", "feed.jsonl#L4"]
        feed = folder / "feed.jsonl"
        feed.write_text(feed.read_text(encoding="utf-8") + json.dumps({"text": text(5)}) + "\n", encoding="utf-8")
        extracted: list[str] = []

        def extract(articles: list[Article]) -> list[Extraction]:
            extracted.extend(a.source for a in articles)
            return [Extraction() for _ in articles]

        third = run_engine(store, [str(feed)], extract=extract)
        assert [Path(s).name for s in third.added] == ["feed.jsonl#L5"]
        assert [Path(s).name for s in extracted] == ["feed.jsonl#L5"]


def test_a_document_whose_extraction_fails_costs_only_itself(tmp_path: Path, new_store) -> None:
    folder = make_folder(tmp_path)

    def extract(articles: list[Article]) -> list[Extraction]:
        if any("convoy 2 " in a.text for a in articles):
            raise ValueError("the parser gave up")
        return [Extraction(mentions=[Mention(0, 9, "Officials", "NORP")]) for _ in articles]

    with open_store(new_store("sqlite")) as store:
        report = run_engine(store, [str(folder)], extract=extract)
        assert [line for line in report.failed if "could not extract" in line] == [
            f"{folder / 'b.md'}: could not extract (ValueError: the parser gave up)"]
        assert sorted(Path(s).name for s in report.added) == ["a.txt", "feed.jsonl#L1", "feed.jsonl#L4"]
        assert len(store.mentions()) == 3
