"""Tests of the linkchart_mentions component over small hand-made sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.mentions import mentions_from_doc
from linkchart.extract.nlp import load_pipeline
from linkchart.models import Mention


@pytest.fixture(scope="session")
def nlp() -> Language:
    """Return the linkchart pipeline (loaded once per process)."""
    return load_pipeline()


def found(nlp: Language, text: str) -> dict[str, Mention]:
    """Return the mentions of `text` by their text."""
    return {m.text: m for m in mentions_from_doc(nlp(text))}


def test_component_is_registered_after_ner(nlp: Language) -> None:
    assert nlp.pipe_names.index("linkchart_mentions") == nlp.pipe_names.index("ner") + 1
    assert "lemmatizer" not in nlp.pipe_names


def test_title_is_role_not_part_of_the_name(nlp: Language) -> None:
    ms = found(nlp, "Yesterday Sheikh Karim al-Nouri met Major-General Farid Haddad in Basra.")
    assert ms["Karim al-Nouri"].label == "PERSON"
    assert ms["Karim al-Nouri"].role == "Sheikh"
    assert ms["Farid Haddad"].label == "PERSON"
    assert ms["Farid Haddad"].role == "Major-General"


def test_quoted_nickname_keeps_its_honorific(nlp: Language) -> None:
    ms = found(nlp, "The prisoner said he reported to ‘Hajj Mansour,’ an officer he met in 2004.")
    assert ms["Hajj Mansour"].label == "PERSON"
    assert ms["Hajj Mansour"].role == "Hajj"


def test_role_noun_before_name_makes_a_person(nlp: Language) -> None:
    ms = found(nlp, "The group's spokesman Tariq Bazzi denied the report.")
    assert ms["Tariq Bazzi"].label == "PERSON"
    assert ms["Tariq Bazzi"].role == "spokesman"


def test_org_head_makes_an_org_and_stays_in_span(nlp: Language) -> None:
    ms = found(nlp, "Fighters of the Saraya Talaat Brigades crossed the river with the Nahrain Force.")
    assert ms["Saraya Talaat Brigades"].label == "ORG"
    assert ms["Nahrain Force"].label == "ORG"


def test_arabic_particles_join_one_name(nlp: Language) -> None:
    ms = found(nlp, "Abu Hamza al-Tikriti and Umm Salim spoke to Abdul Karim Qasimi on Monday.")
    assert "Abu Hamza al-Tikriti" in ms
    assert ms["Abu Hamza al-Tikriti"].label == "PERSON"


def test_acronyms_are_orgs_unless_countries(nlp: Language) -> None:
    ms = found(nlp, "Officials from the KNF and the UK met an envoy of the US in a hotel owned by an NGO.")
    assert ms["KNF"].label == "ORG"
    assert ms["UK"].label == "GPE"
    assert ms["US"].label == "GPE"
    assert "NGO" not in ms  # 'an NGO' is a common noun


def test_the_and_possessive_are_stripped_and_possessives_split(nlp: Language) -> None:
    ms = found(nlp, "The Badr Organization's offices were raided by Hamid's Jaysh al-Nasr fighters.")
    assert "Badr Organization" in ms
    assert "Jaysh al-Nasr" in ms and ms["Jaysh al-Nasr"].label == "ORG"
    assert not any(t.startswith("The ") or t.endswith("'s") for t in ms)


def test_name_with_acronym_in_brackets_gives_two_mentions(nlp: Language) -> None:
    ms = found(nlp, "The National Defence Brigades (NDB) recruited in Homs.")
    assert ms["National Defence Brigades"].label == "ORG"
    assert ms["NDB"].label == "ORG"


def test_nationalities_and_numbers_are_not_mentions(nlp: Language) -> None:
    ms = found(nlp, "Some 3,000 Iraqi and Iranian fighters, mostly Shia, arrived in 2015.")
    assert not any(m.label == "NORP" for m in ms.values())
    assert {"Iraqi", "Iranian", "Shia", "3,000", "2015"}.isdisjoint(ms)


def test_page_furniture_is_not_a_mention(nlp: Language) -> None:
    assert found(nlp, "Select Language") == {}
    assert "Share" not in found(nlp, "Share")


def test_appositive_description_and_role(nlp: Language) -> None:
    ms = found(nlp, "Karim Saadi, the commander of the Nahrain Force, was arrested in Mosul.")
    m = ms["Karim Saadi"]
    assert m.label == "PERSON"
    assert m.role == "commander"
    assert m.description == "the commander of the Nahrain Force"


def test_place_nouns_type_places(nlp: Language) -> None:
    ms = found(nlp, "They stayed in the town of Kfar Sabt, west of Tel Qasr.")
    assert ms["Kfar Sabt"].label == "GPE"


def test_led_by_types_both_sides(nlp: Language) -> None:
    ms = found(nlp, "The fighters joined Liwa al-Fajr, led by Saad Qutaini, in the spring.")
    assert ms["Liwa al-Fajr"].label == "ORG"
    assert ms["Saad Qutaini"].label == "PERSON"


def test_sentence_span_points_at_the_sentence(nlp: Language) -> None:
    text = "Nothing happened on Sunday. Then Sheikh Karim Nouri arrived in Basra."
    doc = nlp(text)
    m = next(m for m in mentions_from_doc(doc, offset=10) if m.text == "Karim Nouri")
    assert (m.sentence_start - 10, m.sentence_end - 10) == (28, len(text))
    assert text[m.start - 10 : m.end - 10] == "Karim Nouri"


def test_description_without_determiner(nlp: Language) -> None:
    ms = found(nlp, "Karim Saadi, head of the paramilitary group Liwa al-Fajr, spoke on Tuesday.")
    assert ms["Karim Saadi"].description == "head of the paramilitary group Liwa al-Fajr"
