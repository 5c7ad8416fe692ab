"""A 'strike' that stops work is a protest, one that hits a place an attack; a firm seeking bankruptcy protection
or going into administration collapses (invented sentences, mentions set by hand)."""

from __future__ import annotations

import pytest
from test_event_kinds import kinds

AIRLINE, LEEDALE, UNION = ("Norbeck Air", "ORG"), ("Leedale", "GPE"), ("Kite Union", "ORG")
ARMY = ("Velmarian army", "ORG")


@pytest.mark.parametrize("text", [
    "Workers at Norbeck Air staged a strike in Leedale on 3 May 2019.",
    "Teachers in Leedale went on strike on 3 May 2019.",
    "The Kite Union called a 24-hour strike at Norbeck Air on 3 May 2019.",
    "A strike over pay shut Norbeck Air on 3 May 2019.",
    "Unions earmarked 3 May 2019 for a one-day strike at Norbeck Air.",
])
def test_a_strike_that_stops_work_is_a_protest_not_an_attack(nlp, text: str) -> None:  # noqa: ANN001
    found = kinds(nlp, text, [AIRLINE, LEEDALE, UNION])
    assert "protest" in found
    assert "attack" not in found


@pytest.mark.parametrize("text", [
    "A drone strike hit Leedale on 3 May 2019.",
    "The Velmarian army launched a strike on Leedale on 3 May 2019.",
    "The Velmarian army launched an air strike on Leedale on 3 May 2019.",
])
def test_a_strike_on_a_place_or_from_the_air_is_an_attack_not_a_protest(nlp, text: str) -> None:  # noqa: ANN001
    found = kinds(nlp, text, [ARMY, LEEDALE])
    assert "attack" in found
    assert "protest" not in found


@pytest.mark.parametrize("text", [
    "Norbeck Air sought bankruptcy protection in May 2009.",
    "Norbeck Air went into administration in May 2009.",
    "Norbeck Air filed for bankruptcy in May 2009.",
])
def test_seeking_bankruptcy_protection_or_administration_is_a_collapse(nlp, text: str) -> None:  # noqa: ANN001
    assert "collapse" in kinds(nlp, text, [AIRLINE])


def test_seeking_other_protection_is_no_collapse(nlp) -> None:  # noqa: ANN001
    assert "collapse" not in kinds(nlp, "Norbeck Air sought protection from the police in Leedale in May 2009.",
                                   [AIRLINE, LEEDALE])
