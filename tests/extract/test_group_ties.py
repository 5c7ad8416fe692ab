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


@pytest.mark.parametrize("text", [
    "Tomas Vell, a close aide to Jana Roe, was arrested in 2015.",
    "Tomas Vell, a long-time associate of Jana Roe, was arrested in 2015.",
    "Jana Roe's adviser, Tomas Vell, was arrested in 2015.",
    "Tomas Vell served as Jana Roe's deputy until 2015.",
])
def test_a_person_s_aide_or_associate_is_associated_with_them(nlp: Language, text: str) -> None:
    """Rule role_associate: a person's aide, associate, adviser or deputy works with that person."""
    assert ("Tomas Vell", "associated_with", "Jana Roe") in article_triples(nlp, text)


def test_a_deputy_of_a_group_is_a_member_not_an_associate(nlp: Language) -> None:
    found = article_triples(nlp, "Tomas Vell, deputy of the Kelmore Brigade, was arrested.")
    assert ("Tomas Vell", "member_of", "Kelmore Brigade") in found
    assert not any(p == "associated_with" for _s, p, _o in found)
