"""`Store.undated_articles`: the articles with no date, stated or inferred, that repeat no earlier one (what the
story dating looks at), on both back ends."""

from __future__ import annotations

from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import Article, Document, OffsetMap
from linkchart.store.open import open_store

TEXT = "Karim Dawali met the Northern Front in Tal Sabr on Friday, the group said in a long statement."


def _add(store, source: str, text: str, date: str | None = None, inferred: str | None = None) -> None:  # noqa: ANN001
    article = Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0), start=0,
                      end=len(text), date=date, date_inferred=inferred)
    store.add_document(Document(source=source, text=text, sha256=f"sha-{source}", kind="txt"), [article], [None],
                       [article_fingerprint(text)])


def test_only_articles_without_any_date_that_repeat_no_other_are_undated(store_url: str) -> None:
    with open_store(store_url) as store:
        _add(store, "a.txt", TEXT)
        _add(store, "b.txt", "Hasan Turabi visited Tal Sabr last week and met local leaders there.", "2020-03-01")
        _add(store, "c.txt", "The Northern Front held a rally in Tal Sabr with many of its fighters.", "2019",
             "next to an article dated 2019-11-20")
        _add(store, "d.txt", TEXT)  # repeats a.txt
        assert [a.source for a in store.undated_articles()] == ["a.txt"]
