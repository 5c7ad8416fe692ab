"""A nationality word and one capitalised noun it qualifies, which the model left unlabelled, name an
organisation (rule `national_name`, extract/mentions.py): 'the minister praised Varnish Water for ...'. Invented
names and nationality words shaped like real ones."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def mentions(nlp: Language, text: str) -> set[tuple[str, str]]:
    """Return the (text, label) mentions read from `text`, one article."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(m.text, m.label) for m in found.mentions}


@pytest.mark.parametrize(("text", "name"), [
    ("The first minister also praised Scottish Water for flying bottled water to the town.", "Scottish Water"),
    ("The minister criticised Irish Water over the bills.", "Irish Water"),
    ("The deal was signed by Varnish Power and the union on Monday.", "Varnish Power"),
    ("Talks between the union and Varnish Telecom broke down.", "Varnish Telecom"),
])
def test_a_nationality_word_and_a_capitalised_noun_name_an_organisation(nlp: Language, text: str,
                                                                         name: str) -> None:
    assert (name, "ORG") in mentions(nlp, text)


@pytest.mark.parametrize(("text", "not_name"), [
    ("The ballad is by American Glam metal band Ruston.", "American Glam"),  # a kind of band
    ("The 19 Asian Championship tournaments were won by five teams.", "Asian Championship"),
    ("She spoke fluent Scottish English at home.", "Scottish English"),  # a language
    ("He met the Chilean President on Monday.", "Chilean President"),  # a title
])
def test_a_kind_a_language_or_a_title_names_no_organisation(nlp: Language, text: str, not_name: str) -> None:
    assert not_name not in {t for t, _ in mentions(nlp, text)}
