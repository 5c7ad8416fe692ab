"""Membership read from phrases besides the role nouns: 'X was active with Y' (rule clause_active_in), 'the Y group,
which included A and B' (rule verb_include_member), 'X was signed by Y' (rule verb_signed_by), 'the Y candidate X'
(role class member), 'X made 30 appearances for Y' (rule verb_appear_for), 'X were founding members of Y'
(rule verb_founding_member, not founders), 'a founding member and secretary of Y' (role_member, conj:of). Invented
names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples

VALE = [("Tom Vale", "PERSON"), ("Harbour Party", "ORG")]


@pytest.mark.parametrize("text", [
    "Tom Vale was active with the Harbour Party, a banned political party.",
    "Tom Vale has been active in the Harbour Party since 1990.",
])
def test_one_active_with_a_body_is_its_member(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "member_of", "Harbour Party", "clause_active_in") in facts(nlp, text, VALE)


def test_one_active_in_a_town_is_no_member(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vale was active with the poor in Tull.", [("Tom Vale", "PERSON"), ("Tull", "GPE")])
    assert not any(p == "member_of" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "In that year he formed the Kite group, which included Ann Rook and Jim Carr.",
    "The Kite group included Ann Rook and Jim Carr.",
    "By 1990 the Kite group had included Ann Rook and Jim Carr.",
])
def test_the_people_a_group_included_are_its_members(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Kite", "ORG"), ("Ann Rook", "PERSON"), ("Jim Carr", "PERSON")])
    assert {("Ann Rook", "member_of", "Kite"), ("Jim Carr", "member_of", "Kite")} <= got


def test_a_work_a_body_included_names_no_member(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "In 1999 the Orla Radio included the 1939 Ann Rook recording on its list.",
                  [("Orla Radio", "ORG"), ("Ann Rook", "PERSON")])
    assert ("Ann Rook", "member_of", "Orla Radio") not in got


@pytest.mark.parametrize("text", [
    "Before the season, Tom Vale was signed by Tull Rovers to replace Jim Carr.",
    "Tom Vale was signed by Tull Rovers in 2006.",
])
def test_a_player_signed_by_a_club_is_its_member(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [e for e in [("Tom Vale", "PERSON"), ("Tull Rovers", "ORG"), ("Jim Carr", "PERSON")]
                            if e[0] in text])
    assert ("Tom Vale", "member_of", "Tull Rovers", "verb_signed_by") in got


def test_a_treaty_signed_by_a_person_makes_no_member(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "The treaty was signed by Tom Vale and the Harbour Party.", VALE)
    assert not any(p == "member_of" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "He was defeated in the election by Harbour Party candidate Tom Vale.",
    "Tom Vale, the Harbour Party candidate, won the seat.",
])
def test_a_partys_candidate_is_its_member(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "member_of", "Harbour Party") in triples(nlp, text, VALE)


@pytest.mark.parametrize("text", [
    "Tom Vale made his debut for Tull Rovers on 21 February 2013 in a draw.",
    "Tom Vale made 647 appearances for Tull Rovers.",
    "Tom Vale scored 20 goals for Tull Rovers in 1990.",
    "Tom Vale won 15 caps for Tull Rovers.",
])
def test_a_player_appearing_for_a_club_is_its_member(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [("Tom Vale", "PERSON"), ("Tull Rovers", "ORG")])
    assert ("Tom Vale", "member_of", "Tull Rovers", "verb_appear_for") in got


def test_a_gift_made_for_a_club_makes_no_member(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vale made a donation for Tull Rovers.", [("Tom Vale", "PERSON"), ("Tull Rovers", "ORG")])
    assert not any(p == "member_of" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Tull Rovers were founding members of the Orla League in 1890.",
    "Tull Rovers were founding members of the Orla League and of the Brenn Cup.",
])
def test_founding_members_are_members_not_founders(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Tull Rovers", "ORG"), ("Orla League", "ORG")])
    assert ("Tull Rovers", "member_of", "Orla League") in got
    assert ("Tull Rovers", "founded", "Orla League") not in got


@pytest.mark.parametrize("text", [
    "Tom Vale is a founding member and former secretary-general of the Orla League party.",
    "Tom Vale is a member and spokesman of the Orla League.",
])
def test_a_role_coordinated_with_membership_shares_its_body(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Tom Vale", "PERSON"), ("Orla League", "ORG")])
    assert ("Tom Vale", "member_of", "Orla League") in got


@pytest.mark.parametrize("text", [
    "Tom Vale was a guitarist of the band Grey Owls.",
    "Tom Vale is an American singer who is best known as the lead vocalist of the band Grey Owls.",
])
def test_a_band_named_after_its_noun_is_no_holder(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Tom Vale", "PERSON"), ("Grey Owls", "ORG")])
    assert ("Tom Vale", "member_of", "Grey Owls") in got


@pytest.mark.parametrize("text", [
    "The Kite Brigade belongs to the Harbour Coalition.",
    "The Kite Brigade belonged to the Harbour Coalition until 2019.",
])
def test_a_group_that_belongs_to_a_group_is_part_of_it(nlp, text: str) -> None:  # noqa: ANN001
    """'belongs to' says nothing of membership itself: a group belonging to a larger one is part of it ('X is a
    member of Y' keeps its word: a club in a league is its member)."""
    got = triples(nlp, text, [("Kite Brigade", "ORG"), ("Harbour Coalition", "ORG")])
    assert ("Kite Brigade", "part_of", "Harbour Coalition") in got
    assert ("Kite Brigade", "member_of", "Harbour Coalition") not in got


@pytest.mark.parametrize(("text", "ents"), [
    ("Tom Vale belongs to the Harbour Party.", VALE),
    ("Velmaria belongs to the Harbour Coalition.", [("Velmaria", "GPE"), ("Harbour Coalition", "ORG")]),
])
def test_a_person_or_state_that_belongs_to_a_group_is_its_member(nlp, text: str, ents) -> None:  # noqa: ANN001
    assert any(p == "member_of" for _, p, _ in triples(nlp, text, ents))
