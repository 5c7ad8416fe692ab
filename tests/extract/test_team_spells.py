"""A player's spells with a team: 'X played four seasons for Y', 'X played 40 games with Y' (rule
verb_play_seasons_for: a time or a count played is no work played), 'X played in the top division of Z
football for A and B' (rule verb_play_for_league: the 'for' phrase hangs on the league), and 'X, singer from Y'
(rule role_team). Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples

NAMES = [("Tom Varga", "PERSON"), ("Ruth Bale", "PERSON"), ("Jamie Orton", "PERSON"), ("Orlin Rovers", "ORG"),
         ("Dell City", "ORG"), ("Tolby Town", "ORG"), ("Grey Tide", "ORG")]


def named(text: str) -> list[tuple[str, str]]:
    """Return the mentions of NAMES that `text` names."""
    return [(name, label) for name, label in NAMES if name in text]


@pytest.mark.parametrize("text", [
    "Tom Varga played four seasons in the league for Orlin Rovers.",
    "Tom Varga played 40 games with Orlin Rovers.",
    "Tom Varga played two years for Orlin Rovers before he retired.",
])
def test_a_spell_played_for_a_team_is_membership(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Varga", "member_of", "Orlin Rovers", "verb_play_seasons_for") in facts(nlp, text, named(text))


def test_a_spell_played_with_a_person_is_no_membership(nlp) -> None:  # noqa: ANN001
    text = "Tom Varga played two seasons with his brother Ruth Bale."
    assert not any(p == "member_of" for _, p, _ in triples(nlp, text, named(text)))


def test_the_teams_after_a_league_are_the_players(nlp) -> None:  # noqa: ANN001
    text = "Tom Varga also played in the top division of Varnish football for Orlin Rovers, Dell City and Tolby Town."
    got = triples(nlp, text, named(text))
    assert {("Tom Varga", "member_of", team) for team in ("Orlin Rovers", "Dell City", "Tolby Town")} <= got


@pytest.mark.parametrize("text", [
    "Grey Tide is a band founded in 2000 by Ruth Bale, singer from Orlin Rovers.",
    "Ruth Bale, a guitarist from Orlin Rovers, joined the tour in 1990.",
])
def test_a_musician_from_a_band_is_its_member(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Ruth Bale", "member_of", "Orlin Rovers") in triples(nlp, text, named(text))


@pytest.mark.parametrize("text", [
    "Tom Varga later became a member of the Dell City squad.",
    "Tom Varga was a member of the Dell City team from 1990.",
    "In 1990 Tom Varga joined the Dell City team.",
])
def test_a_team_or_squad_named_before_its_noun_is_the_team(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Varga", "member_of", "Dell City") in triples(nlp, text, named(text))


def test_guest_musicians_from_a_band_are_its_members(nlp) -> None:  # noqa: ANN001
    text = "The album includes guest musicians Jamie Orton and Ruth Bale from the Grey Tide, along with session " \
           "player Tom Varga."
    got = triples(nlp, text, named(text))
    assert {("Jamie Orton", "member_of", "Grey Tide"), ("Ruth Bale", "member_of", "Grey Tide")} <= got
