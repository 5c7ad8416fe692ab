"""Find where sources disagree: numbers on the same entity and quantity, and dates of one fact.

Two kinds of disagreement are listed, each with both sides' evidence:
- numeric: claims on the same entity and quantity from different sources whose values
  differ beyond their stated approximation (120,000 vs 130,000 is a conflict; 'over
  100,000' vs 130,000 is not; 'about' allows 5 %);
- dates: the same fact (one relation triple, or one one-off event of the same
  participants) dated to different years or months by different sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from linkchart import lexicon
from linkchart.resolve.facts import EntityClaim, EntityEvent, EntityRelation

# The interval a stated number allows, as (low factor, high factor) of the value, by the approximation
# `extract.claims.approximation` read before it (None: stated exactly; any other: 'about').
APPROX_INTERVAL = {
    None: (1.0, 1.0), "about": (0.95, 1.05), "nearly": (0.9, 1.0), "over": (1.0, float("inf")), "up to": (0.0, 1.0),
}
# Happenings that occur once per subject, so two dates for them disagree.
ONE_OFF_PREDICATES = {"founded", "split_from", "released", "exchanged_for", "killed"}
ONE_OFF_EVENTS = {"founding", "split", "release", "death"}  # arrests recur; deaths do not
VIOLENT_EVENTS = lexicon.events().violent
MAX_YEARS_APART = 3


@dataclass
class Conflict:
    """A disagreement between sources: the claims on each side and a note saying what differs."""

    entity: str
    quantity: str
    claims: list[str]
    note: str
    kind: str = "numeric"
    values: list[str] = field(default_factory=list)


def interval(value: float, approx: str | None) -> tuple[float, float]:
    """Return the range of true values a number stated with an approximation allows."""
    lo, hi = APPROX_INTERVAL.get(approx, (0.95, 1.05))
    return value * lo, value * hi


def values_disagree(a: EntityClaim, b: EntityClaim) -> bool:
    """Return True when two numeric claims cannot both be true: their allowed ranges do not meet."""
    lo_a, hi_a = interval(float(a.value), a.approx)
    lo_b, hi_b = interval(float(b.value), b.approx)
    return hi_a < lo_b or hi_b < lo_a


def find_conflicts(
    claims: list[EntityClaim], relations: Iterable[EntityRelation], events: list[EntityEvent],
    places: set[int] | None = None,
) -> tuple[list[Conflict], list[EntityClaim]]:
    """Return the conflicts, and the date claims derived for them (so both sides are claims).

    `places` are the ids of entities that are places (violent incidents are matched by place); the relations
    are read once, in order (they may come a page at a time).
    """
    conflicts = _numeric_conflicts(claims)
    derived: list[EntityClaim] = []
    _relation_date_conflicts(relations, conflicts, derived)
    _event_date_conflicts(events, conflicts, derived, places)
    return conflicts, derived


def _source(c: EntityClaim) -> str:
    return c.evidence[0].doc if c.evidence else ""


def _numeric_conflicts(claims: list[EntityClaim]) -> list[Conflict]:
    by_key: dict[tuple[int, str], list[EntityClaim]] = defaultdict(list)
    for c in claims:
        by_key[(c.entity, c.quantity)].append(c)
    out = []
    for (entity, quantity), group in by_key.items():
        disagreeing: dict[str, EntityClaim] = {}
        for a, b in combinations(group, 2):
            if _source(a) != _source(b) and values_disagree(a, b):
                disagreeing[a.id], disagreeing[b.id] = a, b
        if disagreeing:
            sides = sorted(disagreeing.values(), key=lambda c: float(c.value))
            note = " vs ".join(f"{_fmt(c)} ({_source(c)})" for c in sides)
            out.append(Conflict(f"e{entity}", quantity, [c.id for c in sides], note, "numeric",
                                [str(c.value) for c in sides]))
    return out


def _fmt(c: EntityClaim) -> str:
    value = f"{float(c.value):,.0f}" if isinstance(c.value, int | float) else str(c.value)
    return f"{c.approx + ' ' if c.approx else ''}{value} {c.unit}".strip()


def _years_apart(a: str, b: str) -> int:
    return abs(int(a[:4]) - int(b[:4]))


def _dates_differ(a: str, b: str) -> bool:
    """Return True when two ISO dates disagree at the precision both state (year, then month); a span of years
    ('2006/2011') disagrees only with a date outside it."""
    if "/" in a or "/" in b:
        (a0, a1), (b0, b1) = ((x.split("/")[0][:4], x.split("/")[-1][:4]) for x in (a, b))
        return a1 < b0 or b1 < a0
    if a[:4] != b[:4]:
        return True
    return len(a) >= 7 and len(b) >= 7 and a[:7] != b[:7]


def _relation_date_conflicts(relations: Iterable[EntityRelation], out: list[Conflict],
                             derived: list[EntityClaim]) -> None:
    for r in relations:
        if r.negated or r.predicate not in ONE_OFF_PREDICATES:
            continue
        by_source: dict[str, str] = {}
        for date, source in r.dates:
            by_source.setdefault(source, date)
        pairs = [(s1, d1, s2, d2) for (s1, d1), (s2, d2) in combinations(by_source.items(), 2)
                 if _dates_differ(d1, d2) and _years_apart(d1, d2) <= MAX_YEARS_APART]
        if not pairs:
            continue
        quantity = f"date of {r.predicate}"
        ids = []
        for source, date in sorted(by_source.items(), key=lambda kv: kv[1]):
            ev = [e for e in r.evidence if e.doc == source][:1]
            claim = EntityClaim(f"d{len(derived) + 1}", r.subject, quantity, date, "date", None, None, ev)
            derived.append(claim)
            ids.append(claim.id)
        note = " vs ".join(f"{d} ({s})" for s, d in sorted(by_source.items(), key=lambda kv: kv[1]))
        out.append(Conflict(f"e{r.subject}", quantity, ids, note, "date", sorted(set(by_source.values()))))


def _event_date_conflicts(events: list[EntityEvent], out: list[Conflict], derived: list[EntityClaim],
                          places: set[int] | None = None) -> None:
    """The same happening told with different dates by different sources.

    One-off happenings (a founding, a release, a death) of one participant are the same
    happening; violent incidents are taken for the same one when they share a place and a year.
    """
    places = places or set()
    covered: set[int] = set()
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.negated or not e.evidence or not e.date or e.date_source is not None:
            continue  # a date taken from the reporting article is when it was told, not a source's claim
        if e.kind in ONE_OFF_EVENTS:
            for p in e.participants:
                if p not in places:
                    groups[(e.kind, p)].append(i)
        if e.kind in VIOLENT_EVENTS:
            for p in e.participants:
                if p in places:
                    groups[("violence", p)].append(i)
    # the participant in most events of its kind first, so one disagreement is reported once
    for (fam, entity), members in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        fresh = [i for i in members if i not in covered]
        by_source: dict[str, tuple[str, EntityEvent]] = {}
        for i in fresh:
            e = events[i]
            by_source.setdefault(e.evidence[0].doc, (e.date, e))
        dated = sorted(by_source.items(), key=lambda kv: kv[1][0])
        limit = MAX_YEARS_APART if fam in ONE_OFF_EVENTS else 0
        if not any(_dates_differ(a[1][0], b[1][0]) and _years_apart(a[1][0], b[1][0]) <= limit
                   for a, b in combinations(dated, 2)):
            continue
        covered.update(fresh)
        quantity = f"date of {fam}"
        ids = []
        for _source, (date, e) in dated:
            claim = EntityClaim(f"d{len(derived) + 1}", entity, quantity, date, "date", None, None, e.evidence[:1])
            derived.append(claim)
            ids.append(claim.id)
        note = " vs ".join(f"{date} ({source})" for source, (date, _e) in dated)
        out.append(Conflict(f"e{entity}", quantity, ids, note, "date", sorted({d for _s, (d, _e) in dated})))
