"""A reference page's region named by a unit noun's 'of' phrase in its opening (extract/pages.py `framed_regions`):
'a river in the Portuguese state of Ostra' sets the page in Ostra though no stated link puts the river there.
Invented pages and names."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _page(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.object, r.rule) for r in found.relations if r.predicate == "located_in"}


@pytest.mark.parametrize("text,place,region", [
    ("The Orla River is a tributary of the Tull River, approximately long, in the Portuguese state of Ostra.\n"
     "It rises near Brennick and flows past Dorn.", "Brennick", "Ostra"),
    ("Kelm Harbor is an inlet on the north side of the Varn Sound in the state of Ostra in Portugal.\n"
     "The village of Brennick lies on its shore.", "Brennick", "Ostra"),
    ("Orla Hall is the legislature of the Portuguese state of Ostra.\nIt meets in Brennick.", "Brennick", "Ostra"),
])
def test_a_unit_nouns_of_phrase_in_the_opening_sets_the_pages_region(nlp: Language, text: str, place: str,
                                                                     region: str) -> None:
    got = _page(nlp, text)
    assert (place, region, "page_region") in got, got


def test_the_pages_own_subject_is_in_the_region_a_unit_noun_names(nlp: Language) -> None:
    got = _page(nlp, "The Orla River is a tributary of the Tull River, approximately long, in the Portuguese state "
                     "of Ostra.\nIt rises near Brennick and flows past Dorn.")
    assert ("Orla River", "Ostra", "page_region") in got, got


@pytest.mark.parametrize("text", [
    # a birthplace in brackets sets no page in it
    "Harrow Kell (born in the province of Ostra) was a Portuguese painter.\nHe later worked in Brennick.",
    # a unit noun's 'of' phrase that names a country is the country, not a region
    "Dorn Falls is a waterfall in the state of Portugal.\nThe trail to the falls starts in Brennick.",
])
def test_no_region_from_a_bracket_or_a_country(nlp: Language, text: str) -> None:
    got = _page(nlp, text)
    assert not any(rule.startswith("page_region") and subject == "Brennick" for subject, _, rule in got), got
