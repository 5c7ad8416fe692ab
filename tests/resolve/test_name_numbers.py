"""Numbers in names (linkchart.resolve.name_numbers) and what the resolver does with them. Invented names."""

from __future__ import annotations

import pytest
from mention_rows import M

from linkchart.resolve.cluster import resolve
from linkchart.resolve.compare import compare
from linkchart.resolve.name_numbers import name_numbers, numbers_differ
from linkchart.resolve.names import name_key


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("Varnley School District 211", (211,)),
        ("Route 66", (66,)),
        ("Aldric III", (3,)),
        ("Aldric XIV of Tarnia", (14,)),
        ("Third Varnian War I", (1,)),
        ("Pius V", (5,)),
        ("Mara V. Lind", ()),  # an initial, not a numeral
        ("Tom V Lind", ()),  # one letter inside a name: an initial
        ("IV Corps", ()),  # the first word
        ("Xi Tarnen", ()),
        ("Varnley", ()),
    ],
)
def test_the_numbers_a_name_carries(name: str, numbers: tuple[int, ...]) -> None:
    assert name_numbers(name) == numbers


def test_numbers_differ_only_when_both_names_carry_them() -> None:
    assert numbers_differ("Varnley District 211", "Varnley District 214")
    assert numbers_differ("Aldric II", "Aldric III")
    assert not numbers_differ("Varnley Cup", "Varnley Cup 2014")  # one without: either
    assert not numbers_differ("Aldric IV", "Aldrik IV")


def test_names_of_one_series_have_different_keys() -> None:
    assert name_key("Aldric II") != name_key("Aldric III")
    assert name_key("Varnley District 211") != name_key("Varnley District 88")
    assert name_key("Aldric IV") == name_key("Aldrik IV")  # a spelling, the same number
    assert name_key("Varnley") == name_key("Varnly")
    assert name_key("10 Varnley Street") == name_key("Varnley Street")  # a house number: the same street


@pytest.mark.parametrize(("a", "b"), [("Aldric II", "Aldric III"), ("Varnley Route 5", "Varnley Route 270"),
                                      ("1975 Tarn Cup", "1985 Tarn Cup")])
def test_the_matcher_keeps_names_with_different_numbers_apart(a: str, b: str) -> None:
    m = compare(a, b)
    assert not m.is_match and "numbers_differ" in m.features


def test_one_article_keeps_two_districts_and_two_kings_apart() -> None:
    ms = [M(1, 1, "Township District 211", "GPE"), M(2, 1, "Township District 214", "GPE"),
          M(3, 1, "Township District 211", "GPE"), M(4, 1, "Aldric II", "PERSON"), M(5, 1, "Aldric III", "PERSON"),
          M(6, 2, "Aldric II", "PERSON")]
    entities = {frozenset(a.alias for a in e.aliases) for e in resolve(ms, [], [])}
    assert frozenset({"Township District 211"}) in entities
    assert frozenset({"Township District 214"}) in entities
    assert frozenset({"Aldric II"}) in entities and frozenset({"Aldric III"}) in entities


def test_a_year_before_a_name_keeps_two_editions_apart_and_a_house_number_joins_its_street() -> None:
    ms = [M(1, 1, "1975 Tarn Cup", "EVENT"), M(2, 1, "1985 Tarn Cup", "EVENT"), M(3, 2, "10 Varnley Street", "FAC"),
          M(4, 2, "Varnley Street", "FAC")]
    entities = {frozenset(a.alias for a in e.aliases) for e in resolve(ms, [], [])}
    assert frozenset({"1975 Tarn Cup"}) in entities and frozenset({"1985 Tarn Cup"}) in entities
    assert frozenset({"10 Varnley Street", "Varnley Street"}) in entities
