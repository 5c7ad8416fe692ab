"""Property tests (hypothesis): the readers and the cleaner hold on any input.

* `read_file` raises nothing but ReadError on arbitrary bytes under every supported
  extension, and `build_articles` takes whatever it returns;
* the cleaner's offset map sends every clean character to an original index inside the
  region, in order, and a character the cleaner did not repair maps to itself.

Runs are bounded (max_examples, no deadline, derandomized) so the file takes seconds.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from malformed import minimal_pdf, text_page

from linkchart.ingest.articles import build_articles
from linkchart.ingest.clean import clean_region
from linkchart.ingest.read import SUPPORTED, ReadError, read_file
from linkchart.models import Document

BOUNDED = settings(
    max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)

any_char = st.characters(codec=None, exclude_categories=())  # surrogates and controls included
# Prose-like text: letters, punctuation, line breaks, hyphens, and a few things the cleaner repairs.
PIECES = [*"abcdefghij KLMNO.,;:'-\n\t", "é", "—", "\u00ad", "\u00a0", "â€™", "word-\nbreak", "\n\n"]
prose = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)


def _json_value() -> st.SearchStrategy[object]:
    leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(any_char, max_size=40)
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                             max_size=4), max_leaves=12)


def _jsonl_line() -> st.SearchStrategy[bytes]:
    article = st.fixed_dictionaries(
        {"text": st.text(any_char, min_size=1, max_size=200) | _json_value()},
        optional={"title": _json_value(), "date": st.text(max_size=20) | _json_value(), "source": _json_value()},
    )
    return st.one_of(
        article.map(lambda obj: json.dumps(obj, ensure_ascii=True).encode()),
        st.integers(1, 150_000).map(lambda n: b"[" * n + b"]" * n),  # nested past the parser's recursion limit
        st.integers(4000, 6000).map(lambda n: b'{"text": "a", "n": ' + b"9" * n + b"}"),  # past int digits limit
        st.binary(max_size=60),
    )


GOOD_PDF = minimal_pdf([text_page("Officials met in Baghdad on Tuesday.\nThe talks went on late.")] * 2, compress=True)
random_bytes = st.binary(max_size=600)
text_bytes = st.one_of(
    st.text(any_char, max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(prose, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "cp1251", "latin-1"]))
    .map(lambda te: te[0].encode(te[1], "replace")),
)
BY_KIND = {
    ".txt": text_bytes,
    ".md": text_bytes,
    ".html": text_bytes | prose.map(lambda t: f"<html><body><div><p>{t}</p></div></body></html>".encode()),
    ".htm": st.integers(250, 3000).map(lambda n: b"<div>" * n + b"deep words here" + b"</div>" * n),
    ".pdf": st.one_of(
        st.binary(max_size=400).map(lambda b: b"%PDF-1.4\n" + b + b"\n%%EOF\n"),
        st.integers(1, len(GOOD_PDF)).map(lambda n: GOOD_PDF[:n]),  # truncated anywhere
        st.tuples(st.integers(0, len(GOOD_PDF)), st.binary(min_size=1, max_size=40))  # overwritten anywhere
        .map(lambda at: GOOD_PDF[: at[0]] + at[1] + GOOD_PDF[at[0] + len(at[1]) :]),
    ),
    ".jsonl": st.lists(_jsonl_line(), min_size=1, max_size=5).map(b"\n".join),
}


@BOUNDED
@given(data=st.data())
def test_readers_raise_only_read_error(data: st.DataObject) -> None:
    ext = data.draw(st.sampled_from(sorted(SUPPORTED)), label="ext")
    content = data.draw(random_bytes | BY_KIND[ext], label="content")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}"
        path.write_bytes(content)
        try:
            docs = read_file(str(path))
        except ReadError as err:
            assert "\n" not in str(err)
            return
        for doc in docs:
            doc.text.encode("utf-8")  # valid UTF-8 all through: no lone surrogates left
            assert doc.text.strip()
            for article in build_articles(doc):
                assert len(article.offsets) == len(article.text)


@BOUNDED
@given(text=st.text(any_char, max_size=400), cut=st.integers(0, 2))
def test_build_articles_takes_any_text(text: str, cut: int) -> None:
    page_starts = [0, len(text) // 2] if cut == 1 else [0] if cut == 2 else []
    doc = Document(source="x.pdf", text=text, sha256="0", kind="pdf" if page_starts else "txt", page_starts=page_starts)
    for article in build_articles(doc):
        _check_offsets(text, article.text, article.offsets, 0, len(text))


@BOUNDED
@given(text=st.text(any_char, max_size=400), bounds=st.tuples(st.integers(0, 400), st.integers(0, 400)))
def test_offsets_stay_inside_the_region_and_in_order(text: str, bounds: tuple[int, int]) -> None:
    start, end = sorted(min(b, len(text)) for b in bounds)
    clean, offsets = clean_region(text, start, end)
    _check_offsets(text, clean, offsets, start, end)


@BOUNDED
@given(text=prose)
def test_characters_left_alone_map_to_themselves(text: str) -> None:
    clean, offsets = clean_region(text, 0, len(text))
    _check_offsets(text, clean, offsets, 0, len(text))
    repaired = "\u00ad\u00a0â€™"  # the only characters of this alphabet the cleaner changes besides whitespace
    for i, ch in enumerate(clean):
        orig = text[offsets.char(i)]
        if ch.isspace() or orig in repaired:
            continue  # a joined line break, a repaired mojibake or invisible character
        assert orig == ch, (i, ch, orig)


def _check_offsets(original: str, clean: str, offsets: object, start: int, end: int) -> None:
    """Assert every clean character maps into original[start:end), never going backwards."""
    assert len(offsets) == len(clean)
    mapped = [offsets.char(i) for i in range(len(clean))]
    assert all(start <= m < end for m in mapped), (start, end, mapped)
    assert mapped == sorted(mapped)
