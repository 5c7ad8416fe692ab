"""Two or three capitalised words right before ', a <person noun>' name the person it describes, where the model
misses the name or names half of it (rule role_appositive). Invented names."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _mentions(nlp: Language, text: str) -> set[tuple[str, str]]:
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return {(m.text, m.label) for m in extract_article(text, paragraphs, "2020-01-01", nlp).mentions}


@pytest.mark.parametrize("text", [
    "Ivo Pesh, a researcher at the Halden Institute, said the visit mattered.",
    "Ivo Pesh, a senior researcher at the Halden Institute, said so.",
    "The report by Ivo Pesh, an analyst, was published on Monday.",
])
def test_a_name_before_a_person_noun_in_apposition_is_a_person(nlp: Language, text: str) -> None:
    assert ("Ivo Pesh", "PERSON") in _mentions(nlp, text)


@pytest.mark.parametrize("text", [
    "Halden Institute, a think tank, said so.",
    "In Tullberg, the capital, people met on Monday.",
])
def test_a_body_or_a_place_before_a_description_stays_what_it_is(nlp: Language, text: str) -> None:
    assert not any(label == "PERSON" for _, label in _mentions(nlp, text))
