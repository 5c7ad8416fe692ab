"""Full-text search and the search box's suggestions."""

from __future__ import annotations

from fastapi import APIRouter, Query

from linkchart.api import SearchHit, Suggestions
from linkchart.web import schemas as s
from linkchart.web.deps import Shared

router = APIRouter(tags=["search"], responses=s.ERRORS)


@router.get("/api/search", response_model=list[s.SearchHit])
def search(shared: Shared, q: str = Query(..., max_length=500),
           limit: int = Query(20, ge=1, le=200)) -> list[SearchHit]:
    """Return full-text hits (articles) for every word of `q`, best first."""
    with shared.use() as ws:
        return ws.search(q, limit=limit)


@router.get("/api/suggest", response_model=s.Suggestions)
def suggest(shared: Shared, q: str = Query(..., max_length=500), limit: int = Query(8, ge=1, le=50)) -> Suggestions:
    """Return entities whose name or alias (or a word of it) starts with `q`, and the top text hits.

    Text hits treat the last word as a prefix ('khaz' finds 'Khazali'), as the user is still typing.
    """
    with shared.use() as ws:
        return ws.suggest(q, limit)
