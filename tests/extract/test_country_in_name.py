"""An organisation named by its country (rule country_in_name, extract/locations.py): on a reference page, 'the
Portuguese Army' or 'the Portugal Census Bureau' is in Portugal when the page names Portugal on its own. Invented
pages; real country names, since the rule reads the country gazetteer."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _page(nlp: Language, text: str) -> set[tuple[str, str, str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.predicate, r.object, r.rule) for r in found.relations}


@pytest.mark.parametrize("text,body,country", [
    ("Harrow Kell was a Canadian singer of the nineteenth century.\nShe later sang with the Portuguese National "
     "Orchestra and died in Portugal.", "Portuguese National Orchestra", "Portugal"),
    ("Dunmore Vale is a small town in Canada.\nIn 1950 the Portugal Census Bureau counted the town's Portuguese "
     "settlers.", "Portugal Census Bureau", "Portuguese"),
    ("Harrow Kell was a Canadian officer.\nHe served in Portugal as an adviser to the Portuguese Army.",
     "Portuguese Army", "Portugal"),
])
def test_an_organisation_named_by_a_country_is_in_it(nlp: Language, text: str, body: str, country: str) -> None:
    assert (body, "located_in", country, "country_in_name") in _page(nlp, text)


def test_a_country_the_page_never_names_on_its_own_gives_no_place(nlp: Language) -> None:
    got = _page(nlp, "Harrow Kell was a Canadian officer.\nHe served as an adviser to the Portuguese Army.")
    assert not any(rule == "country_in_name" for *_, rule in got)


def test_a_report_that_opens_with_a_happening_places_no_body(nlp: Language) -> None:
    got = _page(nlp, "Police in Portugal arrested two men on Monday.\nThe Portuguese Army was not involved.")
    assert not any(rule == "country_in_name" for *_, rule in got)
