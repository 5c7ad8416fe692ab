"""Opposition stated by a clause joined to the one that names the body ('quit the party and accused it'), a
challenge, an action or campaign against someone, and a rival named with a possessive the tagger reads as an
adjective ('his rival X'), barring or banning someone (rule verb_exclude). Invented names; mentions set by hand
where a test says so."""

from __future__ import annotations

import pytest
from parsed_text import article_triples, facts, triples
from spacy.language import Language

TWO = [("Tom Vale", "PERSON"), ("Ann Dole", "PERSON")]
BODY = [("Tom Vale", "PERSON"), ("Orla Party", "ORG")]


@pytest.mark.parametrize("text", [
    "Tom Vale has quit the Orla Party and accused it of betraying its supporters.",
    "Tom Vale joined the Orla Party and later criticised it for its plans.",
])
def test_an_object_it_is_the_body_of_the_joined_clause(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "opposes", "Orla Party") in triples(nlp, text, BODY)


def test_an_object_it_after_two_bodies_stays_unread(nlp) -> None:  # noqa: ANN001
    text = "Tom Vale joined the Brenn Group and the Orla Party and criticised it in 2001."
    got = triples(nlp, text, [*BODY, ("Brenn Group", "ORG")])
    assert not any(p == "opposes" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Tom Vale, the backbencher who challenged Ann Dole for the party leadership in 1989, has died.",
    "Tom Vale challenged Ann Dole for the leadership.",
])
def test_a_challenge_is_opposition(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "opposes", "Ann Dole") in triples(nlp, text, TWO)


@pytest.mark.parametrize("text", [
    "Tom Vale took legal action against the Orla Party.",
    "Tom Vale launched a campaign against the Orla Party.",
    "Tom Vale filed a lawsuit against the Orla Party last year.",
])
def test_an_action_against_a_body_is_opposition(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Vale", "opposes", "Orla Party", "noun_action_against") in facts(nlp, text, BODY)


@pytest.mark.parametrize("text", [
    "Tom Vale spoke first. His rival Ann Dole said no.",
    "Tom Vale joined his rival Ann Dole on Monday.",
])
def test_his_rival_is_a_rival_when_tagged_an_adjective(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Ann Dole", "opposes", "Tom Vale") in triples(nlp, text, TWO)


@pytest.mark.parametrize("text", [
    "Peter Novak barred Tomas Brel from entering the country.",
    "Prime Minister Peter Novak issued a statement. He had told officials to act, and barred Tomas Brel from "
    "entering the country, the statement said.",
    "Peter Novak banned Tomas Brel from the ministry in 2010.",
])
def test_barring_or_banning_someone_acts_against_them(nlp: Language, text: str) -> None:
    assert ("Peter Novak", "opposes", "Tomas Brel") in article_triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Varnland banned imports of Nordish cars.",
    "Peter Novak was not barred from the vote.",
])
def test_banning_a_thing_opposes_nobody(nlp: Language, text: str) -> None:
    assert not any(p == "opposes" for _, p, _ in article_triples(nlp, text))
