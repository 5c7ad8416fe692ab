"""Roles gained and left through verbs: appointments ('was named head of Y', 'Y hired X as its director'),
taking the helm, being elected to a body, and leaving one ('resigned from Y', 'stepped down as chairman of
Y', which makes the role a former one). All names are invented; mentions are set by hand so that only the
rules are tested."""

from __future__ import annotations

import pytest
from parsed_text import facts, parse, triples

from linkchart.extract.facts import fact_reader

PERSON_ORG = [("Tom Vasker", "PERSON"), ("Brelco Industries", "ORG")]


@pytest.mark.parametrize("text", [
    "Tom Vasker was appointed chief executive of Brelco Industries last year.",
    "Tom Vasker was named head of Brelco Industries in May.",
    "Tom Vasker was elected chairman of Brelco Industries on Monday.",
    "Tom Vasker was appointed as chairman of Brelco Industries.",
    "In 2019 Tom Vasker was made president of Brelco Industries.",
])
def test_a_role_given_by_a_passive_appointment_is_its_subjects(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, PERSON_ORG)
    assert ("Tom Vasker", "leads", "Brelco Industries") in got


def test_the_appointer_of_a_passive_appointment_holds_no_role(nlp) -> None:  # noqa: ANN001
    text = "Tom Vasker was appointed chief executive of Brelco Industries by Ana Belt."
    got = triples(nlp, text, [*PERSON_ORG, ("Ana Belt", "PERSON")])
    assert ("Tom Vasker", "leads", "Brelco Industries") in got
    assert not any(s == "Ana Belt" and p == "leads" for s, p, _ in got)


@pytest.mark.parametrize("text", [
    "Brelco Industries hired Tom Vasker as its chief executive.",
    "Brelco Industries named Tom Vasker as its new chairman on Friday.",
    "Last year Brelco Industries appointed Tom Vasker as its president.",
])
def test_its_role_is_a_role_in_the_organisation_that_gives_it(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, PERSON_ORG)
    assert ("Tom Vasker", "leads", "Brelco Industries") in got


def test_its_role_given_by_a_person_is_not_guessed(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Ana Belt hired Tom Vasker as its chief executive.", [("Ana Belt", "PERSON"),
                                                                          ("Tom Vasker", "PERSON")])
    assert not got


@pytest.mark.parametrize("text", [
    "Tom Vasker took the helm at Brelco Industries in 2003.",
    "Tom Vasker took the helm of Brelco Industries in 2003.",
    "Tom Vasker took over the reins at Brelco Industries after the merger.",
    "Tom Vasker assumed the helm of Brelco Industries last spring.",
])
def test_taking_the_helm_is_leading(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, PERSON_ORG)
    assert ("Tom Vasker", "leads", "Brelco Industries") in got


