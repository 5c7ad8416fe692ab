"""Arguments found through coordinated participles, phrasal verbs and unlabelled group names (invented names)."""

from __future__ import annotations

import pytest
from parsed_text import parse, triples
from spacy.language import Language

from linkchart.extract.facts import fact_reader
from linkchart.extract.mentions import mentions_from_doc


@pytest.mark.parametrize("text", [
    "The Red Dawn was led and financed by Paul Grant.",
    "The Red Dawn, which was led and financed by Paul Grant, grew.",
])
def test_a_by_phrase_serves_both_participles(nlp: Language, text: str) -> None:
    got = triples(nlp, text, [("Red Dawn", "ORG"), ("Paul Grant", "PERSON")])
    assert ("Paul Grant", "leads", "Red Dawn") in got and ("Paul Grant", "funds", "Red Dawn") in got


def test_two_passives_apart_keep_their_own_doers(nlp: Language) -> None:
    got = triples(nlp, "Paul Grant was arrested in 2003 and later released by the Ostrian army.",
                  [("Paul Grant", "PERSON"), ("Ostrian army", "ORG")])
    assert ("Ostrian army", "arrested", "Paul Grant") not in got


@pytest.mark.parametrize("text", [
    "Paul Grant set up the Vessa Front in 2001.",
    "The Vessa Front, set up by Paul Grant in 2001, grew.",
])
def test_a_phrasal_verb_is_matched_with_its_particle(nlp: Language, text: str) -> None:
    assert ("Paul Grant", "founded", "Vessa Front") in triples(nlp, text, [("Paul Grant", "PERSON"),
                                                                          ("Vessa Front", "ORG")])


def test_a_phrasal_verb_is_not_its_bare_verb(nlp: Language) -> None:
    got = triples(nlp, "Paul Grant set the Vessa Front on fire.", [("Paul Grant", "PERSON"), ("Vessa Front", "ORG")])
    assert ("Paul Grant", "founded", "Vessa Front") not in got


def test_capitalised_words_before_a_group_noun_name_the_group(nlp: Language) -> None:
    ms = {m.text: m for m in mentions_from_doc(nlp("Fighters of the Black Hand militia and the Iraqi militia met."))}
    assert ms["Black Hand"].label == "ORG" and ms["Black Hand"].role == "militia"
    assert not any("Iraqi" in t for t in ms)  # a nationality before the noun describes the group


_FRONT = [("Vessa Front", "ORG"), ("Ostrian army", "ORG"), ("Red Dawn", "ORG")]


@pytest.mark.parametrize("text", [
    "The Vessa Front was formed in 2014 to fight the Red Dawn.",
    "The Vessa Front was set up by the Ostrian army to fight the Red Dawn.",
    "The Vessa Front, created to counter the Red Dawn, grew quickly.",
    "The Vessa Front was raised in the north to fight the Red Dawn.",
    "The Vessa Front, the gathering of militias raised up in 2014 to fight the Red Dawn, met.",
    "The Vessa Front, a coalition of militias created to counter the Red Dawn, met.",
])
def test_what_was_made_for_a_purpose_does_it(nlp: Language, text: str) -> None:
    rels = fact_reader(nlp).read(parse(nlp, text, [e for e in _FRONT if e[0] in text]), 0, None).relations
    got = {(r.subject, r.predicate, r.object): r.hedged for r in rels}
    assert got.get(("Vessa Front", "opposes", "Red Dawn")) is True  # a purpose: hedged, not asserted
    assert ("Ostrian army", "opposes", "Red Dawn") not in got


def test_the_head_of_what_was_made_for_a_purpose_is_not_what_was_made(nlp: Language) -> None:
    text = "Paul Grant, the head of a militia raised to fight the Red Dawn, spoke."
    rels = fact_reader(nlp).read(parse(nlp, text, [("Paul Grant", "PERSON"), ("Red Dawn", "ORG")]), 0, None).relations
    assert not any(r.subject == "Paul Grant" and r.predicate == "opposes" for r in rels)


@pytest.mark.parametrize("text", [
    "Paul Grant travelled to Ostra to meet Anna Vale.",
    "Paul Grant was sent to Ostra to meet Anna Vale.",
])
def test_a_purpose_is_hedged_and_makes_no_event(nlp: Language, text: str) -> None:
    ents = [("Paul Grant", "PERSON"), ("Ostra", "GPE"), ("Anna Vale", "PERSON")]
    found = fact_reader(nlp).read(parse(nlp, text, ents), 0, None)
    met = [r for r in found.relations if r.predicate == "met_with"]
    assert met and all(r.hedged for r in met)
    assert not any(e.kind == "meeting" for e in found.events)


def test_a_meeting_held_for_a_purpose_still_happened(nlp: Language) -> None:
    ents = [("Paul Grant", "PERSON"), ("Anna Vale", "PERSON"), ("Ostra", "GPE")]
    found = fact_reader(nlp).read(parse(nlp, "Paul Grant met Anna Vale in Ostra to discuss the deal.", ents), 0, None)
    assert any(r.predicate == "met_with" and not r.hedged for r in found.relations)
