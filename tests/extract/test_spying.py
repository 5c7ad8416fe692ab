"""A spy's employer runs the spy: 'X spied for Y' makes Y the handler of X (rule verb_spy_for). Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples read from `text`, one article."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations if not r.negated}


@pytest.mark.parametrize("text", [
    "Tom Vale spied for the Varn Service for two years before being betrayed.",
    "Tom Vale had been spying for the Varn Service since 1980.",
    "Tom Vale spied on the Orla Party for the Varn Service.",
])
def test_the_one_spied_for_handles_the_spy(nlp: Language, text: str) -> None:
    got = triples(nlp, text)
    assert ("Varn Service", "handler_of", "Tom Vale") in got, got
    assert ("Orla Party", "handler_of", "Tom Vale") not in got


def test_spying_for_a_while_names_no_handler(nlp: Language) -> None:
    assert not any(p == "handler_of" for _, p, _ in triples(nlp, "Tom Vale spied for two years in Varnia."))
