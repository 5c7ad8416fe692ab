"""Where a reference page's opening sets it (extract/pages.py): the region is a political unit, never a sound or a
river the subject lies in, and a country the model left inside a longer place name ('the Lowlands of Belgium') is
still the page's country. Invented pages and names."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _page(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.object, r.rule) for r in found.relations if r.predicate == "located_in"}


@pytest.mark.parametrize("text,region", [
    ("Kelm Island is an island located in Varn Sound near Brennick, Ostra County.\nIt lies north of Dorn.",
     "Ostra County"),
    ("Kelm Island is an island in the Varn Sound near the town of Brennick, Kelmshire.\nA ferry runs to Dorn.",
     "Kelmshire"),
    ("Kelm Island is an island located in Varn Sound near Brennick, New Tullia.\nIt lies north of Dorn.",
     "New Tullia"),
])
def test_the_region_is_the_political_unit_not_the_water_the_subject_lies_in(nlp: Language, text: str,
                                                                             region: str) -> None:
    got = _page(nlp, text)
    assert ("Dorn", region, "page_region_alone") in got, got


@pytest.mark.parametrize("text,place", [
    ("Kell Water is a small lake in the Lowlands of Belgium, north of Brennick.\nWater from the lake feeds the Orla "
     "Canal, a canal crossing Belgium from Dorn to the sea.", "Dorn"),
    ("Kell Water is a small lake in the Lowlands of Belgium, north of Brennick.\nIt is one of the lakes of Belgium "
     "that feed the River Tull.", "Brennick"),
])
def test_a_country_inside_a_place_name_of_the_opening_is_the_pages_country(nlp: Language, text: str,
                                                                          place: str) -> None:
    got = _page(nlp, text)
    assert any(s == place and o == "Belgium" and rule.startswith("page_country") for s, o, rule in got), got


@pytest.mark.parametrize("text", [
    "Orla District is a district of Kelm Province in southern Portugal.\nThe district includes the towns of Brennick "
    "and Dornfield.\nThe district seat is the town of Orla.",
    "Kell Municipality is a municipality of Ostra Province in Portugal.\nThe municipality includes the villages of "
    "Brennick and Dornfield.",
])
def test_a_page_about_an_administrative_unit_holds_the_towns_it_names(nlp: Language, text: str) -> None:
    got = _page(nlp, text)
    unit = text.split(" is ")[0]
    assert ("Brennick", unit, "page_district") in got, got
    # the town the unit is named after may lie outside it
    assert not any(s == unit.split()[0] and o == unit for s, o, _ in got), got


def test_a_site_named_like_one_is_in_the_pages_region(nlp: Language) -> None:
    got = _page(nlp, "Kelm Harbor is an inlet on the north side of the Varn Sound in the state of Ostra in Portugal.\n"
                     "The Kellan Point Lighthouse was built in 1899 to guard the harbor.")
    assert ("Kellan Point Lighthouse", "Ostra", "page_region") in got, got
