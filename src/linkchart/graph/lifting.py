"""Lifting stored relation rows to entities, shared by keeping the graph whole (`stored.keep_graph`) and
incrementally (`regraph.update_graph`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from linkchart.models import Evidence
from linkchart.resolve.facts import EntityRelation, MentionIndex
from linkchart.store.base import RANK_STRIDE, EntityEdgeRow, LiftedRow, RelationRow


class BatchIndex(MentionIndex):
    """A `MentionIndex` over the linked spans of a batch of whole documents and the store's aliases."""

    def __init__(self, spans: list[tuple[str, int, int, int]], by_name: dict[str, int]) -> None:  # noqa: D107
        by_source: dict[str, list[tuple[int, int, int]]] = {}
        for source, start, end, entity in spans:
            by_source.setdefault(source, []).append((start, end, entity))
        self._spans, self._starts = {}, {}
        self._add_spans(by_source)
        self._by_name = by_name


def lift_rows(index: MentionIndex, relations: list[RelationRow],
              named: Callable[[str], int | None]) -> list[tuple[LiftedRow, RelationRow]]:
    """Return each relation row (all those of its article, in `relations_in` order) with the entities its spans
    name, as `MentionIndex.entity_at` finds them (`named`: the entity a lower-cased text names, for a span no
    mention overlaps), and its rank."""
    out = []
    seq: dict[int, int] = {}
    for r in relations:
        n = seq[r.article_id] = seq.get(r.article_id, -1) + 1
        ends: list[Any] = []
        for text, (start, end) in ((r.subject, r.subject_span), (r.object, r.object_span)):
            found = index.overlapping(r.source, start, end)
            name = None
            if found is None and text:
                name = text.lower()
                found = named(name)
            ends += [found, name]
        out.append((LiftedRow(r.id, r.article_id, r.article_id * RANK_STRIDE + n, ends[0], ends[2], ends[1], ends[3]),
                    r))
    return out


def share_strings(r: RelationRow, shared: dict[str, str]) -> RelationRow:
    """Return the relation row with its texts replaced by equal ones already met (`shared`: text → itself).

    A grouped relation keeps its rows' texts (sources, predicates, rules, dates, sentences) for the whole
    keeping; rows read apart hold one string object each, rows of one document or sentence can hold one.
    """
    r.source, r.predicate = shared.setdefault(r.source, r.source), shared.setdefault(r.predicate, r.predicate)
    r.rule, r.evidence = shared.setdefault(r.rule, r.rule), shared.setdefault(r.evidence, r.evidence)
    if r.attributed_to is not None:
        r.attributed_to = shared.setdefault(r.attributed_to, r.attributed_to)
    if r.date is not None:
        r.date = shared.setdefault(r.date, r.date)
    return r


_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))


def evidence_tuple(e: Evidence) -> tuple[Any, ...]:
    """Return `dataclasses.astuple(e)` (its fields in order; they are immutable), without its deep copies."""
    return tuple(getattr(e, name) for name in _EVIDENCE_FIELDS)


def edge_of(index: int, r: EntityRelation) -> EntityEdgeRow:
    """Return the stored form of the entity relation of rank `index`."""
    return EntityEdgeRow(index, r.subject, r.predicate, r.object, r.negated, r.attributed_to, r.hedged, r.date,
                         r.independent_sources, list(r.rules),
                         [evidence_tuple(e) for e in r.evidence], list(r.dates))
