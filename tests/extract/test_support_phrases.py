"""Alliance and support told from the receiving side: 'X is allied with Y' (rule verb_allied_passive), 'X receives
weapons from Y' (verb_receive_support), 'X got money from Y' (verb_receive_money); 'not all X units' is not X (rule
not_all). Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples
from spacy.language import Language


@pytest.mark.parametrize(("text", "want"), [
    ("The Kavel Guard is allied with the Brenn Rifles.", ("Kavel Guard", "allied_with", "Brenn Rifles")),
    ("The Kavel Guard is closely aligned with Varnland.", ("Kavel Guard", "allied_with", "Varnland")),
    ("The Orla Front, a party allied to the Kavel Guard, won.", ("Orla Front", "allied_with", "Kavel Guard")),
    ("The Kavel Guard receives weapons from the Varnland Defence Ministry.",
     ("Kavel Guard", "backed_by", "Varnland Defence Ministry")),
    ("The Kavel Guard got training from Varnland in 2012.", ("Kavel Guard", "backed_by", "Varnland")),
    ("The Kavel Guard received money from the Orla Foundation.", ("Orla Foundation", "funds", "Kavel Guard")),
])
def test_alliance_and_support_from_the_receiving_side(nlp: Language, text: str, want) -> None:  # noqa: ANN001
    assert want in article_triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The Kavel Guard did not receive weapons from the Varnland Defence Ministry.",
    "The Kavel Guard received a visit from the Varnland Defence Ministry.",
    "In the north, not all Kavel Guard units are aligned with the Varnland Defence Ministry.",
])
def test_no_support_denied_other_things_received_or_some_units(nlp: Language, text: str) -> None:
    assert not any(o == "Varnland Defence Ministry" for _, _, o in article_triples(nlp, text))
