"""Arguments found through coordinated participles, phrasal verbs and unlabelled group names (invented names)."""

from __future__ import annotations

import pytest
from parsed_text import triples
from spacy.language import Language

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
