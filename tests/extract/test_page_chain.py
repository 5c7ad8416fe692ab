"""A reference page's links composed with the stated ones (extract/pages.py `page_chained_places`): a place the page
puts in a region, and the region a sentence puts in a larger one, give the place in the larger one; never through a
country. Invented pages and names."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pages import page_chained_places
from linkchart.extract.pipeline import extract_article
from linkchart.extract.relations import load_rules
from linkchart.models import Relation

_RULE = "page_place_chain"


def _page(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.object, r.rule) for r in found.relations if r.predicate == "located_in"}


def _link(subject: str, obj: str, rule: str) -> Relation:
    return Relation(subject=subject, predicate="located_in", object=obj, subject_span=(0, 1), object_span=(2, 3),
                    start=0, end=10, rule=rule)


def _chained(*links: Relation) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in page_chained_places(list(links), load_rules()["page_chain_rule"])}


def test_a_place_the_page_puts_in_a_region_is_in_what_a_sentence_puts_the_region_in(nlp: Language) -> None:
    got = _page(nlp, "Mitchell is a village in Kelm County, Tullshire.\nThe village lies near Brennick.\n"
                     "Kelm County is a county in the Dorn Valley.")
    assert ("Brennick", "Dorn Valley", _RULE) in got, got


def test_a_place_a_sentence_puts_in_a_town_is_in_the_region_the_page_puts_the_town_in(nlp: Language) -> None:
    got = _page(nlp, "Dunmore Vale is a small town in Tullshire, Portugal.\nThe town lies on the road from Ostravel "
                     "to Brennick.\nOstravel is a town in the Kelm district.")
    assert ("Ostravel", "Tullshire", _RULE) in got, got


@pytest.mark.parametrize("first,second,expected", [
    (_link("Orla Museum", "Tull", "place_in_place"), _link("Tull", "Portugal", "page_country"),
     {("Orla Museum", "Portugal")}),
    (_link("Brennick", "Kelm County", "page_district"), _link("Kelm County", "Tullshire", "place_trail"),
     {("Brennick", "Tullshire")}),
    (_link("Orla Records", "Tull", "verb_based_in"), _link("Tull", "Kelm Region", "page_region"),
     {("Orla Records", "Kelm Region")}),
])
def test_a_page_link_and_a_stated_one_compose_through_a_place(first: Relation, second: Relation,
                                                              expected: set[tuple[str, str]]) -> None:
    assert _chained(first, second) == expected


@pytest.mark.parametrize("links", [
    # a country is no middle: what the page says of a country's towns says nothing of what holds the country
    (_link("Tull", "Portugal", "page_country"), _link("Portugal", "Orla Union", "role_place")),
    (_link("Tull", "Portuguese", "page_country_word"), _link("Portuguese", "Orla Union", "role_place")),
    # two stated links are the sentence chain's (located_in_chain), not the page's
    (_link("Orla Museum", "Tull", "place_in_place"), _link("Tull", "Kelm County", "place_trail")),
    # where a person lives says nothing of where the place is
    (_link("Harrow Kell", "Tull", "verb_live_in"), _link("Tull", "Portugal", "page_country")),
])
def test_no_page_chain_through_a_country_nor_without_a_page_link(links: tuple[Relation, Relation]) -> None:
    assert _chained(*links) == set()
