"""'the country' stands for the one country the article named before it (rule the_country), and 'X has ruled Y'
makes X lead the country Y (rule verb_rule_country). Invented people; countries are real names, since a country
is known by the gazetteer."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, paragraphs, "2024-06-12", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations if not r.negated}


@pytest.mark.parametrize("text", [
    "Police in Norway detained Maria Lund on Wednesday.\nPresident Tom Vale, who has ruled the country since 2009, "
    "vowed to crush the protests.",
    "Police in Norway detained Maria Lund on Wednesday. Tom Vale, who has governed the country for a decade, spoke.",
    "Tom Vale has ruled Norway since 2009.",
])
def test_the_country_is_the_one_country_named_before(nlp: Language, text: str) -> None:
    assert ("Tom Vale", "leads", "Norway") in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Officials from Norway and Sweden met in Oslo.\nPresident Tom Vale, who has ruled the country since 2009, spoke.",
    "President Tom Vale, who has ruled the country since 2009, spoke. He later flew to Norway.",
])
def test_the_country_stays_open_with_two_countries_or_none_before(nlp: Language, text: str) -> None:
    assert not {t for t in _triples(nlp, text) if t[1] == "leads"}


def test_a_court_ruling_leads_nothing(nlp: Language) -> None:
    assert not _triples(nlp, "The court in Oslo ruled Norway had broken the law.") & {
        ("court", "leads", "Norway")}


@pytest.mark.parametrize("text", [
    "The Orla Legion controls much of the border.\nThe group's spokesman, Ivo Karp, rejected the accusation.",
    "The Orla Legion controls much of the border. The militia's spokesman, Ivo Karp, rejected the accusation.",
])
def test_the_group_is_the_one_organisation_named_before(nlp: Language, text: str) -> None:
    assert ("Ivo Karp", "spokesperson_of", "Orla Legion") in _triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The Orla Legion and the Free Front fight for the border.\nThe group's spokesman, Ivo Karp, spoke.",
    "The Orla Legion holds the border. A group of gunmen attacked a post.\nThe group's spokesman, Ivo Karp, spoke.",
    "The Orla Legion holds the border. The breakaway group's spokesman, Ivo Karp, spoke.",
    "The Orla Legion holds the border. The breakaway group said it would talk.\nThe group's spokesman, Ivo Karp, "
    "spoke.",
])
def test_the_group_stays_open_with_two_organisations_or_another_group(nlp: Language, text: str) -> None:
    assert not {t for t in _triples(nlp, text) if t[1] == "spokesperson_of"}
