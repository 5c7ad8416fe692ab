"""Lift stored relations, events and claims from mention spans to resolved entities.

Extraction speaks of spans ('Khazali' at 812–819); analysts ask about entities. This
module joins the two through the mention links, and aggregates repeated statements of
one fact across sources onto one `Fact` with several evidences.
"""

from __future__ import annotations

import bisect
from array import array
from collections import defaultdict
from dataclasses import dataclass, field

from linkchart import lexicon
from linkchart.models import Evidence
from linkchart.resolve.sources import SourceIndex
from linkchart.store.base import RelationRow, Store

SPAN_BATCH = 2000  # articles whose linked mention spans are read at once (`MentionIndex`)


@dataclass
class EntityRelation:
    """subject –predicate→ object between entities, with every evidence that states it."""

    subject: int
    predicate: str
    object: int
    negated: bool
    attributed_to: str | None
    hedged: bool
    date: str | None
    rules: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (date, source) per evidence
    independent_sources: int = 0  # sources among the evidences that are not copies of one another (sources.py)


@dataclass
class EntityEvent:
    """A happening with its participant entities, merged across sources; undated (`date` None) only when asked for."""

    kind: str
    date: str | None
    summary: str
    participants: list[int]
    negated: bool
    attributed_to: str | None
    evidence: list[Evidence] = field(default_factory=list)
    independent_sources: int = 0  # sources among the evidences that are not copies of one another (sources.py)
    date_source: str | None = None  # 'article' when the date is the reporting article's, not one the text states


@dataclass
class EntityClaim:
    """A number said of an entity, with its evidence."""

    id: str
    entity: int
    quantity: str
    value: float | str
    unit: str
    approx: str | None
    attributed_to: str | None
    evidence: list[Evidence] = field(default_factory=list)


class MentionIndex:
    """Finds the entity a span of an original file names, via the stored mentions."""

    def __init__(self, store: Store) -> None:
        # the linked mentions' spans only, a batch of articles at a time: not every mention row at once
        self._spans: dict[str, array[int]] = {}  # per source: start, end, entity of each span, flat, in that order
        self._starts: dict[str, array[int]] = {}  # per source: the start of each span
        articles = [a.id for a in store.documents()]
        for at in range(0, len(articles), SPAN_BATCH):
            spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
            for source, start, end, entity in store.linked_spans(articles[at:at + SPAN_BATCH]):
                spans[source].append((start, end, entity))
            self._add_spans(spans)
        best: dict[str, tuple[int, int]] = {}
        for a in store.entity_aliases():
            key = a.alias.lower()
            if key not in best or a.count > best[key][1]:
                best[key] = (a.entity_id, a.count)
        self._by_name = {k: v[0] for k, v in best.items()}

    def _add_spans(self, by_source: dict[str, list[tuple[int, int, int]]]) -> None:
        """Add (start, end, entity) spans by source, held as columns of ints (a tuple each is ~5 times the memory:
        millions of mentions at 100,000 articles)."""
        for source, found in by_source.items():
            held = self._spans.get(source)
            if held is not None:  # a document whose articles came in two batches
                found = found + [(held[i], held[i + 1], held[i + 2]) for i in range(0, len(held), 3)]
            found.sort()
            self._spans[source] = array("q", [x for span in found for x in span])
            self._starts[source] = array("q", [s for s, _, _ in found])

    def entity_at(self, source: str, start: int, end: int, text: str | None = None) -> int | None:
        """Return the entity of the mention best overlapping `[start, end)` in `source`, or None.

        With no mention there (a demonym read as its country: 'Iranian' → 'Iran'), the entity
        named `text` is returned, if any.
        """
        found = self.overlapping(source, start, end)
        if found is None and text:
            return self._by_name.get(text.lower())
        return found

    def overlapping(self, source: str, start: int, end: int) -> int | None:
        """Return the entity of the mention best overlapping `[start, end)` in `source`, or None."""
        spans = self._spans.get(source)
        if not spans:
            return None
        starts = self._starts[source]
        i = bisect.bisect_left(starts, start)
        best, best_overlap, best_width = None, 0, 0
        for j in range(max(0, i - 3), min(len(starts), i + 4)):
            s, e, entity = spans[3 * j], spans[3 * j + 1], spans[3 * j + 2]
            overlap = min(e, end) - max(s, start)
            # on a tie the tighter mention: 'U.S.' rather than the 'U.S. government' it is nested in
            if overlap > best_overlap or (overlap == best_overlap > 0 and e - s < best_width):
                best, best_overlap, best_width = entity, overlap, e - s
        return best


