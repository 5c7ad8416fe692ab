"""Employment read from a career and from a staff title before a name: "X's career at Y", 'most of his career at
Y' (rule noun_career); 'a Y historian' (rule role_academic, staff nouns) but 'a Y expert' is an expert on Y; a post
taken at Y ('took a position at Y', rule verb_take_post); 'was employed by Y', 'was hired by Y' (rule verb_employed).
Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples

PEOPLE = [("Tom Vale", "PERSON"), ("Brenmark", "ORG")]


@pytest.mark.parametrize("text", [
    "Tom Vale spent most of his career at Brenmark.",
    "Tom Vale spent his whole career at the consumer goods giant Brenmark.",
    "Tom Vale's career at Brenmark ended in 2003.",
    "Tom Vale began his career at Brenmark in 1990.",
])
def test_a_career_at_a_firm_is_employment(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "employed_by", "Brenmark", "noun_career") in facts(nlp, text, PEOPLE)


@pytest.mark.parametrize("text", [
    "Tom Vale, a Brenmark historian, said the files were lost.",
    "Tom Vale, a former Brenmark economist, said the figures were wrong.",
])
def test_an_organisation_before_a_staff_title_employs(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "employed_by", "Brenmark") in triples(nlp, text, PEOPLE)


def test_an_expert_on_an_organisation_is_not_its_employee(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vale, a Brenmark expert, said the firm was weak.", PEOPLE)
    assert ("Tom Vale", "employed_by", "Brenmark") not in got


def test_a_career_with_no_place_of_work_says_nothing(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vale spent most of his career worrying about Brenmark.", PEOPLE)
    assert not any(p == "employed_by" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Tom Vale accepted a job at Brenmark in 1990.",
    "Tom Vale held a post with Brenmark for ten years.",
    "In 1990 Tom Vale took a teaching position at Brenmark.",
])
def test_a_post_taken_at_an_organisation_is_employment(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "employed_by", "Brenmark", "verb_take_post") in facts(nlp, text, PEOPLE)


@pytest.mark.parametrize("text", [
    "Tom Vale was employed as head coach at Brenmark.",
    "Tom Vale was hired by Brenmark in 1990.",
    "Tom Vale was employed by Brenmark until 2003.",
])
def test_one_employed_or_hired_by_an_organisation_works_for_it(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "employed_by", "Brenmark", "verb_employed") in facts(nlp, text, PEOPLE)


def test_a_post_with_no_organisation_says_nothing(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vale held the post for two years before he left Tull.", [("Tom Vale", "PERSON"),
                                                                                    ("Tull", "GPE")])
    assert not any(p == "employed_by" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Tom Vale did most of his work at Brenmark.",
    "Tom Vale's work at Brenmark ended in 2003.",
])
def test_work_done_at_an_organisation_is_employment(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "employed_by", "Brenmark", "noun_career") in facts(nlp, text, PEOPLE)


def test_the_work_of_an_organisation_employs_no_one(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vale praised the work of Brenmark.", PEOPLE)
    assert ("Tom Vale", "employed_by", "Brenmark") not in got


def test_works_shown_at_an_organisation_are_no_employment(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "The curator showed Tom Vale's works at Brenmark in 2008.", PEOPLE)
    assert ("Tom Vale", "employed_by", "Brenmark") not in got
