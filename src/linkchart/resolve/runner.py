"""Resolution of a store: incremental when it keeps the state of its last resolution, else full; stored only if
still current."""

from __future__ import annotations

import gc
from contextlib import nullcontext
from typing import Any

from linkchart.resolve.attach import attach_added
from linkchart.resolve.caches import clear_name_caches
from linkchart.resolve.cluster import (
    LAST_RUN,
    ResolvedEntity,
    build_entities,
    cluster_locals,
    entity_rows,
    made_resolver_rows,
    read_surfaces,
)
from linkchart.resolve.incremental import resolve_added
from linkchart.resolve.matcher_memo import MatcherMemo, forget_verdicts
from linkchart.resolve.split import resolve_split
from linkchart.store.base import ResolutionInput, Store

# Resolutions computed while no write holds the store; after that many were outdated by writes of
# another run, the next one holds the write lock from reading to storing (other writers wait).
UNLOCKED_ATTEMPTS = 2


def resolve_store(store: Store, force: bool = True, full: bool = False) -> list[ResolvedEntity] | None:
    """Return the entities resolved from the store's mentions, after storing them.

    Unless `force`, only when resolution is due (a write changed its input since the last one
    was stored); None when it was not. Unless `full`, when the store keeps the state of its
    last resolution, new articles whose names are all known join the clusters holding them
    (`attach.attach_added`: the entities returned hold only the mentions added), else only the
    clusters the new articles and the decisions touch are resolved again (`incremental.resolve_added`; when
    some of their names are known, those join their clusters and only the others are: `split.resolve_split`)
    and only those entities are returned. Resolvers of one
    store take turns (`Store.resolving`), so a second ingest that waited finds the work done.
    The result is stored only if what it was resolved from is still the store's: a document
    stored meanwhile by a writer makes it resolve again, and after `UNLOCKED_ATTEMPTS` such
    tries it reads and writes holding the write lock.
    """
    with store.resolving():
        for attempt in range(UNLOCKED_ATTEMPTS + 1):
            with store.exclusive() if attempt == UNLOCKED_ATTEMPTS else nullcontext():
                if not full:
                    start = store.incremental_input()
                    if start is not None:
                        if not (force or start.due > start.done):
                            return None
                        applies, found = attach_added(store, start)
                        if not applies:
                            applies, found = resolve_split(store, start)
                        if not applies:
                            found = resolve_added(store, start)
                        if found is not None:
                            return found
                        continue
                if not (force or store.resolution_due()):
                    return None
                # the mentions are streamed into local surfaces: only those are held, never a row per mention
                (locals_, read), snapshot = store.read_resolution(read_surfaces)
                if not (force or snapshot.is_due):
                    return None
                clustering = cluster_locals(locals_, _handed_over(snapshot), snapshot.decisions,
                                            MatcherMemo(remember=False), lean=True)
                del locals_
                compared = clustering.matcher.compared
                forget_verdicts(clustering.matcher)  # the pairs' verdicts are held in `found` by now
                clusters = clustering.clusters()
                entities = build_entities(clustering, clusters)
                # the aliases, the clusters' mentions, keys and names are made from the clusters as the store writes
                # them (never all held): the union-find, the matcher's and the passes' caches go before it writes
                rows = entity_rows(entities, {e.root: i for i, e in enumerate(entities, start=1)}, made=True)
                resolver = made_resolver_rows(clustering, entities, clusters)
                del clustering, clusters
                clear_name_caches()
                gc.collect()
                if store.replace_entities(*rows, based_on=snapshot, resolver=resolver):
                    LAST_RUN.update(kind="full", pairs=compared, mentions=read, clusters=len(entities))
                    return entities
                del rows, resolver
        return None




def _handed_over(snapshot: ResolutionInput) -> list[Any]:
    """Return the snapshot's alias statements, which it no longer holds (so that clustering can drop them once read:
    the snapshot itself is held until the store writes)."""
    statements, snapshot.alias_statements = snapshot.alias_statements, []
    return statements