class RelationGroups:
    """Relations between entities grouped as their stored rows arrive: one per (subject, predicate, object, polarity).

    One fact is one fact whatever its attribution: evidences that report it through someone
    ('X told interrogators ...') or hedge it join those that assert it, each keeping its own
    attribution; the relation is attributed (or hedged) only when every evidence is.
    """

    def __init__(self, store: Store, types: dict[int, str] | None = None) -> None:
        """Group relations between the store's entities (or those of `types`, entity id → type, when given)."""
        self.vocabulary = lexicon.predicates()
        self.types = types if types is not None else {e.id: e.type for e in store.entities()}
        self.grouped: dict[tuple, EntityRelation] = {}
        # (*group key, source, evidence start) of each evidence kept: one flat set, not a set per group (smaller)
        self.seen: set[tuple] = set()
        self.first: list[int | None] = []  # the `rank` given with each group's first row, in group order

    def add(self, r: RelationRow, s: int | None, o: int | None, rank: int | None = None) -> None:
        """Add a stored relation whose subject and object are the entities `s` and `o` (None: not an entity)."""
        if s is None or o is None or s == o:
            return
        pred = self.vocabulary.get(r.predicate)
        if pred is not None and (self.types.get(s) not in pred.subject or self.types.get(o) not in pred.object):
            return  # the voted types of the entities rule out what one sentence's labels allowed
        key = (s, r.predicate, o, r.negated)
        rel = self.grouped.get(key)
        if rel is None:
            rel = self.grouped[key] = EntityRelation(s, r.predicate, o, r.negated, r.attributed_to, r.hedged, r.date)
            self.first.append(rank)
        if r.rule not in rel.rules:
            rel.rules.append(r.rule)
        mark = (*key, r.source, r.evidence_start)
        if mark not in self.seen:
            self.seen.add(mark)
            rel.evidence.append(Evidence(r.source, r.evidence_start, r.evidence_end, r.evidence, r.article_id,
                                         *_referent(r), attributed_to=r.attributed_to, hedged=r.hedged))
            rel.attributed_to = rel.attributed_to if r.attributed_to else None  # someone states it outright
            rel.hedged = rel.hedged and r.hedged
        if r.date:
            rel.dates.append((r.date, r.source))
            rel.date = rel.date or r.date

    def relations(self, sources: SourceIndex) -> list[EntityRelation]:
        """Return the grouped relations in order of first statement, each with its independent sources."""
        for rel in self.grouped.values():
            rel.independent_sources = sources.independent(rel.evidence)
        return list(self.grouped.values())


def entity_relations(store: Store, index: MentionIndex | None = None,
                     sources: SourceIndex | None = None) -> list[EntityRelation]:
    """Return relations between entities, one per (subject, predicate, object, polarity) (see `RelationGroups`).

    Each carries its number of independent sources (`SourceIndex.independent`).
    """
    index = index or MentionIndex(store)
    groups = RelationGroups(store)
    for r in store.relations():
        groups.add(r, index.entity_at(r.source, *r.subject_span, text=r.subject),
                   index.entity_at(r.source, *r.object_span, text=r.object))
    return groups.relations(sources or SourceIndex(store))


def _referent(r: RelationRow) -> tuple[str | None, int | None, int | None]:
    """Return (text, start, end) of the argument a relation took from outside its sentence, or three Nones.

    An argument outside the quoted sentence was reached through a pronoun or a definite
    description ('It claimed ...', 'The cleric later denied ...'): the evidence says so.
    """
    for text, (start, end) in ((r.subject, r.subject_span), (r.object, r.object_span)):
        if start < r.evidence_start or end > r.evidence_end:
            return text, start, end
    return None, None, None


