"""A leader described by a participle on a predicate noun or an appositive: 'X is a politician leading the Y
Party', 'X, a cleric leading the Y Party,' (rule verb_lead, `described`). Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import triples

NAMES = [("Ruth Bale", "PERSON"), ("Harbour Party", "ORG")]


@pytest.mark.parametrize("text", [
    "Ruth Bale is a cleric and reformist politician leading the Harbour Party.",
    "Ruth Bale is a veteran organiser heading the Harbour Party.",
])
def test_a_predicate_noun_leading_a_party_is_its_leader(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Ruth Bale", "leads", "Harbour Party") in triples(nlp, text, NAMES)
