"""A capital city on a reference page (rule page_capital, extract/pages.py): 'Lisbon' on a page that names Portugal is
in Portugal, the country the gazetteer makes it the capital of. Invented pages; real capital and country names, since
the rule reads the country gazetteer."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pages import capital_country
from linkchart.extract.pipeline import extract_article


def _page(nlp: Language, text: str) -> set[tuple[str, str, str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.predicate, r.object, r.rule) for r in found.relations}


@pytest.mark.parametrize("text,capital,country", [
    ("Harrow Kell was a Canadian singer of the nineteenth century.\nShe later taught singing in Lisbon.\n"
     "Her pupils toured Portugal for many years.", "Lisbon", "Portugal"),
    ("The Orla Quartet is a Canadian string quartet.\nIt toured Spain in 1990.\nIts first record was made in "
     "Madrid.", "Madrid", "Spain"),
    ("Dunmore Vale is a small town in Canada.\nIts founder was born in Portugal and trained as a surveyor in "
     "Lisbon before he sailed west.", "Lisbon", "Portugal"),
])
def test_a_capital_is_in_its_country_on_a_page_that_names_both(nlp: Language, text: str, capital: str,
                                                                 country: str) -> None:
    assert (capital, "located_in", country, "page_capital") in _page(nlp, text)


def test_a_page_that_never_names_the_country_places_no_capital(nlp: Language) -> None:
    got = _page(nlp, "Harrow Kell was a Canadian singer of the nineteenth century.\nShe later taught singing in "
                     "Lisbon.")
    assert not any(rule == "page_capital" for *_, rule in got)


def test_a_capital_the_page_puts_in_a_country_itself_is_left_as_stated(nlp: Language) -> None:
    got = _page(nlp, "Harrow Kell was a Canadian singer of the nineteenth century.\nShe was born in Lisbon, Spain, "
                     "in a family of printers.\nShe later toured Portugal.")
    assert not any(rule == "page_capital" for *_, rule in got)


def test_a_report_that_opens_with_a_happening_places_no_capital(nlp: Language) -> None:
    got = _page(nlp, "Police in Lisbon arrested two men on Monday.\nPortugal has asked for their release.")
    assert not any(rule == "page_capital" for *_, rule in got)


def test_a_capital_written_with_or_without_its_accents_is_the_gazetteers(nlp: Language) -> None:
    assert capital_country("Reykjavík") == capital_country("Reykjavik") == "Iceland"
    got = _page(nlp, "Harrow Kell was a Canadian singer of the nineteenth century.\nShe later taught singing in "
                     "Reykjavík.\nHer pupils toured Iceland for many years.")
    assert ("Reykjavík", "located_in", "Iceland", "page_capital") in got
