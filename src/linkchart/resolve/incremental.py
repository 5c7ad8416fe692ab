"""Resolution after articles were added: only the clusters their names can touch are resolved again.

The store keeps, from the last resolution (migration 0006), each mention's cluster, the keys
of each cluster's names (`region.link_keys`) and the name matcher's verdicts. The names of
the new articles (and those the analysts' decisions name) pull in the clusters filed under
their keys; the join passes and the decisions then run over the mentions of the new articles
and of those clusters only, with the matcher comparing only pairs it has not judged before.
The resulting clusters replace the ones pulled in; each takes the id of the old cluster it
shares most mentions with (so an entity whose cluster did not change keeps its id), the
others new ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from linkchart.resolve import names
from linkchart.resolve.blocking import MAX_CANDIDATES, block_keys
from linkchart.resolve.cluster import (
    LAST_RUN,
    Clustering,
    ResolvedEntity,
    _local_surfaces,
    _vote_types,
    build_entities,
    cluster_locals,
    entity_rows,
    resolver_rows,
    statement_key,
)
from linkchart.resolve.margins import COUNTED_SURNAME, added_by_key, after_adding
from linkchart.resolve.matcher_memo import MatcherMemo
from linkchart.resolve.reasons import NameMatch
from linkchart.resolve.region import BLOCK, block_candidates, clusters_for, decision_keys, description_like, link_keys
from linkchart.resolve.statements import used_statements
from linkchart.resolve.surfaces import (
    Key,
    LocalSurface,
    clean_surface,
    is_partial_person,
    mention_surface,
    written_form,
)
from linkchart.store.base import (
    AliasStatementRow,
    Attachment,
    EntityAliasRow,
    EntityRow,
    IncrementalInput,
    Region,
    ResolverRows,
    Store,
)


def resolve_added(store: Store, start: IncrementalInput) -> list[ResolvedEntity] | None:
    """Return the entities resolved again after the articles of `start` were added, once stored; None when a
    write changed the store since `start` was read (nothing stored)."""
    added = store.region(start.articles, [])
    locals_ = _local_surfaces(added.mentions)
    pulled, memo = pull(store, start, locals_, _vote_types(locals_), added.alias_statements)
    region = store.region(start.articles, sorted(pulled))
    return resolve_region(store, start, region, pulled, memo)


def pull(store: Store, start: IncrementalInput, locals_: dict[Key, LocalSurface], types: dict[Key, str],
         statements: list[AliasStatementRow], memo: MatcherMemo | None = None) -> tuple[set[int], MatcherMemo]:
    """Return the clusters the names of `locals_` and `statements` (and the decisions) can touch, and the name
    matcher's verdicts learnt on the way (added to `memo` when given): the clusters filed under their keys, and
    the matcher candidates holding a name it joins with one of them."""
    keys = decision_keys(start.decisions)
    surfaces = {(ls.surface, types[k]) for k, ls in locals_.items()}
    for st in statements:  # a stated name may have no mention of its own
        for text in (st.name, st.alias):
            surfaces |= {(s, t) for s in {clean_surface(text), written_form(text)} if s for t in ("ORG", "PERSON")}
    blocks: dict[str, set[str]] = {}
    for surface, type_ in surfaces:
        found = link_keys(surface, type_, query=True)
        keys |= found
        if not is_partial_person(surface, type_) and not description_like(surface):  # names the matcher compares
            blocks[surface] = {k for k in found if k.startswith(BLOCK)}
    filed = _surnames_only(store, _units_only(store, _acronyms_only(store, store.clusters_by_key(keys), surfaces),
                                              surfaces))
    pulled = clusters_for(filed)
    memo = memo or MatcherMemo()
    pulled |= _matched_clusters(store, blocks, filed, pulled, memo)
    return pulled, memo


def _acronyms_only(store: Store, filed: dict[str, list[int]], surfaces: set[tuple[str, str]]) -> dict[str, list[int]]:
    """Return `filed` without the initials of longer names ('a:KK' of 'Karim Kadir') that no stored name is
    an acronym of: initials relate names only through the acronym pass, which joins an acronym to the one
    entity of its expansions, so other names with the same initials are not touched by a new one."""
    own = {"a:" + s.replace(".", "").upper() for s, _ in surfaces if names.is_acronym(s)}
    initials = {k for k in filed if k.startswith("a:") and k not in own}
    if not initials:
        return filed
    rows = store.surface_rows(clusters={c for k in initials for c in filed[k]})
    stated = {"a:" + r.surface.replace(".", "").upper() for r in rows if names.is_acronym(r.surface)}
    return {k: v for k, v in filed.items() if k not in initials or k in stated}


def _surnames_only(store: Store, filed: dict[str, list[int]]) -> dict[str, list[int]]:
    """Return `filed` without the one-word names a new longer name looks up ('pw:' keys: 'Dawali' for 'Karim
    Dawali') when no resolution compared the counts of the full names holding that surname: the partial-name pass
    joins a surname alone to a full name of its own article, and to one of another article only as the dominant
    full name of an unresolved surname or of one under an epithet, which records that it counted
    (`passes.COUNTED_SURNAME`). Without such a record the new name touches none of them."""
    surnames = {k for k in filed if k.startswith("pw:")}
    if not surnames:
        return filed
    counted = store.clusters_by_key({COUNTED_SURNAME + k[3:] for k in surnames})
    return {k: v for k, v in filed.items() if k not in surnames or COUNTED_SURNAME + k[3:] in counted}


def _units_only(store: Store, filed: dict[str, list[int]], surfaces: set[tuple[str, str]]) -> dict[str, list[int]]:
    """Return `filed` with, under each 'u:' key (longer names made of a new name and another piece), only the clusters
    holding such a name whose other piece is a name some text uses (stored or new): the parent-prefixed pass relates
    a unit and its parent's longer name only when both pieces are names ('Velmora Guard' and 'Velmora' for
    'Velmora Guard Corps'), so the others are not touched by the new name."""
    units = {k for k in filed if k.startswith("u:")}
    if not units:
        return filed
    by_cluster: dict[int, list[str]] = {}
    for r in store.surface_rows(clusters={c for k in units for c in filed[k]}):
        by_cluster.setdefault(r.cluster, []).append(r.surface)
    others: dict[tuple[int, str], set[str]] = {}  # (cluster, piece key) -> the keys of the other pieces
    for cluster, found in by_cluster.items():
        for surface in found:
            tokens = names.name_tokens(surface)
            for i in range(1, len(tokens) - 1):
                head, tail = names.name_key(" ".join(tokens[:i])), names.name_key(" ".join(tokens[i:]))
                others.setdefault((cluster, head), set()).add(tail)
                others.setdefault((cluster, tail), set()).add(head)
    wanted = {o for found in others.values() for o in found} - {""}
    known = {r.name_key for r in store.surface_rows(keys=wanted)} | {names.name_key(s) for s, _ in surfaces}
    out = dict(filed)
    for k in units:
        piece = k[2:]
        out[k] = [c for c in filed[k] if (c not in by_cluster) or others.get((c, piece), set()) & known]
        if not out[k]:
            del out[k]
    return out


class Unsettled(Exception):
    """A region's resolution failed the check it was given: it may differ from a full resolution's."""


def resolve_region(store: Store, start: IncrementalInput, region: Region, pulled: set[int], memo: MatcherMemo,
                   attached: Attachment | None = None,
                   check: Callable[[Store, Region, Clustering, ResolverRows], bool] | None = None,
                   ) -> list[ResolvedEntity] | None:
    """Return the entities of `region` (the new articles' mentions and those of the clusters `pulled`) resolved
    again, once stored in place of the pulled clusters (with `attached`, in the same transaction); None when a
    write changed the store since `start` was read (nothing stored). Raises `Unsettled` (nothing stored) when
    `check` finds the resolution wanting."""
    locals_ = _local_surfaces(region.mentions)
    statements = region.alias_statements
    region = Region(region.mentions, used_statements(locals_, statements), region.clusters)
    _learn(store, memo, _surfaces(region))
    clustering = cluster_locals(locals_, region.alias_statements, start.decisions, memo)
    # every statement read was made, used or not: the kept state records them all as a full resolution does
    clustering.stated |= {statement_key(st.kind, st.name, st.alias) for st in statements}
    entities = build_entities(clustering)
    ids = _cluster_ids(clustering, region, start.next_cluster)
    rows = entity_rows(entities, ids)  # type: ignore[arg-type]
    kept = resolver_rows(clustering, entities, ids, start.next_cluster, start.articles)
    kept.margins = _margins(store, clustering, set(start.articles), attached)
    if attached is not None:  # the region's margins count what the attached mentions spent
        attached = replace(attached, resolver=replace(
            attached.resolver, margins={k: m for k, m in attached.resolver.margins.items() if k not in kept.margins}))
    if check is not None and not check(store, region, clustering, kept):
        raise Unsettled
    same = _unchanged(store, region, pulled, rows)
    if same:  # left as stored, but for their keys (the types voted over the region may differ)
        rows = ([e for e in rows[0] if e.id not in same], [a for a in rows[1] if a.entity_id not in same],
                [link for link in rows[2] if link[1] not in same])
        kept.clusters = [c for c in kept.clusters if c[1] not in same]
        kept.rekeyed = sorted(same)
    if store.update_entities(sorted(pulled - same), *rows, resolver=kept, based_on=start, attached=attached):
        LAST_RUN.update(kind="incremental", pairs=memo.compared, mentions=len(region.mentions), clusters=len(pulled))
        return entities
    return None


def _margins(store: Store, clustering: Clustering, articles: set[int], attached: Attachment | None) -> dict[str, int]:
    """Return the margins to keep of the count decisions the region's new mentions (those of `articles`) touch or its
    passes made (`margins.after_adding`), counting what the `attached` mentions spent."""
    added: Counter[str] = Counter()
    for members in clustering.clusters().values():
        new: Counter[str] = Counter()
        persons: set[str] = set()
        for ls in members:
            if ls.key[0] in articles:
                new[ls.surface] += len(ls.mention_ids)
                if clustering.types.of(ls) == "PERSON":
                    persons.add(ls.surface)
        if new:
            added.update(added_by_key([ls.surface for ls in members], new, persons))
    stored = store.count_margins(set(added) | set(clustering.consulted))
    if attached is not None:
        stored.update(attached.resolver.margins)
    return after_adding(stored, added, clustering.consulted)


def _unchanged(store: Store, region: Region, pulled: set[int],
               rows: tuple[list[EntityRow], list[EntityAliasRow], list[tuple[int, int]]]) -> set[int]:
    """Return the pulled clusters resolved again into exactly what is stored: the same id, mentions, entity row
    and aliases (with their reasons). Rewriting them would change nothing."""
    old: dict[int, set[int]] = {}
    for mention, cluster in region.clusters.items():
        old.setdefault(cluster, set()).add(mention)
    new: dict[int, set[int]] = {}
    for mention, entity in rows[2]:
        new.setdefault(entity, set()).add(mention)
    aliases: dict[int, list[EntityAliasRow]] = {}
    for a in rows[1]:
        aliases.setdefault(a.entity_id, []).append(a)
    out: set[int] = set()
    for e in rows[0]:
        if e.id not in pulled or old.get(e.id) != new.get(e.id) or store.entity(e.id) != e:
            continue
        if sorted(store.entity_aliases(e.id), key=_alias_order) == sorted(aliases.get(e.id, []), key=_alias_order):
            out.add(e.id)
    return out


def _alias_order(a: EntityAliasRow) -> tuple[str, int, str]:
    return a.alias, a.count, a.reason


def _matched_clusters(store: Store, blocks: dict[str, set[str]], filed: dict[str, list[int]], pulled: set[int],
                      memo: MatcherMemo) -> set[int]:
    """Return the clusters, among each new name's matcher candidates not pulled in already, holding a name the
    matcher joins with it (those it does not join stay as they are); the verdicts stay in `memo`.

    A new name is compared with the names of those clusters sharing most blocks with it, at most
    `blocking.MAX_CANDIDATES`, as the matcher would; a pair of names judged before is not compared again.
    """
    candidates = {surface: set(block_candidates(filed, keys)) - pulled for surface, keys in blocks.items()}
    # the names as the matcher reads them (`surfaces.mention_surface`), from the kept names: not every mention
    cleaned: dict[int, set[str]] = {}
    for r in store.surface_rows(clusters=set().union(*candidates.values())) if candidates else []:
        cleaned.setdefault(r.cluster, set()).add(r.surface)
    _learn(store, memo, set(blocks).union(*cleaned.values()))
    out: set[int] = set()
    for surface, clusters in candidates.items():
        mine = set(block_keys(surface))
        shared: dict[str, int] = {}
        owner: dict[str, int] = {}
        for cluster in sorted(clusters):
            for other in cleaned.get(cluster, ()):
                n = len(mine & set(block_keys(other)))
                if other != surface and n:
                    shared[other], owner[other] = n, cluster
        for other in sorted(shared, key=lambda o: (-shared[o], o))[:MAX_CANDIDATES]:
            if owner[other] not in out and memo.verdict(surface, other) is not None:
                out.add(owner[other])
    return out


def _learn(store: Store, memo: MatcherMemo, surfaces: set[str]) -> None:
    """Add to `memo` what the store knows of the matcher's verdicts on `surfaces`."""
    known, matches = store.matcher_verdicts(surfaces)
    memo.known |= known
    memo.matches.update({(a, b): NameMatch((a, b), score, tuple(features)) for a, b, score, features in matches})


def _surfaces(region: Region) -> set[str]:
    """Return every name the region's mentions and alias statements may give the name matcher."""
    out = {mention_surface(m) for m in region.mentions}
    for st in region.alias_statements:
        for text in (st.name, st.alias):
            out |= {clean_surface(text), written_form(text)}
    return out


def _cluster_ids(clustering: Clustering, region: Region, first_free: int) -> dict[Key, int]:
    """Return an id for each new cluster: the old cluster it shares most mentions with, else a new one.

    Larger clusters choose first; an old id goes to one new cluster only.
    """
    old_of = region.clusters
    clusters = clustering.clusters()
    mentions = {root: [m for ls in members for m in ls.mention_ids] for root, members in clusters.items()}
    ids: dict[Key, int] = {}
    taken: set[int] = set()
    following = first_free
    for root in sorted(clusters, key=lambda r: (-len(mentions[r]), r)):
        overlap: dict[int, int] = {}
        for m in mentions[root]:
            old = old_of.get(m)
            if old is not None and old not in taken:
                overlap[old] = overlap.get(old, 0) + 1
        if overlap:
            best = max(overlap, key=lambda c: (overlap[c], -c))
            ids[root] = best
            taken.add(best)
        else:
            ids[root] = following
            following += 1
    return ids
