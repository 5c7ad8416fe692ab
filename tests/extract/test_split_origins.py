"""A group born of another split from it (rule verb_grow_out_of: 'X grew out of Y', 'X emerged from Y', 'X sprang
from Y'); leaving a place or an election says nothing; a firm bought is part of its buyer (verb_acquired). Invented
names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as _triples
from spacy.language import Language


@pytest.mark.parametrize("text", [
    "The Red Front grew out of the Blue Army.",
    "The Red Front emerged from the Blue Army in 2004.",
    "The Red Front sprang from the Blue Army after the war.",
])
def test_a_group_born_of_another_split_from_it(nlp: Language, text: str) -> None:
    assert ("Red Front", "split_from", "Blue Army") in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The Red Front emerged from the election as the largest party.",
    "The Red Front emerged from the Blue Army headquarters on Monday.",
    "Tomas Varga emerged from the Blue Army's ranks.",
])
def test_coming_out_of_a_place_or_a_vote_splits_nothing(nlp: Language, text: str) -> None:
    assert not any(p == "split_from" for _, p, _ in _triples(nlp, text))


@pytest.mark.parametrize("text", [
    "Varn Telecom bought Ostra Mobile for two billion dollars in May.",
    "Ostra Mobile was acquired by Varn Telecom in 2016.",
])
def test_a_firm_bought_is_part_of_its_buyer(nlp: Language, text: str) -> None:
    assert ("Ostra Mobile", "part_of", "Varn Telecom") in _triples(nlp, text)


def test_a_stake_bought_makes_no_part(nlp: Language) -> None:
    assert not any(p == "part_of" for _, p, _ in _triples(nlp, "Varn Telecom bought a 20% stake in Ostra Mobile."))
