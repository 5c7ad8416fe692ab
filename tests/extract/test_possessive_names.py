"""A possessive inside a name (rule `possessive`, extract/mentions.py): "the Tarn People's Army", "St Orla's
Hospital" are one name each, while an owner and what it owns stay two ("Varnland's Storm Brigade"). Invented
names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def names_in(nlp: Language, text: str) -> set[str]:
    """Return the texts of the mentions read from `text`."""
    return {m.text for m in extract_article(text, [(0, len(text))], "2020-01-01", nlp).mentions}


@pytest.mark.parametrize(("text", "name"), [
    ("Fighters of the Tarn People's Army crossed the river on Monday.", "Tarn People's Army"),
    ("The Women's Refuge Trust opened a second shelter in Orlaby.", "Women's Refuge Trust"),
    ("She was treated at St Orla's Hospital in Varnby.", "St Orla's Hospital"),
    ("He was born in the People 's Republic of Varnland in 1950 .", "People 's Republic of Varnland"),
])
def test_a_possessive_inside_a_name_stays_in_it(nlp: Language, text: str, name: str) -> None:
    assert name in names_in(nlp, text)


@pytest.mark.parametrize(("text", "owner", "owned"), [
    ("Varnland's Storm Brigade attacked the town on Monday.", "Varnland", "Storm Brigade"),
    ("Tom Vale's Orla Group bought the mill.", "Tom Vale", "Orla Group"),
])
def test_an_owner_and_what_it_owns_stay_two_names(nlp: Language, text: str, owner: str, owned: str) -> None:
    found = names_in(nlp, text)
    assert owner in found and owned in found, found
