"""A lower-case body an organisation's possessive owns is an organisation of its own, part of its owner (rule
`owned_body`, extract/mentions.py; the possessive gives part_of): "the Orla Party's disciplinary committee".
Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def read(nlp: Language, text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:
    """Return the (text, label) mentions and the (subject, predicate, object) triples read from `text`."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return ({(m.text, m.label) for m in found.mentions},
            {(r.subject, r.predicate, r.object) for r in found.relations})


@pytest.mark.parametrize(("text", "body", "owner"), [
    ("His plans prompted a formal complaint to the Orla Party's disciplinary committee on Monday.",
     "disciplinary committee", "Orla Party"),
    ("The Brenn Bank's audit committee met on Monday.", "audit committee", "Brenn Bank"),
    ("Tom Vale was removed by the Varn Group's supervisory board.", "supervisory board", "Varn Group"),
])
def test_an_owned_body_is_an_organisation_and_part_of_its_owner(nlp: Language, text: str, body: str,
                                                                owner: str) -> None:
    mentions, triples = read(nlp, text)
    assert (body, "ORG") in mentions, mentions
    assert (body, "part_of", owner) in triples, triples


@pytest.mark.parametrize("text", [
    "The Orla Party's committee met on Monday.",  # no word of its own: which committee is not said
    "His disciplinary committee met on Monday.",  # no organisation owns it
])
def test_no_owner_or_no_word_of_its_own_no_body(nlp: Language, text: str) -> None:
    mentions, _ = read(nlp, text)
    assert not any("committee" in t for t, _ in mentions), mentions
