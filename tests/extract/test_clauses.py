"""Arguments found through clauses and phrases (invented names), one test per named rule, several wordings each."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples linkchart reads from `text`."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize("text", [
    "The Red Front, a militia led and financed by the Blue Brigade, attacked the town.",
    "The Red Front is a militia founded, led and financed by the Blue Brigade.",
])
def test_participle_shared_agent(nlp: Language, text: str) -> None:
    assert ("Blue Brigade", "funds", "Red Front") in triples(nlp, text)


def test_a_force_trained_armed_and_funded_by_one_backer(nlp: Language) -> None:
    found = triples(nlp, "The Red Front, a force trained, armed and funded by the Blue Brigade, attacked the town.")
    assert ("Blue Brigade", "funds", "Red Front") in found


@pytest.mark.parametrize("text", [
    "The Red Front is a militia led by Tom Vale.",
    "The Red Front is a militia founded and led by Tom Vale.",
])
def test_copula_group(nlp: Language, text: str) -> None:
    assert ("Tom Vale", "leads", "Red Front") in triples(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Tom Vale is believed to have close ties with the Red Front.", ("Tom Vale", "allied_with", "Red Front")),
    ("Tom Vale was forced to attack the Red Front.", ("Tom Vale", "attacked", "Red Front")),  # ordered: rule ordered_to
    ("Tom Vale is thought to be close to the Red Front.", ("Tom Vale", "allied_with", "Red Front")),
])
def test_raising_passive(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text)


def test_an_active_verb_conjoined_to_a_passive_shares_its_subject_not_its_agent(nlp: Language) -> None:
    found = triples(nlp, "The Red Front was founded by Tom Vale and attacked Oslo.")
    assert ("Red Front", "attacked", "Oslo") in found
    assert ("Tom Vale", "attacked", "Oslo") not in found


@pytest.mark.parametrize("text", [
    "Tom Vale is close to Ann Poe.",
    "Tom Vale, seen as close to Ann Poe, resigned.",
    "Tom Vale is believed to be close to Ann Poe.",
])
def test_clause_close_to(nlp: Language, text: str) -> None:
    assert ("Tom Vale", "allied_with", "Ann Poe") in triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The Red Front fought close to Oslo.",
    "Tom Vale came close to winning.",
])
def test_close_to_a_place_or_an_outcome_is_no_alliance(nlp: Language, text: str) -> None:
    assert not [t for t in triples(nlp, text) if t[1] == "allied_with"]


@pytest.mark.parametrize("text", [
    "Talks between Tom Vale and Ann Poe ended on Monday.",
    "Ann Poe called off the talks between Tom Vale and Jim Lee.",
])
def test_clause_talks_between(nlp: Language, text: str) -> None:
    found = triples(nlp, text)
    pairs = {(s, o) for s, p, o in found if p == "met_with"}
    assert ("Tom Vale", "Ann Poe") in pairs or ("Tom Vale", "Jim Lee") in pairs


@pytest.mark.parametrize("text", [
    "The London-based Red Front denied it.",
    "The Red Front, a London-based group, denied it.",
])
def test_clause_based_in(nlp: Language, text: str) -> None:
    assert ("Red Front", "located_in", "London") in triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Tom Vale, who knew the officer of the Red Front, resigned.",
    "Tom Vale, who had met an officer of the Red Front, resigned.",
])
def test_a_relative_clause_about_someone_else_gives_the_head_no_membership(nlp: Language, text: str) -> None:
    assert ("Tom Vale", "member_of", "Red Front") not in triples(nlp, text)
