"""Ties between groups written as fronts, umbrellas, wings and pledges (rules role_front, verb_under_umbrella,
verb_pledge_allegiance; 'bloc' heads an organisation's name). Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples
from spacy.language import Language


@pytest.mark.parametrize("text, triple", [
    ("The Kelmore Brigade is widely seen as a front for the Varn Guard.",
     ("Kelmore Brigade", "part_of", "Varn Guard")),
    ("The Kelmore Brigade, a front for the Varn Guard, denied the attack.",
     ("Kelmore Brigade", "part_of", "Varn Guard")),
    ("The Kelmore Brigade operates under the umbrella of the Popular Defence Forces.",
     ("Kelmore Brigade", "part_of", "Popular Defence Forces")),
    ("The Nahr Bloc, the armed wing of the Kelmore Movement, won four seats.",
     ("Nahr Bloc", "part_of", "Kelmore Movement")),
    ("The Kelmore Brigade pledged allegiance to the Red Hand Movement in 2015.",
     ("Kelmore Brigade", "part_of", "Red Hand Movement")),
    ("In 2015 Tomas Vell swore loyalty to the Red Hand Movement.", ("Tomas Vell", "member_of", "Red Hand Movement")),
])
def test_a_group_tie_is_read(nlp: Language, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in article_triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Tomas Vell stood at the front of the Varn Guard.",
    "The Kelmore Brigade was a cover for the Varn Guard's smuggling.",
    "Tomas Vell sheltered under an umbrella near the Varn Guard office.",
])
def test_no_tie_from_a_position_or_a_thing(nlp: Language, text: str) -> None:
    assert not any(p == "part_of" for _s, p, _o in article_triples(nlp, text))
