"""A figure and the place named after him (linkchart.resolve.named_after), and given names in another order, as the
matcher and the resolver see them. Invented names."""

from __future__ import annotations

import pytest
from mention_rows import M

from linkchart.resolve.cluster import resolve
from linkchart.resolve.compare import compare
from linkchart.resolve.named_after import figure_and_place, named_after_figure


@pytest.mark.parametrize("name", ["Saint-Orvan", "Saint - Orvan", "St-Orvan", "St. - Orvan", "Saint-Orvan-des-Prés"])
def test_a_hyphenated_epithet_names_a_place(name: str) -> None:
    assert named_after_figure(name)


@pytest.mark.parametrize("name", ["Saint Orvan", "St. Orvan", "Orvan", "Jean-Orvan Tass", "Saint"])
def test_an_epithet_written_apart_or_no_epithet_names_no_place(name: str) -> None:
    assert not named_after_figure(name)


def test_only_a_figure_against_a_place_named_after_him_differs() -> None:
    assert figure_and_place("Saint Orvan", "Saint-Orvan")
    assert figure_and_place("St - Orvan", "St. Orvan")
    assert not figure_and_place("Saint-Orvan", "Saint - Orvan")  # two writings of the town
    assert not figure_and_place("Saint Orvan", "Orvan")  # the saint's name alone: the partial-name rules decide


@pytest.mark.parametrize(("a", "b"), [("Saint Orvan", "Saint-Orvan"), ("Saint Orvan", "Saint - Orvan"),
                                      ("St. Orvan", "St-Orvan")])
def test_the_matcher_keeps_a_saint_and_his_town_apart(a: str, b: str) -> None:
    m = compare(a, b)
    assert not m.is_match and "figure_and_place" in m.features


def test_the_resolver_keeps_a_saint_and_his_town_apart_in_one_article() -> None:
    ms = [M(1, 1, "Saint Orvan", "PERSON"), M(2, 1, "Saint-Orvan", "GPE"), M(3, 1, "Saint Orvan", "PERSON"),
          M(4, 1, "Saint - Orvan", "GPE"), M(5, 2, "Saint Orvan", "PERSON")]
    entities = {frozenset(a.alias for a in e.aliases) for e in resolve(ms, [], [])}
    assert frozenset({"Saint Orvan"}) in entities  # the towns are named apart from the saint


@pytest.mark.parametrize(("a", "b"), [("Anna Louise", "Louise Anna"), ("Juan Pablo", "Pablo Juan"),
                                      ("Juan Pablo", "Pablo Juana")])
def test_common_given_names_in_another_order_are_another_name(a: str, b: str) -> None:
    m = compare(a, b)
    assert not m.is_match and "given_names_reordered" in m.features


@pytest.mark.parametrize(("a", "b"), [("Tarifi Salim", "Salim Tarifi"), ("Varga Anna", "Anna Varga")])
def test_a_surname_written_first_still_matches(a: str, b: str) -> None:
    m = compare(a, b)
    assert m.is_match and "given_names_reordered" not in m.features


def test_the_resolver_keeps_two_compound_given_names_apart() -> None:
    ms = [M(1, 1, "Juan Pablo", "PERSON"), M(2, 1, "Pablo Juan", "PERSON"), M(3, 1, "Juan Pablo", "PERSON")]
    entities = {frozenset(a.alias for a in e.aliases) for e in resolve(ms, [], [])}
    assert entities == {frozenset({"Juan Pablo"}), frozenset({"Pablo Juan"})}
