"""A group with an 'of' or 'under' phrase naming a person is led by that person (rule group_of_person), 'the X of
the Y' is a unit of Y (unit_of_body), and a participle after the last of a list qualifies that one only (rule
participle_last_conjunct). Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as _triples
from spacy.language import Language


@pytest.mark.parametrize(("text", "person", "group"), [
    ("The Red Front grew out of the Blue Army, the militia of the cleric Ivan Petrov.", "Ivan Petrov", "Blue Army"),
    ("It should not be confused with the Ostrian Blue Army of Ivan Petrov.", "Ivan Petrov", "Ostrian Blue Army"),
    ("The alliance has two groups: the Red Front under Tomas Varga, and the Blue Army.", "Tomas Varga", "Red Front"),
    ("Iraq under Saddam Hussein invaded Kuwait.", "Saddam Hussein", "Iraq"),
])
def test_a_group_of_or_under_a_person_is_led_by_that_person(nlp: Language, text: str, person: str,
                                                            group: str) -> None:
    assert (person, "leads", group) in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The Society of Jesus was founded in Paris in 1540.",
    "The Red Front is an alliance of Tomas Varga and Ivan Petrov.",
    "The Red Front came under fire from Tomas Varga on Monday.",
])
def test_no_leader_from_a_name_a_list_or_a_verbs_phrase(nlp: Language, text: str) -> None:
    assert not any(p == "leads" for _, p, _ in _triples(nlp, text))


def test_a_participle_after_the_last_of_a_list_qualifies_that_one(nlp: Language) -> None:
    got = _triples(nlp, "The alliance has two groups: the Red Front under Tomas Varga, and the Blue Army, commanded "
                        "by Ivan Petrov.")
    assert ("Ivan Petrov", "commands", "Blue Army") in got and ("Ivan Petrov", "commands", "Red Front") not in got


def test_the_unit_of_an_organisation_is_part_of_it(nlp: Language) -> None:
    assert ("Harbour Force", "part_of", "Blue Guard") in _triples(
        nlp, "The Harbour Force of the Blue Guard trained them.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomas Varga, who runs the Red Front, spoke on Monday.", ("Tomas Varga", "leads", "Red Front")),
    ("The Red Front runs the Blue Brigade from the border.", ("Red Front", "commands", "Blue Brigade")),
])
def test_a_person_who_runs_a_body_leads_it_a_group_commands_it(nlp: Language, text: str, expected: tuple) -> None:
    assert expected in _triples(nlp, text)


def test_running_for_an_office_leads_nothing(nlp: Language) -> None:
    assert not any(p in {"leads", "commands"} for _, p, _ in _triples(nlp, "Tomas Varga ran for president in 2004."))
