"""'its' before a role noun: the organisation it stands for, counting another name the sentence gives it as the
same one, leaving out a class named with 'a', and across a sentence opening with 'Its' (extract/context.py
its_owner). Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as _triples
from spacy.language import Language


@pytest.mark.parametrize("text", [
    "The Red Front is known as the Varga Network after its leader Tomas Varga.",
    "The Red Front (RF), also known as the Varga Network after its leader Tomas Varga, was a guerrilla outfit.",
    "The Red Front was founded in 2006. Its leader, Tomas Varga, was released in 2010.",
    "The United States said it would designate the Red Front as a Foreign Terrorist Organization and list its "
    "leader, Tomas Varga.",
])
def test_its_stands_for_the_one_organisation_named(nlp: Language, text: str) -> None:
    assert ("Tomas Varga", "leads", "Red Front") in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Tomas Varga met the Blue Army and the Red Front. Its leader, Ivan Petrov, spoke.",
    "The Red Front met the Blue Army in May. Later, its leader Ivan Petrov spoke.",
])
def test_its_with_two_candidates_stays_unresolved(nlp: Language, text: str) -> None:
    assert not any(p == "leads" and s == "Ivan Petrov" for s, p, _ in _triples(nlp, text))


@pytest.mark.parametrize("text", [
    "The Red Front, through its Varga Brigade, sent money to the rebels.",
    "The Red Front was founded in 2006. Its Varga Brigade trains snipers.",
])
def test_its_before_a_name_makes_the_name_part_of_the_organisation(nlp: Language, text: str) -> None:
    assert ("Varga Brigade", "part_of", "Red Front") in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The Red Front and its ally Varga Brigade sent money to the rebels.",
    "Tomas Varga met the Blue Army and the Red Front. Its Varga Brigade left.",
])
def test_its_before_a_role_or_after_two_organisations_makes_no_part(nlp: Language, text: str) -> None:
    assert not any(p == "part_of" and s == "Varga Brigade" for s, p, _ in _triples(nlp, text))


@pytest.mark.parametrize(("text", "want"), [
    ("What ties them together is Tomas Varga, whose Varga Brigade sponsored the rebels from the start.",
     ("Tomas Varga", "leads", "Varga Brigade")),
    ("The Red Front, whose Varga Brigade ran the war, won the vote.", ("Varga Brigade", "part_of", "Red Front")),
])
def test_whose_before_a_name_reads_as_the_possessive_of_the_name_described(nlp: Language, text: str, want) -> None:
    assert want in _triples(nlp, text)
