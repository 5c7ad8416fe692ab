"""Facts between entities: an entity's relations, the timeline of events, conflicts between sources."""

from __future__ import annotations

from fastapi import APIRouter, Path, Query, Response

from linkchart.api import ConflictView, EventView, EvidencePage
from linkchart.api.checks import SQLITE_MAX_INT
from linkchart.web import schemas as s
from linkchart.web.deps import Shared, entity_key

router = APIRouter(responses=s.ERRORS)
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
RELATION_EVIDENCE = 3  # evidences of each of an entity's relations, unless asked for more
RELATIONS_PAGE = 500  # relations of an entity in one answer: a hub has thousands
EVIDENCE_PAGE = 50  # evidences of one relation in one answer
TOTAL_HEADER = "X-Total-Count"


@router.get("/api/entities/{entity_id}/relations", response_model=list[s.Relation], tags=["entities"],
            response_model_exclude_none=True,
            responses={200: {"headers": {TOTAL_HEADER: {"description": "How many relations there are in all.",
                                                         "schema": {"type": "integer"}}}}})
def relations(shared: Shared, entity_id: s.RowId,
              predicate: str | None = Query(None, max_length=100),
              evidence: int = Query(RELATION_EVIDENCE, ge=1, le=100000,
                                    description="Most evidences of each relation (`evidence_count` counts them all)."),
              limit: int = Query(RELATIONS_PAGE, ge=1, le=100000, description="Most relations answered."),
              offset: int = Query(0, ge=0, le=100000, description="Relations skipped first (the next page)."),
              ) -> Response:
    """Return the entity's relations (optionally of one predicate) with their quoted evidence, one page of them.

    By predicate, date, most evidence; the `X-Total-Count` header counts them all. Each carries its first
    `evidence` evidences: GET /api/relations/{id}/evidence pages through the rest. Keys whose value is null
    are left out.
    """
    with shared.use() as ws:
        total, page = ws.relations_page(f"#{entity_id}", predicate, max_evidence=evidence, limit=limit,
                                        offset=offset)
    return s.relations_response(page, {TOTAL_HEADER: str(total)})


@router.get("/api/relations/{relation_id}/evidence", response_model=s.EvidencePage, tags=["entities"],
            response_model_exclude_none=True)
def relation_evidence(shared: Shared, relation_id: str = Path(..., pattern=r"^r[0-9a-f]{12}$"),
                      subject: int = Query(..., ge=1, le=SQLITE_MAX_INT,
                                           description="The relation's subject (or object) id."),
                      object_: int = Query(..., alias="object", ge=1, le=SQLITE_MAX_INT,
                                           description="The relation's object (or subject) id."),
                      offset: int = Query(0, ge=0, le=10**9, description="Evidences skipped first."),
                      limit: int = Query(EVIDENCE_PAGE, ge=1, le=1000)) -> EvidencePage:
    """Return a page of the evidences of one relation (graph edges and path hops carry only the first).

    The relation is named by its `id` and its two entities; keys whose value is null are left out.
    """
    with shared.use() as ws:
        return ws.relation_evidence(relation_id, subject, object_, offset=offset, limit=limit)


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
