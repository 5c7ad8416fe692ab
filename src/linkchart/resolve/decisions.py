"""The analysts' decisions — merge, split, rename, reject — re-applied after the join passes, every time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from linkchart.resolve import names
from linkchart.resolve.reasons import AnalystMerge, AnalystSplit, Reason
from linkchart.resolve.surfaces import Key, LocalSurface, clean_surface
from linkchart.resolve.unionfind import UnionFind

PASS_NAME = "decisions"  # the pass name the analysts' reasons carry


@dataclass
class Overrides:
    """What decisions change beyond the joins: canonical names and rejected entities, by root."""

    names: dict[Key, str] = field(default_factory=dict)  # root → canonical name
    rejected: set[Key] = field(default_factory=set)


def apply_decisions(decisions: Iterable[Any], locals_: dict[Key, LocalSurface], uf: UnionFind) -> Overrides:
    """Re-apply the analysts' merges, splits, renames and rejections in order; return the names and rejections.

    A decision names each entity it acts on (`a`, `b`, `entity`) and may anchor it to one of
    its mentions (`a_anchor` …: {"mention": id, "surface": cleaned name}): the anchor's local
    surface is used while that mention still exists with that surface, so two entities of
    one name stay apart; otherwise the name is looked up.
    """
    overrides = Overrides()
    renamed_from: dict[str, str] = {}  # a name given by rename → a surface of that entity
    decisions = list(decisions)
    by_mention = _anchored_surfaces(decisions, locals_)

    def anchored(args: dict[str, Any], role: str) -> Key | None:
        anchor = args.get(f"{role}_anchor")
        if isinstance(anchor, dict):
            key = by_mention.get(anchor.get("mention"))  # type: ignore[arg-type]
            if key is not None and locals_[key].surface == anchor.get("surface"):
                return key
        return find(args[role])

    def find(name: str) -> Key | None:
        seen = set()
        while name in renamed_from and name not in seen:
            seen.add(name)
            name = renamed_from[name]
        return _find_surface(name, locals_)

    renames: list[tuple[Key, str]] = []
    rejected: list[Key] = []
    for d in decisions:
        args = d.args
        if d.kind == "merge":
            a, b = anchored(args, "a"), anchored(args, "b")
            if a and b:
                uf.union(a, b, Reason(PASS_NAME, AnalystMerge(str(args["a"]), str(args["b"]))), force=True)
        elif d.kind == "split":
            entity = anchored(args, "entity")
            if entity is not None:
                alias = clean_surface(args["alias"])
                root = uf.find(entity)
                moved = [k for k in locals_ if locals_[k].surface == alias and uf.find(k) == root]
                _detach(moved, uf, Reason(PASS_NAME, AnalystSplit(str(args["entity"]), str(args["alias"]))))
        elif d.kind == "rename":
            entity = anchored(args, "entity")
            if entity is not None:
                renamed_from[args["name"]] = locals_[entity].surface
                renames.append((entity, args["name"]))
        elif d.kind == "reject":
            entity = anchored(args, "entity")
            if entity is not None:
                rejected.append(entity)
    for entity, name in renames:
        overrides.names[uf.find(entity)] = name
    overrides.rejected = {uf.find(k) for k in rejected}
    return overrides


def _anchored_surfaces(decisions: list[Any], locals_: dict[Key, LocalSurface]) -> dict[int, Key]:
    """Return the local surface of each mention that a decision anchors an entity to (only those: a full
    resolution has millions of mentions)."""
    wanted = {anchor.get("mention") for d in decisions for role in ("a", "b", "entity")
              if isinstance(anchor := d.args.get(f"{role}_anchor"), dict)}
    if not wanted:
        return {}
    return {m: k for k, ls in locals_.items() for m in ls.mention_ids if m in wanted}


def _find_surface(name: str, locals_: dict[Key, LocalSurface]) -> Key | None:
    """Return a local surface spelled `name` (the most mentioned one), or None."""
    surface = clean_surface(name)
    hits = [k for k, ls in locals_.items() if ls.surface == surface]
    if not hits:
        key = names.name_key(surface)
        hits = [k for k, ls in locals_.items() if names.name_key(ls.surface) == key]
    if not hits:
        return None
    return max(hits, key=lambda k: len(locals_[k].mention_ids))


def _detach(moved: list[Key], uf: UnionFind, reason: Reason) -> None:
    """Rebuild the union-find so the moved surfaces form their own entity, each explained by `reason`."""
    if not moved:
        return
    moved_set = set(moved)
    groups: dict[Key, list[Key]] = defaultdict(list)
    for k in list(uf.parent):
        groups[uf.find(k)].append(k)
    for members in groups.values():
        if not moved_set & set(members):
            continue
        for k in members:
            uf.parent[k] = k
        rest = [k for k in members if k not in moved_set]
        mine = [k for k in members if k in moved_set]
        for group in (rest, mine):
            for k in group[1:]:
                uf.parent[k] = group[0]
        for k in mine:
            uf.why[k] = reason
        uf.recount_nations(members)
