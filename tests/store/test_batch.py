"""Several documents in one transaction (`Store.add_documents`): all of them, or none."""

from __future__ import annotations

import pytest

from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import Article, Document, Extraction, Mention, OffsetMap
from linkchart.store.open import open_store

TEXTS = ("Karim Dawali met the Northern Front in Tal Sabr.", "Lina Haddour left Qasr Mina for the coast.",
         "Omar Seydan funds the Eastern Guard, the council said.")


def item(source: str, text: str) -> tuple:
    """Return the (document, articles, extractions, fingerprints) of a one-article text with one mention."""
    doc = Document(source=source, text=text, sha256=f"sha-{source}", kind="txt")
    article = Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0), start=0,
                      end=len(text))
    return doc, [article], [Extraction(mentions=[Mention(0, 5, text[:5], "PERSON")])], [article_fingerprint(text)]


def test_a_batch_stores_every_document_as_one_by_one_does(store_url: str) -> None:
    with open_store(store_url) as store:
        ids = store.add_documents([item(f"d{i}.txt", t) for i, t in enumerate(TEXTS)])
        assert len(set(ids)) == 3
        assert [d.source for d in store.document_rows()] == ["d0.txt", "d1.txt", "d2.txt"]
        assert [m.text for m in store.mentions()] == [t[:5] for t in TEXTS]
        assert store.resolution_due()


def test_a_refused_document_leaves_the_whole_batch_unstored(store_url: str) -> None:
    with open_store(store_url) as store:
        doc, articles, extractions, fps = item("bad.txt", TEXTS[1])
        with pytest.raises(ValueError):
            store.add_documents([item("d0.txt", TEXTS[0]), (doc, articles, extractions, [*fps, None])])
        assert store.document_rows() == [] and store.mentions() == []
        store.add_documents([item("d0.txt", TEXTS[0])])  # the store takes the next batch
        assert [d.source for d in store.document_rows()] == ["d0.txt"]
