"""Ties and closeness: 'X has close ties to Y' (rule noun_ties; between two persons they associate, not ally),
'X is seen as close to Y' (clause_close_to through a passive of perception), and ties that a clause ends ('X cut its
ties with Y'). Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples linkchart reads from `text`, negated ones left out."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations if not r.negated}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Red Front has close ties to the Blue Guard.", ("Red Front", "allied_with", "Blue Guard")),
    ("Officials say the Red Front has long had links to the Blue Guard.", ("Red Front", "allied_with", "Blue Guard")),
    ("Tom Vale is believed to have close ties with the Red Front.", ("Tom Vale", "allied_with", "Red Front")),
    ("Tom Vale is seen as close to the Blue Guard.", ("Tom Vale", "allied_with", "Blue Guard")),
    ("Tom Vale is considered close to the Blue Guard.", ("Tom Vale", "allied_with", "Blue Guard")),
    ("Tom Vale, seen as close to the Blue Guard, resigned.", ("Tom Vale", "allied_with", "Blue Guard")),
])
def test_ties_and_closeness_ally_the_two(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The Red Front cut its ties with the Blue Guard.",
    "The Red Front severed all links to the Blue Guard in May.",
    "The Red Front ended its alliance with the Blue Guard.",
])
def test_ties_a_clause_ends_ally_no_one(nlp: Language, text: str) -> None:
    assert not [t for t in triples(nlp, text) if t[1] == "allied_with"]


def test_ties_owned_by_someone_unnamed_are_not_the_clause_subject_s(nlp: Language) -> None:
    text = "Washington had become aware of the officer's ties to the Blue Guard."
    assert not [t for t in triples(nlp, text) if t[1] == "allied_with"]


@pytest.mark.parametrize("text", [
    "Under questioning, Tom Vale spoke about his ties with Anna Roe, an officer of the Blue Guard.",
    "Tom Vale has close ties to Anna Roe.",
    "Prosecutors say Tom Vale had links to Anna Roe for years.",
])
def test_ties_between_two_persons_associate_them_without_an_alliance(nlp: Language, text: str) -> None:
    found = triples(nlp, text)
    assert ("Tom Vale", "associated_with", "Anna Roe") in found
    assert not [t for t in found if t[1] == "allied_with"]