def test_a_helm_word_without_taking_is_no_role(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vasker took a photo of the helm at Brelco Industries.", PERSON_ORG)
    assert not any(p == "leads" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Tom Vasker was elected to the Brelco Council in 2010.",
    "In May Tom Vasker was appointed to the Brelco Council.",
    "Tom Vasker, who was elected to the Brelco Council in 2010, voted against the plan.",
])
def test_elected_to_a_body_is_a_member(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Tom Vasker", "PERSON"), ("Brelco Council", "ORG")])
    assert ("Tom Vasker", "member_of", "Brelco Council") in got


@pytest.mark.parametrize("text", [
    "Tom Vasker resigned from Brelco Industries in March.",
    "Tom Vasker quit Brelco Industries last week.",
    "Tom Vasker stepped down from Brelco Industries after the scandal.",
    "Tom Vasker left Brelco Industries in 2004.",
])
def test_leaving_a_body_is_a_former_membership(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, PERSON_ORG)
    tie = [r for s, p, o, r in got if (s, p, o) == ("Tom Vasker", "member_of", "Brelco Industries")]
    assert tie and all(r.endswith("_former") for r in tie)
    assert not any(p == "leads" for _, p, _, _ in got)


def test_leaving_a_place_is_no_membership(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vasker left Varnland in 2004.", [("Tom Vasker", "PERSON"), ("Varnland", "GPE")])
    assert not any(p == "member_of" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Tom Vasker stepped down as chairman of Brelco Industries.",
    "Tom Vasker resigned as chief executive of Brelco Industries on Monday.",
    "Tom Vasker was ousted as head of Brelco Industries in a boardroom coup.",
    "Tom Vasker quit as president of Brelco Industries.",
])
def test_a_role_left_is_a_former_role(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, PERSON_ORG)
    leads = [r for s, p, o, r in got if (s, p, o) == ("Tom Vasker", "leads", "Brelco Industries")]
    assert leads and all(r.endswith("_former") for r in leads)


def test_a_role_taken_stays_current(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "Tom Vasker was named chairman of Brelco Industries.", PERSON_ORG)
    leads = [r for s, p, o, r in got if (s, p, o) == ("Tom Vasker", "leads", "Brelco Industries")]
    assert leads and not any(r.endswith("_former") for r in leads)


@pytest.mark.parametrize("text", [
    "Tom Vasker succeeded Ana Belt as chairman of Brelco Industries.",
    "Tom Vasker replaced Ana Belt as chief executive of Brelco Industries in May.",
])
def test_a_successor_holds_the_role_and_the_one_succeeded_held_it_before(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [*PERSON_ORG, ("Ana Belt", "PERSON")])
    now = [r for s, p, o, r in got if (s, p, o) == ("Tom Vasker", "leads", "Brelco Industries")]
    before = [r for s, p, o, r in got if (s, p, o) == ("Ana Belt", "leads", "Brelco Industries")]
    assert now and not any(r.endswith("_former") for r in now)
    assert before and all(r.endswith("_former") for r in before)


@pytest.mark.parametrize("text", [
    "Tom Vasker, who joined Brelco Industries in 1998, became its chairman in 2004.",
    "After years at Brelco Industries, Tom Vasker was named its president.",
])
def test_its_before_a_role_is_the_one_organisation_named_before(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, PERSON_ORG)
    assert ("Tom Vasker", "leads", "Brelco Industries") in got


def test_its_with_two_organisations_before_is_not_guessed(nlp) -> None:  # noqa: ANN001
    text = "Orvana Foods sued Brelco Industries after Tom Vasker became its chairman."
    got = triples(nlp, text, [*PERSON_ORG, ("Orvana Foods", "ORG")])
    assert not any(p == "leads" for _, p, _ in got)


ORGS = [("Orvana Foods", "ORG"), ("Brelco Industries", "ORG")]


@pytest.mark.parametrize("text", [
    "Orvana Foods owns Brelco Industries.",
    "Brelco Industries is owned by Orvana Foods.",
    "Orvana Foods acquired Brelco Industries in 2010.",
    "Orvana Foods took over Brelco Industries last year.",
    "The bank sold Brelco Industries to Orvana Foods in 2012.",
    "Brelco Industries, a unit of Orvana Foods, makes sugar.",
])
def test_what_a_company_owns_or_bought_is_part_of_it(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, ORGS)
    assert ("Brelco Industries", "part_of", "Orvana Foods") in got
    assert ("Orvana Foods", "part_of", "Brelco Industries") not in got


@pytest.mark.parametrize("text,mark", [
    ("Orvana Foods agreed to buy Brelco Industries for $2bn.", "hedged"),
    ("Orvana Foods has decided to acquire Brelco Industries.", "hedged"),
    ("Orvana Foods did not buy Brelco Industries.", "negated"),
])
def test_a_purchase_agreed_or_denied_is_no_plain_ownership(nlp, text: str, mark: str) -> None:  # noqa: ANN001
    rels = fact_reader(nlp).read(parse(nlp, text, ORGS), 0, None).relations
    owned = [r for r in rels if r.predicate == "part_of"]
    assert owned and all(getattr(r, mark) for r in owned)


def test_a_person_buying_a_company_is_no_part_of_it(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vasker bought Brelco Industries in 2001.", PERSON_ORG)
    assert not any(p == "part_of" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Tom Vasker sits on the board of Brelco Industries.",
    "Tom Vasker served on the board of Brelco Industries until 2010.",
])
def test_a_board_seat_is_membership(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vasker", "member_of", "Brelco Industries") in triples(nlp, text, PERSON_ORG)


@pytest.mark.parametrize("text", [
    "Tom Vasker married Ana Belt in 1990.",
    "Tom Vasker is married to Ana Belt.",
    "Tom Vasker was married to Ana Belt for twenty years.",
])
def test_marriage_is_kin(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Tom Vasker", "PERSON"), ("Ana Belt", "PERSON")])
    assert ("Tom Vasker", "relative_of", "Ana Belt") in got or ("Ana Belt", "relative_of", "Tom Vasker") in got


def test_a_possessed_name_ending_in_a_role_word_is_still_a_part(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vasker headed Brelco Industries's Unit 44 for a decade.",
                  [("Tom Vasker", "PERSON"), ("Brelco Industries", "ORG"), ("Unit 44", "ORG")])
    assert ("Unit 44", "part_of", "Brelco Industries") in got
