"""A body said to be made of its members or parts: 'Y is composed of A, B and C', 'Y consists of A', 'Y is made up
of A', 'Y comprises A' (rules verb_composed_of, verb_comprise): people and countries are members of Y, bodies are
parts of it. Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import triples

PACT = [("Northern Pact", "ORG"), ("Varnland", "GPE"), ("Ostria", "GPE"), ("Dorland", "GPE")]


@pytest.mark.parametrize("text", [
    "The Northern Pact is composed of Varnland, Ostria and Dorland.",
    "The Northern Pact consists of Varnland, Ostria, and Dorland.",
    "The Northern Pact is made up of Varnland, Ostria and Dorland.",
    "The Northern Pact comprises Varnland, Ostria and Dorland.",
    "The Northern Pact, a group composed of Varnland, Ostria and Dorland, met in May.",
])
def test_the_countries_a_body_is_made_of_are_its_members(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, PACT)
    for country in ("Varnland", "Ostria", "Dorland"):
        assert (country, "member_of", "Northern Pact") in got


@pytest.mark.parametrize("text", [
    "The Harbour Band consisted of Tom Vale, Ann Rook and Jim Carr.",
    "The Harbour Band was made up of Tom Vale, Ann Rook and Jim Carr.",
])
def test_the_people_a_group_is_made_of_are_its_members(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Harbour Band", "ORG"), ("Tom Vale", "PERSON"), ("Ann Rook", "PERSON"),
                              ("Jim Carr", "PERSON")])
    for person in ("Tom Vale", "Ann Rook", "Jim Carr"):
        assert (person, "member_of", "Harbour Band") in got


@pytest.mark.parametrize("text", [
    "The Tull Assembly consists of the Orla Senate and the Orla House of Delegates.",
    "The Tull Assembly is composed of the Orla Senate and the Orla House of Delegates.",
    "The Tull Assembly comprises the Orla Senate and the Orla House of Delegates.",
])
def test_the_bodies_a_body_is_made_of_are_its_parts(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Tull Assembly", "ORG"), ("Orla Senate", "ORG"), ("Orla House of Delegates", "ORG")])
    assert {("Orla Senate", "part_of", "Tull Assembly"), ("Orla House of Delegates", "part_of", "Tull Assembly")} <= got
    assert not any(p == "member_of" for _, p, _ in got)


def test_what_a_place_consisted_of_is_no_membership(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tull initially consisted of the towns of Orla and Brenna.",
                  [("Tull", "GPE"), ("Orla", "GPE"), ("Brenna", "GPE")])
    assert not any(p in {"member_of", "part_of"} for _, p, _ in got)


def test_a_town_an_area_is_made_of_is_no_member(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "The Orla Board is made up of the capital town of Tull and other towns.",
                  [("Orla Board", "ORG"), ("Tull", "GPE")])
    assert ("Tull", "member_of", "Orla Board") not in got
