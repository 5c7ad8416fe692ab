"""A head of state named by a title on a reference page (rule page_head_of_state, extract/pages.py): 'President X'
on a page whose opening names one country leads that country. Invented pages and names; real country names, since
the page's country is read from the country gazetteer."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _leads(nlp: Language, text: str) -> set[tuple[str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.object) for r in found.relations if r.rule == "page_head_of_state"}


@pytest.mark.parametrize("sentence,person", [
    ("He served under President Harrow Kell until 1990.", "Harrow Kell"),
    ("In 1990 he was named envoy by Prime Minister Orla Brenn.", "Orla Brenn"),
    ("The treaty was signed by King Tull Ostrava in 1722.", "Tull Ostrava"),
])
def test_a_head_of_state_title_before_a_name_leads_the_pages_country(nlp: Language, sentence: str,
                                                                     person: str) -> None:
    got = _leads(nlp, f"Dunmore Vale ( born 1950 ) is a Portuguese politician.\n{sentence}")
    assert (person, "Portuguese") in got, got


@pytest.mark.parametrize("sentence", [
    "He served under Vice President Harrow Kell until 1990.",
    "He was received by Club President Harrow Kell.",
    "The treaty was signed by King Harrow Kell of Spain in 1722.",
])
def test_a_qualified_title_or_another_country_leads_no_page_country(nlp: Language, sentence: str) -> None:
    got = _leads(nlp, f"Dunmore Vale ( born 1950 ) is a Portuguese politician.\n{sentence}")
    assert not any(s == "Harrow Kell" for s, _ in got), got


def test_a_page_of_two_countries_or_a_report_sets_no_leader(nlp: Language) -> None:
    two = _leads(nlp, "Dunmore Vale is a town on the border of Portugal and Spain.\nPresident Harrow Kell visited it.")
    report = _leads(nlp, "Police arrested two men in Portugal on Monday.\nPresident Harrow Kell praised them.")
    assert not two and not report


def test_a_title_and_an_of_phrase_naming_a_country_lead_that_country(nlp: Language) -> None:
    text = ("Dunmore Vale ( born 1950 ) is a Portuguese politician.\nHe was received by King Harrow Kell of Spain in "
            "1920.")
    found = extract_article(text, [(0, text.index("\n")), (text.index("\n") + 1, len(text))], None, nlp)
    got = {(r.subject, r.object, r.rule) for r in found.relations if r.predicate == "leads"}
    assert ("Harrow Kell", "Spain", "title_of_country") in got, got


@pytest.mark.parametrize("text,person,country", [
    ("Police arrested two men on Monday.\nThe land was given to the town by King Harrow Kell of Spain in 1920.",
     "Harrow Kell", "Spain"),
    ("Police arrested two men on Monday.\nThe talks were led by President Orla Brenn of Portugal.", "Orla Brenn",
     "Portugal"),
    ("The treaty was signed in 1722.\nHe lived in the age of Harrow Kell XIII of France.", "Harrow Kell XIII",
     "France"),
    ("The land was given to the town by Harrow Kell II of Spain in 1920.", "Harrow Kell II", "Spain"),
])
def test_a_monarch_of_a_country_leads_it_on_any_page(nlp: Language, text: str, person: str, country: str) -> None:
    found = extract_article(text, [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)], None, nlp)
    got = {(r.subject, r.object) for r in found.relations if r.predicate == "leads"}
    assert (person, country) in got, got


def test_a_name_of_a_country_without_title_or_number_leads_nothing(nlp: Language) -> None:
    text = "Police arrested two men on Monday.\nThey met Harrow Kell of Spain in the town."
    found = extract_article(text, [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)], None, nlp)
    assert not any(r.predicate == "leads" for r in found.relations)