def entity_events(store: Store, index: MentionIndex | None = None,
                  sources: SourceIndex | None = None, undated: bool = False) -> list[EntityEvent]:
    """Return dated events with participant entities, in date order; the same event told twice is one event.
    With `undated`, the events no date places follow them (date None), each as told.

    Two statements are one event when they are of one kind, on one date (as far as both
    state it) and share a participant that is not a place, unless both name places and no place
    is shared; two events dated by a year alone are one only with the same participants. Undated statements of
    one speaker in one article are one (`merge_undated_statements`). Each carries its number of
    independent sources (`SourceIndex.independent`).
    """
    index = index or MentionIndex(store)
    sources = sources or SourceIndex(store)
    places = {e.id for e in store.entities() if e.type in ("GPE", "LOC", "FAC")}
    told: list[EntityEvent] = []
    loose: list[EntityEvent] = []
    for ev in store.events():
        if not ev.date and not undated:
            continue
        parts: list[int] = []
        for s, e in ev.participants:
            entity = index.entity_at(ev.source, s, e)
            if entity is not None and entity not in parts:
                parts.append(entity)
        evidence = Evidence(ev.source, ev.evidence_start, ev.evidence_end, ev.evidence, ev.article_id,
                            attributed_to=ev.attributed_to)
        event = EntityEvent(ev.kind, ev.date, ev.summary, parts, ev.negated, ev.attributed_to, [evidence],
                            date_source=ev.date_source)
        (told if ev.date else loose).append(event)
    merged = merge_told(told, places)
    loose = merge_undated_statements(loose)
    for event in merged + loose:
        event.independent_sources = sources.independent(event.evidence)
    return sorted(merged, key=lambda e: (e.date or "", e.kind)) + loose


def merge_told(told: list[EntityEvent], places: set[int]) -> list[EntityEvent]:
    """Return the dated events told, those telling one happening merged (`_same_event`), in order of merging.

    Each event is compared with the first merged event it tells again: the merged ones of its kind and
    polarity that share a participant not a place or have its participants (`_MergedEvents`).
    """
    merged: list[EntityEvent] = []
    found: dict[tuple[str, bool], _MergedEvents] = {}  # the merged events of each kind and polarity
    # a date the text states first: two tellings of one happening keep it over the reporting article's date
    for event in sorted(told, key=lambda e: (e.kind, e.negated, e.date_source is not None, -len(e.date or ""))):
        group = found.setdefault((event.kind, event.negated), _MergedEvents(places))
        same = group.first_same(event)
        if same is None:
            merged.append(event)
            group.add(event)
            continue
        group.grow(same, [p for p in event.participants if p not in same.participants])
        same.attributed_to = same.attributed_to if event.attributed_to else None  # one source tells it outright
        group.add_evidence(same, event.evidence)
    return merged


def merge_undated_statements(loose: list[EntityEvent]) -> list[EntityEvent]:
    """Return the undated events as told, the statements of one speaker (their first participant) in one article
    merged into the first of them, with the evidences of all: 'X told the paper ...', 'He said ...', 'He added
    ...' without a date are one interview or speech reported, not one statement per sentence (a date tells them
    apart: dated statements merge by their date, `merge_told`)."""
    out: list[EntityEvent] = []
    first: dict[tuple[int | None, bool, int], EntityEvent] = {}
    for event in loose:
        article = event.evidence[0].article_id if event.evidence else None
        if event.kind != "statement" or not event.participants or article is None:
            out.append(event)
            continue
        key = (article, event.negated, event.participants[0])
        same = first.get(key)
        if same is None:
            first[key] = event
            out.append(event)
            continue
        same.participants += [p for p in event.participants if p not in same.participants]
        same.attributed_to = same.attributed_to if event.attributed_to else None
        same.evidence += [x for x in event.evidence if not any(y.start == x.start for y in same.evidence)]
    return out


