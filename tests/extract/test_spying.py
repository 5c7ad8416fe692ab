"""A spy's employer runs the spy: 'X spied for Y' makes Y the handler of X (rule verb_spy_for). Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as triples
from spacy.language import Language


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
