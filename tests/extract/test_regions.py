"""Regions named by a compass word: a region the article comes back to is a place of its own, a region named once
is its place's mention (invented names and sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _mentions(text: str, nlp: Language) -> list[tuple[str, str]]:
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return [(m.text, m.label) for m in found.mentions]


@pytest.mark.parametrize("text", [
    "Orvel is a small town in northern Norway, on the coast.",
    "The storm struck southern France in April, the worst in years.",
    "The trail runs through north - central Pennsylvania for many miles.",
])
def test_a_region_named_once_is_a_mention_of_its_place(text: str, nlp: Language) -> None:
    found = dict(_mentions(text, nlp))
    place = next(p for p in ("Norway", "France", "Pennsylvania") if p in text)
    assert found.get(place) == "GPE"
    assert not any(t.endswith(place) and t != place for t in found)


def test_a_region_the_article_comes_back_to_stays_a_region(nlp: Language) -> None:
    text = ("Fighting spread across south Lebanon on Monday. Later in the day the militias in southern Lebanon said "
            "they held the line.")
    found = [t for t, _ in _mentions(text, nlp)]
    assert "south Lebanon" in found and "southern Lebanon" in found
