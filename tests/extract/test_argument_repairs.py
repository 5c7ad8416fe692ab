"""Arguments the parser misplaces, found again: a list of three or more names ('A, B and C founded Y', B hung on A
as an apposition and C on B or A; rule list_as_apposition); a name hung on the first verb's object right before a
conjoined verb ('X won the election and Y became prime minister'; rule stranded_subject); a relative clause on a
predicate noun ('X was a priest who founded Y'; rule copula_relative). And a country as a member of a body
('Varnland is a member of the Northern Pact'). Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import triples

FOUNDERS = [("Simon Lebb", "PERSON"), ("Nick Rode", "PERSON"), ("Roger Tane", "PERSON"), ("Harbour Party", "ORG")]


@pytest.mark.parametrize("text", [
    "Simon Lebb, Nick Rode and Roger Tane founded the Harbour Party in 1985.",
    "Simon Lebb, Nick Rode, and Roger Tane founded the Harbour Party in 1985.",
    "The Harbour Party was founded in 1985 by Simon Lebb, Nick Rode, and Roger Tane.",
])
def test_every_name_of_a_list_founded(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, FOUNDERS)
    for name in ("Simon Lebb", "Nick Rode", "Roger Tane"):
        assert (name, "founded", "Harbour Party") in got


@pytest.mark.parametrize("text", [
    "Simon Lebb, Nick Rode and Roger Tane joined the Harbour Party in 1985.",
    "Simon Lebb, Nick Rode, or Roger Tane joined the Harbour Party in 1985.",
])
def test_every_name_of_a_list_joined(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, FOUNDERS)
    for name in ("Simon Lebb", "Nick Rode", "Roger Tane"):
        assert (name, "member_of", "Harbour Party") in got


@pytest.mark.parametrize("text", [
    "Varnland is a member of the Northern Pact.",
    "Varnland, a member of the Northern Pact, sent troops.",
    "Varnland joined the Northern Pact in 1999.",
])
def test_a_country_is_a_member_of_a_body(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Varnland", "GPE"), ("Northern Pact", "ORG")])
    assert ("Varnland", "member_of", "Northern Pact") in got


PARTIES = [("Harbour Party", "ORG"), ("Red Front", "ORG"), ("Tom Vale", "PERSON"), ("Varnland", "GPE")]


@pytest.mark.parametrize("text", [
    "The Harbour Party won the election and Tom Vale became the first prime minister of Varnland.",
    "The Harbour Party defeated the Red Front and Tom Vale became the first prime minister of Varnland.",
    "The Harbour Party beat the Red Front and Tom Vale became the first prime minister of Varnland.",
])
def test_a_name_stranded_before_a_conjoined_verb_is_its_subject(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [e for e in PARTIES if e[0] in text])
    assert ("Tom Vale", "leads", "Varnland") in got
    assert ("Harbour Party", "leads", "Varnland") not in got and ("Red Front", "leads", "Varnland") not in got
    assert ("Harbour Party", "opposes", "Tom Vale") not in got


def test_a_list_of_objects_before_and_is_no_stranded_subject(nlp) -> None:  # noqa: ANN001
    people = [("Tom Vale", "PERSON"), ("Ann Rook", "PERSON"), ("Jim Carr", "PERSON"), ("Red Front", "ORG")]
    got = triples(nlp, "Tom Vale met Ann Rook and Jim Carr and attacked the Red Front.", people)
    assert {("Tom Vale", "met_with", "Jim Carr"), ("Tom Vale", "attacked", "Red Front")} <= got
    assert ("Jim Carr", "attacked", "Red Front") not in got



@pytest.mark.parametrize("text,fact", [
    ("Tom Vale ( 1920 – 2008 ) was a Varnish Catholic priest who founded the Harbour Legion and the Kite Movement .",
     ("Tom Vale", "founded", "Harbour Legion")),
    ("Tom Vale ( born 1953 ) is a Varnish politician who was Prime Minister of Varnland from 2005 to 2008 .",
     ("Tom Vale", "leads", "Varnland")),
])
def test_a_relative_clause_on_a_predicate_noun_speaks_of_the_subject(nlp, text: str, fact) -> None:  # noqa: ANN001
    ents = [("Tom Vale", "PERSON"), ("Harbour Legion", "ORG"), ("Kite Movement", "ORG"), ("Varnland", "GPE")]
    assert fact in triples(nlp, text, [e for e in ents if e[0] in text])


def test_a_relative_clause_on_a_branch_speaks_of_no_body(nlp) -> None:  # noqa: ANN001
    text = ("The House of Orla is the last branch of the House of Tull , which is the senior branch of the House of "
            "Vel .")
    got = triples(nlp, text, [("House of Orla", "ORG"), ("House of Tull", "ORG"), ("House of Vel", "ORG")])
    assert ("House of Orla", "part_of", "House of Vel") not in got


@pytest.mark.parametrize("text", [
    "The Tull police detained Simon Lebb, his brother Nick Lebb and Roger Tane in 2007.",
    "In 2007 the Tull police arrested Simon Lebb, his cousin Nick Lebb, and Roger Tane.",
])
def test_a_relative_named_in_a_list_is_a_list_item_and_so_are_the_names_after_it(nlp, text: str) -> None:  # noqa: ANN001
    """'A, his brother B and C': A is not his own brother; the parser hangs B on A as an apposition, C on B."""
    ents = [("Tull police", "ORG"), ("Simon Lebb", "PERSON"), ("Nick Lebb", "PERSON"), ("Roger Tane", "PERSON")]
    got = triples(nlp, text, ents)
    assert {("Tull police", "arrested", name) for name in ("Simon Lebb", "Nick Lebb", "Roger Tane")} <= got


def test_a_description_with_his_stays_a_description(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Roger Tane met Simon Lebb, his deputy, in Tull.",
                  [("Roger Tane", "PERSON"), ("Simon Lebb", "PERSON"), ("Tull", "GPE")])
    assert ("Roger Tane", "met_with", "Simon Lebb") in got


@pytest.mark.parametrize("text", [
    "The rule purged from government service any Iraqi who had been a member of the Harbour Party.",
    "An Iraqi who had been a member of the Harbour Party was fired.",
    "Every Iraqi who joined the Harbour Party lost his job.",
])
def test_a_nationality_word_for_some_unnamed_person_is_no_country(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Iraqi", "NORP"), ("Harbour Party", "ORG")])
    assert not any(p == "member_of" for _, p, _ in got)

