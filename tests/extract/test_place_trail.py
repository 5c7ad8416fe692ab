"""A place noun's location phrases name every place it is in, each inside the next (rule place_trail): 'X is a
village in the district of A, within B, in northern C'. Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples

PLACES = [("Brennick", "GPE"), ("Ostra", "GPE"), ("Varn County", "GPE"), ("Karsland", "GPE")]


@pytest.mark.parametrize("text", [
    "Brennick is a village in the administrative district of Ostra, within Varn County, in northern Karsland.",
    "Brennick, a village in the district of Ostra, within Varn County, in Karsland, was flooded.",
    "Brennick is a small village and civil parish in the district of Ostra, within Varn County, in Karsland.",
])
def test_a_village_is_in_every_place_of_its_trail(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, PLACES)
    for outer in ("Ostra", "Varn County", "Karsland"):
        assert ("Brennick", "located_in", outer) in got, got
    assert ("Ostra", "located_in", "Varn County") in got
    assert ("Varn County", "located_in", "Karsland") in got


@pytest.mark.parametrize("text", [
    "Tolva is a municipality in the eastern part of the Karsish state of Ostra.",
    "Tolva is a town on the north side of the state of Ostra.",
    "Tolva is an island located in the state of Ostra.",
    "Tolva is a town in the north of the state of Ostra.",
])
def test_the_trail_passes_through_parts_and_sides(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Tolva", "GPE"), ("Ostra", "GPE")])
    assert ("Tolva", "located_in", "Ostra") in got, got


def test_places_side_by_side_are_each_in_the_next_level(nlp) -> None:  # noqa: ANN001
    text = "Orla Creek is a river in Ostra County and Varn County, in Karsland."
    got = facts(nlp, text, [("Orla Creek", "LOC"), ("Ostra County", "GPE"), ("Varn County", "GPE"),
                            ("Karsland", "GPE")])
    pairs = {(s, o) for s, p, o, _ in got if p == "located_in"}
    assert {("Orla Creek", "Ostra County"), ("Orla Creek", "Varn County"), ("Ostra County", "Karsland"),
            ("Varn County", "Karsland")} <= pairs
    assert ("Ostra County", "Varn County") not in pairs and ("Varn County", "Ostra County") not in pairs


def test_a_country_is_never_inside_the_next_place(nlp) -> None:  # noqa: ANN001
    text = "The Orla Club is a golf club in the northwest United States, in suburban Tolva, Ostra."
    got = triples(nlp, text, [("Orla Club", "ORG"), ("northwest United States", "LOC"), ("Tolva", "GPE"),
                              ("Ostra", "GPE")])
    assert ("Orla Club", "located_in", "Tolva") in got
    assert not any(s == "northwest United States" for s, p, _ in got if p == "located_in")


@pytest.mark.parametrize("text", [
    "Brennick is a village near Ostra, in Karsland.",
    "Brennick is a village between Ostra and Tolva.",
    "Brennick is a village 20 miles from Ostra.",
])
def test_near_from_and_between_name_no_container(nlp, text: str) -> None:  # noqa: ANN001
    names = [("Brennick", "GPE"), ("Ostra", "GPE"), ("Tolva", "GPE"), ("Karsland", "GPE")]
    got = triples(nlp, text, [(n, label) for n, label in names if n in text])
    assert ("Brennick", "located_in", "Ostra") not in got
    assert ("Brennick", "located_in", "Tolva") not in got


def test_on_a_river_names_no_container(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tolva is a town on the Orla River, in Ostra.", [("Tolva", "GPE"), ("Orla River", "LOC"),
                                                                      ("Ostra", "GPE")])
    assert ("Tolva", "located_in", "Orla River") not in got
    assert ("Tolva", "located_in", "Ostra") in got


def test_a_country_before_the_state_noun_comes_after_the_state(nlp) -> None:  # noqa: ANN001
    text = "Tolva is a city in Orla County, in the Karsish state of Ostra."
    got = triples(nlp, text, [("Tolva", "GPE"), ("Orla County", "GPE"), ("Karsish", "NORP"), ("Ostra", "GPE")])
    assert ("Orla County", "located_in", "Ostra") in got, got
    assert ("Tolva", "located_in", "Ostra") in got


@pytest.mark.parametrize("text,ents", [
    ("Orla Rovers is a Portuguese professional football club based in Tullmouth.",
     [("Orla Rovers", "ORG"), ("Portuguese", "NORP"), ("Tullmouth", "GPE")]),
    ("Orla Rovers is a football club based in Tullmouth, Portugal.",
     [("Orla Rovers", "ORG"), ("Tullmouth", "GPE"), ("Portugal", "GPE")]),
    ("Orla Museum is an art museum headquartered in Tullmouth.", [("Orla Museum", "ORG"), ("Tullmouth", "GPE")]),
])
def test_a_site_based_in_a_place_is_there(nlp, text: str, ents) -> None:  # noqa: ANN001
    assert (ents[0][0], "located_in", "Tullmouth") in triples(nlp, text, ents)
