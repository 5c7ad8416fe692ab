"""Common abbreviations the model tags as organisations are no names, unless the text defines them (invented)."""

from __future__ import annotations

from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _names(nlp: Language, text: str) -> set[str]:
    return {m.text for m in extract_article(text, [(0, len(text))], None, nlp).mentions}


def test_a_common_abbreviation_is_no_organisation(nlp: Language) -> None:
    assert "API" not in _names(nlp, "Its API lets developers build plugins.")


def test_an_abbreviation_the_text_defines_stays_a_name(nlp: Language) -> None:
    names = _names(nlp, "The Arden Press Institute (API) opened in Varna. API later moved to Ostrava.")
    assert "API" in names


def test_an_abbreviation_that_is_also_a_name_stays_where_the_model_tags_it(nlp: Language) -> None:
    assert "BA" in _names(nlp, "Pilots at BA voted to strike on Monday, the union said.")  # a degree, or an airline
