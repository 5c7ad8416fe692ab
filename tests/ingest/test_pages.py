"""Tests for linkchart.ingest.pages: running headers and footers of paged text."""

from __future__ import annotations

from pathlib import Path

from linkchart.ingest.pages import running_lines, without_running_lines
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


def test_without_running_lines_keeps_the_rest_of_each_page() -> None:
    pages = [f"Gulf Policy Centre | Brief No. 7\nBody of page {word}.\nMore body {word}.\nPage {n} of 2"
             for n, word in ((1, "one"), (2, "two"))]
    kept, dropped = without_running_lines(pages)
    header = "Gulf Policy Centre | Brief No. 7"
    assert kept == [f"{header}\nBody of page one.\nMore body one.", "Body of page two.\nMore body two."]
    assert dropped == 3  # the first page's header is its masthead
    assert without_running_lines(["Just one page\nof text"]) == (["Just one page\nof text"], 0)


def test_bundled_sample_pdf_is_read_without_its_running_lines() -> None:
    [doc] = read_file(str(SAMPLE_PDF))
    assert doc.text.count("Cedar & Tigris Policy Institute") == 1 and "Page 1 of 2" not in doc.text
    assert "the State Department announced that it\n\nwould list AAH" in doc.text  # the page break, nothing else
    assert doc.text[doc.page_starts[1] :].startswith("would list AAH")
    assert doc.text.startswith("Cedar & Tigris Policy Institute | Research Brief No. 14\nAfter the Baghdad strike")
