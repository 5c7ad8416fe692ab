"""Entities: the ranked list and an entity's profile."""

from __future__ import annotations

from fastapi import APIRouter, Query

from linkchart.api import EntityProfile, EntitySummary
from linkchart.web import schemas as s
from linkchart.web.deps import Shared

PROFILE_DOCUMENTS = 50  # documents of a profile page: a much-named entity is in tens of thousands
PROFILE_MENTIONS = 20  # mentions of a profile page (each with its sentence): the page reads more on asking
router = APIRouter(tags=["entities"], responses=s.ERRORS)


@router.get("/api/entities", response_model=list[s.EntitySummary])
def entities(shared: Shared, type: str | None = Query(None, max_length=20),
             limit: int = Query(200, ge=1, le=10000)) -> list[EntitySummary]:
    """Return entities ranked by mentions (optionally of one type: PERSON, ORG, GPE…)."""
    with shared.use() as ws:
        return ws.entities(type, limit)


@router.get("/api/entities/{entity_id}", response_model=s.Profile)
def profile(shared: Shared, entity_id: s.RowId,
            mentions: int = Query(PROFILE_MENTIONS, ge=0, le=5000, description="Mentions shown, by source."),
            mentions_offset: int = Query(0, ge=0, le=100000, description="Mentions skipped first (the next page)."),
            documents: int = Query(PROFILE_DOCUMENTS, ge=0, le=5000, description="Documents shown, by source."),
            documents_offset: int = Query(0, ge=0, description="Documents skipped first (the next page).")
            ) -> EntityProfile:
    """Return an entity's profile: aliases with why each was attached, description, documents, mentions.

    `document_count` counts every document naming it and `mention_count` every mention; `documents` and
    `mentions` are one page of them. Its relations: GET /api/entities/{id}/relations.
    """
    with shared.use() as ws:
        return ws.profile(f"#{entity_id}", mentions=mentions, documents=documents, documents_offset=documents_offset,
                          mentions_offset=mentions_offset)
