"""The nation named inside a national body is a mention of the nation too (invented names and sentences)."""

from __future__ import annotations

import pytest

from linkchart.extract.nlp import load_pipeline
from linkchart.extract.pipeline import extract_article
from linkchart.models import Mention


def _mentions(text: str) -> list[Mention]:
    return extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline()).mentions


def _spans(text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.label, m.refers_to) for m in _mentions(text)}


@pytest.mark.parametrize(("text", "body", "nation"), [
    ("The U.S. government denied the report on Monday, said Tom Vale.", "U.S. government", "U.S."),
    ("Norway's parliament voted on the Tarvo Mining bill on Tuesday.", "Norway's parliament", "Norway"),
    ("Officials said Chile security forces had closed the Velna road.", "Chile security forces", "Chile"),
])
def test_a_country_name_inside_a_national_body_is_a_mention_of_the_country(text: str, body: str,
                                                                          nation: str) -> None:
    found = _spans(text)
    assert found[body][0] == "ORG"
    assert found[nation] == ("GPE", None)


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Chilean troops crossed the Velna river on Monday, Tom Vale said.", "Chilean", "Chile"),
    ("The Norwegian government sent aid to Tarvo after the floods.", "Norwegian", "Norway"),
])
def test_a_nationality_word_inside_a_national_body_is_a_mention_of_its_country(text: str, word: str,
                                                                              country: str) -> None:
    assert _spans(text)[word] == ("GPE", country)


def test_a_nationality_word_inside_a_body_follows_the_rule_of_nationality_words() -> None:
    # a country the article names by name again and again: its nationality word names no more (demonyms.py)
    found = _spans("Chilean troops crossed into Chile on Monday. Chile said they returned to Chile by night.")
    assert "Chilean" not in found and "Chilean troops" in found


@pytest.mark.parametrize("text", [
    "The Chilean Navy sent two ships to Tarvo on Monday.",  # a proper name: the nation's word is part of it
    "The Norwegian Army Museum opened a new hall.",
])
def test_no_nested_nation_in_a_proper_name(text: str) -> None:
    found = _mentions(text)
    nested = [m for m in found if any(o is not m and o.start <= m.start and m.end <= o.end for o in found)]
    assert nested == []


def test_the_nested_mention_lies_inside_the_body() -> None:
    text = "The U.S. government denied the report on Monday, said Tom Vale."
    found = {m.text: m for m in _mentions(text)}
    body, nation = found["U.S. government"], found["U.S."]
    assert body.start == nation.start < nation.end < body.end
    assert text[nation.start:nation.end] == "U.S."
