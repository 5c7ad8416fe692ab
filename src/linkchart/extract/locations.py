"""Places inside places that follow from what the text states: 'X is a town in A, B' says X is in A and A is in B,
so X is in B too.

`chained_places` composes located_in relations whose middle place is one mention (or one name) of the same span;
it never adds a link the text does not state in two parts, and never from what is known of the world.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from linkchart.models import Relation

_PREDICATE = "located_in"


def chained_places(relations: list[Relation], rule: dict[str, Any]) -> list[Relation]:
    """Return the located_in relations that follow from stated ones of `relations` sharing their middle place
    (X in A and A in B give X in B), not already among them, named `rule["name"]`; evidence covers both
    statements. A negated, hedged or attributed link is not composed, nor one of the rules `rule["not_from"]`
    (where a person lives or works)."""
    skip = set(rule["not_from"])
    stated = [r for r in relations if r.predicate == _PREDICATE and not r.negated and not r.hedged
              and r.attributed_to is None and r.rule not in skip]
    outward: dict[str, list[Relation]] = defaultdict(list)
    for r in stated:
        outward[r.subject].append(r)
    have = {(r.subject, r.object) for r in relations if r.predicate == _PREDICATE}
    out: list[Relation] = []
    frontier = [(r, r) for r in stated]  # (first link, last link) of a chain
    for _ in range(rule["longest_chain"] - 1):
        grown = []
        for first, last in frontier:
            for nxt in outward.get(last.object, ()):
                if nxt.object in {first.subject, last.subject} or (first.subject, nxt.object) in have:
                    continue
                have.add((first.subject, nxt.object))
                rel = Relation(subject=first.subject, predicate=_PREDICATE, object=nxt.object,
                               subject_span=first.subject_span, object_span=nxt.object_span,
                               start=min(first.start, nxt.start), end=max(first.end, nxt.end), rule=rule["name"],
                               date=first.date)
                out.append(rel)
                grown.append((first, nxt))
        frontier = grown
    return out
