"""How far the passes' count decisions stand: the margins kept with them, so that new mentions within a margin join
their clusters without resolving again.

Some join passes decide by comparing mention counts: the anchor of an organisation core is its most named
cluster (`passes._join_org_cores`), a surname alone joins the full name named several times as often as any
other (`passes._dominant`), a one-word name joins a longer one named at least as often. Each such decision is
kept under a key (`COUNTED_*` and the name part) with its margin: the number of further mentions of names with
that part that cannot change it, wherever they go. Adding mentions spends the margin (`spend`); a resolution that
decides again sets it anew (`after_adding`). A margin below the mentions an article adds means the article may
change a decision, and it is resolved with the clusters it touches.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from linkchart.resolve import names
from linkchart.store.base import Store

# the prefixes of the keys of count decisions (`passes.Resolution.consulted`)
COUNTED_SURNAME, COUNTED_FIRST_WORD, COUNTED_CORE = "x:p:", "x:s:", "x:o:"
UNBOUNDED = 1 << 30  # the margin of a decision no count of another article enters


def lead_margin(leader: int, runner_up: int) -> int:
    """Return how many mentions may go to any but the most named of several clusters before it could lose the lead
    (a tie may change which one a pass takes)."""
    return leader - runner_up - 1


def order_margin(first: int, second: int) -> int:
    """Return how many mentions may be added before `first >= second` could change its answer."""
    return first - second if first >= second else second - first - 1


def dominance_margin(first: int, second: int, ratio: float) -> int:
    """Return how many mentions may be added, to any candidates, before whether the most named one (`first`
    mentions) is named `ratio` times as often as the next (`second`) could change its answer."""
    if first >= ratio * second:  # it stays while the others stay below first / ratio
        return math.floor(first / ratio - second + 1e-9)
    # no candidate dominates: until the first reaches ratio × the second, or the second ratio × the first
    return min(math.ceil(ratio * second - first - 1e-9), math.ceil(ratio * first - second - 1e-9)) - 1


def cluster_keys(surfaces: Iterable[str]) -> set[str]:
    """Return the decision keys whose counts sum whole clusters holding these names: the first word (one-word
    names and the longer names they begin) and the organisation core."""
    keys: set[str] = set()
    for surface in surfaces:
        parts = names.name_parts(surface)
        if parts:
            keys.add(COUNTED_FIRST_WORD + parts[0])
        core = names.org_core(surface)[0]
        if core:
            keys.add(COUNTED_CORE + core)
    return keys


def person_keys(surface: str) -> set[str]:
    """Return the decision keys counting the mentions of a person's full name: its parts (surnames)."""
    parts = names.name_parts(surface)
    return {COUNTED_SURNAME + p for p in parts} if len(parts) >= 2 else set()


def added_by_key(cluster_names: Iterable[str], new: Mapping[str, int], persons: set[str]) -> Counter[str]:
    """Return, for each decision key of one cluster, how many mentions `new` (name → mentions added to the
    cluster, `persons` those of them a person's) adds to the counts it compared, at most."""
    total = sum(new.values())
    out: Counter[str] = Counter(dict.fromkeys(cluster_keys([*cluster_names, *new]), total))
    for surface, n in new.items():
        if surface in persons:
            out.update(dict.fromkeys(person_keys(surface), n))
    return out


def newly_religious(roles: Iterable[str], kept_roles: Iterable[str], religious_titles: Iterable[str]) -> bool:
    """Return True when a name's new mentions (`roles`) give it a religious title its kept mentions (`kept_roles`)
    never had: the names an epithet may stand for change (`passes._religious_titled`), which is no count."""
    titles = set(religious_titles)

    def titled(found: Iterable[str]) -> bool:
        return any(r.lower().rstrip(".") in titles for r in found)
    return titled(roles) and not titled(kept_roles)


def spend(margins: Mapping[str, int], added: Mapping[str, int], keys: Iterable[str]) -> dict[str, int] | str:
    """Return the margins of `keys` once `added` mentions are spent, or the first key whose margin (none kept:
    a store resolved before margins were kept) they exceed."""
    out: dict[str, int] = {}
    for key in sorted(keys):
        left = margins.get(key, -1) - added.get(key, 0)
        if left < 0:
            return key
        out[key] = left
    return out


def surname_keys(surfaces: Iterable[str]) -> set[str]:
    """Return the surname decision keys of every part of these names (those an epithet may stand for)."""
    return {COUNTED_SURNAME + p for surface in surfaces for p in names.name_parts(surface)}


def spend_kept(store: Store, added: Mapping[str, int], strict: Iterable[str] = ()) -> dict[str, int] | str:
    """Return the kept margins of the decisions `added` mentions touch once spent (`spend`), or the first key they
    may change: one with too small a margin, or one of `strict` (keys no count decides) a decision was kept under."""
    found = store.clusters_by_key({*added, *strict})
    hard = sorted(set(strict) & found.keys())
    return hard[0] if hard else spend(store.count_margins(found), added, found)


def after_adding(stored: Mapping[str, int], added: Mapping[str, int], decided: Mapping[str, int]) -> dict[str, int]:
    """Return the margins to keep after a resolution of some clusters with new mentions: those `stored` less the
    mentions `added` under their keys, and no more than what the resolution `decided` again (a region may see
    fewer clusters than a full resolution does, never more)."""
    out: dict[str, int] = {}
    for key in set(added) | set(decided):
        found = []
        if key in stored:
            found.append(stored[key] - added.get(key, 0))
        if key in decided:
            found.append(decided[key])
        if found:
            out[key] = min(found)
    return out
