"""Stance verbs of the CAMEO dictionary (codes 111 criticise, 112 accuse, 051 praise) and a plan or act that
stands for its possessor ("backed Y's proposals"). Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import parse, triples

from linkchart.extract.facts import fact_reader

PEOPLE = [("Mara Quell", "PERSON"), ("Tobin Vark", "PERSON")]


@pytest.mark.parametrize("text", [
    "Mara Quell criticised Tobin Vark.",
    "Mara Quell sharply condemned Tobin Vark on Monday.",
    "Mara Quell accused Tobin Vark of lying to voters.",
    "Mara Quell blamed Tobin Vark for the delay.",
    "Tobin Vark was denounced by Mara Quell.",
    "Mara Quell criticised Tobin Vark's handling of the crisis.",
    "Mara Quell attacked nothing but denounced Tobin Vark's budget.",
])
def test_criticism_is_opposition(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Mara Quell", "opposes", "Tobin Vark") in triples(nlp, text, PEOPLE)


@pytest.mark.parametrize("text", [
    "Mara Quell praised Tobin Vark.",
    "Mara Quell endorsed Tobin Vark's candidacy.",
    "Mara Quell backed Tobin Vark's proposals.",
    "Tobin Vark's plan was backed by Mara Quell.",
    "But Tobin Vark's case has been backed by Mara Quell, a former judge.",
    "Mara Quell backed Tobin Vark's price cuts.",
    "Mara Quell welcomed Tobin Vark's proposals.",
])
def test_praise_and_backing_of_a_plan_back_its_owner(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tobin Vark", "backed_by", "Mara Quell") in triples(nlp, text, PEOPLE)


@pytest.mark.parametrize("text", [
    "Mara Quell and Tobin Vark condemned the bombing.",  # two critics of a third thing are not opponents
    "Mara Quell criticised the plan to honour Tobin Vark.",  # no possessor: the plan is nobody's here
    "Mara Quell praised the work of Tobin Vark's staff.",  # 'work' stands for nobody
])
def test_no_stance_without_its_target(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, PEOPLE)
    assert ("Mara Quell", "opposes", "Tobin Vark") not in got
    assert ("Tobin Vark", "backed_by", "Mara Quell") not in got
    assert ("Tobin Vark", "opposes", "Mara Quell") not in got


def test_a_denied_criticism_is_negated(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Mara Quell did not criticise Tobin Vark's plan.", PEOPLE)
    rels = [r for r in fact_reader(nlp).read(doc, 0, None).relations if r.predicate == "opposes"]
    assert rels and all(r.negated for r in rels)


ACTORS = [("Vessa Front", "ORG"), ("Red Dawn", "ORG")]


@pytest.mark.parametrize("text,expected", [
    ("The Vessa Front funnelled money to the Red Dawn.", ("Vessa Front", "funds", "Red Dawn")),
    ("The Vessa Front wired cash to the Red Dawn.", ("Vessa Front", "funds", "Red Dawn")),
    ("The Vessa Front shipped weapons to the Red Dawn.", ("Red Dawn", "backed_by", "Vessa Front")),
    ("The Vessa Front delivered arms to the Red Dawn last year.", ("Red Dawn", "backed_by", "Vessa Front")),
])
def test_moving_money_and_arms(nlp, text: str, expected: tuple[str, str, str]) -> None:  # noqa: ANN001
    assert expected in triples(nlp, text, ACTORS)


def test_weapons_taken_from_someone_back_nobody(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "The Vessa Front seized weapons from the Red Dawn.", ACTORS)
    assert not any(p in {"backed_by", "funds"} for _, p, _ in got)
