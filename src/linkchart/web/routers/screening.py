"""Screening: the matches of the store against sanctions and watch lists, and the analysts' verdicts on them."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from linkchart.api import ListingView
from linkchart.web import schemas as s
from linkchart.web.deps import Shared, require_token

router = APIRouter(tags=["screening"], responses=s.ERRORS)


@router.get("/api/screening", response_model=list[s.Listing])
def listings(shared: Shared, rejected: bool = Query(True, description="Also the matches an analyst rejected.")
             ) -> list[ListingView]:
    """Return the store's screening matches (from `linkchart screen --list`), best first, with their status."""
    with shared.use() as ws:
        return ws.listings(rejected=rejected)


@router.post("/api/curation/listing", response_model=s.Listing, dependencies=[Depends(require_token)])
def decide(shared: Shared, req: s.ListingDecision) -> ListingView:
    """Confirm or reject a screening match (kept by list, entry and entity name: it survives re-screening)."""
    with shared.use(write=True) as ws:
        return ws.decide_listing(req.match, req.verdict, req.note)
