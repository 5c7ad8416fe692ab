"""linkchart.api.pipeline without extraction: what it stores, skips and reports."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from linkchart.api import sample_corpus_path
from linkchart.api.pipeline import ingest_paths
from linkchart.models import Article, Extraction
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


NEWS = [
    "Karim Dawali, the leader of the Northern Front, met Hasan Turabi in Tal Sabr on Monday.",
    "Hasan Turabi said the Northern Front would leave Tal Sabr, according to Samir Haddad.",
    "Samir Haddad, a spokesman for the Unity Council, visited Basra on Friday.",
]


def write_news(folder: Path, count: int) -> list[str]:
    """Write `count` short invented news files into `folder`; return their names."""
    folder.mkdir(exist_ok=True)
    names = []
    for i in range(count):
        name = f"news{i:02d}.txt"
        (folder / name).write_text(f"Report {i}\n\n{NEWS[i % len(NEWS)]} It was report number {i}.\n",
                                   encoding="utf-8")
        names.append(name)
    return names


def test_a_file_whose_extraction_fails_is_refused_alone_and_the_batch_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linkchart.api import Workspace
    from linkchart.extract.nlp import load_pipeline

    # spaCy refuses a text longer than its max_length (E088); pieces longer than that bring the error back
    monkeypatch.setattr("linkchart.extract.pipeline.MAX_PIECE", 10**9)
    monkeypatch.setattr(load_pipeline(), "max_length", 3_000)
    folder = tmp_path / "in"
    names = write_news(folder, 8)
    (folder / "news03x_long.txt").write_text("Long Report\n\n" + " ".join([NEWS[0]] * 40) + "\n", encoding="utf-8")
    with Workspace(tmp_path / "s.db", processes=2) as ws:  # 9 articles: extracted by two forked workers
        report = ws.ingest([str(folder)])
        assert len(report.failed) == 1, report.failed
        assert "news03x_long.txt: could not extract (ValueError: [E088]" in report.failed[0]
        assert sorted(Path(s).name for s in report.added) == names
        assert {"Karim Dawali", "Hasan Turabi"} <= {e.name for e in ws.entities()}
        assert not ws.resolution_due()


def test_a_file_a_reader_or_the_store_cannot_take_is_refused_alone(tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "in"
    write_news(folder, 2)
    depth = 100_000  # deeper than Python's recursion limit
    (folder / "deep.jsonl").write_text('{"text": ' + "[" * depth + "]" * depth + "}\n", encoding="utf-8")
    odd = os.fsencode(str(folder)) + b"/odd\xff-name.txt"  # not UTF-8: a lone surrogate once decoded
    with open(odd, "wb") as f:
        f.write(NEWS[2].encode())
    with open_store(store_url) as store:
        report = ingest_paths(store, [str(folder)])
    assert {"news00.txt", "news01.txt"} <= {Path(s).name for s in report.added}
    named = [line.split(":")[0] for line in report.failed]
    assert str(folder / "deep.jsonl") in named
    assert all("\n" not in line for line in report.failed)
    assert len(report.added) + len(report.failed) == 4  # the odd name is stored or refused, never lost


def test_articles_are_extracted_in_bounded_batches(tmp_path: Path, store_url: str) -> None:
    lines = "".join(json.dumps({"text": f"{story(i, 40)}", "title": f"Item {i}"}) + "\n" for i in range(30))
    (tmp_path / "feed.jsonl").write_text(lines, encoding="utf-8")
    compilation = sample_corpus_path() / "roundup_compilation.txt"  # one document, four articles
    sizes: list[int] = []

    def extract(articles: list[Article]) -> list[Extraction]:
        sizes.append(len(articles))
        return [Extraction() for _ in articles]

    with open_store(store_url) as store:
        report = ingest_paths(store, [str(tmp_path / "feed.jsonl"), str(compilation)], extract=extract,
                              batch_articles=3)
        assert report.failed == [] and len(report.added) == 31 and report.articles == 34
        assert store.stats()["articles"] == 34
    assert max(sizes) == 3 and sum(sizes) == 34


def test_a_path_that_does_not_exist_or_holds_nothing_to_ingest_is_a_failure(tmp_path: Path, store_url: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.docx").write_bytes(b"PK")
    (tmp_path / "notes.odt").write_bytes(b"PK")
    with open_store(store_url) as store:
        report = ingest_paths(store, [str(tmp_path / p) for p in ("missing.txt", "empty", "other", "notes.odt")])
    assert report.failed == [
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{tmp_path / 'empty'}: no file to ingest in this folder (supported: htm, html, jsonl, md, pdf, txt)",
        f"{tmp_path / 'other'}: no file to ingest in this folder (supported: htm, html, jsonl, md, pdf, txt)",
        f"{tmp_path / 'notes.odt'}: unsupported file type .odt",
    ]
    assert [Path(s.split(":")[0]).name for s in report.skipped] == ["notes.docx"]
