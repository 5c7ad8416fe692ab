"""Tests for linkchart.ingest.articles on the bundled sample: repairs that must hold on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkchart.ingest.articles import build_articles
from linkchart.ingest.read import iter_files, read_file
from linkchart.models import Document

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "linkchart" / "sample"
MOJIBAKE = ("â€", "Ã©", "Ã¨", "Â ")


def _articles(name: str) -> list:
    return [a for doc in read_file(str(SAMPLE / name)) for a in build_articles(doc)]


def test_no_mojibake_anywhere_in_the_sample() -> None:
    for path, notice in iter_files([str(SAMPLE)]):
        assert notice is None
        for doc in read_file(path):
            assert not any(m in doc.text for m in MOJIBAKE), path  # the text evidence is quoted from
            for article in build_articles(doc):
                assert not any(m in article.text for m in MOJIBAKE), path


def test_analyst_blog_mojibake_is_repaired_and_offsets_still_match() -> None:
    [doc] = read_file(str(SAMPLE / "analyst_blog.txt"))
    assert "Hezbollah’s man inside Khazali's network" in doc.text
    [article] = build_articles(doc)
    start = article.text.index("Hezbollah’s man")
    s, e = article.offsets.span(start, start + len("Hezbollah’s man"))
    assert doc.text[s:e] == "Hezbollah’s man"


def test_levant_column_hyphenation_is_rejoined() -> None:
    text = " ".join(a.text for a in _articles("levant_column.txt"))
    assert "weekend showing Qais al-Khazali" in text
    assert "armed faction Asaib Ahl al-Haq" in text and "south Lebanon in combat fatigues" in text
    assert "- " not in text.replace(" - ", "")  # no 'week- end' left anywhere


def test_sample_pdf_running_header_is_not_inside_a_sentence() -> None:
    articles = _articles("sample_report.pdf")
    text = "\n\n".join(a.text for a in articles)
    assert "the State Department announced that it would list AAH as a Foreign Terrorist Organization" in text
    assert text.count("Cedar & Tigris Policy Institute") == 1  # the masthead on the first page, not the repeats
    assert "Page 1 of 2" not in text and "Page 2 of 2" not in text
    assert articles[0].title == "After the Baghdad strike: the Quds Force, Asaib Ahl al-Haq and Hezbollah"


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "x", "\ud800 lone", "\x00\x01\x02", "a" * 5000, "word-\n" * 300, "Ã©" * 500, "\r\r\n\u2028\u0085"],
)
def test_build_articles_takes_any_text(text: str) -> None:
    doc = Document(source="odd.txt", text=text, sha256="0", kind="txt", page_starts=[0, len(text) // 2])
    for article in build_articles(doc):
        assert len(article.offsets) == len(article.text)
