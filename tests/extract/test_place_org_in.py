"""An organisation whose own 'in' phrase names a place is there (rule place_org_in, extract/relations.py); not an
armed force sent there, nor a bare name that may be a person's. Invented names."""

from __future__ import annotations

import pytest
from parsed_text import facts


@pytest.mark.parametrize("text,org,place", [
    ("The Orla Press in Tullmouth published several writers.", "Orla Press", "Tullmouth"),
    ("He became a student at the Varn Institute of Mathematics in Dunmore in 1975.", "Varn Institute of Mathematics",
     "Dunmore"),
    ("The letter is held by the Kellan Records Office in Brennick.", "Kellan Records Office", "Brennick"),
])
def test_an_organisation_with_an_in_phrase_is_in_that_place(nlp, text: str, org: str, place: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [(org, "ORG"), (place, "GPE")])
    assert (org, "located_in", place, "place_org_in") in got


@pytest.mark.parametrize("text,org,place", [
    ("The Varn Army in Ostria grew quickly.", "Varn Army", "Ostria"),
    ("Attacks on Varnish coalition forces in Ostria rose.", "Varnish coalition forces", "Ostria"),
    ("Tom Kell in Brennick said no.", "Tom Kell", "Brennick"),
])
def test_a_force_sent_somewhere_or_a_bare_name_is_not_placed(nlp, text: str, org: str, place: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [(org, "ORG"), (place, "GPE")])
    assert not any(s == org and p == "located_in" for s, p, *_ in got)


@pytest.mark.parametrize("text,org,place", [
    ("He worked at Varn Dynamics Corporation, Groton, from 1950 to 1960.", "Varn Dynamics Corporation", "Groton"),
    ("She is a visiting professor at the Orla Institute of Advanced Studies, Brennick.",
     "Orla Institute of Advanced Studies", "Brennick"),
    ("It was produced by the Roads Safety Association of Ostria, Varnland to promote safety.",
     "Roads Safety Association of Ostria", "Varnland"),
])
def test_an_organisation_before_a_comma_and_a_place_is_in_it(nlp, text: str, org: str, place: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [(org, "ORG"), (place, "GPE")])
    assert (org, "located_in", place, "place_org_comma") in got


def test_a_party_or_a_bare_name_before_a_comma_and_a_place_is_not_placed(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "He thanked the Harbour Party, Brennick, and his family.", [("Harbour Party", "ORG"),
                                                                                 ("Brennick", "GPE")])
    assert not any(s == "Harbour Party" and p == "located_in" for s, p, *_ in got)


@pytest.mark.parametrize("text,site,place", [
    ("He designed the plans of the Palais Brenner in Graz.", "Palais Brenner", "Graz"),
    ("An exhibition took place in the Musée du Kellan in Paris in 2011.", "Musée du Kellan", "Paris"),
])
def test_a_site_named_with_a_word_of_another_language_first_is_in_its_place(nlp, text: str, site: str,  # noqa: ANN001
                                                                              place: str) -> None:
    got = facts(nlp, text, [(site, "ORG"), (place, "GPE")])
    assert any(s == site and p == "located_in" and o == place for s, p, o, _ in got), got
