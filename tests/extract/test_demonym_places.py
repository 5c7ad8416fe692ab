"""A place noun qualified by a nationality word puts the places of its 'of' phrase in that nation (rule
demonym_place_of), and a capitalised word after 'the city of' is a place even when the model calls it a
nationality. Invented places; real nations (the gazetteer's)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _found(nlp: Language, text: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {m.text for m in found.mentions}, {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize(("text", "places", "country"), [
    ("Fighters reached the Syrian city of Varnhold.", ["Varnhold"], "Syria"),
    ("Shells fell on the Israeli towns of Kellby and Tull Harbour.", ["Kellby", "Tull Harbour"], "Israel"),
    ("The Iraqi city of Ostrava fell in 2014.", ["Ostrava"], "Iraq"),
])
def test_a_nations_town_of_x_is_in_that_nation(nlp: Language, text: str, places: list[str], country: str) -> None:
    _, rels = _found(nlp, text)
    assert all((p, "located_in", country) in rels for p in places)


def test_the_city_of_a_word_the_model_missed_is_a_place(nlp: Language) -> None:
    mentions, _ = _found(nlp, "Fighters reached the city of Aleppo on Monday.")
    assert "Aleppo" in mentions


def test_a_place_noun_without_a_nation_locates_nothing(nlp: Language) -> None:
    _, rels = _found(nlp, "Fighters reached the old city of Varnhold.")
    assert not any(p == "located_in" for _, p, _ in rels)
