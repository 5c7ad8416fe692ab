"""Reference across clauses: a contact relative clause does not give its subject the head's role, and a
possessive pronoun before a role noun names someone other than the role's holder (invented names)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples linkchart reads from `text`."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize("text", [
    'The Blue Brigade officer Tom Vale knew as "Hajj Umar".',
    'The Blue Brigade officer Tom Vale knew as "Hajj Umar" ran the cells.',
])
def test_a_contact_relative_clause_about_an_officer_gives_its_subject_no_role(nlp: Language, text: str) -> None:
    found = triples(nlp, text)
    assert ("Tom Vale", "member_of", "Blue Brigade") not in found
    assert ("Hajj Umar", "member_of", "Blue Brigade") in found


@pytest.mark.parametrize("text", [
    "The Red Front commander Tom Vale visited Oslo.",
    "The Red Front leader Tom Vale knew the minister.",
    "The Red Front leader Tom Vale said the talks had failed.",
])
def test_a_title_before_a_name_still_gives_the_name_its_role(nlp: Language, text: str) -> None:
    assert ("Tom Vale", "leads", "Red Front") in triples(nlp, text)


@pytest.mark.parametrize(("text", "handler", "handled"), [
    ("From 2003 until Vale's capture, Tom Roe acted as his handler.", "Tom Roe", "Vale"),
    ("Ann Poe was arrested in May. Tom Roe had been her handler since 2001.", "Tom Roe", "Ann Poe"),
    ("After Jim Lee came back from Oslo, Tom Roe served as his handler.", "Tom Roe", "Jim Lee"),
])
def test_a_possessive_before_a_role_noun_names_someone_else_than_the_holder(
        nlp: Language, text: str, handler: str, handled: str) -> None:
    found = triples(nlp, text)
    assert (handler, "handler_of", handled) in found
    assert (handler, "handler_of", handler) not in found


def test_an_ambiguous_possessive_gives_no_relation(nlp: Language) -> None:
    found = triples(nlp, "Ann Poe met Bob Dee in Oslo. Tom Roe later became his handler.")
    assert not [t for t in found if t[1] == "handler_of"]


def relations(nlp: Language, text: str) -> list:
    """Return the relations linkchart reads from `text`."""
    return extract_article(text, [(0, len(text))], "2020-01-01", nlp).relations


@pytest.mark.parametrize(("text", "expected"), [
    ("Tom Vale founded the Red Front in 1990. The cleric later visited Oslo.", ("Tom Vale", "visited", "Oslo")),
    ("The Red Front was founded in 1990. The group later attacked Oslo.", ("Red Front", "attacked", "Oslo")),
    ("The Red Front was set up in Oslo. The movement then attacked Bergen.", ("Red Front", "attacked", "Bergen")),
])
def test_a_definite_description_refers_to_the_one_compatible_entity_before_it(
        nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    found = {(r.subject, r.predicate, r.object): r for r in relations(nlp, text)}
    assert expected in found
    # the evidence keeps the antecedent's sentence as well as the one that refers back to it
    assert found[expected].start == 0 and found[expected].end == len(text)


@pytest.mark.parametrize("text", [
    "Tom Vale met Ann Poe in Oslo. The cleric later visited Rome.",
    "The Red Front met the Blue Brigade in Oslo. The group later attacked Rome.",
])
def test_a_definite_description_with_two_candidates_stays_unresolved(nlp: Language, text: str) -> None:
    assert not [r for r in relations(nlp, text) if r.predicate in {"visited", "attacked"}]


@pytest.mark.parametrize(("text", "who"), [
    ("Ms Ann Poe was arrested in May. He joined the Red Front in 1990.", None),
    ("Mr Tom Vale and Ms Ann Poe met in May. She joined the Red Front in 1990.", "Ann Poe"),
    ("Mr Tom Vale and Ms Ann Poe met in May. He joined the Red Front in 1990.", "Tom Vale"),
])
def test_a_pronoun_takes_an_antecedent_of_its_gender(nlp: Language, text: str, who: str | None) -> None:
    members = {r.subject for r in relations(nlp, text) if r.predicate == "member_of"}
    assert members == ({who} if who else set())


def test_a_definite_description_does_not_take_a_possessor_of_the_sentence_before(nlp: Language) -> None:
    text = "Jim Lee reorganised the Blue Brigade's fighters into cells. By 2006 the network had broken away from " \
           "the Red Front."
    assert not [r for r in relations(nlp, text) if r.subject == "Blue Brigade"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Red Front broke away from the Blue Brigade in 2012. The group later attacked Rome.",
     ("Red Front", "attacked", "Rome")),
    ("The Red Front broke away from the Blue Brigade in 2012. The group, which is based in Oslo, later attacked "
     "Rome.", ("Red Front", "attacked", "Rome")),
])
def test_a_definite_description_takes_the_subject_when_the_other_candidate_is_no_object(
        nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    """Of two organisations in the sentence before, the main clause's subject, when the other sits in a phrase of
    its own ('from the Blue Brigade'); a relative clause set off by commas keeps 'the group' a reference."""
    assert expected in {(r.subject, r.predicate, r.object) for r in relations(nlp, text)}


def test_a_definite_description_with_a_defining_clause_is_another_group(nlp: Language) -> None:
    text = "The Red Front broke away from the Blue Brigade in 2012. The group that attacked Rome was new."
    assert not [r for r in relations(nlp, text) if r.predicate == "attacked" and r.subject == "Red Front"]
