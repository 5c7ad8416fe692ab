"""Employment read from a career and from a staff title before a name: "X's career at Y", 'most of his career at
Y' (rule noun_career); 'a Y historian' (rule role_academic, staff nouns) but 'a Y expert' is an expert on Y.
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
