"""What the API answers readers: facts with their entities named, profiles, pages of text.

The store's rows and the resolver's facts speak of entity ids; a reader (the CLI, the web
page, a notebook) wants names. Each view here is one of those facts with what it adds
and nothing else: `RelationView` is an `EntityRelation` whose ends are `EntityRef`s and
whose evidence names the article to open. The web's JSON schemas are derived from these
classes (`linkchart.web.schemas`), so a field added here is a field of the HTTP API.

`Namer` builds views from facts with the lookups of one store version (`Lookups`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from linkchart.models import Evidence
from linkchart.store.base import ArticleRow, EntityAliasRow, EntityRow, EntitySummary, SearchHit, Store

if TYPE_CHECKING:
    from linkchart.graph.paths import Hop
    from linkchart.resolve.conflicts import Conflict
    from linkchart.resolve.facts import EntityClaim, EntityEvent, EntityRelation
    from linkchart.resolve.name_index import NameIndex


def described(text: str) -> dict[str, str]:
    """Return dataclass field metadata carrying a description (shown in the API's schema)."""
    return {"description": text}


@dataclass
class EntityRef:
    """An entity as other objects point at it."""

    id: int
    name: str
    type: str


@dataclass
class RelationView:
    """subject –predicate→ object between entities, with every evidence that states it."""

    id: str = field(metadata=described("Stable key of the relation (same subject, predicate, object, polarity, "
                                       "source)."))
    subject: EntityRef
    predicate: str
    object: EntityRef
    negated: bool
    attributed_to: str | None
    hedged: bool
    date: str | None
    rules: list[str]
    evidence: list[Evidence]
    evidence_count: int = field(default=0, metadata=described(
        "How many evidences state it: graph edges and path hops carry the first only, an entity's relations the "
        "first few; GET /api/relations/{id}/evidence pages through them all."))
    independent_sources: int = field(default=0, metadata=described(
        "How many independent sources state it: near-duplicate or syndicated copies and reposts by one outlet "
        "count once."))


@dataclass
class EvidencePage:
    """A page of the evidences of one relation, in the order of its `evidence` (the first is the one shown)."""

    id: str = field(metadata=described("The relation's key (`RelationView.id`)."))
    evidence_count: int = field(metadata=described("How many evidences state it in all."))
    offset: int = field(metadata=described("Evidences skipped before this page."))
    evidence: list[Evidence]


@dataclass
class EventView:
    """An event with its participants and evidence; dated by its text, by its article, or not at all."""

    kind: str
    date: str | None
    summary: str
    participants: list[EntityRef]
    negated: bool
    attributed_to: str | None
    evidence: list[Evidence]
    independent_sources: int = field(default=0, metadata=described(
        "How many independent sources tell it: near-duplicate or syndicated copies and reposts by one outlet "
        "count once."))
    date_source: str | None = field(default=None, metadata=described(
        "Where the date comes from: null when the text states it, 'article' when it is the date of the article "
        "that reports the happening, which states none of its own, 'context' when it is the day the sentence "
        "before states (a few days before the article)."))


@dataclass
class ClaimView:
    """One side of a conflict: a value said of an entity, with its evidence."""

    id: str
    entity: EntityRef | None
    quantity: str
    value: float | str
    unit: str
    approx: str | None
    attributed_to: str | None
    evidence: list[Evidence]


@dataclass
class ConflictView:
    """A disagreement between sources, with both (all) sides' claims."""

    kind: str
    entity: EntityRef | None
    quantity: str
    note: str
    values: list[str]
    claims: list[ClaimView]


@dataclass
class HopView:
    """One step of a path, read from `source` to `target`, and the relation that makes it."""

    source: int
    target: int
    relation: RelationView


@dataclass
class PathView:
    """The shortest chains of asserted relations between two entities.

    `partial`: the search stopped at a frontier too large to read (between hubs); `paths` is then empty
    although a chain may exist.
    """

    a: EntityRef
    b: EntityRef
    paths: list[list[HopView]]
    partial: bool = False


@dataclass
class GraphNode(EntitySummary):
    """An entity as a graph node: its counts and its place in the whole graph (`linkchart.graph.metrics`)."""

    degree: int = field(default=0, metadata=described("Distinct entities it is linked to by asserted relations."))
    betweenness: float = field(default=0.0, metadata=described("Betweenness centrality (0..1)."))
    pagerank: float = field(default=0.0, metadata=described("PageRank (sums to 1 over the graph)."))
    community: int | None = field(default=None, metadata=described(
        "Louvain community, 0 the largest; null when the entity has no link."))
    metrics_as_of: int = field(default=-1, metadata=described(
        "The graph version its betweenness, PageRank and community were computed at (degree is always current)."))
    metrics_stale: bool = field(default=False, metadata=described(
        "True when the graph changed since they were computed: they are recomputed once enough changed, "
        "or by `linkchart resolve`."))


@dataclass
class NodeMetricsView:
    """One entity's centrality and community under a filter."""

    id: int
    degree: int
    betweenness: float
    pagerank: float
    community: int | None


@dataclass
class GraphMetricsView:
    """Centrality and communities of every entity over the relations that pass a filter."""

    nodes: list[NodeMetricsView]
    communities: int = field(default=0, metadata=described("How many communities (of linked entities)."))
    links: int = field(default=0, metadata=described("Entity pairs linked by a relation that passed the filter."))


@dataclass
class GraphView:
    """Entities and the relations among them; `truncated` says a cap left some entities out."""

    nodes: list[EntitySummary]
    edges: list[RelationView]
    center: int | None = None
    truncated: bool = False
    total: int = field(default=0, metadata=described(
        "How many entities the answer holds without the cap (the entity and all its neighbours, or every entity "
        "of the graph asked for): `nodes` shows the first of them."))


@dataclass
class MentionView:
    """One mention of an entity with the sentence it stands in (offsets into the original file)."""

    doc: str
    article_id: int | None  # the article the mention is in
    start: int
    end: int
    text: str
    sentence: str


@dataclass
class DocumentRef:
    """A document an entity is named in: its first article's title and date, and the articles naming it."""

    source: str
    title: str | None = None
    date: str | None = None
    article_ids: list[int] = field(default_factory=list)


@dataclass
class ListingView:
    """A sanctions or watch-list entry an entity's name matched when the store was screened (`linkchart screen`)."""

    id: int = field(metadata=described("The match's id (for confirm / reject; a new screening gives new ids)."))
    badge: str = field(metadata=described("As shown with the entity: 'listed: OFAC SDN 12345 (SDGT)'."))
    status: str = field(metadata=described("confirmed, rejected or unreviewed (an analyst's verdict, kept across "
                                           "re-ingest and re-screening)."))
    list_source: str
    entry_id: str
    entry_name: str
    programs: list[str]
    authority: str | None
    source_url: str | None
    entity: EntityRef | None
    name: str = field(metadata=described("The entity's name that matched."))
    matched_name: str = field(metadata=described("The list's name or alias it matched."))
    score: float
    reasons: list[str]


@dataclass
class ScreenView:
    """What screening the store against one list found."""

    list_source: str
    path: str
    entries: int = field(metadata=described("Entries read from the list."))
    screened: int = field(metadata=described("Store entities compared (people and organisations)."))
    seconds: float
    matches: list[ListingView]


@dataclass
class EntityProfile:
    """Everything known of one entity, every line sourced."""

    id: int
    name: str
    type: str
    description: str | None
    aliases: list[EntityAliasRow]  # with why each was attached, most frequent first
    documents: list[DocumentRef]
    mentions: list[MentionView] = field(default_factory=list)
    mention_count: int = 0  # all mentions, also when `mentions` was capped
    listed: list[ListingView] = field(default_factory=list, metadata=described(
        "Sanctions or watch-list entries its names matched when screened, unless an analyst rejected them."))
    document_count: int = field(default=0, metadata=described(
        "All documents naming it, also when `documents` is one page of them."))


@dataclass
class EntitySuggestion:
    """An entity whose name or alias starts with the query."""

    id: int
    name: str
    type: str
    mentions: int
    matched: str = field(metadata=described("The name or alias that matched."))


@dataclass
class Suggestions:
    """Suggestions for a search box: entities by name prefix, then top text hits."""

    entities: list[EntitySuggestion]
    documents: list[SearchHit]


@dataclass
class MentionSpan:
    """A mention inside `ArticleText.text` (offsets relative to it) and its entity, if resolved."""

    start: int
    end: int
    text: str
    label: str
    entity: EntityRef | None


@dataclass
class ArticleText:
    """The original text of one article and its mentions; `offset` maps evidence offsets into `text`."""

    article: ArticleRow
    text: str
    offset: int = field(metadata=described("Original-file offset of text[0]: local = evidence.start - offset."))
    mentions: list[MentionSpan] = field(default_factory=list)


def relation_id(r: EntityRelation) -> str:
    """Return a stable key of an entity relation (its grouping key, hashed)."""
    key = f"{r.subject}|{r.predicate}|{r.object}|{r.negated}|{r.attributed_to}|{r.hedged}"
    return "r" + hashlib.sha1(key.encode()).hexdigest()[:12]


class Lookups:
    """What views need to know of one store version, each read on first use."""

    def __init__(self, store: Store, version: int) -> None:
        self.store = store
        self.version = version

    @cached_property
    def entities(self) -> dict[int, EntityRow]:
        """Return every entity by id."""
        return {e.id: e for e in self.store.entities()}

    @cached_property
    def summaries(self) -> list[EntitySummary]:
        """Return every entity with its counts and aliases, most mentioned first."""
        return self.store.entity_summaries()

    @cached_property
    def name_index(self) -> NameIndex:
        """Return the blocking index of every entity's name and aliases, to look names up by spelling."""
        from linkchart.resolve.name_index import NameIndex

        return NameIndex((e.id, name) for e in self.summaries for name in dict.fromkeys([e.name, *e.aliases]))

    @cached_property
    def articles(self) -> dict[int, ArticleRow]:
        """Return every article (without text) by id, in the store's order (source, index)."""
        return {a.id: a for a in self.store.documents()}

    @cached_property
    def by_source(self) -> dict[str, list[ArticleRow]]:
        """Return the articles of each document, in order."""
        out: dict[str, list[ArticleRow]] = defaultdict(list)
        for a in self.articles.values():
            out[a.source].append(a)
        return dict(out)

    @cached_property
    def entity_of_mention(self) -> dict[int, int]:
        """Return the entity id of every linked mention id."""
        return dict(self.store.mention_links())


class Namer:
    """Turns the resolver's facts (entity ids) into views (named entities), for one store version."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups

    def ref(self, entity: int) -> EntityRef:
        """Return the reference of an entity id (a placeholder when it no longer exists)."""
        e = self.lookups.entities.get(entity)
        if e is None:
            return EntityRef(id=entity, name=f"#{entity}", type="UNKNOWN")
        return EntityRef(id=e.id, name=e.name, type=e.type)

    def named(self, value: int | str) -> EntityRef | None:
        """Return the entity a claim or conflict names ('e<id>' or an id), or None for anything else."""
        if isinstance(value, int):
            return self.ref(value)
        match = re.fullmatch(r"e?(\d+)", str(value))
        return self.ref(int(match.group(1))) if match else None

    def article_of(self, source: str, start: int) -> int | None:
        """Return the id of the article of `source` whose span holds offset `start`."""
        rows = self.lookups.by_source.get(source, [])
        for a in rows:
            if a.start <= start < a.end:
                return a.id
        return rows[0].id if rows else None

    def evidence(self, ev: Evidence) -> Evidence:
        """Return the evidence with the article to open it in (found by offset when it names none)."""
        if ev.article_id and ev.article_id in self.lookups.articles:
            return ev
        return replace(ev, article_id=self.article_of(ev.doc, ev.start))

    def relation(self, r: EntityRelation, max_evidence: int | None = None) -> RelationView:
        """Return the view of an entity relation, with at most `max_evidence` of its evidences."""
        shown = r.evidence if max_evidence is None else r.evidence[:max_evidence]
        return RelationView(
            id=relation_id(r), subject=self.ref(r.subject), predicate=r.predicate, object=self.ref(r.object),
            negated=r.negated, attributed_to=r.attributed_to, hedged=r.hedged, date=r.date,
            rules=list(r.rules), evidence=[self.evidence(e) for e in shown], evidence_count=len(r.evidence),
            independent_sources=r.independent_sources,
        )

    def event(self, e: EntityEvent) -> EventView:
        """Return the view of an entity event."""
        return EventView(kind=e.kind, date=e.date, summary=e.summary,
                         participants=[self.ref(p) for p in e.participants], negated=e.negated,
                         attributed_to=e.attributed_to, evidence=[self.evidence(x) for x in e.evidence],
                         independent_sources=e.independent_sources, date_source=e.date_source)

    def hop(self, h: Hop, max_evidence: int | None = None) -> HopView:
        """Return the view of one step of a path, its relation with at most `max_evidence` of its evidences."""
        return HopView(source=h.source, target=h.target, relation=self.relation(h.relation, max_evidence))

    def claim(self, c: EntityClaim) -> ClaimView:
        """Return the view of a claim."""
        return ClaimView(id=c.id, entity=self.named(c.entity), quantity=c.quantity, value=c.value, unit=c.unit,
                         approx=c.approx, attributed_to=c.attributed_to,
                         evidence=[self.evidence(x) for x in c.evidence])

    def conflict(self, c: Conflict, claims: dict[str, EntityClaim]) -> ConflictView:
        """Return the view of a conflict with the claims it cites (those of `claims` that exist)."""
        return ConflictView(kind=c.kind, entity=self.named(c.entity), quantity=c.quantity, note=c.note,
                            values=list(c.values), claims=[self.claim(claims[i]) for i in c.claims if i in claims])
