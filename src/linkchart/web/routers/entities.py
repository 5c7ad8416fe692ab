"""Entities: the ranked list and an entity's profile."""

from __future__ import annotations

from fastapi import APIRouter, Query

from linkchart.api import EntityProfile, EntitySummary
from linkchart.web import schemas as s
from linkchart.web.deps import Shared

router = APIRouter(tags=["entities"], responses=s.ERRORS)


@router.get("/api/entities", response_model=list[s.EntitySummary])
def entities(shared: Shared, type: str | None = Query(None, max_length=20),
             limit: int = Query(200, ge=1, le=10000)) -> list[EntitySummary]:
    """Return entities ranked by mentions (optionally of one type: PERSON, ORG, GPE…)."""
    with shared.use() as ws:
        return ws.entities(type, limit)


@router.get("/api/entities/{entity_id}", response_model=s.Profile)
def profile(shared: Shared, entity_id: s.RowId, mentions: int = Query(200, ge=0, le=5000)) -> EntityProfile:
    """Return an entity's profile: aliases with why each was attached, description, documents, mentions."""
    with shared.use() as ws:
        return ws.profile(f"#{entity_id}", mentions=mentions)
