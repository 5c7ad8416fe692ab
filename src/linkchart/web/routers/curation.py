"""Curation: merge, split, rename and reject entities (each stored as a decision). Every route needs the token."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends

from linkchart.api import EntityRow, Workspace
from linkchart.api.checks import shown
from linkchart.web import schemas as s
from linkchart.web.deps import Shared, entity_key, require_token

router = APIRouter(tags=["curation"], dependencies=[Depends(require_token)], responses=s.ERRORS)


def curated(shared: Shared, action: str, step: Callable[[Workspace], EntityRow | None],
            message: str) -> s.CurationResult:
    """Return the result of one curation step: the entity it leaves (ids change after resolution).

    The step is checked before anything is stored (`Workspace`): unknown entity → 404, a name
    several entities go by → 409, merging an entity into itself or an unknown alias → 422.
    """
    with shared.use(write=True) as ws:
        row = step(ws)
        entity = ws.entity_ref(row.id) if row else None
    return s.CurationResult(ok=True, action=action, entity=entity, message=message)


@router.post("/api/curation/merge", response_model=s.CurationResult)
def merge(shared: Shared, req: s.MergeRequest) -> s.CurationResult:
    """Merge entity b into entity a (stored as a decision); return the merged entity."""
    return curated(shared, "merge", lambda ws: ws.merge(entity_key(req.a), entity_key(req.b)), "merged")


@router.post("/api/curation/split", response_model=s.CurationResult)
def split(shared: Shared, req: s.SplitRequest) -> s.CurationResult:
    """Split the mentions named `alias` off an entity; return the new entity."""
    return curated(shared, "split", lambda ws: ws.split(entity_key(req.entity), req.alias),
                   f"split off {shown(req.alias)}")


@router.post("/api/curation/rename", response_model=s.CurationResult)
def rename(shared: Shared, req: s.RenameRequest) -> s.CurationResult:
    """Give an entity a new canonical name; return it."""
    name = " ".join(req.name.split())
    return curated(shared, "rename", lambda ws: ws.rename(entity_key(req.entity), name), f"renamed to {shown(name)}")


@router.post("/api/curation/reject", response_model=s.CurationResult)
def reject(shared: Shared, req: s.RejectRequest) -> s.CurationResult:
    """Reject an entity (not an actor, or junk): it no longer appears anywhere."""
    return curated(shared, "reject", lambda ws: ws.reject(entity_key(req.entity)), "rejected")
