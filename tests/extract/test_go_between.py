"""A body's pointman or liaison for a person handles that person for it (rule role_go_between: handler_of, a person
only). Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as _triples
from spacy.language import Language


@pytest.mark.parametrize("text", [
    "The Red Guard's pointman for Peter Novak was Tomas Brel.",
    "Tomas Brel, the Red Guard's liaison to Peter Novak, arrived in Varna.",
    "Peter Novak arrived in May.\nThe Red Guard's pointman for Novak was Tomas Brel, a Varnian officer.",
])
def test_a_pointman_for_a_person_handles_that_person(nlp: Language, text: str) -> None:
    found = _triples(nlp, text)
    assert any(s == "Tomas Brel" and p == "handler_of" and o.endswith("Novak") for s, p, o in found)


@pytest.mark.parametrize("text", [
    "Tomas Brel, the liaison to the ministry, spoke in Varna.",
    "Tomas Brel was the Red Guard's pointman for operations in Varna.",
])
def test_a_liaison_to_a_body_or_a_task_handles_nobody(nlp: Language, text: str) -> None:
    assert not any(p == "handler_of" for _, p, _ in _triples(nlp, text))
