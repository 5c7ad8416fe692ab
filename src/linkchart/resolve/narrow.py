"""The clusters the regional names of added articles touch when their known names are followed only to their own
clusters (`split`): a name the store knows relates to other clusters as it did before, so only the article's new
names and new alias statements can join it to more.

A regional name is one `attach` could not join apart (a new name, a name its article joins with a new one, an
end of an alias statement never made before). Resolving it with every cluster its keys reach reads, for a name
like an acronym many groups share, most of the store. Here:

- a new name pulls in every cluster its keys reach (`incremental.pull`);
- a known name (written as the store writes it, with its type) pulls in only the clusters holding it by its
  spelling; a name joined only within articles pulls in none: an acronym texts define as different things (its
  earlier definitions, `Store.alias_meanings`, are read with the region so that the passes see it ambiguous as a
  full resolution does, also for the acronyms of the clusters pulled in), or a surname alone whose article names
  the person in full;
- an acronym of the region (known, or a name of a cluster pulled in) has its expansions pulled in, all of them
  when they are one or two entities, else the two smallest: the acronym pass joins an acronym to the one entity of
  its expansions, and the region must see whether there is one, not what it is;
- a new alias statement must be an acronym's definition whose acronym texts already defined (and, if it was
  ambiguous, still is; if it was not, still is not).

It gives up (None) when the new mentions would change the type voted for a known name or exceed the margin of a
decision a pass made by comparing the counts of its names (`margins`), and `settled` checks the result: no two
stored clusters joined, every known name of the region with its stored type and scope. Otherwise `split`
resolves with every cluster the keys reach.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from linkchart.resolve import names
from linkchart.resolve.cluster import RELIGIOUS_TITLES, Clustering, statement_key
from linkchart.resolve.incremental import pull
from linkchart.resolve.margins import added_by_key, newly_religious, spend_kept, surname_keys
from linkchart.resolve.matcher_memo import MatcherMemo
from linkchart.resolve.passes import (
    _EAST_ASIAN_GIVEN,
    _ambiguous_aliases,
    _contiguous,
    _local_for,
    alias_keys,
)
from linkchart.resolve.surfaces import Key, LocalSurface, clean_surface, is_partial_person, written_form
from linkchart.resolve.typing import vote_type
from linkchart.store.base import AliasStatementRow, IncrementalInput, Region, ResolverRows, Store, SurfaceRow

EXPANSION_ROUNDS = 3  # acronyms of clusters pulled in for another acronym's expansions, followed this deep


@dataclass
class Reach:
    """The clusters a narrow region pulls in, and the earlier acronym definitions read with it."""

    pulled: set[int]
    witnesses: list[AliasStatementRow]


def narrow_pull(store: Store, start: IncrementalInput, regional: dict[Key, LocalSurface],
                everything: dict[Key, LocalSurface], voted: dict[Key, str], statements: list[AliasStatementRow],
                memo: MatcherMemo) -> Reach | None:
    """Return the clusters the regional names touch when known names are followed only to their own clusters (and
    the acronym definitions to read with them); None when that does not hold for these names."""
    stated = store.clusters_by_key({statement_key(st.kind, st.name, st.alias) for st in statements})
    fresh = [st for st in statements if statement_key(st.kind, st.name, st.alias) not in stated]
    if any(st.kind != "acronym" for st in fresh):
        return None
    stated_keys = {k for st in fresh for k in alias_keys(st.alias)}
    keys = {names.name_key(ls.surface) for ls in regional.values()} - {""}
    rows = store.surface_rows(keys=keys | stated_keys)
    by_surface: dict[str, list[SurfaceRow]] = {}
    by_key: dict[str, list[SurfaceRow]] = {}
    for r in rows:
        by_surface.setdefault(r.surface, []).append(r)
        by_key.setdefault(r.name_key, []).append(r)
    new: dict[Key, LocalSurface] = {}
    pulled: set[int] = set()
    ambiguous: set[str] = set()  # keys of known acronyms joined only within articles
    acronyms: set[str] = set()
    known: list[tuple[Key, LocalSurface]] = []
    for k, ls in regional.items():
        found = by_surface.get(ls.surface)
        key = names.name_key(ls.surface)
        if not found:
            new[k] = ls
            continue
        if (k[1] != ls.surface or not key or {r.type for r in found} != {voted[k]}
                or len({r.scoped for r in found}) != 1):
            return None
        known.append((k, ls))
        if names.is_acronym(ls.surface):
            acronyms.add(ls.surface.replace(".", "").upper())
        if not found[0].scoped:
            pulled |= {r.cluster for r in by_key[key] if not r.scoped}
        elif names.is_acronym(ls.surface) and not is_partial_person(ls.surface, voted[k]) and not ls.surface.islower():
            ambiguous.add(key)
        elif not (is_partial_person(ls.surface, voted[k]) and _full_name_here(k, ls, everything, voted)):
            return None
    if not _votes_kept(known, everything, by_key) or _counted(store, known, pulled, voted):
        return None
    if pulled:
        acronyms |= {r.surface.replace(".", "").upper() for r in store.surface_rows(clusters=pulled)
                     if names.is_acronym(r.surface)}
    expansions = _expansions(store, acronyms, pulled)
    if expansions is None:
        return None
    pulled |= expansions
    by_article: dict[int, list[LocalSurface]] = {}
    for ls in everything.values():
        by_article.setdefault(ls.key[0], []).append(ls)
    unmentioned = [st for st in statements  # a stated name with no mention of its own: followed by its keys
                   if any(_local_for(st.article_id, clean_surface(t), everything, by_article) is None
                          for t in (st.name, st.alias))]
    if new or unmentioned:
        found_new, _ = pull(store, start, new, voted, unmentioned, memo)
        pulled |= found_new
    # acronyms of the region joined only within articles: the passes must see them defined as different things
    scoped = {r.surface for r in store.surface_rows(clusters=pulled) if r.scoped and names.is_acronym(r.surface)}
    witnesses = _witnesses(store, ambiguous, scoped, fresh, by_key)
    if witnesses is None:
        return None
    return Reach(pulled, witnesses)


def _full_name_here(k: Key, ls: LocalSurface, everything: dict[Key, LocalSurface], voted: dict[Key, str]) -> bool:
    """Return True when the article of a surname alone names a person in full with it: the partial-name pass then
    decides within the article (`passes._join_partials`), never across articles."""
    own = names.name_parts(ls.surface)
    for c, other in everything.items():
        parts = names.name_parts(other.surface)
        if c[0] != k[0] or voted.get(c) != "PERSON" or len(parts) < 2:
            continue
        if own[0] in (parts if _EAST_ASIAN_GIVEN.search(other.surface) else parts[1:]) and (
                len(own) == 1 or _contiguous(own, parts)):
            return True
    return False


def _votes_kept(known: list[tuple[Key, LocalSurface]], everything: dict[Key, LocalSurface],
                by_key: dict[str, list[SurfaceRow]]) -> bool:
    """Return True when the articles' mentions leave the type voted for each known name's key as it was."""
    for key in {names.name_key(ls.surface) for _, ls in known}:
        group = sorted(by_key[key], key=lambda r: (r.first_article, r.first_start))
        labels: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        for r in group:
            labels.update(r.labels)
            roles.update(r.roles)
        new_labels, new_roles = Counter(labels), Counter(roles)
        for ls in everything.values():
            if names.name_key(ls.surface) == key:
                new_labels.update(ls.labels)
                new_roles.update(ls.roles)
        first = group[0].surface
        if vote_type(first, labels, roles) != vote_type(first, new_labels, new_roles):
            return False
    return True


def _counted(store: Store, known: list[tuple[Key, LocalSurface]], pulled: set[int], voted: dict[Key, str]) -> bool:
    """Return True when the new mentions of the known names may exceed the margin of a decision a pass made by
    comparing the mention counts of a part of those names or of the names of their clusters (`margins`), or a
    known name first given a religious title joins clusters whose surnames a decision counted: they may change
    what it decided elsewhere."""
    rows = store.surface_rows(clusters=pulled) if pulled else []
    # which of the pulled clusters each known name joins is the region's to find: each may join any of them
    new: Counter[str] = Counter()
    for _, ls in known:
        new[ls.surface] += len(ls.mention_ids)
    persons = {ls.surface for k, ls in known if voted[k] == "PERSON"}
    added = added_by_key([r.surface for r in rows], new, persons)
    kept: dict[str, Counter[str]] = {}
    for r in rows:
        kept.setdefault(r.surface, Counter()).update(r.roles)
    titled = any(newly_religious(ls.roles, kept.get(ls.surface, {}), RELIGIOUS_TITLES) for _, ls in known)
    return isinstance(spend_kept(store, added, surname_keys(r.surface for r in rows) if titled else ()), str)


def _witnesses(store: Store, ambiguous: set[str], scoped: set[str], fresh: list[AliasStatementRow],
               by_key: dict[str, list[SurfaceRow]]) -> list[AliasStatementRow] | None:
    """Return the stored acronym definitions of the acronyms `ambiguous` (keys) and `scoped` (names) and of those
    `fresh` defines, when they show each of `ambiguous` defined as different things and leave what is ambiguous
    as it was; else None."""
    wanted = ambiguous | {k for st in fresh for k in alias_keys(st.alias)}
    spellings = {r.surface for k in wanted for r in by_key.get(k, [])} | scoped
    spellings |= {form for st in fresh for form in (st.alias, clean_surface(st.alias), written_form(st.alias))}
    if not spellings:
        return []
    said = [st for st in store.alias_meanings(spellings) if st.kind == "acronym"]
    before = _ambiguous_aliases(said)
    after = _ambiguous_aliases(said + fresh)
    defined = {names.name_key(clean_surface(st.alias)) for st in said}
    if not ambiguous <= before or (after - before) & wanted:
        return None
    if any(names.name_key(clean_surface(st.alias)) not in defined for st in fresh):
        return None  # a first definition: other statements of that alias stop counting as its meanings
    return _fewest(said, before)


def _fewest(said: list[AliasStatementRow], ambiguous: set[str]) -> list[AliasStatementRow]:
    """Return, of the definitions `said`, two that differ for each acronym they show `ambiguous` (enough for the
    passes to see it so), and all of the others'."""
    by_key: dict[str, list[AliasStatementRow]] = {}
    for st in said:
        for key in alias_keys(st.alias):
            by_key.setdefault(key, []).append(st)
    out: dict[int, AliasStatementRow] = {}
    for key, found in by_key.items():
        pair = _differing(found) if key in ambiguous else None
        out.update((st.id, st) for st in (pair or found))
    return sorted(out.values(), key=lambda st: st.id)


