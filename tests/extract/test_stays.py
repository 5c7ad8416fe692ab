"""A stay is a visit (rule verb_holiday: 'X was holidaying on the island of Y', 'X stayed in Y'); who goes along
('with Z') visited too, and who one worked under worked there too (rule key `fellows`); 'the 27-year-old' restates
the previous sentence's subject person (rule age_description, extract/context.py). Invented names and places."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as triples
from spacy.language import Language


@pytest.mark.parametrize("text", [
    "Tom Vale was holidaying on the island of Koh Lanta with Ann Roe.",
    "Tom Vale was holidaying in Varnia with Ann Roe.",
    "Tom Vale stayed in Varnia for a week with Ann Roe.",
    "Tom Vale vacationed in Varnia with Ann Roe last summer.",
])
def test_a_stay_is_a_visit_of_everyone_who_went_along(nlp: Language, text: str) -> None:
    got = triples(nlp, text)
    place = "Koh Lanta" if "Koh Lanta" in text else "Varnia"
    assert ("Tom Vale", "visited", place) in got, got
    assert ("Ann Roe", "visited", place) in got, got


def test_staying_in_power_is_no_visit(nlp: Language) -> None:
    assert not any(p == "visited" for _, p, _ in triples(nlp, "Tom Vale stayed in power until 2004."))


@pytest.mark.parametrize("text", [
    "An architect, Tom Vale, became the first Varnian to be named as a victim. The 27-year-old was holidaying in "
    "Orlania.",
    "Tom Vale was named on Monday. The 45-year-old had stayed in Orlania since May.",
])
def test_an_age_restates_the_subject_before(nlp: Language, text: str) -> None:
    assert ("Tom Vale", "visited", "Orlania") in triples(nlp, text)


def test_an_age_with_no_subject_person_before_stands_for_no_one(nlp: Language) -> None:
    got = triples(nlp, "The storm hit Varnia and Tom Vale. The 27-year-old was holidaying in Orlania.")
    assert not any(p == "visited" for _, p, _ in got), got


@pytest.mark.parametrize("text", [
    "Tom Vale worked under Karl Dent at the Varn Office.",
    "Tom Vale worked under Karl Dent on trade at the Varn Office for ten years.",
])
def test_the_one_worked_under_works_there_too(nlp: Language, text: str) -> None:
    got = triples(nlp, text)
    assert ("Tom Vale", "employed_by", "Varn Office") in got, got
    assert ("Karl Dent", "employed_by", "Varn Office") in got, got


def test_a_colleague_met_at_work_may_work_elsewhere(nlp: Language) -> None:
    got = triples(nlp, "Tom Vale worked with Karl Dent at the Varn Office.")
    assert ("Karl Dent", "employed_by", "Varn Office") not in got, got
