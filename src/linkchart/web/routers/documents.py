"""Documents: the stored articles, one article's text with its mentions, and the store's counts."""

from __future__ import annotations

from fastapi import APIRouter, Query

from linkchart.api import ArticleRow, ArticleText
from linkchart.web import schemas as s
from linkchart.web.deps import Shared

router = APIRouter(tags=["documents"], responses=s.ERRORS)


@router.get("/api/stats", response_model=s.Stats)
def stats(shared: Shared) -> s.Stats:
    """Return counts of documents, articles, mentions, relations, entities, languages."""
    with shared.use() as ws:
        return s.Stats(counts=ws.stats())


@router.get("/api/documents", response_model=list[s.DocumentOut])
def documents(shared: Shared, limit: int | None = Query(None, ge=1),
              offset: int = Query(0, ge=0)) -> list[ArticleRow]:
    """Return one row per stored article (source, title, date, language, words, duplicate_of), by source."""
    with shared.use() as ws:
        return ws.documents(limit, offset)


@router.get("/api/documents/{article_id}", response_model=s.DocumentText)
def document(shared: Shared, article_id: s.RowId) -> ArticleText:
    """Return an article's original text and its mentions (offsets relative to the returned text)."""
    with shared.use() as ws:
        return ws.article_text(article_id)
