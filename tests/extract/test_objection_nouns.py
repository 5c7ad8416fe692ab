"""Objections told as nouns: "X's criticism of Y", 'X had qualms about Y's plans', 'objections to Y's policy'
(rule noun_objection; a plan or policy stands for its owner). Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples linkchart reads from `text`, negated ones left out."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations if not r.negated}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tom Vale said he had qualms about Ann Roe's new plans.", ("Tom Vale", "opposes", "Ann Roe")),
    ("Tom Vale's criticism of Ann Roe grew louder in May.", ("Tom Vale", "opposes", "Ann Roe")),
    ("Tom Vale has objections to the Blue Party's policy.", ("Tom Vale", "opposes", "Blue Party")),
    ("Tom Vale voiced criticism of the Blue Party on Monday.", ("Tom Vale", "opposes", "Blue Party")),
    ("Ann Roe answered Tom Vale's complaint about the Blue Party.", ("Tom Vale", "opposes", "Blue Party")),
])
def test_an_objection_noun_opposes_its_holder_to_its_target(
        nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The Red Front rejected criticism of the Blue Party.",  # rejecting criticism is no criticism
    "The Blue Party dismissed criticism of its plans.",
    "Criticism of the Blue Party grew after the vote.",  # no critic named
])
def test_no_critic_no_opposition(nlp: Language, text: str) -> None:
    assert not [t for t in triples(nlp, text) if t[1] == "opposes"]


@pytest.mark.parametrize("text", [
    "Blue Party architect Tom Vale died on Monday.",  # a profession
    "Tom Vale, the Red Front's chief architect, died.",  # who planned, not who founded
])
def test_an_architect_founds_nothing(nlp: Language, text: str) -> None:
    assert not [t for t in triples(nlp, text) if t[1] == "founded"]
