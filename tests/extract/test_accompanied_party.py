"""Whoever is taken along shares the trip or meeting (rule accompanied_party): 'X joined Y for a trip to Z' — Y
went to Z too; 'X accompanied him to a meeting with W' — he met W. Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as _triples
from spacy.language import Language


@pytest.mark.parametrize(("text", "fact"), [
    ("In June 2003, Peter Novak joined Tomas Brel for a trip to Varna.", ("Tomas Brel", "visited", "Varna")),
    ("Novak escorted the minister Anna Weber on her visit to Varna.", ("Anna Weber", "visited", "Varna")),
    ("Peter Novak made his case during a meeting with Karl Orme and accompanied him for a meeting with Tomas "
     "Brel.", ("Karl Orme", "met_with", "Tomas Brel")),
    ("The minister accompanied Anna Weber to Varna for talks with Karl Orme.", ("Anna Weber", "met_with", "Karl Orme")),
])
def test_the_party_taken_along_shares_the_trip_or_meeting(nlp: Language, text: str, fact: tuple[str, str, str]) -> None:
    assert fact in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Peter Novak joined the Red Front in 1990 after a trip to Varna.",
    "Peter Novak met Tomas Brel before a trip to Varna.",
])
def test_a_companion_needs_a_verb_of_accompanying_that_holds_the_act(nlp: Language, text: str) -> None:
    assert not any(o == "Varna" and s != "Peter Novak" for s, _, o in _triples(nlp, text))