def _differing(found: list[AliasStatementRow]) -> list[AliasStatementRow] | None:
    """Return two definitions of different things among `found` (their keys' own meanings), if any."""
    first = found[0]
    for other in found[1:]:
        if not names.compare(clean_surface(first.name), clean_surface(other.name)).is_match:
            return [first, other]
    return None


def _expansions(store: Store, acronyms: set[str], pulled: set[int]) -> set[int] | None:
    """Return the clusters to pull in so that the region holds as many of each acronym's expansions as the acronym
    pass can tell apart (all of them when one or two entities, else two); also for the acronyms of those clusters."""
    out: set[int] = set()
    seen: set[str] = set()
    for _ in range(EXPANSION_ROUNDS):
        todo = acronyms - seen
        if not todo:
            return out
        seen |= todo
        filed = store.clusters_by_key({"a:" + a for a in todo})
        candidates = {c for cs in filed.values() for c in cs}
        rows = store.surface_rows(clusters=candidates) if candidates else []
        by_cluster: dict[int, list[SurfaceRow]] = {}
        for r in rows:
            by_cluster.setdefault(r.cluster, []).append(r)
        size = {c: sum(r.mentions for r in rs) for c, rs in by_cluster.items()}
        for a in todo:
            expanding = sorted((c for c in filed.get("a:" + a, []) if any(
                not names.is_acronym(r.surface) and len(names.name_tokens(r.surface)) >= 2
                and a in {x.upper() for x in names.acronym_of(r.surface)} for r in by_cluster.get(c, []))),
                key=lambda c: (size.get(c, 0), c))
            held = [c for c in expanding if c in pulled or c in out]
            if len(expanding) <= 2:
                out |= set(expanding)
            else:
                out |= set([c for c in expanding if c not in held][:max(0, 2 - len(held))])
        added = store.surface_rows(clusters=out) if out else []
        acronyms = acronyms | {r.surface.replace(".", "").upper() for r in added if names.is_acronym(r.surface)}
    return None if acronyms - seen else out


def settled(store: Store, region: Region, clustering: Clustering, kept: ResolverRows) -> bool:
    """Return True when a narrow region's resolution is what a full one gives: no two stored clusters joined, and
    every name the store knew keeps its stored type and scope."""
    for members in clustering.clusters().values():
        old = {region.clusters.get(m) for ls in members for m in ls.mention_ids} - {None}
        if len(old) > 1:
            return False
    stored: dict[str, set[tuple[str, bool]]] = {}
    for r in store.surface_rows(keys={r.name_key for r in kept.surfaces}):
        stored.setdefault(r.surface, set()).add((r.type, r.scoped))
    return all(stored[r.surface] == {(r.type, r.scoped)} for r in kept.surfaces if r.surface in stored)
