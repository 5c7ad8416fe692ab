"""Relation guards for news (#11): a possessive place after a name says whose thing it is, not where; the time of
a role is read across its nationality word ('former Chilean President X') and the body it names ('the former
Green Party leader X'), and a former role takes no date from another happening of its sentence; a rank in a
contest ('came in second in X') is no visit; one of a body's leaders ('a Red Front commander') is a member, and
who is brought or hired for a purpose does it. Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples, parse, triples
from spacy.language import Language

from linkchart.extract.facts import fact_reader


@pytest.mark.parametrize(("text", "ents"), [
    ("State media today declared the Silver Hare, Valdora's first moon rover, damaged.",
     [("Silver Hare", "GPE"), ("Valdora", "GPE")]),
    ("The Corlin Star, Vesta's largest airliner, was unveiled on Monday.", [("Corlin Star", "GPE"), ("Vesta", "GPE")]),
])
def test_a_possessive_place_after_a_name_is_no_location(nlp, text: str, ents: list) -> None:  # noqa: ANN001
    assert not {t for t in triples(nlp, text, ents) if t[1] == "located_in"}


@pytest.mark.parametrize(("text", "ents", "expected"), [
    ("He was born in Ostrava, Valdora.", [("Ostrava", "GPE"), ("Valdora", "GPE")],
     ("Ostrava", "located_in", "Valdora")),
    ("She flew to Ostrava, Valdora's capital.", [("Ostrava", "GPE"), ("Valdora", "GPE")],
     ("Ostrava", "located_in", "Valdora")),
])
def test_a_place_chain_still_locates(nlp, text: str, ents: list, expected: tuple) -> None:  # noqa: ANN001
    assert expected in triples(nlp, text, ents)


@pytest.mark.parametrize("text", [
    "A regional court has issued an arrest warrant for former Chilean President Lea Marsh.",
    "The court summoned the former Chilean President Lea Marsh on Tuesday.",
    "Ex-Chilean President Lea Marsh was summoned.",
])
def test_former_is_read_across_the_nationality_of_a_title(nlp, text: str) -> None:  # noqa: ANN001
    rels = fact_reader(nlp).read(parse(nlp, text, [("Chilean", "NORP"), ("Lea Marsh", "PERSON")]), 0,
                                 "2016-05-20").relations
    leads = [r for r in rels if r.predicate == "leads"]
    assert leads and all(r.rule.endswith("_former") for r in leads)


@pytest.mark.parametrize(("text", "body"), [
    ("The former Green Party leader Lea Marsh met the envoy.", ("Green Party", "ORG")),
    ("Former Varn Bank chairman Lea Marsh met the envoy.", ("Varn Bank", "ORG")),
    ("The court summoned the former Red Front commander Lea Marsh.", ("Red Front", "ORG")),
])
def test_former_is_read_across_the_body_a_title_names(nlp, text: str, body: tuple) -> None:  # noqa: ANN001
    rels = fact_reader(nlp).read(parse(nlp, text, [body, ("Lea Marsh", "PERSON")]), 0, "2016-05-20").relations
    leads = [r for r in rels if r.predicate == "leads"]
    assert leads and all(r.rule.endswith("_former") for r in leads)


def test_a_current_title_before_a_former_one_stays_current(nlp) -> None:  # noqa: ANN001
    text = "Green Party leader Lea Marsh met the former minister Tom Vale."
    rels = fact_reader(nlp).read(parse(nlp, text, [("Green Party", "ORG"), ("Lea Marsh", "PERSON"),
                                                   ("Tom Vale", "PERSON")]), 0, "2016-05-20").relations
    assert any(r.subject == "Lea Marsh" and r.predicate == "leads" and not r.rule.endswith("_former") for r in rels)


def test_a_former_role_takes_no_date_from_its_sentence(nlp) -> None:  # noqa: ANN001
    text = "Lea Marsh, the former governor of Valdora, ended her campaign on Wednesday morning."
    rels = fact_reader(nlp).read(parse(nlp, text, [("Lea Marsh", "PERSON"), ("Valdora", "GPE"),
                                                         ("Wednesday morning", "TIME")]), 0, "2016-05-20").relations
    leads = [r for r in rels if r.predicate == "leads"]
    assert leads and all(r.date is None for r in leads)


def test_a_current_role_keeps_its_sentences_date(nlp) -> None:  # noqa: ANN001
    text = "Lea Marsh, the governor of Valdora, ended her campaign on Wednesday morning."
    rels = fact_reader(nlp).read(parse(nlp, text, [("Lea Marsh", "PERSON"), ("Valdora", "GPE"),
                                                         ("Wednesday morning", "TIME")]), 0, "2016-05-20").relations
    assert [r.date for r in rels if r.predicate == "leads"] == ["2016-05-18"]


@pytest.mark.parametrize("text", [
    "Lea Marsh came in second in Valdora, securing 12 of the 41 delegates.",
    "Lea Marsh came third in Valdora.",
    "Lea Marsh came in first in Valdora with 14 delegates.",
])
def test_a_rank_in_a_contest_is_no_visit(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Lea Marsh", "visited", "Valdora") not in triples(nlp, text, [("Lea Marsh", "PERSON"), ("Valdora", "GPE")])


@pytest.mark.parametrize("text", [
    "Lea Marsh came to Valdora in March.",
    "Lea Marsh travelled to Valdora for the second time.",
])
def test_a_journey_is_still_a_visit(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Lea Marsh", "visited", "Valdora") in triples(nlp, text, [("Lea Marsh", "PERSON"), ("Valdora", "GPE")])


@pytest.mark.parametrize("text", [
    "The reserve is located in the upper reaches of a river in Tarlac , Philippines , and borders two provinces .",
    "The reserve is located in Tarlac, Philippines, and borders two provinces.",
])
def test_a_country_named_like_a_plural_of_its_demonym_stays_a_place(nlp, text: str) -> None:  # noqa: ANN001
    labels = {e.text: e.label_ for e in nlp(text).ents}
    assert labels.get("Philippines") == "GPE"  # not a people, as 'Filipinos' are


@pytest.mark.parametrize(("text", "ents", "expected"), [
    ("Lea Marsh, a Red Front commander, said the war was over.", [("Lea Marsh", "PERSON"), ("Red Front", "ORG")],
     ("Lea Marsh", "member_of", "Red Front")),
    ("Lea Marsh, a leader of the Red Front, spoke.", [("Lea Marsh", "PERSON"), ("Red Front", "ORG")],
     ("Lea Marsh", "member_of", "Red Front")),
])
def test_one_of_a_bodys_leaders_is_a_member(nlp, text: str, ents: list, expected: tuple) -> None:  # noqa: ANN001
    got = triples(nlp, text, ents)
    assert expected in got and not any(p == "leads" for _, p, _ in got)


def test_a_commander_of_a_nationality_leads_no_nation(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Lea Marsh, an Iraqi commander, said the war was over.", [("Lea Marsh", "PERSON"),
                                                                                  ("Iraqi", "NORP")])
    assert not any(o in {"Iraqi", "Iraq"} for _, _, o in got)


@pytest.mark.parametrize(("text", "expected"), [
    ("Tom Vale then brought Lea Marsh to meet Ann Roe in person.", ("Lea Marsh", "met_with", "Ann Roe")),
    ("Tom Vale hired Lea Marsh to attack the Red Front.", ("Lea Marsh", "attacked", "Red Front")),
])
def test_who_is_brought_or_hired_for_a_purpose_does_it(nlp, text: str, expected: tuple) -> None:  # noqa: ANN001
    ents = [(n, "PERSON") for n in ("Tom Vale", "Lea Marsh", "Ann Roe") if n in text]
    ents += [("Red Front", "ORG")] if "Red Front" in text else []
    got = triples(nlp, text, ents)
    assert expected in got and ("Tom Vale", expected[1], expected[2]) not in got


@pytest.mark.parametrize("text", ["Iraqi militia leader Lea Marsh visited the border.",
                                  "The Iraqi party leader Lea Marsh spoke on Monday."])
def test_a_nationality_before_an_unnamed_group_leads_no_nation(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Iraqi", "NORP"), ("Lea Marsh", "PERSON")])
    assert not any(p == "leads" for _, p, _ in got)


def test_a_nations_prime_minister_still_leads_it(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Iraqi Prime Minister Lea Marsh visited the border.",
                  [("Iraqi", "NORP"), ("Lea Marsh", "PERSON")])
    assert any(s == "Lea Marsh" and p == "leads" for s, p, _ in got)


@pytest.mark.parametrize(("text", "party"), [
    ("Anthony Mell's constituency party, Clwyd South, deselected him.", "Clwyd South"),
    ("Peter Varga's party, the Green Union, lost the vote.", "Green Union"),
])
def test_a_persons_party_is_the_party_the_person_belongs_to(nlp: Language, text: str, party: str) -> None:
    found = article_triples(nlp, text)
    person = text.split("'s", 1)[0]
    assert (person, "member_of", party) in found and (person, "leads", party) not in found


@pytest.mark.parametrize("text", [
    "After the raid, Peter Novak was arrested by the Red Guard. Tomas Brel, a Varnian adviser, was apprehended with "
    "him.",
    "Peter Novak was arrested by the Red Guard in May. Tomas Brel was arrested with Peter Novak.",
])
def test_one_arrested_with_a_fellow_was_arrested_by_the_fellows_captor(nlp: Language, text: str) -> None:
    assert ("Red Guard", "arrested", "Tomas Brel") in article_triples(nlp, text)


def test_a_fellow_with_no_captor_named_gives_no_captor(nlp: Language) -> None:
    text = "Peter Novak visited the Red Guard in May. Tomas Brel was arrested with him."
    assert not any(p == "arrested" for _, p, _ in article_triples(nlp, text))
