"""Credit lines: bylines give authors, picture credits photographers and agencies, and no facts (invented names)."""

from __future__ import annotations

import pytest

from linkchart.extract.credits import credit_role, dateline_length
from linkchart.extract.nlp import load_pipeline
from linkchart.extract.pipeline import extract_article


@pytest.mark.parametrize(("line", "role"), [
    ("By Jane Roe", "author"),
    ("*By Jane Roe, The Valley Courier*", "author"),
    ("(Reporting by Tom Vale in Oslo; additional reporting by Ann Poe in Rome.)", "author"),
    ("Image Credit: Tom Vale", "photographer"),
    ("Photo: Ann Poe/Valley Agency", "photographer"),
])
def test_a_credit_line_gives_its_role(line: str, role: str) -> None:
    assert credit_role(line) == role


@pytest.mark.parametrize("line", [
    "Tom Vale was arrested by the police in Oslo on Monday.",
    "By the end of the year the Red Front had split.",
    "By 2006 the Red Front had split from the Blue Brigade.",
    "By Tom Vale's account, the Red Front had split.",
])
def test_a_sentence_of_reporting_is_not_a_credit_line(line: str) -> None:
    assert credit_role(line) is None


def test_names_in_a_byline_are_authors_and_state_no_facts() -> None:
    text = "(Reporting by Tom Vale in Oslo; additional reporting by Ann Poe in Rome.)"
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    roles = {m.text: m.role for m in found.mentions}
    assert roles["Tom Vale"] == "author" and roles["Ann Poe"] == "author"
    assert {m.description for m in found.mentions if m.text == "Tom Vale"} == {"author (named in a credit line)"}
    assert not found.relations and not found.events


@pytest.mark.parametrize("text", [
    "Tom Vale at the harbour. (photo credit: VALLEY NEWS)",
    "Tom Vale at the harbour in Oslo. Image Credit: VALLEY NEWS",
    "Tom Vale met the mayor at the harbour. (Photo: VALLEY NEWS)",
])
def test_a_captions_names_are_kept_and_its_credit_is_an_agency(text: str) -> None:
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    by_text = {m.text: m for m in found.mentions}
    assert by_text["VALLEY NEWS"].role == "agency"
    assert by_text["Tom Vale"].description == "named in a picture caption" and by_text["Tom Vale"].role is None
    assert not found.relations and not found.events


def test_a_caption_credit_names_its_photographer() -> None:
    text = "The flooded square on Monday. Image Credit: Ann Poe/Valley Agency"
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    roles = {m.text: m.role for m in found.mentions}
    assert roles.get("Ann Poe") == "photographer" and roles.get("Valley Agency") == "agency", roles


@pytest.mark.parametrize(("text", "lead"), [
    ("KELM, March 9 (Reuters) - Fighters fired rockets.", "KELM, March 9 (Reuters) - "),
    ("Kelm, 9 March 2025 — Police said.", "Kelm, 9 March 2025 — "),
    ("ORLAND, June 12, 2024 (Wire Agency) - Police detained two men.", "ORLAND, June 12, 2024 (Wire Agency) - "),
    ("KELM (AP) - The army said.", "KELM (AP) - "),
])
def test_a_dateline_opening_a_sentence_is_measured(text: str, lead: str) -> None:
    assert dateline_length(text) == len(lead)


@pytest.mark.parametrize("text", [
    "Selim, a former lawyer - who founded the group - spoke.",
    "Selim, who left in May - and then came back - spoke.",
    "Selim, 45 - a lawyer - spoke.",
    "The Varn Front (Crescent Brigade Army Union) - an alliance - met.",
])
def test_a_sentence_with_dashes_is_no_dateline(text: str) -> None:
    assert dateline_length(text) == 0


def test_the_place_and_agency_of_a_dateline_take_no_part_in_the_event(nlp) -> None:  # noqa: ANN001
    text = "KELM, March 9 (Wire Agency) - The Crescent Brigade attacked a base near Ostrava on Saturday."
    found = extract_article(text, [(0, len(text))], "2025-03-09", nlp)
    parties = {text[s:e] for ev in found.events for s, e in ev.participants}
    assert "Crescent Brigade" in parties and not parties & {"KELM", "Wire Agency"}
