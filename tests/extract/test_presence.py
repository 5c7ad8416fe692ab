"""Being shown, appearing or being somewhere is being there (rules verb_shown_at, verb_appear_at, verb_be_at:
'visited'), read through the direct object's own phrase ('a video showed X at Y'). Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as _triples
from spacy.language import Language


@pytest.mark.parametrize(("text", "place"), [
    ("A video showed Tomas Varga at the Amber Gate in military garb.", "Amber Gate"),
    ("Tomas Varga appeared in uniform at the Amber Gate.", "Amber Gate"),
    ("Tomas Varga appeared at a rally in Tullberg on Friday.", "Tullberg"),
])
def test_a_person_shown_or_appearing_somewhere_was_there(nlp: Language, text: str, place: str) -> None:
    assert ("Tomas Varga", "visited", place) in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The map shows Damascus in the south.",
    "The report showed Tomas Varga in a bad light.",
])
def test_showing_a_place_or_a_manner_is_no_visit(nlp: Language, text: str) -> None:
    assert not any(p == "visited" for _, p, _ in _triples(nlp, text))


@pytest.mark.parametrize(("text", "place"), [
    ("Tomas Varga was in Tullberg last week.", "Tullberg"),
    ("Tomas Varga, who is in Tullberg, declined to comment.", "Tullberg"),
    ("At one point Tomas Varga addresses the camera. “I’m at the Amber Gate, at the border,” he tells his "
     "listeners.", "Amber Gate"),
])
def test_a_person_who_is_somewhere_was_there(nlp: Language, text: str, place: str) -> None:
    assert ("Tomas Varga", "visited", place) in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Tomas Varga was in power in Tullberg for ten years.",
    "Tomas Varga is a lawyer in Tullberg.",
    "The Tullberg Council is in Tullberg.",
])
def test_a_state_a_post_or_an_organisation_is_no_visit(nlp: Language, text: str) -> None:
    assert not any(p == "visited" for _, p, _ in _triples(nlp, text))


def test_a_surname_the_model_calls_an_organisation_is_the_articles_person(nlp: Language) -> None:
    text = "Peter Novak left Varna in May.\nA video showed Novak at the Silver Gate in military garb."
    assert ("Novak", "visited", "Silver Gate") in _triples(nlp, text)


def test_an_organisation_shown_somewhere_is_no_visit(nlp: Language) -> None:
    assert not any(p == "visited" for _, p, _ in _triples(nlp, "A video showed the Red Guard at the Silver Gate."))


@pytest.mark.parametrize(("text", "inner", "outer"), [
    ("Tomas Varga said he was at the Blue Mosque in Tullberg.", "Blue Mosque", "Tullberg"),
    ("Tomas Varga visited Dornfeld, Norland, last week.", "Dornfeld", "Norland"),
    ("Tomas Varga addresses the camera. “I’m at the Amber Gate in Tullberg, at the border,” he tells his "
     "listeners.", "Amber Gate", "Tullberg"),
])
def test_a_visit_to_a_place_inside_another_is_a_visit_to_both(nlp: Language, text: str, inner: str,
                                                               outer: str) -> None:
    found = _triples(nlp, text)
    assert {("Tomas Varga", "visited", inner), ("Tomas Varga", "visited", outer)} <= found


@pytest.mark.parametrize("text", [
    "Tomas Varga did not visit the Blue Mosque in Tullberg.",
    "Tomas Varga met Ines Berg from Tullberg at the Blue Mosque.",
])
def test_no_visit_to_the_larger_place_without_a_visit_inside_it(nlp: Language, text: str) -> None:
    assert ("Tomas Varga", "visited", "Tullberg") not in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Tomas Varga was filmed on Thursday touring the frontier town of Tullberg.",
    "Tomas Varga was seen touring Tullberg last week.",
])
def test_the_one_filmed_or_seen_doing_something_does_it(nlp: Language, text: str) -> None:
    assert ("Tomas Varga", "visited", "Tullberg") in _triples(nlp, text)
