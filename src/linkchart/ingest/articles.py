"""Turn one read `Document` into its `Article`s: split, clean, date and language."""

from __future__ import annotations

from collections import Counter

from linkchart.ingest.clean import clean_region
from linkchart.ingest.infer_dates import STATED, infer_dates
from linkchart.ingest.language import paragraph_languages
from linkchart.ingest.split import ArticleRegion, split_articles
from linkchart.models import Article, Document, Paragraph

# Readers of these kinds already give one article's main text; splitting would only
# mistake its subheadings for new articles.
SINGLE_ARTICLE_KINDS = {"html", "jsonl"}


def regions_of(doc: Document) -> list[ArticleRegion]:
    """Return the article regions of a document (one region for single-article kinds)."""
    if doc.kind in SINGLE_ARTICLE_KINDS or not doc.text.strip():
        return [ArticleRegion(0, len(doc.text), doc.title, None, doc.date, set())]
    return split_articles(doc.text) or [ArticleRegion(0, len(doc.text), None, None, None, set())]


def build_articles(doc: Document) -> list[Article]:
    """Return the clean articles of a document, each with title, date, language and offset map."""
    articles: list[Article] = []
    for index, region in enumerate(regions_of(doc)):
        text, offsets = clean_region(doc.text, region.start, region.end, region.header_lines)
        if not text.strip():
            continue
        paragraphs = [Paragraph(s, e, lang) for s, e, lang in paragraph_languages(text)]
        language = _main_language(paragraphs)
        title = region.title or (doc.title if index == 0 else None)
        date = region.date or (doc.date if index == 0 or len(articles) == 0 else None)
        articles.append(
            Article(
                source=doc.source,
                index=len(articles),
                text=text,
                offsets=offsets,
                start=region.start,
                end=region.end,
                title=title,
                byline=region.byline,
                date=date,
                language=language,
                paragraphs=paragraphs,
                url=doc.url,
                outlet=doc.outlet,
            )
        )
    _fill_inferred_dates(articles)
    return articles


def _fill_inferred_dates(articles: list[Article]) -> None:
    """Give each undated article the date its neighbours or its own text imply, marked inferred."""
    found = infer_dates([a.date for a in articles], [a.text for a in articles])
    for article, inferred in zip(articles, found, strict=True):
        if inferred is not None:
            article.date, article.date_inferred = inferred.date, inferred.reason
            article.inferred_from_text = inferred.basis == STATED


def _main_language(paragraphs: list[Paragraph]) -> str:
    """Return the language holding most characters of the article."""
    weight: Counter[str] = Counter()
    for p in paragraphs:
        weight[p.language] += p.end - p.start
    return weight.most_common(1)[0][0] if weight else "en"
