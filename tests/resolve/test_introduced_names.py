"""Names introduced in full, then shortened: surnames, companies without their legal form, places with a compass
word (invented names, no model, no database)."""

from __future__ import annotations

import pytest
from mention_rows import M

from linkchart.resolve.cluster import ResolvedEntity, resolve
from linkchart.resolve.names import compare


def _mentions(*rows: tuple[int, str, str]) -> list[M]:
    return [M(i, art, text, label) for i, (art, text, label) in enumerate(rows, start=1)]


def _by_mention(entities: list[ResolvedEntity]) -> dict[int, ResolvedEntity]:
    return {m: e for e in entities for m in e.mention_ids}


@pytest.mark.parametrize("wife", ["Mara Varga", "Ilse Varga"])
def test_a_surname_names_the_one_bearer_introduced_before_it(wife: str) -> None:
    ms = _mentions((1, "Alden Roy Varga", "PERSON"), (1, "Varga", "PERSON"), (1, "Varga", "PERSON"),
                   (1, wife, "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1] and ents[3] is ents[1]
    assert ents[4] is not ents[1]


def test_a_surname_after_two_bearers_stays_apart_when_neither_dominates() -> None:
    ms = _mentions((1, "Alden Varga", "PERSON"), (1, "Mara Varga", "PERSON"), (1, "Varga", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[3] is not ents[1] and ents[3] is not ents[2]


@pytest.mark.parametrize("label", ["ORG", "FAC", "GPE"])
def test_a_full_name_whose_surname_acts_as_a_person_is_a_person(label: str) -> None:
    ms = _mentions((1, "Tarmo Ilkka Vesterlund", label), (1, "Vesterlund", "PERSON"), (1, "Vesterlund", "PERSON"),
                   (1, "Saara Vesterlund", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1].type == "PERSON" and ents[2] is ents[1]
    assert ents[4] is not ents[1]


def test_a_name_with_a_head_word_stays_a_place_beside_a_person_of_that_name() -> None:
    ms = _mentions((1, "Vesterlund Harbour", "LOC"), (1, "Vesterlund", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1].type != "PERSON" and ents[2] is not ents[1]


@pytest.mark.parametrize("full", ["Quorvax Corporation", "Quorvax Oy", "Quorvax Inc."])
def test_a_company_is_named_without_its_legal_form(full: str) -> None:
    ms = _mentions((1, full, "ORG"), (1, "Quorvax", "ORG"), (1, "Quorvax", "ORG"), (1, "Quorvax", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1]


@pytest.mark.parametrize("full", ["Brennick Pharmacy", "Brennick Football Club"])
def test_a_name_introduced_in_full_then_shortened_is_one_organisation(full: str) -> None:
    ms = _mentions((1, full, "ORG"), (1, "Brennick", "ORG"), (1, "Brennick", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1]


def test_a_short_name_used_before_the_longer_one_stays_apart() -> None:
    ms = _mentions((1, "Brennick", "ORG"), (1, "Brennick", "ORG"), (1, "Brennick Pharmacy", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1] is not ents[3]


def test_a_units_brigades_stay_another_group_however_introduced() -> None:
    ms = _mentions((1, "Storm Brigades", "ORG"), (1, "Storm", "ORG"), (1, "Storm", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is not ents[1]


@pytest.mark.parametrize(("a", "b"), [("South Varnland", "South West Varnland"), ("East Ondor", "East North Ondor"),
                                      ("Upper Kessia", "Upper Western Kessia")])
def test_a_compass_word_inside_a_place_name_makes_it_only_part_of_the_other(a: str, b: str) -> None:
    match = compare(a, b)
    assert match.partial and "compass_differs" in match.features


def test_a_place_and_the_place_a_compass_word_inside_its_name_makes_stay_apart() -> None:
    ms = _mentions((1, "South Varnland", "GPE"), (1, "South West Varnland", "GPE"), (1, "South West Varnland", "GPE"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1] is not ents[2]


def test_a_compass_word_as_a_persons_middle_name_is_left_out() -> None:
    assert compare("John Varga", "John West Varga").is_match


def test_a_place_opened_by_a_compass_word_stays_a_place_beside_a_person_like_use() -> None:
    ms = _mentions((1, "North Varnshire", "GPE"), (1, "Varnshire", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1].type == "GPE" and ents[2] is not ents[1]


def test_a_company_of_several_words_is_named_without_its_legal_form_in_its_article() -> None:
    ms = _mentions((1, "Dollar Mart Corporation", "ORG"), (1, "Dollar Mart", "ORG"), (1, "Dollar Mart", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1]


def test_a_town_and_its_district_stay_two_places() -> None:
    ms = _mentions((1, "Ondor District", "LOC"), (1, "Ondor District", "LOC"), (1, "Ondor", "GPE"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[3] is not ents[1]


def test_a_given_name_alone_names_the_one_person_of_its_article_introduced_with_it() -> None:
    ms = _mentions((1, "Ike Varga", "PERSON"), (1, "Ike", "PERSON"), (1, "Ike", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1]


def test_a_given_name_two_people_of_the_article_share_stays_apart() -> None:
    ms = _mentions((1, "Ike Varga", "PERSON"), (1, "Ike Dorn", "PERSON"), (1, "Ike", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[3] is not ents[1] and ents[3] is not ents[2]


def test_a_given_name_used_before_the_full_name_stays_apart() -> None:
    ms = _mentions((1, "Ike", "PERSON"), (1, "Ike Varga", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1] is not ents[2]


def test_a_surname_stays_with_its_person_though_its_key_is_a_citys_elsewhere() -> None:
    ms = _mentions((1, "Alfred Törnak", "PERSON"), (1, "Törnak", "PERSON"), (1, "Törnak", "PERSON"),
                   *[(n, "Turnak", "GPE") for n in range(2, 8)])
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1] and ents[1].type == "PERSON"
    assert ents[4] is not ents[1] and ents[4].type == "GPE"


def test_a_short_name_joins_the_longer_name_of_its_own_article_before_another_articles() -> None:
    ms = _mentions((1, "Brennick Pharmacy", "ORG"), (1, "Brennick", "ORG"), (1, "Brennick", "ORG"),
                   (2, "Brennick Books", "ORG"), (2, "Brennick Books", "ORG"), (2, "Brennick Books", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1] and ents[3] is ents[1]
    assert ents[4] is not ents[1]


@pytest.mark.parametrize("full", ["Brennick Group", "Brennick University", "Brennick Pharmacy"])
def test_a_founders_name_read_as_a_person_names_the_organisation_introduced_before_it(full: str) -> None:
    ms = _mentions((1, full, "ORG"), (1, "Brennick", "PERSON"), (1, "Brennick", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1] and ents[3] is ents[1]


@pytest.mark.parametrize("rows", [
    [(1, "Brennick Group", "ORG"), (1, "Ola Brennick", "PERSON"), (1, "Brennick", "PERSON")],  # a person of the name
    [(1, "Brennick", "PERSON"), (1, "Brennick Group", "ORG")],  # the short name first
    [(1, "Brennick Government", "ORG"), (1, "Brennick", "PERSON")],  # a state body named after its ruler
])
def test_a_persons_name_stays_a_person_beside_an_organisation_named_after_it(rows: list[tuple[int, str, str]]) -> None:
    ms = _mentions(*rows)
    ents = _by_mention(resolve(ms, [], []))
    person = next(i for i, row in enumerate(rows, start=1) if row[1] == "Brennick")
    org = next(i for i, row in enumerate(rows, start=1) if row[1].endswith(("Group", "Government")))
    assert ents[person] is not ents[org]


def test_a_founders_name_with_an_organisations_role_names_the_organisation() -> None:
    ms = [M(1, 1, "Brennick Pharmacy", "ORG"), M(2, 1, "Brennick", "PERSON", role="network"),
          M(3, 1, "Brennick", "PERSON", role="pharmacist")]
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is not ents[1]  # the pharmacist is a person
    ms = ms[:2]
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1]


@pytest.mark.parametrize("place, label", [("Korvale", "GPE"), ("United States", "GPE"), ("Lake Orm", "LOC")])
def test_a_club_named_after_its_place_is_named_without_it(place: str, label: str) -> None:
    ms = _mentions((1, f"{place} Herons", "ORG"), (1, place, label), (1, "Herons", "ORG"), (1, "Herons", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[3] is ents[1] and ents[4] is ents[1]
    assert ents[2] is not ents[1]


@pytest.mark.parametrize("rows", [
    [(1, "Korvale Herons", "ORG"), (1, "Herons", "ORG")],  # the place is never named on its own
    [(1, "Korvale", "GPE"), (1, "Herons", "ORG"), (1, "Korvale Herons", "ORG")],  # the short name first
    [(1, "Korvale", "GPE"), (1, "Dunmore", "GPE"), (1, "Korvale Herons", "ORG"), (1, "Dunmore Herons", "ORG"),
     (1, "Herons", "ORG")],  # two clubs end so
    [(1, "Iraqi Herons", "ORG"), (1, "Herons", "ORG")],  # a nationality word is no place
])
def test_a_name_ending_another_stays_apart_without_one_place_named_first(rows: list[tuple[int, str, str]]) -> None:
    ms = _mentions(*rows)
    ents = _by_mention(resolve(ms, [], []))
    short = next(i for i, row in enumerate(rows, start=1) if row[1] == "Herons")
    assert all(ents[short] is not ents[i] for i, row in enumerate(rows, start=1) if row[1].endswith(" Herons"))
