"""What a dossier on one entity holds, gathered from the store: every fact with its quotes and footnoted sources.

`build_dossier` reads the entity, its aliases (with why each was attached), its relations
grouped by predicate and read from its side, its dated events, the conflicts between
sources about it, its place in the graph (centrality, community) and any screening
matches, and numbers every source article once, in order of first citation. The
renderers (`html`, `md`, `pdf`) only lay this out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from linkchart import lexicon
from linkchart.export.screening import screening_matches
from linkchart.graph.build import EntityGraph, build_graph
from linkchart.graph.metrics import graph_metrics
from linkchart.models import Evidence
from linkchart.resolve.conflicts import find_conflicts
from linkchart.resolve.facts import EntityRelation
from linkchart.resolve.sources import SourceIndex
from linkchart.store.base import Store

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
NETWORK_NEIGHBOURS = 24  # the picture shows the entity's best-linked neighbours, at most this many


@dataclass
class Source:
    """A footnote: one article that evidence was read in."""

    number: int
    doc: str
    title: str | None
    outlet: str | None
    date: str | None
    url: str | None
    byline: str | None = None

    @property
    def file(self) -> str:
        """Return the document's file name (with its feed line, if any)."""
        return Path(self.doc.split("#")[0]).name + (f"#{self.doc.split('#', 1)[1]}" if "#" in self.doc else "")


@dataclass
class Quote:
    """A quoted sentence and the footnote of its source."""

    text: str
    source: int  # footnote number
    start: int
    end: int


@dataclass
class Named:
    """An entity as the dossier names it."""

    id: int
    name: str
    type: str


@dataclass
class RelationItem:
    """One relation read from the dossier entity's side ('leads X', 'led by Y')."""

    predicate: str
    label: str  # as read from the entity's side
    other: Named
    outgoing: bool
    negated: bool
    attributed_to: str | None
    hedged: bool
    date: str | None
    independent_sources: int
    quotes: list[Quote]


@dataclass
class EventItem:
    """A dated event the entity takes part in."""

    date: str
    kind: str
    summary: str
    participants: list[Named]
    negated: bool
    attributed_to: str | None
    independent_sources: int
    quotes: list[Quote]


@dataclass
class ConflictSide:
    """One side of a disagreement: the value and where it is said."""

    value: str
    attributed_to: str | None
    quotes: list[Quote]


@dataclass
class ConflictItem:
    """Sources disagree on a number or a date about the entity."""

    kind: str
    quantity: str
    note: str
    sides: list[ConflictSide]


@dataclass
class AliasItem:
    """A name the entity goes by, how often, and why it was attached."""

    alias: str
    count: int
    reason: str | None
    evidence: str | None


@dataclass
class Badge:
    """A list the entity matched when screened (sanctions, watch lists)."""

    list_name: str
    detail: str | None = None


@dataclass
class NetworkLink:
    """A link of the network picture between two entities, by the predicates that join them."""

    a: int
    b: int
    labels: list[str]
    negated: bool


@dataclass
class Network:
    """The entity's neighbourhood as drawn: it, its best-linked neighbours and the links among them."""

    center: Named
    nodes: list[Named]
    links: list[NetworkLink]
    left_out: int = 0  # neighbours not drawn


@dataclass
class Standing:
    """The entity's place in the whole graph."""

    degree: int
    betweenness: float
    pagerank: float
    rank: int  # by PageRank, 1 the highest
    of: int  # entities ranked
    community: int | None
    community_peers: list[str] = field(default_factory=list)  # best-ranked others of its community


@dataclass
class Dossier:
    """Everything the dossier says about one entity, every fact with its footnoted sources."""

    id: int
    name: str
    type: str
    description: str | None
    mentions: int
    documents: int
    first_seen: str | None
    last_seen: str | None
    aliases: list[AliasItem]
    badges: list[Badge]
    relations: dict[str, list[RelationItem]]  # by predicate, in vocabulary order
    events: list[EventItem]
    conflicts: list[ConflictItem]
    sources: list[Source]
    network: Network
    standing: Standing | None
    generated: str = field(default_factory=lambda: date.today().isoformat())
    summary: list[str] = field(default_factory=list)  # filled by summary.py


class _Footnotes:
    """Numbers source articles in order of first citation."""

    def __init__(self, store: Store) -> None:
        self.index = SourceIndex(store)
        self.articles = {a.id: a for a in store.documents()}
        self.sources: dict[int | str, Source] = {}

    def quotes(self, evidence: list[Evidence]) -> list[Quote]:
        """Return the evidences as quotes, each with its source's footnote number."""
        out = []
        for ev in evidence:
            article_id = self.index.article_of(ev)
            key: int | str = article_id if article_id is not None else ev.doc
            if key not in self.sources:
                a = self.articles.get(article_id) if article_id is not None else None
                self.sources[key] = Source(len(self.sources) + 1, ev.doc, a.title if a else None,
                                           a.outlet if a else None, a.date if a else None, a.url if a else None,
                                           a.byline if a else None)
            out.append(Quote(" ".join(ev.text.split()), self.sources[key].number, ev.start, ev.end))
        return out


def _named(eg: EntityGraph, entity: int) -> Named:
    data = eg.graph.nodes.get(entity) if entity in eg.graph else None
    if data is None:
        return Named(entity, f"#{entity}", "UNKNOWN")
    return Named(entity, data["name"], data["type"])


