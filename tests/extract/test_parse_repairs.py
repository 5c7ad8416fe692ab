"""Arguments read past the parser's slips (#11): a unit's full stop ('13 km.') is no clause boundary; a name whose
possessive ends its phrase ('commandos from X's') stands for something of X's, not X; a verb has one direct object;
an apposition the parser hung on the verb or on the governing noun belongs to the name before its comma.
Invented names."""

from __future__ import annotations

import pytest
from parsed_text import triples
from spacy.language import Language


@pytest.mark.parametrize("text", [
    "This includes the depot at Kelso, 13 km. south of Varna, bombed by Turkish jets on May 2.",
    "They hit the depot at Kelso, some 40 mi. north of Varna, bombed by Turkish jets last year.",
])
def test_a_participle_after_a_distance_with_a_stop_describes_the_place(nlp: Language, text: str) -> None:
    ents = [("Kelso", "GPE"), ("Varna", "GPE"), ("Turkish", "NORP")]
    assert ("Turkey", "attacked", "Kelso") in triples(nlp, text, ents)


@pytest.mark.parametrize(("text", "sentences"), [
    ("The town lies 13 km. Rebels held it in May.", ["The town lies 13 km.", "Rebels held it in May."]),
    ("Troops advanced 15 km. The town fell.", ["Troops advanced 15 km.", "The town fell."]),
])
def test_a_capital_after_a_unit_with_a_stop_starts_a_sentence(nlp: Language, text: str, sentences: list) -> None:
    assert [s.text for s in nlp(text).sents] == sentences


@pytest.mark.parametrize("text", [
    "In January, commandos from Rask's conducted a raid on the Velmor Guard.",
    "Fighters from Anna Rask's stormed the Velmor Guard post on Monday.",
])
def test_a_possessive_that_ends_its_phrase_is_no_argument(nlp: Language, text: str) -> None:
    name = "Anna Rask" if "Anna" in text else "Rask"
    found = triples(nlp, text, [(name, "PERSON"), ("Velmor Guard", "ORG")])
    assert not {t for t in found if t[0] == name}


def test_a_possessive_before_its_noun_still_counts(nlp: Language) -> None:
    text = "In January, Rask's commandos conducted a raid on the Velmor Guard."
    found = triples(nlp, text, [("Rask", "PERSON"), ("Velmor Guard", "ORG")])
    assert ("Rask", "attacked", "Velmor Guard") in found


def test_a_second_direct_object_is_a_misparsed_phrase(nlp: Language) -> None:
    text = ("In June, the Ostrian army accused the militant group of breaking the truce by building posts under the "
            "guise of a charity, \u201cGreen Rivers,\u201d near the border.")
    found = triples(nlp, text, [("Ostrian army", "ORG"), ("Green Rivers", "ORG")])
    assert not {t for t in found if t[2] == "Green Rivers"}


@pytest.mark.parametrize("text", [
    "Today, the Kessel Brigade is a key component in the Velmor Alliance (Northern Units), the gathering of "
    "militias raised up in 2014 to fight the Rask Front.",
    "The Kessel Brigade is a member of the Velmor Alliance, a coalition of militias formed in 2014 to fight the "
    "Rask Front.",
])
def test_an_apposition_hung_on_the_verb_or_noun_belongs_to_the_name_before_it(nlp: Language, text: str) -> None:
    ents = [("Kessel Brigade", "ORG"), ("Velmor Alliance", "ORG"), ("Rask Front", "ORG")]
    if "Northern Units" in text:
        ents.append(("Northern Units", "ORG"))
    found = triples(nlp, text, ents)
    assert ("Velmor Alliance", "opposes", "Rask Front") in found
    assert ("Kessel Brigade", "opposes", "Rask Front") not in found



@pytest.mark.parametrize(("text", "expected"), [
    ("The network moved oil for the Kessel Brigade, an armed group backed by the Velmor Party.",
     ("Kessel Brigade", "backed_by", "Velmor Party")),
    ("Police raided the offices of the Kessel Brigade, a militia funded by the Velmor Party.",
     ("Velmor Party", "funds", "Kessel Brigade")),
])
def test_a_group_noun_hung_on_the_verb_after_a_name_describes_that_name(nlp: Language, text: str,
                                                                        expected: tuple) -> None:
    assert expected in triples(nlp, text, [("Kessel Brigade", "ORG"), ("Velmor Party", "ORG")])


def test_a_based_modifier_on_a_common_noun_skips_its_conjuncts(nlp: Language) -> None:
    text = "The network was run by Tariq Rask, a Dubai-based trader, and his deputy, Omar Lund."
    found = triples(nlp, text, [("Tariq Rask", "PERSON"), ("Dubai", "GPE"), ("Omar Lund", "PERSON")])
    assert ("Tariq Rask", "located_in", "Dubai") in found
    assert ("Omar Lund", "located_in", "Dubai") not in found


def test_an_apposition_hung_on_another_noun_gives_that_noun_no_name(nlp: Language) -> None:
    text = ("The Ostrian ministry on Tuesday fined six firms and two men it says ran a shipping network that moved "
            "oil for the Kessel Brigade, an armed group backed by the Velmor Party.")
    found = triples(nlp, text, [("Ostrian ministry", "ORG"), ("Kessel Brigade", "ORG"), ("Velmor Party", "ORG")])
    assert not {t for t in found if t[0] == "Ostrian ministry"}


@pytest.mark.parametrize("text", [
    "Pavel Ash commands the Kessel Legion's eastern brigade.",
    "Pavel Ash led the Kessel Legion's eastern brigade in 2020.",
    "Pavel Ash commanded a brigade of the Kessel Legion.",
])
def test_who_commands_a_unit_of_a_body_is_its_member(nlp: Language, text: str) -> None:
    assert ("Pavel Ash", "member_of", "Kessel Legion") in triples(nlp, text, [("Pavel Ash", "PERSON"),
                                                                              ("Kessel Legion", "ORG")])


@pytest.mark.parametrize(("text", "allied"), [
    ("The Black Eagles, a unit that fought on the side of the Selvan Army, were disbanded.", True),
    ("The Black Eagles fought on the side of the Selvan Army in 2019.", True),
    ("The Black Eagles fought on the opposite side of the Selvan Army in 2019.", False),
])
def test_fighting_on_the_side_of_a_party_allies_with_it(nlp: Language, text: str, allied: bool) -> None:
    found = triples(nlp, text, [("Black Eagles", "ORG"), ("Selvan Army", "ORG")])
    assert (("Black Eagles", "allied_with", "Selvan Army") in found) is allied
