"""A noun for a kind of organisation, or a plural person noun, right before a name describes it (rule `described`):
'retailer X', 'the watchdog Y', 'analysts Z' name organisations; names of people, dates and lists stay as they are."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.mentions import mentions_from_doc


def labels(nlp: Language, text: str) -> dict[str, str]:
    """Return each mention's type by its text."""
    return {m.text: m.label for m in mentions_from_doc(nlp(text))}


@pytest.mark.parametrize(("text", "name"), [
    ("Shares in retailer Ambrio fell sharply on Monday.", "Ambrio"),
    ("The regulator Brenlow said the firm must open its network.", "Brenlow"),
    ("Shares in the company Ambrio fell after the results.", "Ambrio"),
    ("A ruling by the watchdog Corvex is due next week.", "Corvex"),
    ("Retailer Ambrio said its sales fell in March.", "Ambrio"),
    ("Internet service provider Plusnet also backed the proposals.", "Plusnet"),
    ("Telecom analysts Ovem welcomed the move, saying the firm had given ground.", "Ovem"),
    ("Analysts Ovem said the deal was weak.", "Ovem"),
])
def test_a_described_name_is_an_organisation(nlp: Language, text: str, name: str) -> None:
    found = labels(nlp, text)
    assert found.get(name) == "ORG", found
    assert not any(t.lower().startswith(("retailer", "analysts")) for t in found)  # the noun is not in the name


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Police arrested two opposition leaders, Tom Verrel and Ann Dole.", "Tom Verrel", "PERSON"),
    ("Analysts Tom Verrel and Ann Dole disagreed on the figures.", "Tom Verrel", "PERSON"),  # a list of people
    ("The spokesman Tariq Bazzi denied the report.", "Tariq Bazzi", "PERSON"),  # a person noun, singular
])
def test_people_after_a_noun_stay_people(nlp: Language, text: str, name: str, label: str) -> None:
    assert labels(nlp, text).get(name) == label


def test_a_day_after_a_described_name_is_not_in_it(nlp: Language) -> None:
    found = labels(nlp, "In an interview on the cable network Brenvision Friday, the governor said so.")
    assert "Brenvision" in found and not any("Friday" in t for t in found), found


def test_a_date_after_a_person_noun_is_no_name(nlp: Language) -> None:
    found = labels(nlp, "Officials told reporters Tuesday that the talks had failed.")
    assert "Tuesday" not in found


def test_a_described_group_has_no_persons_role(nlp: Language) -> None:
    roles = {m.text: m.role for m in mentions_from_doc(nlp("Telecom analysts Ovem welcomed the move, saying so."))}
    assert roles.get("Ovem", "missing") is None  # a role noun votes for a person when entities are typed


def test_a_brand_with_digits_or_a_domain_after_a_describing_noun(nlp: Language) -> None:
    found = labels(nlp, "Shares in the company Brenlow4u rose, and the retailer Ambrio.com said sales fell.")
    assert found.get("Brenlow4u") == "ORG" and found.get("Ambrio.com") == "ORG", found


def test_an_acronym_defined_as_a_common_noun_names_no_one(nlp: Language) -> None:
    text = ("Payment service provider (PSP) Telvaro backed the plan. Ann Dole, head of PSP Brenlow4u, said it "
            "would help. Each PSP must now reply.")
    found = labels(nlp, text)
    assert found.get("Telvaro") == "ORG" and found.get("Brenlow4u") == "ORG", found
    assert "PSP" not in found and "PSP Brenlow4u" not in found
    roles = {m.text: m.role for m in mentions_from_doc(nlp(text))}
    assert roles["Brenlow4u"] == "provider"  # the acronym's head noun, which votes for a group, not a person


def test_an_acronym_of_a_name_stays_a_name(nlp: Language) -> None:
    found = labels(nlp, "Fighters of Saraya Talaat Brigades (STB) crossed the river. STB denied it.")
    assert found.get("STB") == "ORG", found


def test_a_phrase_running_into_the_main_verb_is_no_apposition(nlp: Language) -> None:
    text = "Upon order of the Varnish leader, Abu Karim Dawali,the network of the Orla Front split from the army."
    found = {m.text: (m.label, m.role) for m in mentions_from_doc(nlp(text))}
    assert found.get("Abu Karim Dawali", ("", None))[1] != "network", found


def test_a_description_of_the_main_verbs_subject_stays_one(nlp: Language) -> None:
    text = "Karim Dawali, executive director of Orla Bank - one of the firm's creditors - said so."
    found = {m.text: (m.label, m.role) for m in mentions_from_doc(nlp(text))}
    assert found.get("Karim Dawali") == ("PERSON", "director"), found
