"""Pydantic models of linkchart's JSON API (what /docs shows), derived from `linkchart.api`'s dataclasses.

A response model here is never written by hand: `derive` builds it from the API's
dataclass (its fields in order, their types and defaults, its docstring), leaving out
what the HTTP API does not show and renaming where the JSON name differs. Only the
request bodies and the envelopes of the web (`Stats`, `CurationResult`) are its own.

Offsets: every `start`/`end` in `Evidence` and `Mention` points into the document's
original decoded text, except in `DocumentText.mentions`, whose spans are relative to
`DocumentText.text` (the article's slice of the original: `offset` is where it starts).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from fastapi import Path, Response
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, create_model

from linkchart import api
from linkchart.api.checks import SQLITE_MAX_INT, check_writable

_DERIVED: dict[type, type[BaseModel]] = {}  # API dataclass → its model, for the fields that hold one


def _model_type(tp: Any, nested: Mapping[type, type[BaseModel]]) -> Any:
    """Return the type `tp` with every API dataclass in it replaced by its model."""
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if tp in nested:
            return nested[tp]
        if tp not in _DERIVED:
            raise TypeError(f"derive a model of {tp.__name__} before one that holds it")
        return _DERIVED[tp]
    origin = get_origin(tp)
    if origin is None:
        return tp
    args = tuple(_model_type(a, nested) for a in get_args(tp))
    if origin in (Union, types.UnionType):
        return Union[args]  # noqa: UP007 (built from a tuple of types)
    return origin[args]


def derive(
    source: type,
    name: str | None = None,
    *,
    exclude: Iterable[str] = (),
    rename: Mapping[str, str] | None = None,
    first: Iterable[str] = (),
    types_: Mapping[str, Any] | None = None,
    nested: Mapping[type, type[BaseModel]] | None = None,
    doc: str | None = None,
    notes: Mapping[str, str] | None = None,
) -> type[BaseModel]:
    """Return a pydantic model of the dataclass `source`, read from its instances' attributes.

    `exclude` leaves fields out, `rename` maps a field to its JSON name, `first` puts fields
    at the front, `types_` gives a field another type, `nested` overrides the model used for
    a dataclass held in a field, `doc` and `notes` describe the model and its fields for
    the web where the dataclass says it otherwise. The first model derived from a dataclass
    is the one other models use for it.
    """
    hints = typing.get_type_hints(source)
    rename = rename or {}
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(source):
        if f.name in exclude:
            continue
        options: dict[str, Any] = {"description": (notes or {}).get(f.name) or f.metadata.get("description")}
        if f.name in rename:
            options["validation_alias"] = f.name
        if f.default is not dataclasses.MISSING:
            options["default"] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            options["default_factory"] = f.default_factory
        kind = (types_ or {}).get(f.name) or _model_type(hints[f.name], nested or {})
        fields[rename.get(f.name, f.name)] = (kind, Field(**options))
    order = [*first, *(k for k in fields if k not in first)]
    model = create_model(  # type: ignore[call-overload]
        name or source.__name__,
        __config__=ConfigDict(from_attributes=True),
        __doc__=doc or source.__doc__,
        **{k: fields[k] for k in order},
    )
    _DERIVED.setdefault(source, model)
    return model


ShownAsText = Annotated[str, BeforeValidator(str)]

# ---- responses, from the API's dataclasses --------------------------------------------------
EntityRef = derive(api.EntityRef)
Evidence = derive(api.Evidence, first=("doc", "article_id"),
                  notes={"article_id": "Article to open in the reader (GET /api/documents/{id})."})
EntitySummary = derive(api.EntitySummary)
Alias = derive(api.EntityAliasRow, "Alias", exclude=("entity_id", "name_key"))
Mention = derive(api.MentionView, "Mention")
DocumentRef = derive(api.DocumentRef)
Listing = derive(api.ListingView, "Listing")
Profile = derive(api.EntityProfile, "Profile")
Relation = derive(api.RelationView, "Relation")
EvidencePage = derive(api.EvidencePage)
Node = derive(api.GraphNode, "Node", exclude=("documents", "aliases"),
              doc="A graph node: an entity with its mention count, centrality and community.")
Graph = derive(api.GraphView, "Graph", nested={api.EntitySummary: Node},
               doc=f"{api.GraphView.__doc__} Keys whose value is null are left out (of nodes, edges and evidence).")
Hop = derive(api.HopView, "Hop")
NodeMetrics = derive(api.NodeMetricsView, "NodeMetrics")
GraphMetrics = derive(api.GraphMetricsView, "GraphMetrics")
PathResult = derive(api.PathView, "PathResult")
TimelineEvent = derive(api.EventView, "TimelineEvent")
Claim = derive(api.ClaimView, "Claim", types_={"value": ShownAsText})
ConflictOut = derive(api.ConflictView, "ConflictOut")
SearchHit = derive(api.SearchHit, exclude=("snippet", "rank"))
EntitySuggestion = derive(api.EntitySuggestion)
Suggestions = derive(api.Suggestions)
_ARTICLE_BODY = [f.name for f in dataclasses.fields(api.ArticleRow) if f.metadata.get("body")]
DocumentOut = derive(api.ArticleRow, "DocumentOut", rename={"id": "article_id"},
                     exclude=("document_id", "byline", "similarity", *_ARTICLE_BODY))
MentionSpan = derive(api.MentionSpan)
DocumentText = derive(api.ArticleText, "DocumentText")



@dataclasses.dataclass
class _GraphOut(api.GraphView):
    """A `GraphView` whose nodes are known to be `GraphNode`s: written with their own fields.

    (pydantic writes a subclass's fields with `serialize_as_any`, which then keeps the null keys.)
    """

    nodes: list[api.GraphNode]  # type: ignore[assignment]


_GRAPH_JSON = TypeAdapter(_GraphOut)
# what `Node` leaves out of a `GraphNode`
_NODE_HIDDEN = {"nodes": {"__all__": {f.name for f in dataclasses.fields(api.GraphNode)} - set(Node.model_fields)}}


def graph_response(view: api.GraphView) -> Response:
    """Return the JSON response of a graph: the fields of `Graph`, written from the dataclasses, without the keys
    whose value is null (most of an evidence's: referent, attribution).

    FastAPI would validate the answer as a `Graph` before writing it, which costs more than
    the rest of a hub's neighbourhood; the answer is the API's own, so it is written as it is.
    """
    out = _GraphOut(**{f.name: getattr(view, f.name) for f in dataclasses.fields(view)})
    return Response(_GRAPH_JSON.dump_json(out, exclude=_NODE_HIDDEN, exclude_none=True),
                    media_type="application/json")


_RELATIONS_JSON = TypeAdapter(list[api.RelationView])


def relations_response(views: list[api.RelationView], headers: Mapping[str, str]) -> Response:
    """Return the JSON response of a list of relations: the fields of `Relation` without the null keys, written
    from the dataclasses (as `graph_response`: a page of a hub's relations costs more to validate than to read)."""
    return Response(_RELATIONS_JSON.dump_json(views, exclude_none=True), media_type="application/json",
                    headers=dict(headers))


# ---- the web's own: envelopes, ids and request bodies -----------------------------------------
RowId = Annotated[int, Path(ge=1, le=SQLITE_MAX_INT, description="A stored row's id (1 … 2^63-1).")]
Name = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(check_writable)]
EntityId = Annotated[int, Field(ge=1, le=SQLITE_MAX_INT)]
EntityRefIn = EntityId | Name  # an entity by id, or by a name only it goes by


class ErrorOut(BaseModel):
    """Why a request was refused: a message, or the list of invalid fields (inputs shortened)."""

    detail: str | list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No entity or article goes by that id or name."},
    409: {"model": ErrorOut, "description": "Several entities go by that name: the message lists them by id."},
    422: {"model": ErrorOut, "description": "Invalid input: the message says why."},
}


class Stats(BaseModel):
    """Counts of what the store holds."""

    counts: dict[str, int | dict[str, int]]


class MergeRequest(BaseModel):
    """Merge entity `b` into entity `a` (ids, or names as strings)."""

    a: EntityRefIn
    b: EntityRefIn


class SplitRequest(BaseModel):
    """Split the mentions named `alias` off `entity` into an entity of their own."""

    entity: EntityRefIn
    alias: Name


class RenameRequest(BaseModel):
    """Give `entity` the canonical name `name`."""

    entity: EntityRefIn
    name: Name


class RejectRequest(BaseModel):
    """Reject `entity`: it no longer appears anywhere."""

    entity: EntityRefIn


class ListingDecision(BaseModel):
    """An analyst's verdict on screening match `match`: confirm or reject it."""

    match: EntityId
    verdict: Literal["confirm", "reject"]
    note: Annotated[str, Field(max_length=1000), AfterValidator(check_writable)] | None = None


class CurationResult(BaseModel):
    """What a curation step did; `entity` is the resulting entity (ids change after resolution)."""

    ok: bool
    action: str
    entity: EntityRef | None  # type: ignore[valid-type]
    message: str
