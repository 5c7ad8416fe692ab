"""Facts between entities: an entity's relations, the timeline of events, conflicts between sources."""

from __future__ import annotations

from fastapi import APIRouter, Query

from linkchart.api import ConflictView, EventView, RelationView
from linkchart.web import schemas as s
from linkchart.web.deps import Shared, entity_key

router = APIRouter(responses=s.ERRORS)
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@router.get("/api/entities/{entity_id}/relations", response_model=list[s.Relation], tags=["entities"])
def relations(shared: Shared, entity_id: s.RowId,
              predicate: str | None = Query(None, max_length=100)) -> list[RelationView]:
    """Return the entity's relations (optionally of one predicate) with their quoted evidence."""
    with shared.use() as ws:
        return ws.relations(f"#{entity_id}", predicate)


@router.get("/api/timeline", response_model=list[s.TimelineEvent], tags=["events"])
def timeline(shared: Shared,
             entity: str | None = Query(None, max_length=300, description="Entity id or name."),
             date_from: str | None = Query(None, alias="from", pattern=DATE),
             date_to: str | None = Query(None, alias="to", pattern=DATE)) -> list[EventView]:
    """Return dated events in order (corpus-wide, or of one entity), within [from, to]."""
    with shared.use() as ws:
        return ws.timeline(entity_key(entity) if entity else None, date_from, date_to)


@router.get("/api/conflicts", response_model=list[s.ConflictOut], tags=["events"])
def conflicts(shared: Shared) -> list[ConflictView]:
    """Return where sources disagree (numbers, dates), with every side's claim and evidence."""
    with shared.use() as ws:
        return ws.conflicts()