def _relation_item(eg: EntityGraph, r: EntityRelation, entity: int, notes: _Footnotes) -> RelationItem:
    pred = lexicon.predicates().get(r.predicate)
    outgoing = r.subject == entity
    if pred is None:
        label = r.predicate.replace("_", " ")
    else:
        label = pred.label if outgoing or pred.symmetric else pred.inverse
    other = _named(eg, r.object if outgoing else r.subject)
    return RelationItem(r.predicate, label, other, outgoing, r.negated, r.attributed_to, r.hedged, r.date,
                        r.independent_sources, notes.quotes(r.evidence))


def _network(eg: EntityGraph, entity: int, relations: list[EntityRelation], metrics: dict[int, Any]) -> Network:
    """Return the entity, its best-linked neighbours (most relations, then PageRank) and the links among them."""
    weight: dict[int, int] = {}
    for r in relations:
        other = r.object if r.subject == entity else r.subject
        weight[other] = weight.get(other, 0) + 1
    order = sorted(weight, key=lambda n: (-weight[n], -(metrics[n].pagerank if n in metrics else 0), n))
    shown = order[:NETWORK_NEIGHBOURS]
    keep = {entity, *shown}
    joined: dict[tuple[int, int], NetworkLink] = {}
    for r in eg.relations:
        if r.subject in keep and r.object in keep and r.subject != r.object:
            a, b = sorted((r.subject, r.object))
            link = joined.setdefault((a, b), NetworkLink(a, b, [], True))
            label = ("not " if r.negated else "") + r.predicate.replace("_", " ")
            if label not in link.labels:
                link.labels.append(label)
            link.negated = link.negated and r.negated
    return Network(_named(eg, entity), [_named(eg, n) for n in shown], list(joined.values()), len(order) - len(shown))


def _standing(eg: EntityGraph, entity: int) -> Standing | None:
    metrics = graph_metrics(eg)
    m = metrics.nodes.get(entity)
    if m is None:
        return None
    ranked = metrics.ranked()
    peers: list[str] = []
    if m.community is not None:
        members = set(metrics.communities[m.community])
        peers = [eg.names.get(n, f"#{n}") for n in ranked if n in members and n != entity][:5]
    return Standing(m.degree, m.betweenness, m.pagerank, ranked.index(entity) + 1, len(ranked), m.community, peers)


def _badges(store: Store, entity: int) -> list[Badge]:
    """Return the list entries the entity matched when screened (`linkchart screen`), unless rejected."""
    return [Badge(m.list_name, m.detail) for m in screening_matches(store, entity)]


def build_dossier(store: Store, entity: int, eg: EntityGraph | None = None) -> Dossier:
    """Return the dossier of an entity (by id); raise KeyError when there is none."""
    row = store.entity(entity)
    if row is None:
        raise KeyError(f"no entity with id {entity}")
    eg = eg or build_graph(store)
    notes = _Footnotes(store)
    vocabulary = list(lexicon.predicates())
    mine = [r for r in eg.relations if entity in (r.subject, r.object)]
    mine.sort(key=lambda r: (vocabulary.index(r.predicate) if r.predicate in vocabulary else len(vocabulary),
                             r.negated, -r.independent_sources, -len(r.evidence), r.date or ""))
    relations: dict[str, list[RelationItem]] = {}
    for r in mine:
        relations.setdefault(r.predicate, []).append(_relation_item(eg, r, entity, notes))
    events = [EventItem(e.date, e.kind, e.summary, [_named(eg, p) for p in e.participants], e.negated,
                        e.attributed_to, e.independent_sources, notes.quotes(e.evidence))
              for e in eg.events(store) if entity in e.participants]
    conflicts = _conflicts(store, eg, entity, notes)
    summary = store.entity_summaries(ids=[entity])
    articles = {a.id: a for a in store.documents()}
    dates = sorted(d for _, a in store.entity_articles(entity) if (d := articles[a].date if a in articles else None))
    aliases = [AliasItem(a.alias, a.count, a.reason, " ".join(a.evidence.split()) if a.evidence else None)
               for a in store.entity_aliases(entity)]
    return Dossier(
        id=row.id, name=row.name, type=row.type, description=row.description,
        mentions=summary[0].mentions if summary else 0, documents=summary[0].documents if summary else 0,
        first_seen=dates[0] if dates else None, last_seen=dates[-1] if dates else None,
        aliases=aliases, badges=_badges(store, entity), relations=relations, events=events, conflicts=conflicts,
        sources=sorted(notes.sources.values(), key=lambda s: s.number),
        network=_network(eg, entity, mine, graph_metrics(eg).nodes), standing=_standing(eg, entity),
    )


def _conflicts(store: Store, eg: EntityGraph, entity: int, notes: _Footnotes) -> list[ConflictItem]:
    """Return the disagreements between sources about the entity, each side with its quotes."""
    claims = eg.claims(store)
    places = {n for n, d in eg.graph.nodes(data=True) if d["type"] in PLACE_TYPES}
    found, derived = find_conflicts(claims, eg.relations, eg.events(store), places)
    by_id = {c.id: c for c in [*claims, *derived]}
    out = []
    for c in found:
        if c.entity != f"e{entity}":
            continue
        sides = []
        for claim_id in c.claims:
            claim = by_id.get(claim_id)
            if claim is None:
                continue
            value = f"{float(claim.value):,.0f}" if isinstance(claim.value, int | float) else str(claim.value)
            text = " ".join(x for x in (claim.approx, value, "" if claim.unit == "date" else claim.unit) if x)
            sides.append(ConflictSide(text, claim.attributed_to, notes.quotes(claim.evidence)))
        out.append(ConflictItem(c.kind, c.quantity, c.note, sides))
    return out
