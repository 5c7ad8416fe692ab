"""Tests for linkchart.ingest.pages: running headers and footers of paged text."""

from __future__ import annotations

from pathlib import Path

from linkchart.ingest.pages import running_lines
from linkchart.ingest.read import read_file

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "src" / "linkchart" / "sample" / "sample_report.pdf"


def _paged(pages: list[str]) -> tuple[str, list[int]]:
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 2
    return "\n\n".join(pages), starts


def _lines_at(text: str, starts: frozenset[int]) -> list[str]:
    return [text[s:].split("\n", 1)[0] for s in sorted(starts)]


def test_headers_and_page_numbers_repeating_on_every_page() -> None:
    body = "The talks went on through the {} night and resumed in the morning after a short break.\n"
    pages = [f"Gulf Policy Centre | Brief No. 7\n{body.format(word) * 3}Page {n} of 3"
             for n, word in ((1, "first"), (2, "second"), (3, "third"))]
    text, starts = _paged(pages)
    found = _lines_at(text, running_lines(text, starts))
    header = "Gulf Policy Centre | Brief No. 7"
    assert found == [header, "Page 1 of 3", header, "Page 2 of 3", header, "Page 3 of 3"]


def test_lines_on_one_page_only_or_in_the_body_are_kept() -> None:
    pages = ["A Title Page\nThe first page has words.\nShort line", "Second page words.\nShort line\nMore words here."]
    text, starts = _paged(pages)
    assert running_lines(text, starts) == frozenset()
    assert running_lines("One page only\nwith lines", [0]) == frozenset()


def test_bundled_sample_pdf_running_lines() -> None:
    [doc] = read_file(str(SAMPLE_PDF))
    found = _lines_at(doc.text, running_lines(doc.text, doc.page_starts))
    header = "Cedar & Tigris Policy Institute | Research Brief No. 14"
    assert found == [header, "Page 1 of 2", header, "Page 2 of 2"]
