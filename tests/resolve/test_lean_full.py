"""What a full resolution of a large store holds less of (#14: peak RSS): the same results from slimmer state."""

from __future__ import annotations

from linkchart.resolve import names
from linkchart.resolve.blocking import block_keys, candidate_pairs
from linkchart.resolve.caches import clear_name_caches
from linkchart.resolve.cluster import (
    SurfaceTypes,
    _local_surfaces,
    _vote_surface_types,
    _vote_types,
    build_entities,
    cluster_locals,
    entity_rows,
    made_resolver_rows,
    resolver_rows,
)
from linkchart.resolve.matcher_memo import MatcherMemo
from linkchart.resolve.surfaces import LocalSurface
from linkchart.store.base import ResolutionMention, ResolutionStatement

# invented names: a full name and its surname, a spelling variant, an organisation with its acronym, a place
ROWS = [
    (1, 1, "Karim Dawali", "PERSON", None, None, None), (2, 1, "Dawali", "ORG", None, None, None),
    (3, 1, "Verdant Harbour Union", "ORG", None, None, None), (4, 1, "VHU", "ORG", None, None, None),
    (5, 2, "Kareem Dawali", "PERSON", "Minister", None, None), (6, 2, "Tal Sabr", "GPE", None, None, None),
    (7, 3, "Dawali", "PERSON", None, None, None), (8, 3, "Nadia Qasimi", "PERSON", None, None, None),
    (9, 3, "Nadya Qasimi", "PERSON", None, None, None), (10, 3, "Tal Sabr", "LOC", None, None, None),
]
STATEMENTS = [ResolutionStatement(1, 1, "Verdant Harbour Union", "VHU", "acronym", "The Verdant Harbour Union (VHU).")]


def mentions() -> list[ResolutionMention]:
    """Return the invented mention rows, as a full resolution streams them."""
    return [ResolutionMention(*row) for row in ROWS]


def test_types_held_by_surface_are_the_types_voted_by_key() -> None:
    locals_ = _local_surfaces(mentions())
    voted = _vote_types(locals_)
    types = SurfaceTypes(locals_, {ls.surface: voted[k] for k, ls in locals_.items()})
    assert dict(types) == voted and voted[(1, "Dawali")] == "PERSON"  # the surname of a person named in full
    types[(9, "Tal Sabr City")] = "GPE"  # a name known only from an alias statement keeps its own type
    assert types[(9, "Tal Sabr City")] == "GPE" and types.get((9, "Nowhere"), "ORG") == "ORG"


def test_a_lean_clustering_makes_the_same_entities_and_forgets_the_pairs_it_judged() -> None:
    kept = cluster_locals(_local_surfaces(mentions()), STATEMENTS, [], MatcherMemo())
    lean_memo = MatcherMemo(remember=False)
    lean = cluster_locals(_local_surfaces(mentions()), list(STATEMENTS), [], lean_memo, lean=True)
    assert kept.matcher.judged and not lean_memo.judged
    assert lean.stated == kept.stated and lean.matcher.found == kept.matcher.found
    assert [(e.name, e.type, list(e.mention_ids), [(a.alias, a.reason) for a in e.aliases])
            for e in build_entities(lean)] == [(e.name, e.type, list(e.mention_ids),
                                                [(a.alias, a.reason) for a in e.aliases])
                                               for e in build_entities(kept)]


def test_emptied_name_caches_give_the_same_answers() -> None:
    before = [(names.name_key(s), names.name_parts(s), block_keys(s)) for s in ("Karim Dawali", "Nadya Qasimi")]
    assert names.name_key.cache_info().currsize
    clear_name_caches()
    assert names.name_key.cache_info().currsize == 0
    assert [(names.name_key(s), names.name_parts(s), block_keys(s)) for s in ("Karim Dawali", "Nadya Qasimi")] == before


def test_candidate_pairs_come_in_block_order_with_the_earlier_name_first() -> None:
    surfaces = ["Karim Dawali", "Nadia Qasimi", "Kareem Dawali", "Nadya Qasimi", "Karim Qasimi"]
    blocks: dict[str, list[str]] = {}
    for s in surfaces:
        for k in block_keys(s):
            blocks.setdefault(k, []).append(s)
    expected: list[tuple[str, str]] = []  # a small corpus: every pair sharing a block, placed in its first block
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) not in expected and (b, a) not in expected:
                    expected.append((a, b))
    assert candidate_pairs(surfaces) == expected
    assert expected[0] == ("Karim Dawali", "Kareem Dawali")  # 'Kareem' and 'Karim' share the block 'kar'


def test_rows_made_as_written_are_the_rows_held() -> None:
    statements = [*STATEMENTS, ResolutionStatement(2, 3, "Nadia Qasimi", "Umm Karim", "known_as", "Umm Karim.")]
    clustering = cluster_locals(_local_surfaces(mentions()), statements, [], MatcherMemo())
    clusters = clustering.clusters()
    entities = build_entities(clustering, clusters)
    assert entities == build_entities(clustering)
    ids = {e.root: i for i, e in enumerate(entities, start=1)}
    held = entity_rows(entities, ids)
    made = entity_rows(entities, ids, made=True)
    assert not isinstance(made[1], list) and list(made[1]) == held[1] == list(made[1])  # made again, the same
    assert made[0] == held[0] and list(made[2]) == list(held[2])
    kept = resolver_rows(clustering, entities)
    lazy = made_resolver_rows(clustering, entities, clusters)
    assert sorted(lazy.clusters) == sorted(kept.clusters)
    assert sorted(lazy.keys) == kept.keys and len(set(lazy.keys)) == len(list(lazy.keys))  # each key once
    assert list(lazy.surfaces) == kept.surfaces and kept.surfaces
    assert (lazy.names, lazy.matches, lazy.next_cluster) == (kept.names, kept.matches, kept.next_cluster)


def test_detached_types_answer_for_the_local_surfaces_known() -> None:
    locals_ = _local_surfaces(mentions())
    types = SurfaceTypes(locals_, _vote_surface_types(locals_))
    extra = LocalSurface((9, "Tal Sabr City"), "Tal Sabr City", extra=True)
    types[extra.key] = "GPE"
    detached = types.detached()
    assert len(detached) == 0  # no mapping of the local surfaces held
    assert [detached.of(ls) for ls in [*locals_.values(), extra]] == [types.of(ls) for ls in [*locals_.values(), extra]]
    assert [types.of(ls) for ls in locals_.values()] == [types.get(k, "ORG") for k in locals_]
    assert types.of(extra) == "GPE" and types.of(LocalSurface((9, "Nowhere"), "Nowhere")) == "ORG"
