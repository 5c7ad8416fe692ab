"""Event guards for news (#11): an abstract thing brought about is no founding, a participle describing the
argument of a planned act is as planned as the act, and two happenings of one kind told in two coordinated
clauses on their own dates stay two events. Invented sentences and names."""

from __future__ import annotations

import pytest
from test_event_kinds import events

LEAGUE, CORLIN, VESTA = ("Green League", "ORG"), ("Corlin", "GPE"), ("Vesta", "GPE")
HADDAD, MARSH = ("Omar Haddad", "PERSON"), ("Lea Marsh", "PERSON")
ENTS = [LEAGUE, CORLIN, VESTA, HADDAD, MARSH]


@pytest.mark.parametrize("text", [
    "In 1990 the Green League established a policy of neutrality.",
    "In 1990 the Green League established diplomatic relations with Corlin.",
    "In 1990 the Green League formed close ties with Corlin.",
    "On Thursday Omar Haddad wrote that the law of Corlin, which established the principle of citizenship by "
    "birth, applies to Vesta.",
])
def test_an_abstract_thing_brought_about_is_no_founding(nlp, text: str) -> None:  # noqa: ANN001
    assert "founding" not in {e.kind for e in events(nlp, text, ENTS)}


@pytest.mark.parametrize("text", [
    "In 1990 Omar Haddad established the Green League in Corlin.",
    "The Green League was founded by Omar Haddad in 1990.",
])
def test_a_body_brought_about_is_still_a_founding(nlp, text: str) -> None:  # noqa: ANN001
    assert "founding" in {e.kind for e in events(nlp, text, ENTS)}


@pytest.mark.parametrize("text", [
    "Under the deal, Green League troops will replace the soldiers withdrawing from Corlin and Vesta.",
    "Green League troops are to replace the soldiers withdrawing from Corlin.",
    "Green League troops could replace soldiers withdrawing from Corlin next year.",
])
def test_a_participle_of_a_planned_acts_argument_is_planned_too(nlp, text: str) -> None:  # noqa: ANN001
    assert "withdrawal" not in {e.kind for e in events(nlp, text, ENTS)}


def test_a_participle_of_a_done_acts_argument_is_done(nlp) -> None:  # noqa: ANN001
    text = "On Tuesday, Green League troops replaced soldiers withdrawing from Corlin."
    assert "withdrawal" in {e.kind for e in events(nlp, text, ENTS)}


@pytest.mark.parametrize(("text", "dates"), [
    ("In Corlin, an election was held on February 3, and in Vesta, a primary election was held on February 11.",
     {"2016-02-03", "2016-02-11"}),
    ("Omar Haddad was arrested in Corlin on March 3 and Lea Marsh was arrested in Vesta on May 5.",
     {"2016-03-03", "2016-05-05"}),
])
def test_two_happenings_of_a_kind_in_coordinated_clauses_stay_two(nlp, text: str, dates: set) -> None:  # noqa: ANN001
    assert {e.date for e in events(nlp, text, ENTS)} == dates


def test_a_happening_named_inside_anothers_clause_is_not_a_second_one(nlp) -> None:  # noqa: ANN001
    text = "On Tuesday, Omar Haddad became the nominee for the 2020 election after winning the primary in Corlin."
    assert [e.date for e in events(nlp, text, ENTS) if e.kind == "election"] == ["2016-05-17"]
