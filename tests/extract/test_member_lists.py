"""Memberships the parse hides: a list of bodies after 'a member of' that the parser hangs on the verb ('a member
of the A, B, C, and D'; rule listed_after, extract/name_lists.py), and a party's adjective before a role that has
an 'of' phrase of its own ('a Republican member of the Y House' is a member of both; a nation's adjective is no
body). Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import triples

NAMES = [("Nora Quell", "PERSON"), ("Ruth Bale", "PERSON"), ("Tom Varga", "PERSON"), ("Varn Hawks", "ORG"),
         ("Dell Stags", "ORG"), ("Tolby Rams", "ORG"), ("Marsh Owls", "ORG"), ("Orlin House of Delegates", "ORG"),
         ("Orlin City Council", "ORG"), ("Republican", "NORP"), ("Labour", "NORP"), ("Iraqi", "NORP"),
         ("Harbour Party", "ORG")]


def named(text: str) -> list[tuple[str, str]]:
    """Return the mentions of NAMES that `text` names."""
    return [(name, label) for name, label in NAMES if name in text]


@pytest.mark.parametrize("text", [
    "Nora Quell played in the league as a member of the Varn Hawks, Dell Stags, Tolby Rams, and Marsh Owls.",
    "Nora Quell was a member of the Varn Hawks, Dell Stags, Tolby Rams and Marsh Owls.",
    "Nora Quell, a member of the Varn Hawks, the Dell Stags, the Tolby Rams and the Marsh Owls, retired in 1990.",
])
def test_every_body_of_a_list_after_member_of(nlp, text: str) -> None:  # noqa: ANN001
    teams = ("Varn Hawks", "Dell Stags", "Tolby Rams", "Marsh Owls")
    assert {("Nora Quell", "member_of", team) for team in teams} <= triples(nlp, text, named(text))


@pytest.mark.parametrize("text", [
    "Nora Quell, a member of the Varn Hawks, met Ruth Bale and Tom Varga.",
    "Nora Quell, a member of the Varn Hawks, Dell Stags said.",
])
def test_no_list_no_more_bodies(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, named(text))
    assert [o for s, p, o in got if p == "member_of"] == ["Varn Hawks"]


@pytest.mark.parametrize(("text", "party", "body"), [
    ("Nora Quell served as a Republican member of the Orlin House of Delegates.", "Republican",
     "Orlin House of Delegates"),
    ("Nora Quell is a Labour member of the Orlin City Council.", "Labour", "Orlin City Council"),
])
def test_a_party_adjective_before_a_member_of_a_body(nlp, text: str, party: str, body: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, named(text))
    assert {("Nora Quell", "member_of", party), ("Nora Quell", "member_of", body)} <= got


def test_a_nation_adjective_before_a_member_is_no_body(nlp) -> None:  # noqa: ANN001
    text = "Nora Quell, an Iraqi member of the Harbour Party, spoke on Monday."
    got = triples(nlp, text, named(text))
    assert ("Nora Quell", "member_of", "Harbour Party") in got
    assert not any(o == "Iraqi" for _, _, o in got)
