"""End to end: the sample corpus through read → clean → store, and bad input through the CLI."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from typer.testing import CliRunner

from linkchart.api import Workspace
from linkchart.cli import app

WORD = re.compile(r"\w+")


def _squash(s: str) -> str:
    """Return s without line-break hyphens and whitespace, for comparing repaired text."""
    return re.sub(r"\s+", "", s.replace("-\n", ""))


def test_every_clean_word_maps_back_to_its_original_characters(sample_ws: Workspace) -> None:
    checked = 0
    for row in sample_ws.documents():
        article = sample_ws.store.article(row.id)
        assert article.text and article.offsets and article.original is not None
        for m in WORD.finditer(article.text):
            s, e = article.offsets.span(m.start(), m.end())
            assert row.start <= s <= e <= row.end
            original = article.original[s:e]
            assert _squash(original) == m.group() or _squash(original.replace("-", "")) == m.group(), (
                row.source, m.group(), original)
            checked += 1
    assert checked > 3000


def test_mentions_point_at_their_text_in_the_original(sample_ws: Workspace) -> None:
    texts: dict[str, str] = {}
    mentions = sample_ws.store.mentions()
    assert len(mentions) > 100
    for m in mentions:
        if m.source not in texts:
            texts[m.source] = sample_ws.store.document_text(m.source)
        assert _squash(texts[m.source][m.start:m.end]).replace("-", "") == _squash(m.text).replace("-", "")


def test_reingest_is_a_no_op(sample_db: Path) -> None:
    with Workspace(sample_db) as ws:
        before = ws.stats()
        report = ws.ingest()
        after = ws.stats()
    assert report.added == [] and len(report.unchanged) >= 12
    assert before == after


def test_compilation_splits_into_dated_articles(sample_ws: Workspace) -> None:
    rows = [r for r in sample_ws.documents() if r.source.endswith("roundup_compilation.txt")]
    assert len(rows) == 4
    dates = sorted((r.date or "")[:10] for r in rows)
    assert dates == ["2019-11-07", "2019-11-11", "2019-11-18", "2019-11-20"]
    for r in rows:
        assert r.title and r.title.lower() not in {"advertisement", "share", "related:"}
    spans = sorted((r.start, r.end) for r in rows)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_persian_paragraph_is_marked_and_searchable(sample_ws: Workspace) -> None:
    langs = set()
    for row in sample_ws.documents():
        for p in sample_ws.store.article(row.id).paragraphs:
            langs.add(p.language)
    assert {"en", "fa"} <= langs
    assert sample_ws.search("ایران")


def test_near_duplicate_wire_story_is_linked_not_dropped(sample_ws: Workspace) -> None:
    rows = {Path(r.source).name: r for r in sample_ws.documents()}
    wire, repost = rows["border_visit_wire.html"], rows["border_visit_repost.txt"]
    linked = {wire.duplicate_of, repost.duplicate_of}
    assert wire.id in linked or repost.id in linked
    dup = repost if repost.duplicate_of else wire
    assert dup.similarity is not None and dup.similarity >= 0.5


def test_boilerplate_is_kept_in_original_but_not_in_clean_text(sample_ws: Workspace) -> None:
    for row in sample_ws.documents():
        article = sample_ws.store.article(row.id)
        for cue in ("Advertisement", "See more from this Author", "Select Language"):
            assert cue not in article.text, (row.source, cue)
        # a picture credit on a line of its own stays, as a paragraph of its own: its names become entities
        assert all(line.strip() == "Image Credit: AP" for line in article.text.split("\n") if "Image Credit:" in line)
    assert any("Advertisement" in sample_ws.store.document_text(r.source) for r in sample_ws.documents())


def test_hyphenation_is_repaired_and_real_hyphens_kept(sample_ws: Workspace) -> None:
    column = next(r for r in sample_ws.documents() if r.source.endswith("levant_column.txt"))
    text = sample_ws.store.article(column.id).text
    assert "Qassem" in text and "Qas-" not in text
    assert "Iran-backed" in text and "al-Khazali" in text


def test_dates_are_stated_dates_never_today(sample_ws: Workspace) -> None:
    today = dt.date.today().isoformat()
    rows = sample_ws.documents()
    assert all(not (r.date or "").startswith(today) for r in rows)
    assert sum(1 for r in rows if r.date) >= len(rows) - 1


def test_pdf_and_html_readers_feed_articles(sample_ws: Workspace) -> None:
    kinds = {Path(r.source).suffix for r in sample_ws.documents()}
    assert {".pdf", ".html", ".txt", ".md"} <= kinds
    assert any(".jsonl#L" in r.source for r in sample_ws.documents())


def test_search_snippet_points_into_the_original(sample_ws: Workspace) -> None:
    hits = sample_ws.search("Soleimani")
    assert hits
    hit = hits[0]
    assert "[" in hit.snippet
    original = sample_ws.store.document_text(hit.source)
    assert original[hit.start:hit.end].lower().replace("-\n", "") == "soleimani"


def _write_bad_batch(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text("A short report.\n\nThe council met in Basra on Monday.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (folder / "feed.jsonl").write_text('{"text": "One line that is fine."}\nnot json at all\n', encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")


def test_bad_input_is_reported_per_file_and_the_batch_goes_on(tmp_path: Path, store_url: str) -> None:
    db = store_url
    first = tmp_path / "first.txt"
    first.write_text("An earlier document about the harbour.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(first), "--db", str(db), "--quiet"]).exit_code == 0
    batch = tmp_path / "batch"
    _write_bad_batch(batch)
    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert result.exit_code == 1
    out = result.output
    assert "empty.txt: empty file" in out
    assert "binary.txt: binary content" in out
    assert "broken.pdf: corrupt PDF" in out
    assert "feed.jsonl:2: not JSON" in out
    assert "notes.docx: unsupported file type .docx" in out
    with Workspace(db, extract=False) as ws:
        sources = {Path(r.source.split("#")[0]).name for r in ws.documents()}
    assert {"first.txt", "good.txt", "feed.jsonl"} <= sources


def test_cli_documents_search_and_export(sample_db: Path, tmp_path: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "220"})
    docs = runner.invoke(app, ["documents", "--db", str(sample_db)])
    assert docs.exit_code == 0 and "roundup_compilation.txt" in docs.output
    hits = runner.invoke(app, ["search", "Hajj Yusif", "--db", str(sample_db)])
    assert hits.exit_code == 0 and "interrogation_notes.txt" in hits.output
    out = tmp_path / "e.json"
    res = runner.invoke(app, ["export", "--db", str(sample_db), "--format", "json", "-o", str(out)])
    assert res.exit_code == 0
    import json

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "linkchart/1"
    doc = data["documents"][0]
    assert {"id", "source", "title", "date", "date_inferred", "language", "start", "end"} <= set(doc)
