"""Encyclopedic phrasing ('X, a town in Y', 'X is a city in Y', 'headquartered in', 'the capital of',
'founded by', 'chairman of'), '<place>-based', a capital standing for its state, and the pairs that
coordination must not link. Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import triples


@pytest.mark.parametrize("text", [
    "Brennick is a town in Portugal.",
    "Brennick, a small village in Portugal, was shelled.",
    "Brennick is a commune in Portugal.",
    "Brennick is a river in Portugal.",
    "Brennick, Portugal, is on the coast.",
    "Brennick is the capital of Portugal.",
])
def test_a_place_in_a_place(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Brennick", "GPE"), ("Portugal", "GPE")])
    assert ("Brennick", "located_in", "Portugal") in got


def test_a_list_of_places_is_not_a_place_in_a_place(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Delegates came from Brennick, Ostra and Varn.",
                  [("Brennick", "GPE"), ("Ostra", "GPE"), ("Varn", "GPE")])
    assert not any(p == "located_in" for _, p, _ in got)
    got = triples(nlp, "Portugal, Spain and Italy signed.", [("Portugal", "GPE"), ("Spain", "GPE"), ("Italy", "GPE")])
    assert not got


@pytest.mark.parametrize("text,pred,subj,obj", [
    ("Greyfield Partners is headquartered in Brennick.", "located_in", "Greyfield Partners", "Brennick"),
    ("Greyfield Partners was founded by Karl Dent in 1990.", "founded", "Karl Dent", "Greyfield Partners"),
    ("Karl Dent, chairman of Greyfield Partners, denied the claim.", "leads", "Karl Dent", "Greyfield Partners"),
    ("Greyfield Partners, a Brennick-based consultancy, advised the bank.", "located_in", "Greyfield Partners",
     "Brennick"),
])
def test_encyclopedic_phrasing(nlp, text: str, pred: str, subj: str, obj: str) -> None:  # noqa: ANN001
    ents = [(subj, "PERSON" if subj == "Karl Dent" else "ORG"), (obj, "GPE" if obj == "Brennick" else "ORG")]
    assert (subj, pred, obj) in triples(nlp, text, ents)


def test_a_based_place_is_no_actor(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "The Brennick-based channel Orla TV backed the Harbour Party.",
                  [("Brennick", "GPE"), ("Orla TV", "ORG"), ("Harbour Party", "ORG")])
    assert not any("Brennick" in (s, o) and p != "located_in" for s, p, o in got)


def test_a_capital_stands_for_its_state_as_an_actor(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Lisbon and Madrid have long supported the Harbour Party.",
                  [("Lisbon", "GPE"), ("Madrid", "GPE"), ("Harbour Party", "ORG")])
    assert {("Harbour Party", "backed_by", "Portugal"), ("Harbour Party", "backed_by", "Spain")} <= got
    assert not any(o in {"Lisbon", "Madrid"} for _, _, o in got)
    # as a place it stays the city
    got = triples(nlp, "Karl Dent visited Lisbon in May.", [("Karl Dent", "PERSON"), ("Lisbon", "GPE")])
    assert ("Karl Dent", "visited", "Lisbon") in got


@pytest.mark.parametrize("text,ents", [
    ("Talks between Portugal and Spain's ally Corvia failed.",
     [("Portugal", "GPE"), ("Spain", "GPE"), ("Corvia", "GPE")]),
    ("The vote was a setback for Portugal and Spain.", [("Portugal", "GPE"), ("Spain", "GPE")]),
])
def test_coordination_links_no_wrong_pair(nlp, text: str, ents) -> None:  # noqa: ANN001
    got = triples(nlp, text, ents)
    assert not any({s, o} == {"Portugal", "Spain"} for s, _, o in got)
    assert not any({s, o} == {"Portugal", "Corvia"} for s, _, o in got)


@pytest.mark.parametrize("text", [
    "Brennick is a village in the administrative district of Portugal.",
    "Brennick is a town in the north of Portugal.",
])
def test_a_place_in_a_part_of_a_place(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Brennick", "located_in", "Portugal") in triples(nlp, text, [("Brennick", "GPE"), ("Portugal", "GPE")])


def test_a_possessor_inside_a_coordination_owns_only_its_own_noun(nlp) -> None:  # noqa: ANN001
    ents = [("Harbour Party", "ORG"), ("Velvet Front", "ORG"), ("Orla Brigade", "ORG")]
    got = triples(nlp, "Fighting broke out between the Harbour Party and the Velvet Front's affiliate Orla Brigade.",
                  ents)
    assert ("Orla Brigade", "part_of", "Velvet Front") in got
    assert not any("Harbour Party" in (s, o) for s, _, o in got)


def test_a_client_state_is_not_a_place_in_its_patron(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Portugal worked to keep Brennick as a client state of Spain.",
                  [("Portugal", "GPE"), ("Brennick", "GPE"), ("Spain", "GPE")])
    assert ("Brennick", "located_in", "Spain") not in got


@pytest.mark.parametrize("text", [
    "The station was built in 1904 in Brennick, Ostra County, Varnland.",
    "Brennick, Ostra County, Varnland, is on the coast.",
])
def test_a_chain_of_places_is_each_inside_the_next(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Brennick", "GPE"), ("Ostra County", "GPE"), ("Varnland", "GPE")])
    assert {("Brennick", "located_in", "Ostra County"), ("Ostra County", "located_in", "Varnland"),
            ("Brennick", "located_in", "Varnland")} <= got


@pytest.mark.parametrize("text", [
    "Delegates came from Brennick, Ostra, Varn and Tull.",
    "Delegates came from Brennick, Ostra, Varn, and Tull.",
    "Delegates came from Portugal, Spain, Italy.",
])
def test_a_longer_list_of_places_is_no_chain(nlp, text: str) -> None:  # noqa: ANN001
    names = ["Brennick", "Ostra", "Varn", "Tull"] if "Tull" in text else ["Portugal", "Spain", "Italy"]
    got = triples(nlp, text, [(n, "GPE") for n in names])
    assert not any(p == "located_in" for _, p, _ in got)


@pytest.mark.parametrize("text,inner,outer", [
    ("Brennick in northern Varnland was shelled.", "Brennick", "northern Varnland"),
    ("The village lies on the Orla River in Tull District.", "Orla River", "Tull District"),
])
def test_a_place_in_a_place_by_preposition(nlp, text: str, inner: str, outer: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [(inner, "LOC"), (outer, "GPE")])
    assert (inner, "located_in", outer) in got


def test_a_place_after_from_is_not_inside_the_in_phrase(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "He met officials from Brennick in Ostra on Monday.", [("Brennick", "GPE"), ("Ostra", "GPE")])
    assert not got
    got = triples(nlp, "Troops from Portugal in Ostra left.", [("Portugal", "GPE"), ("Ostra", "GPE")])
    assert not got


def test_a_chain_before_and_a_verb_is_still_a_chain(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "He hopes to remain mayor of Brennick, Ostra County, and start a family.",
                  [("Brennick", "GPE"), ("Ostra County", "GPE")])
    assert ("Brennick", "located_in", "Ostra County") in got


@pytest.mark.parametrize("text", [
    "Karl Dent has played for Orla United, Tull Rovers and Brenn City.",
    "Dent signed for Orla United in 2004 and later played for Tull Rovers.",
    "Karl Dent scored twice for Orla United.",
])
def test_a_player_plays_for_the_team(nlp, text: str) -> None:  # noqa: ANN001
    names = [("Karl Dent", "PERSON"), ("Dent", "PERSON"), ("Orla United", "ORG"), ("Tull Rovers", "ORG"),
             ("Brenn City", "ORG")]
    first = "Karl Dent" if "Karl Dent" in text else "Dent"
    ents = [(n, label) for n, label in names if n in text and (n != "Dent" or first == "Dent")]
    assert (first, "member_of", "Orla United") in triples(nlp, text, ents)


def test_playing_something_for_an_organisation_is_no_membership(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Karl Dent played a concert for Orla Records.",
                  [("Karl Dent", "PERSON"), ("Orla Records", "ORG")])
    assert ("Karl Dent", "member_of", "Orla Records") not in got
