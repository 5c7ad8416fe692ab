"""Mentions in the layouts of wire news: datelines, headlines in capitals, results and line-ups (invented names)."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def mentions(nlp: Language, text: str) -> set[tuple[str, str]]:
    """Return the (text, label) of the mentions of `text`, read line by line."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return {(m.text, m.label) for m in extract_article(text, spans, None, nlp).mentions}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("PORT VELIN 1996-08-30\nThe council met on Friday .", "PORT VELIN"),
        ("KRASNOVAR, Dec 5 (Reuters) - The senate voted on a new budget.", "KRASNOVAR"),
        ("RAIN HITS HARVEST . ZELOV 2001-05-02 Farmers said the rain came early .", "ZELOV"),
        ("TOFTAVIK , Velinia 1996-08-31\nThe islanders lost again .", "TOFTAVIK"),
    ],
)
def test_the_place_of_a_dateline_is_a_place(nlp: Language, text: str, place: str) -> None:
    assert (place, "GPE") in mentions(nlp, text)


def test_a_capitalised_headline_word_before_a_date_is_not_always_a_dateline(nlp: Language) -> None:
    found = mentions(nlp, "The NGO said on Friday it would leave .")
    assert not any(label == "GPE" for _text, label in found)


def test_a_name_in_a_shouted_headline_takes_its_type_from_the_body(nlp: Language) -> None:
    text = ("SOCCER - BORDANIA BEAT VELINIA IN WORLD CUP QUALIFIER .\n"
            "Bordania beat Velinia 2-1 in a qualifier on Friday . Coach Tom Verrel of Bordania was happy .")
    found = mentions(nlp, text)
    assert ("BORDANIA", "GPE") in found
    assert any(t == "VELINIA" for t, _label in found)
    assert not any(t == "SOCCER" for t, _label in found)  # a shouted word the body never names


@pytest.mark.parametrize(
    "text",
    [
        "Bordania beat Velinia 2-1 in a qualifier on Friday .",
        "Kordavia lost to Velinia 6:4 in the final set .",
    ],
)
def test_a_score_is_no_part_of_a_name(nlp: Language, text: str) -> None:
    assert not any(re.search(r"\d", t) for t, _label in mentions(nlp, text))


def test_names_in_a_list_are_kept_although_the_list_is_capitalised(nlp: Language) -> None:
    text = ("Velinia team to face Bordania on Sunday .\n"
            "Velinia - Tomas Brekkan ( captain ) , Asel Mirkov , Jorun Halde , Petar Ostrin , Ivo Kalnar .")
    found = {t for t, label in mentions(nlp, text) if label == "PERSON"}
    assert {"Asel Mirkov", "Jorun Halde"} <= found


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Velin Rovers 4 3 0 1 5 3 9", {("Velin Rovers", "ORG")}),
        ("Kordavia City 2 Port Velin 1", {("Kordavia City", "ORG"), ("Port Velin", "ORG")}),
        ("4. T. Brekkan ( Velinia ) 10.21", {("T. Brekkan", "PERSON"), ("Velinia", "GPE")}),
        ("2. Thomas Vardel ( Norway ) 1:43.34", {("Thomas Vardel", "PERSON"), ("Norway", "GPE")}),
        ("Attendance : 18,000", set()),
    ],
)
def test_the_names_of_a_table_row(nlp: Language, row: str, expected: set[tuple[str, str]]) -> None:
    text = f"Results on Saturday :\n{row}\n"
    assert {(t, label) for t, label in mentions(nlp, text) if label != "EVENT"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Norway , who beat Velinia 5-1 in their opening match , were unable to repeat it on Saturday .",
        "Tom Verrel said Velinia must remain part of Norway , whose army holds the border .",
    ],
)
def test_a_country_stays_a_country_next_to_a_person_cue(nlp: Language, text: str) -> None:
    assert ("Norway", "GPE") in mentions(nlp, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Steffi Brekkan beat Natasha Zvarova 6-4 6-2 in the third round .", "Natasha Zvarova"),
        ("Lena Kordal opened the scoring after 13 minutes , past Shawn Mekkel in goal .", "Shawn Mekkel"),
        ("The council heard Walter Ostrin and Ivo Kalnar on Friday .", "Walter Ostrin"),
    ],
)
def test_a_common_given_name_opens_a_persons_name(nlp: Language, text: str, person: str) -> None:
    assert (person, "PERSON") in mentions(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("She studied at George Velin University before the war .", "George Velin University", "ORG"),
        ("The ferry left Virginia Beach on Friday .", "Virginia Beach", "GPE"),
    ],
)
def test_a_given_name_opening_an_institution_or_a_place_stays_one(nlp: Language, text: str, name: str,
                                                                     label: str) -> None:
    assert (name, label) in mentions(nlp, text)


def test_a_given_name_inside_a_longer_name_opens_no_person(nlp: Language) -> None:
    found = mentions(nlp, "He was given a wreath by Maximilian I , Holy Roman Emperor . He was part of a circle .")
    assert not any(t.endswith("Emperor") for t, label in found if label == "PERSON")