class _MergedEvents:
    """The merged events of one kind and polarity, in order, found by what can make a told event one of them.

    `_same_event` holds only for events with the same participants or a shared participant that is
    not a place, so those are the only ones looked at (the first that is the same, in order):
    `entity_events` does not compare every event with every other.
    """

    def __init__(self, places: set[int]) -> None:  # noqa: D107
        self.places = places
        self.events: list[EntityEvent] = []
        self.keys: list[frozenset[int]] = []  # each event's participants, as indexed
        self.by_actor: dict[int, set[int]] = {}  # a participant not a place → positions of its events
        self.by_set: dict[frozenset[int], set[int]] = {}  # participants → positions of the events with just those
        self.position: dict[int, int] = {}  # id() of an event → its position
        self.quoted: list[set[tuple[str, int]]] = []  # each event's evidences' (document, start)

    def first_same(self, event: EntityEvent) -> EntityEvent | None:
        """Return the first merged event that `event` tells again (`_same_event`), or None."""
        candidates = set(self.by_set.get(frozenset(event.participants), ()))
        for p in event.participants:
            if p not in self.places:
                candidates |= self.by_actor.get(p, set())
        for i in sorted(candidates):
            if _same_event(self.events[i], event, self.places):
                return self.events[i]
        return None

    def add(self, event: EntityEvent) -> None:
        """Add an event merged events did not hold, as the last."""
        i = self.position[id(event)] = len(self.events)
        self.events.append(event)
        key = frozenset(event.participants)
        self.keys.append(key)
        self.quoted.append({(x.doc, x.start) for x in event.evidence})
        self.by_set.setdefault(key, set()).add(i)
        for p in key - self.places:
            self.by_actor.setdefault(p, set()).add(i)

    def add_evidence(self, event: EntityEvent, evidence: list[Evidence]) -> None:
        """Add to a merged event the evidences at a (document, start) it has none at."""
        known = self.quoted[self.position[id(event)]]
        fresh = [x for x in evidence if (x.doc, x.start) not in known]
        event.evidence += fresh
        known.update((x.doc, x.start) for x in fresh)

    def grow(self, event: EntityEvent, more: list[int]) -> None:
        """Add participants to a merged event (and to the indexes)."""
        if not more:
            return
        event.participants += more
        i = self.position[id(event)]
        self.by_set[self.keys[i]].discard(i)
        key = self.keys[i] = frozenset(event.participants)
        self.by_set.setdefault(key, set()).add(i)
        for p in set(more) - self.places:
            self.by_actor.setdefault(p, set()).add(i)


def _same_event(a: EntityEvent, b: EntityEvent, places: set[int]) -> bool:
    """Return True when two told events are one happening (see `entity_events`)."""
    if not a.date or not b.date or a.kind != b.kind or a.negated != b.negated \
            or not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if len(a.date) != len(b.date) and min(len(a.date), len(b.date)) < 7:
        return False  # a year alone is too coarse to say two statements tell one happening
    if set(a.participants) == set(b.participants):
        return True
    where_a, where_b = set(a.participants) & places, set(b.participants) & places
    if where_a and where_b and not where_a & where_b:
        return False  # contests, attacks or visits in different places are different happenings
    if len(a.date) == 4:
        return False  # within one year a shared party is not enough: 'X lost in A in 2016', 'X won in B in 2016'
    actors = (set(a.participants) & set(b.participants)) - places
    return bool(actors)


def entity_claims(store: Store, index: MentionIndex | None = None) -> list[EntityClaim]:
    """Return numeric claims attached to entities."""
    index = index or MentionIndex(store)
    out = []
    for c in store.claims():
        entity = index.entity_at(c.source, *c.subject_span, text=c.subject)
        if entity is None:
            continue
        ev = Evidence(c.source, c.evidence_start, c.evidence_end, c.evidence, c.article_id)
        out.append(EntityClaim(f"c{c.id}", entity, c.quantity, c.value, c.unit, c.approx, c.attributed_to, [ev]))
    return out
