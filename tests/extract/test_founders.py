"""Founders who are members: a body made of its people (a band, a party, a movement, a society) counts those
who founded it among its members ('a band formed by X and Y', 'X founded the Blue Party'; rules
verb_found_member, role_founder_member); the founder of a company or a foundation is no member of it.
Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples

PEOPLE = [("Jamie Orton", "PERSON"), ("Ruth Bale", "PERSON"), ("Grey Tide", "ORG"), ("Harbour Party", "ORG"),
          ("Orlin Musical Society", "ORG"), ("Orlin Movement", "ORG"), ("Orlin Film Company", "ORG"),
          ("Orlin Foundation", "ORG")]


def named(text: str) -> list[tuple[str, str]]:
    """Return the mentions of PEOPLE that `text` names."""
    return [(name, label) for name, label in PEOPLE if name in text]


@pytest.mark.parametrize("text", [
    "Grey Tide is a rock band founded in 2000 by Jamie Orton and Ruth Bale.",
    "Grey Tide, a folk trio formed by Jamie Orton and Ruth Bale, released its first record in 1999.",
    "Grey Tide are a band formed in 1985 by Jamie Orton and Ruth Bale.",
    "Grey Tide were a new wave British group formed in 1985 by Jamie Orton and Ruth Bale as a side project.",
])
def test_the_founders_of_a_band_are_its_members(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, named(text))
    assert {("Jamie Orton", "member_of", "Grey Tide"), ("Ruth Bale", "member_of", "Grey Tide")} <= got


@pytest.mark.parametrize(("text", "body"), [
    ("In 1990 Jamie Orton founded the Harbour Party.", "Harbour Party"),
    ("Jamie Orton was the founder of the Orlin Musical Society.", "Orlin Musical Society"),
    ("Jamie Orton co-founded the Orlin Movement, a literary movement, in 1880.", "Orlin Movement"),
])
def test_the_founder_of_a_party_society_or_movement_is_its_member(nlp, text: str, body: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, named(text))
    assert {("Jamie Orton", "founded", body), ("Jamie Orton", "member_of", body)} <= got


def test_the_rule_is_named_after_the_founding_rule(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "In 1990 Jamie Orton founded the Harbour Party.", named("Harbour Party Jamie Orton"))
    assert ("Jamie Orton", "member_of", "Harbour Party", "verb_found_member") in got


@pytest.mark.parametrize(("text", "body"), [
    ("In 1913 Jamie Orton founded Orlin Film Company.", "Orlin Film Company"),
    ("Jamie Orton set up the Orlin Foundation in 1990.", "Orlin Foundation"),
    ("Jamie Orton was the founder of the Orlin Film Company.", "Orlin Film Company"),
])
def test_the_founder_of_a_company_or_foundation_is_no_member(nlp, text: str, body: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, named(text))
    assert ("Jamie Orton", "founded", body) in got
    assert ("Jamie Orton", "member_of", body) not in got


@pytest.mark.parametrize("text", [
    "Jamie Orton never founded the Harbour Party.",
    "The Harbour Party was not founded by Jamie Orton.",
])
def test_a_denied_founding_says_nothing_of_membership(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, named(text))
    assert ("Jamie Orton", "founded", "Harbour Party", "verb_found") in got  # denied, still read
    assert not any(p == "member_of" for _, p, _, _ in got)
