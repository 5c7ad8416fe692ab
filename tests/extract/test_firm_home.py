"""A place before a noun for a kind of business or outlet says where the firm named with it is (rule
role_firm_home): 'Varnland publication X', "Varnland's largest card firm, X". Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import triples


@pytest.mark.parametrize("text", [
    "The report appeared in Varnland publication Orla Weekly on Monday.",
    "Varnland's largest credit card firm, Orla Card, has averted liquidation.",
    "Orla Card, Varnland's largest credit card firm, has averted liquidation.",
    "Orla Card, a lender in Varnland, has averted liquidation.",
    "Varnland carmaker Orla Motors cut 500 jobs on Monday.",
])
def test_a_place_before_the_firm_noun_is_where_the_firm_is(nlp, text: str) -> None:  # noqa: ANN001
    firm = next(n for n in ("Orla Weekly", "Orla Card", "Orla Motors") if n in text)
    got = triples(nlp, text, [(firm, "ORG"), ("Varnland", "GPE")])
    assert (firm, "located_in", "Varnland") in got, got


@pytest.mark.parametrize(("text", "ents"), [
    ("Tom Vale, Varnland's top banker, said the lender would survive.", [("Tom Vale", "PERSON"), ("Varnland", "GPE")]),
    ("Orla Card, the Brenn Group's card firm, has averted liquidation.",
     [("Orla Card", "ORG"), ("Brenn Group", "ORG")]),
    ("The Varnish airline Orla Air cut its fares.", [("Varnish", "NORP"), ("Orla Air", "ORG")]),
])
def test_no_home_for_a_person_an_owner_or_a_nationality(nlp, text: str, ents: list[tuple[str, str]]) -> None:  # noqa: ANN001
    assert not any(p == "located_in" for _, p, _ in triples(nlp, text, ents))
