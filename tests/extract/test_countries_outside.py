"""A country is never inside a town or a region (extract/locations.py `countries_kept_outside`): such a link comes of
a parse that joined the wrong names. Invented places; countries from the gazetteer."""

from __future__ import annotations

import pytest

from linkchart.extract.locations import countries_kept_outside
from linkchart.models import Relation


def _link(subject: str, obj: str, predicate: str = "located_in") -> Relation:
    return Relation(subject=subject, predicate=predicate, object=obj, subject_span=(0, 1), object_span=(2, 3),
                    start=0, end=10, rule="verb_based_in")


@pytest.mark.parametrize("subject,obj", [("Portugal", "Tull"), ("Portugal", "Ostra County"),
                                         ("northern Portugal", "Brennick")])
def test_a_country_inside_a_town_or_region_is_dropped(subject: str, obj: str) -> None:
    assert countries_kept_outside([_link(subject, obj)], ["Europe"]) == []


@pytest.mark.parametrize("link", [
    _link("Tull", "Portugal"),  # a town in a country
    _link("Portugal", "Europe"),  # a country in a continent
    _link("Portugal", "Tull", predicate="member_of"),  # other predicates are not places
    _link("Orla Bank", "Tull"),
])
def test_other_links_are_kept(link: Relation) -> None:
    assert countries_kept_outside([link], ["Europe"]) == [link]
