"""Tests for linkchart.resolve.name_align: how alike two name parts are, and aligning two names.

Names here are invented or are common given names; none comes from the evaluation data.
"""

from __future__ import annotations

import pytest
from rapidfuzz.distance import Levenshtein

from linkchart.resolve.name_align import (
    MIN_SIMILARITY,
    SHORT_CONSONANTS_DIFFER,
    SHORT_KEY,
    SKELETON_SHARE,
    align,
    clear_pair_cache,
    part_similarity,
)
from linkchart.resolve.name_parts import Part, parse_name


def similarity(a: str, b: str) -> tuple[float, str]:
    return part_similarity(parse_name(a).parts[0], parse_name(b).parts[0])


def test_same_key_is_the_same_part() -> None:
    assert similarity("Qasrawi", "Kasrawi") == (1.0, "same")


def test_spelling_variants_are_alike_and_different_names_are_not() -> None:
    sim, how = similarity("Tarifi", "Tareefy")
    assert how in ("same", "spelling") and sim > 0.9
    assert similarity("Tarifi", "Qarmudawi")[0] < MIN_SIMILARITY


def test_different_names_that_romanise_alike_never_match() -> None:
    assert similarity("Hassan", "Husayn") == (0.0, "distinct_names")
    assert similarity("محمد", "Mahmoud")[1] == "distinct_names"


def test_byname_is_not_a_spelling_but_a_nasab_may_be_left_out() -> None:
    assert similarity("Abu Tariq", "Tariq") == (0.0, "byname")
    sim, how = similarity("bin Tariq", "Tariq")
    assert how == "nasab_omitted" and 0.8 < sim < 1


def test_initial_matches_its_letter_only() -> None:
    assert similarity("S.", "Salim")[1] == "initial" and similarity("S.", "Salim")[0] > 0.8
    assert similarity("K.", "Salim")[0] == 0


def test_nisba_is_not_one_spelling() -> None:
    sim, how = similarity("Qarmud", "Qarmudi")
    assert how == "nisba" and sim <= 0.7


def test_align_pairs_parts_in_any_order_and_joins_parts_written_apart() -> None:
    links = align(parse_name("Tarifi Salim"), parse_name("Salim Tarifi"))
    assert sorted((k.a, k.b) for k in links) == [((0,), (1,)), ((1,), (0,))]
    joined = align(parse_name("Najm al-Din Qarani"), parse_name("Najmudin Qarani"))
    assert any(k.how == "joined" and k.a == (0, 1) and k.b == (0,) for k in joined)


def test_weak_link_across_the_order_of_sure_ones_is_dropped() -> None:
    assert MIN_SIMILARITY <= similarity("Zubar", "Zubrat")[0] < 0.75  # weak, but a link on its own
    in_place = align(parse_name("Qarani Tarifi Zubar"), parse_name("Qarani Tarifi Zubrat"))
    assert len(in_place) == 3
    crossing = align(parse_name("Qarani Tarifi Zubar"), parse_name("Zubrat Qarani Tarifi"))
    assert len(crossing) == 2 and all(k.similarity == 1.0 for k in crossing)


# ---- the shortcuts of part similarity (speed) must not change a similarity that links parts ----

_INVENTED = ["Tarifi", "Tareefy", "Qarmudawi", "Qardumawi", "Zubar", "Zubrat", "Salim", "Saleem", "Najmudin",
             "Qarani", "Kasrawi", "Hamadeni", "Alzubari", "Zubari", "Tarif", "Sal", "Qadhubi", "Gaduby", "Vehzar",
             "Wahzar", "Thulami", "Sulami", "Ouraibi", "Uraybi", "Chahzin", "Shahzin", "Mo", "Ma"]


def _exact_blend(u: Part, v: Part) -> float:
    """The blend of key and skeleton likeness measured for every reading pair, without any cutoff."""
    best = 0.0
    for a, sa in zip(u.keys, u.skeletons, strict=True):
        for b, sb in zip(v.keys, v.skeletons, strict=True):
            sim = (1 - SKELETON_SHARE) * Levenshtein.normalized_similarity(a, b) \
                + SKELETON_SHARE * (Levenshtein.normalized_similarity(sa, sb) if (sa or sb) else 1.0)
            if min(len(a), len(b)) <= SHORT_KEY and sa != sb:
                sim *= SHORT_CONSONANTS_DIFFER
            best = max(best, sim)
    return best


def test_spelling_similarity_is_exact_wherever_it_can_link_parts() -> None:
    for x in _INVENTED:
        for y in _INVENTED:
            u, v = parse_name(x).parts[0], parse_name(y).parts[0]
            sim, how = part_similarity(u, v)
            if how != "spelling" or u.sig.forms.glued or v.sig.forms.glued:
                continue  # a joined article ('Alzubari') is also compared without it
            exact = _exact_blend(u, v)
            if exact >= MIN_SIMILARITY:
                assert sim == pytest.approx(exact, abs=1e-12), (x, y)
            else:
                assert sim < MIN_SIMILARITY, (x, y)


def test_part_similarity_is_symmetric_and_the_same_from_an_empty_cache() -> None:
    parts = [parse_name(x).parts[0] for x in _INVENTED]
    first = {(i, j): part_similarity(u, v) for i, u in enumerate(parts) for j, v in enumerate(parts)}
    clear_pair_cache()
    for (i, j), found in first.items():
        assert part_similarity(parts[j], parts[i]) == found


def test_one_part_names_align_like_longer_ones() -> None:
    assert [(k.a, k.b, k.how) for k in align(parse_name("Zubar"), parse_name("Zubrat"))] == [((0,), (0,), "spelling")]
    assert align(parse_name("Tarifi"), parse_name("Qarmudawi")) == []
