"""Search answers the same on SQLite (FTS5) and PostgreSQL (tsvector): hits, offsets, highlighted words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from linkchart.models import Article, Document, OffsetMap
from linkchart.store.base import SearchHit, Store
from linkchart.store.open import open_store

TEXTS = {
    "a.txt": ("Talks in Vardo", "Orlan al-Vesk, the head of the Tamir Front, met Dusa Karev in Vardo. "
              "Al-Vesk said the front would not disarm before the elections in Vardo province."),
    "b.txt": ("Élections à Vardo", "Les élections à Vardo ont été reportées; Orlan Vesk a dénoncé la décision."),
    "c.txt": (None, "A long report. " * 30
              + "Near its end, Karev visited the port of Sallo with Tamir Front officials."),
    "d.txt": ("Sallo", "Nothing of note happened on the coast this week."),
}
QUERIES = ["Vardo", "al-Vesk", "vesk", "ELECTIONS vardo", "Karev Sallo", '"Tamir Front', "elect*", "Sallo",
           "nobody here", "Vard*"]


def _fill(store: Store) -> None:
    for source, (title, text) in TEXTS.items():
        doc = Document(source=source, text=text, sha256=f"sha-{source}", kind="txt", title=title)
        article = Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text)), start=0,
                          end=len(text), title=title)
        store.add_document(doc, [article], [None], [None])


@pytest.fixture
def both(tmp_path: Path, pg_cluster: Any) -> Iterator[tuple[Store, Store]]:
    """Return a SQLite and a PostgreSQL store holding the same articles."""
    url = pg_cluster.create_database(template="linkchart_template")
    with open_store(tmp_path / "s.db") as sqlite, open_store(url) as postgres:
        _fill(sqlite)
        _fill(postgres)
        yield sqlite, postgres
    pg_cluster.drop_database(url.rsplit("/", 1)[1])


def _marked(hit: SearchHit) -> list[str]:
    return [hit.snippet_text[s:e] for s, e in hit.highlights]


@pytest.mark.parametrize("query", QUERIES)
def test_both_back_ends_find_the_same_articles_and_words(both: tuple[Store, Store], query: str) -> None:
    sqlite, postgres = both
    expected, got = sqlite.search(query), postgres.search(query)
    assert sorted(h.source for h in got) == sorted(h.source for h in expected)
    by_source = {h.source: h for h in expected}
    for hit in got:
        other = by_source[hit.source]
        assert (hit.start, hit.end, hit.title, hit.date) == (other.start, other.end, other.title, other.date)
        assert {w.casefold() for w in _marked(hit)} == {w.casefold() for w in _marked(other)}
        assert hit.snippet.replace("[", "").replace("]", "") == hit.snippet_text
        assert all(hit.snippet_text[s:e] for s, e in hit.highlights)
