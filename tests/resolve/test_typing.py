"""Entity types decided by votes: labels, roles, head words and the shape of a name (invented names)."""

from __future__ import annotations

from collections import Counter

import pytest

from linkchart.resolve.typing import head_type, vote_type


def test_a_common_given_name_makes_a_person_against_a_few_wrong_labels() -> None:
    # the model labels a footballer's surname ORG in "Tarrow 's goal"; his full name opens with a given name
    assert vote_type("Alan Tarrow", Counter({"ORG": 3, "PERSON": 1}), Counter()) == "PERSON"


@pytest.mark.parametrize("name,label", [
    ("Victoria Falls", "LOC"), ("Stanley Cup", "EVENT"), ("Mitchell School", "ORG"),
    ("Grace Road", "FAC"), ("Roman Catholic Church", "ORG"), ("Henry Krupa Orchestra", "ORG"),
])
def test_a_given_name_does_not_make_a_thing_a_person(name: str, label: str) -> None:
    assert vote_type(name, Counter({label: 1}), Counter()) == label


def test_without_a_given_name_the_labels_decide() -> None:
    assert vote_type("Zorvath Quell", Counter({"ORG": 3, "PERSON": 1}), Counter()) == "ORG"


@pytest.mark.parametrize("name", ["Mozambique", "Poland", "U.S."])
def test_a_country_name_is_a_place_against_a_wrong_label(name: str) -> None:
    # 'south-western Mozambique': the model's ORG in one sentence does not make the country an organisation
    assert vote_type(name, Counter({"ORG": 1}), Counter()) == "GPE"


def test_a_nationality_adjective_is_no_country_name() -> None:
    assert vote_type("Mozambican", Counter({"NORP": 1}), Counter()) != "GPE"


@pytest.mark.parametrize("name", ["Varn Island", "Orla Falls", "Brenn Creek", "Tolva Lagoon"])
def test_a_natural_feature_head_makes_a_location_against_a_person_label(name: str) -> None:
    assert vote_type(name, Counter({"PERSON": 1}), Counter()) == "LOC"


def test_a_place_description_outweighs_one_organisation_label() -> None:
    # 'Osla' an organisation in one list, 'the capital of Osla' in another article
    assert vote_type("Osla", Counter({"ORG": 1, "GPE": 1}), Counter({"capital": 1})) == "GPE"


@pytest.mark.parametrize("labels", [{"PERSON": 1, "GPE": 1}, {"GPE": 1, "PERSON": 1}])
def test_a_tie_of_a_place_and_a_person_is_a_place_whatever_came_first(labels: dict[str, int]) -> None:
    # 'Ostravel' a place in one article, a person in another: the vote ties, the mention order does not decide
    assert vote_type("Ostravel", Counter(labels), Counter()) == "GPE"


@pytest.mark.parametrize("labels", [{"GPE": 2, "ORG": 2}, {"ORG": 2, "GPE": 2}, {"PERSON": 1, "ORG": 1}])
def test_a_tie_with_an_organisation_is_an_organisation_whatever_came_first(labels: dict[str, int]) -> None:
    # 'Tullmouth beat Orla 2-1': a town's name stands for its team as often as for the town
    assert vote_type("Tullmouth", Counter(labels), Counter()) == "ORG"


@pytest.mark.parametrize("role,type_", [("islands", "LOC"), ("towns", "GPE"), ("capitals", "GPE"), ("militias", "ORG"),
                                        ("counties", "GPE"), ("leaders", "PERSON")])
def test_a_plural_role_noun_describes_what_its_singular_does(role: str, type_: str) -> None:
    # 'the islands Stora Vell and Lilla Vell', 'the capitals Osla and Tull': places, not people
    assert vote_type("Lilla Vell", Counter({"GPE": 1}), Counter({role: 1})) == type_


@pytest.mark.parametrize("name,labels,type_", [
    ("Lake Orla", {"PERSON": 1}, "LOC"), ("Mount Tull", {"PERSON": 2}, "LOC"),
    ("North Varnshire", {"PERSON": 2, "GPE": 1}, "GPE"), ("County Brenna", {"PERSON": 4}, "GPE"),
    ("Port Ostrel", {"PERSON": 1}, "GPE"),
])
def test_a_place_word_opening_a_name_makes_it_no_persons(name: str, labels: dict[str, int], type_: str) -> None:
    # the model calls 'Lough Orla' and 'Central Varnshire' persons; people are not named so
    assert vote_type(name, Counter(labels), Counter()) == type_


@pytest.mark.parametrize("name", ["East Tullbury", "Port Ostrel"])
def test_a_place_word_opening_a_name_leaves_an_organisation_alone(name: str) -> None:
    # 'East Tullbury beat Port Ostrel 2-1': teams named after their towns
    assert vote_type(name, Counter({"ORG": 2}), Counter()) == "ORG"


@pytest.mark.parametrize("name", ["Società Aldo Varnetti", "Société Orvan Lasalle", "Compañía Tarn Roldán"])
def test_a_romance_word_for_a_society_or_company_makes_an_organisation_against_a_person_label(name: str) -> None:
    assert vote_type(name, Counter({"PERSON": 2}), Counter()) == "ORG"


@pytest.mark.parametrize("name, expected", [
    ("Sons of the River", None),  # no river: the word before 'of' heads the name
    ("University of Tull", "ORG"),
    ("Gulf of Orla", "LOC"),
    ("Council of Varnland", "ORG"),
])
def test_the_word_before_of_heads_a_name(name: str, expected: str | None) -> None:
    """Rule of_head (resolve/typing.head_type)."""
    assert head_type(name) == expected
