"""Where a reference page's own subject is (rule opening_place, extract/pages.py): 'X is a train station built in
1904 in Tull, Ostra County, California' puts X in Tull, Ostra County and California. Invented pages and names."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _placed(nlp: Language, text: str) -> set[tuple[str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.object) for r in found.relations if r.rule == "opening_place"}


@pytest.mark.parametrize("text,subject,places", [
    ("Tullmore Station is a train station built in 1904 in Kelby , Ostra County , California .\nIt closed in 1960.",
     "Tullmore Station", {"Kelby", "Ostra County", "California"}),
    ("The Tullmore Museum is a museum of local history located in Kelby , Oregon .\nIt opened in 1970.",
     "Tullmore Museum", {"Kelby", "Oregon"}),
    ("Dorval Square is a large city square off Harbour Avenue in Kelby , Ostrava .\nA fountain stands in it.",
     "Dorval Square", {"Kelby"}),
])
def test_a_page_subject_is_in_the_places_its_definition_names(nlp: Language, text: str, subject: str,
                                                              places: set[str]) -> None:
    got = _placed(nlp, text)
    assert {(subject, p) for p in places} <= got, got


@pytest.mark.parametrize("text", [
    "Brenna Dorr is a Portuguese painter who worked in Kelby , California .\nShe died in 1950.",
    "Police arrested two men in Kelby , California on Monday .\nThe men were later released.",
])
def test_a_persons_page_or_a_report_places_no_subject(nlp: Language, text: str) -> None:
    assert not _placed(nlp, text)
