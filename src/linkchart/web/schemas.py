"""Pydantic response and request models of linkchart's JSON API (what /docs shows).

Offsets: every `start`/`end` in `Evidence` and `Mention` points into the document's
original decoded text, except in `DocumentText.mentions`, whose spans are relative to
`DocumentText.text` (the article's slice of the original: `offset` is where it starts).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class EntityRef(BaseModel):
    """An entity as other objects point at it."""

    id: int
    name: str
    type: str


class Evidence(BaseModel):
    """Where a fact was read: the document, the article it sits in, `[start, end)` in the original text."""

    doc: str
    article_id: int | None = Field(None, description="Article to open in the reader (GET /api/documents/{id}).")
    start: int
    end: int
    text: str


class EntitySummary(BaseModel):
    """An entity as listed: name, type, mention and document counts, aliases."""

    id: int
    name: str
    type: str
    mentions: int
    documents: int
    aliases: list[str]


class Alias(BaseModel):
    """A name an entity goes by and why the resolver attached it."""

    alias: str
    count: int
    reason: str | None = None  # as shown to a reader, rendered from reason_pass and reason_evidence
    evidence: str | None = None  # the sentence that states the alias
    reason_pass: str | None = None  # the resolver's join pass, 'decisions' for an analyst's
    reason_evidence: dict[str, Any] | None = None  # what that pass used: {"kind": ..., fields of that kind}


class Mention(BaseModel):
    """One mention of an entity with its sentence."""

    doc: str
    article_id: int | None
    start: int
    end: int
    text: str
    sentence: str


class DocumentRef(BaseModel):
    """A document an entity is named in."""

    source: str
    title: str | None = None
    date: str | None = None
    article_ids: list[int] = Field(default_factory=list)


class Profile(BaseModel):
    """Everything known of one entity, every line sourced."""

    id: int
    name: str
    type: str
    description: str | None
    aliases: list[Alias]
    documents: list[DocumentRef]
    mentions: list[Mention]
    mention_count: int


class Relation(BaseModel):
    """subject –predicate→ object between entities, with every evidence that states it."""

    id: str = Field(description="Stable key of the relation (same subject, predicate, object, polarity, source).")
    subject: EntityRef
    predicate: str
    object: EntityRef
    negated: bool
    attributed_to: str | None
    hedged: bool
    date: str | None
    rules: list[str]
    evidence: list[Evidence]
    evidence_count: int = Field(0, description="How many evidences state it (graph edges carry only the first few).")


class Node(BaseModel):
    """A graph node: an entity with its mention count."""

    id: int
    name: str
    type: str
    mentions: int


class Graph(BaseModel):
    """Nodes and relation edges; `truncated` says a cap left some out."""

    nodes: list[Node]
    edges: list[Relation]
    center: int | None = None
    truncated: bool = False


class Hop(BaseModel):
    """One step of a path, read from `source` to `target`, and the relation that makes it."""

    source: int
    target: int
    relation: Relation


class PathResult(BaseModel):
    """The shortest chains of asserted relations between two entities."""

    a: EntityRef
    b: EntityRef
    paths: list[list[Hop]]


class TimelineEvent(BaseModel):
    """A dated event with its participants and evidence."""

    kind: str
    date: str
    summary: str
    participants: list[EntityRef]
    negated: bool
    attributed_to: str | None
    evidence: list[Evidence]


class Claim(BaseModel):
    """One side of a conflict: a value said of an entity, with its evidence."""

    id: str
    entity: EntityRef | None
    quantity: str
    value: str
    unit: str
    approx: str | None
    attributed_to: str | None
    evidence: list[Evidence]


class ConflictOut(BaseModel):
    """A disagreement between sources, with both (all) sides' claims."""

    kind: str
    entity: EntityRef | None
    quantity: str
    note: str
    values: list[str]
    claims: list[Claim]


class SearchHit(BaseModel):
    """A full-text hit: the article and a snippet with match spans relative to `snippet_text`."""

    article_id: int
    source: str
    title: str | None
    date: str | None
    snippet_text: str
    highlights: list[tuple[int, int]]
    start: int | None
    end: int | None


class EntitySuggestion(BaseModel):
    """An entity whose name or alias starts with the query."""

    id: int
    name: str
    type: str
    mentions: int
    matched: str = Field(description="The name or alias that matched.")


class Suggestions(BaseModel):
    """Suggestions for a search box: entities by name prefix, then top text hits."""

    entities: list[EntitySuggestion]
    documents: list[SearchHit]


class DocumentOut(BaseModel):
    """A stored article (one piece of reporting cut from a file)."""

    article_id: int
    source: str
    index: int
    title: str | None
    date: str | None
    language: str
    words: int
    duplicate_of: int | None
    start: int
    end: int
    url: str | None = None
    outlet: str | None = None


class MentionSpan(BaseModel):
    """A mention inside `DocumentText.text` (offsets relative to it) and its entity, if resolved."""

    start: int
    end: int
    text: str
    label: str
    entity: EntityRef | None


class DocumentText(BaseModel):
    """The original text of one article and its mentions; `offset` maps evidence offsets into `text`."""

    article: DocumentOut
    text: str
    offset: int = Field(description="Original-file offset of text[0]: local = evidence.start - offset.")
    mentions: list[MentionSpan]


class Stats(BaseModel):
    """Counts of what the store holds."""

    counts: dict[str, int | dict[str, int]]


class MergeRequest(BaseModel):
    """Merge entity `b` into entity `a` (ids, or names as strings)."""

    a: int | str
    b: int | str


class SplitRequest(BaseModel):
    """Split the mentions named `alias` off `entity` into an entity of their own."""

    entity: int | str
    alias: str


class RenameRequest(BaseModel):
    """Give `entity` the canonical name `name`."""

    entity: int | str
    name: str = Field(min_length=1, max_length=300)


class RejectRequest(BaseModel):
    """Reject `entity`: it no longer appears anywhere."""

    entity: int | str


class CurationResult(BaseModel):
    """What a curation step did; `entity` is the resulting entity (ids change after resolution)."""

    ok: bool
    action: str
    entity: EntityRef | None
    message: str
