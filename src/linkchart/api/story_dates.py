"""Dates for undated articles that report the news a dated article reports (rule story_date).

A web page saved without its date loses every date it tells by the calendar of its day ('last Saturday', 'on
November 6'): its events stay undated. When it tells news of a recent day ('last Saturday', 'on Friday',
'yesterday') and a dated article of the store also tells news of a recent day and names at least
`LEAST_SHARED` of the same distinctive names (names at most `MOST_SHARING` other articles of the store name:
'the Amber Gate', 'Tullberg', not 'Iran'), one of them a place or site (the same people and groups recur in
other news; the same place as well makes it the same news), both report the same news and were written within
days of each other. The undated article takes the month of the dated one, marked inferred with the reason
("reports the news of 'Title' (2021-03-14): Amber Gate, Tullberg"), and is extracted again with that date, so
that its yearless and relative dates resolve. Dated articles whose months differ among the best matches leave
it undated.

Runs after each ingest that added documents, over the whole store (any engine), so the order in which files
arrive does not matter; a dated article is never changed, and an article dated this way is not looked at again.
Its document is stored again (`Store.add_document` replaces it in one transaction), so its rows get new ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from linkchart import lexicon
from linkchart.extract.dates import names_a_recent_day
from linkchart.ingest.run import prepare_document
from linkchart.models import Article, Document, Extraction, IngestReport
from linkchart.store.base import ArticleRow, Store

LEAST_SHARED = 2  # distinctive names an undated and a dated article must share
MOST_SHARING = 3  # a name more other articles name than this is no sign of the same news
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC"})
PLACE_LABELS = frozenset({"FAC", "GPE", "LOC"})  # one shared name at least says where: the same actors recur


@dataclass(frozen=True)
class StoryDate:
    """The date an undated article takes from a dated article that reports the same news."""

    article_id: int
    date: str  # the dated article's month, 'YYYY-MM'
    reason: str  # for people: "reports the news of 'Title' (2017-12-09): Amber Gate, Tullberg"


def story_dates(store: Store) -> list[StoryDate]:
    """Return the dates to give the store's undated articles that report the news a dated article reports."""
    articles: dict[int, ArticleRow] = {}  # read once each, with their text

    def article(article_id: int) -> ArticleRow:
        if article_id not in articles:
            articles[article_id] = store.article(article_id)
        return articles[article_id]

    def tells_recent_news(article_id: int) -> bool:
        return names_a_recent_day(article(article_id).text or "")

    found: list[StoryDate] = []
    for row in store.undated_articles():
        if not tells_recent_news(row.id):
            continue
        shared = _shared_names(store, row)
        places = _place_names(store, row)
        dated = {i: names for i, names in shared.items() if len(names) >= LEAST_SHARED and names & places
                 and _stated(article(i)) and tells_recent_news(i)}
        if not dated:
            continue
        most = max(len(names) for names in dated.values())
        best = sorted((i for i, names in dated.items() if len(names) == most), key=lambda i: article(i).date or "")
        months = {(article(i).date or "")[:7] for i in best}
        if len(months) != 1:
            continue  # the best matches were written in different months: which is not said
        match = article(best[-1])
        title = f"'{match.title}'" if match.title else match.source
        reason = f"reports the news of {title} ({(match.date or '')[:10]}): {', '.join(sorted(dated[match.id]))}"
        found.append(StoryDate(row.id, months.pop(), reason))
    return found


def _stated(row: ArticleRow) -> bool:
    """Whether an article has a date of its own (stated, not inferred) down to the month at least."""
    return row.date is not None and row.date_inferred is None and len(row.date) >= 7


def _place_names(store: Store, row: ArticleRow) -> set[str]:
    """Return the names of places and sites (no countries) the article names: where its news happened."""
    return {m.text.strip() for m in store.mentions(row.id)
            if m.label in PLACE_LABELS and lexicon.nation_of(m.text.strip()) is None}


def _shared_names(store: Store, row: ArticleRow) -> dict[int, set[str]]:
    """Return, per other article, the distinctive names it shares with `row` (names at most `MOST_SHARING` other
    articles name, found by the store's full-text search)."""
    names = {m.text.strip() for m in store.mentions(row.id)
             if m.label in NAME_LABELS and m.role is None and lexicon.nation_of(m.text.strip()) is None}
    shared: dict[int, set[str]] = {}
    for name in sorted(names):
        hits = {hit.article_id for hit in store.search(name, limit=MOST_SHARING + 2)} - {row.id}
        if not hits or len(hits) > MOST_SHARING:
            continue
        for article_id in hits:
            shared.setdefault(article_id, set()).add(name)
    return shared


def apply_story_dates(store: Store, found: list[StoryDate],
                      extract: Callable[[list[Article]], list[Extraction]], report: IngestReport) -> int:
    """Store each dated article's document again with the new dates and a new extraction (one transaction per
    document, replacing the old rows); return the number of articles dated. A document that fails is reported
    and left as it was."""
    by_document: dict[int, dict[int, StoryDate]] = {}
    rows: dict[int, ArticleRow] = {}
    for item in found:
        row = rows[item.article_id] = store.article(item.article_id)
        by_document.setdefault(row.document_id, {})[row.index] = item
    dated = 0
    for indexes in by_document.values():
        source = rows[next(iter(indexes.values())).article_id].source
        try:
            dated += _redate_document(store, source, indexes, extract, report)
        except Exception as err:  # one document must not stop the others; the stored rows stay as they were
            report.failed.append(f"{source}: could not date from a story ({type(err).__name__}: {err})")
    return dated


def _redate_document(store: Store, source: str, indexes: dict[int, StoryDate],
                     extract: Callable[[list[Article]], list[Extraction]], report: IngestReport) -> int:
    """Store one document again with its articles at `indexes` dated; return how many were dated."""
    row = store.document_by_source(source)
    if row is None:
        return 0
    document = Document(source=row.source, text=store.document_text(source), sha256=row.sha256, kind=row.kind,
                        title=row.title, date=row.date, url=row.url, outlet=row.outlet, encoding=row.encoding,
                        warnings=list(row.warnings), page_starts=list(row.page_starts))
    prepared = prepare_document(document, report)
    if prepared is None:
        return 0
    dated = 0
    for article in prepared.articles:
        item = indexes.get(article.index)
        if item is not None and article.date is None:
            article.date, article.date_inferred, article.inferred_from_text = item.date, item.reason, False
            dated += 1
    if not dated:
        return 0
    extractions: list[Extraction | None] = list(extract(prepared.articles))
    store.add_document(document, prepared.articles, extractions, list(prepared.fingerprints))
    return dated


__all__ = ["LEAST_SHARED", "MOST_SHARING", "StoryDate", "apply_story_dates", "story_dates"]
