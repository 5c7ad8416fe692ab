"""The network: an entity's neighbourhood, the whole graph, paths between two entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from linkchart.api import GraphMetricsView, PathView
from linkchart.web import schemas as s
from linkchart.web.deps import Shared, entity_key

router = APIRouter(tags=["graph"], responses=s.ERRORS)
GRAPH_DEFAULT_NODES = 300
GRAPH_MAX_NODES = 2000
NEIGHBOR_DEFAULT_NODES = 100  # the entity and its most mentioned neighbours; `total` says how many there are
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# an edge or a path's hop carries its first evidence only (the one the page opens) and `evidence_count`:
# GET /api/relations/{id}/evidence pages through the rest
EDGE_EVIDENCE = 1


@router.get("/api/entities/{entity_id}/neighbors", response_model=s.Graph)
def neighbors(shared: Shared, entity_id: s.RowId, depth: int = Query(1, ge=1, le=3),
              limit: int = Query(NEIGHBOR_DEFAULT_NODES, ge=1, le=GRAPH_MAX_NODES,
                                 description="Most entities shown: the entity, then the most mentioned.")) -> Response:
    """Return the ego network of an entity: entities within `depth` hops and the relations among them.

    `total` counts them all; ask again with a larger `limit` for more. Each edge carries its first evidence
    and `evidence_count` (GET /api/relations/{id}/evidence for the rest); keys whose value is null are left out.
    """
    with shared.use() as ws:
        return s.graph_response(ws.neighbors(f"#{entity_id}", depth, limit=limit, max_evidence=EDGE_EVIDENCE))


@router.get("/api/graph", response_model=s.Graph)
def graph(shared: Shared, limit: int = Query(GRAPH_DEFAULT_NODES, ge=1, le=GRAPH_MAX_NODES),
          type: str | None = Query(None, max_length=20)) -> Response:
    """Return the whole store as nodes and edges: the `limit` most-mentioned entities and their relations."""
    with shared.use() as ws:
        return s.graph_response(ws.graph(limit, type, max_evidence=EDGE_EVIDENCE))


@router.get("/api/graph/metrics", response_model=s.GraphMetrics)
def graph_metrics(shared: Shared,
                  predicate: Annotated[list[str] | None, Query(max_length=40, description="Only relations of these "
                                                               "predicates make links (repeatable; all when "
                                                               "none).")] = None,
                  date_from: str | None = Query(None, alias="from", pattern=DATE),
                  date_to: str | None = Query(None, alias="to", pattern=DATE),
                  undated: bool = Query(True, description="Keep undated relations when a date range is set."),
                  min_sources: int = Query(1, ge=1, le=1000, description="Least independent sources of a relation."),
                  ) -> GraphMetricsView:
    """Return every entity's degree, betweenness, PageRank and community over the relations passing the filter."""
    with shared.use() as ws:
        flt = ws.graph_filter([p[:100] for p in predicate or []], date_from, date_to, min_sources, undated)
        return ws.graph_metrics(flt)


@router.get("/api/path", response_model=s.PathResult, response_model_exclude_none=True)
def path(shared: Shared,
         a: str = Query(..., max_length=300, description="Entity id or name."),
         b: str = Query(..., max_length=300, description="Entity id or name."),
         max_hops: int = Query(4, ge=1, le=8), limit: int = Query(5, ge=1, le=20)) -> PathView:
    """Return the shortest chains of asserted (not negated) relations linking a to b.

    Each hop's relation carries its first evidence and `evidence_count`; keys whose value is null are left out.
    """
    with shared.use() as ws:
        return ws.path(entity_key(a), entity_key(b), max_hops=max_hops, limit=limit, max_evidence=EDGE_EVIDENCE)
