"""Places inside places that the text states in two parts ('X is a town in A, B': X is in B too), and the
constructions of located_in the relation rules read. Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples


@pytest.mark.parametrize("text", [
    "Brennick is a town in Ostra County, Varnland.",
    "Brennick, a village in Ostra County, Varnland, was shelled.",
    "The Orla Mill is a museum in Ostra County, Varnland.",
    "Brennick is a hamlet in Ostra County, in Varnland.",
])
def test_a_place_in_a_chain_of_places_is_in_each(nlp, text: str) -> None:  # noqa: ANN001
    first = "Orla Mill" if "Orla" in text else "Brennick"
    got = facts(nlp, text, [(first, "FAC" if first == "Orla Mill" else "GPE"), ("Ostra County", "GPE"),
                            ("Varnland", "GPE")])
    assert {(first, "located_in", "Ostra County"), (first, "located_in", "Varnland")} <= {g[:3] for g in got}


def test_the_chain_rule_composes_two_stated_links(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "Brennick is a town in Ostra County, Varnland.",
                [("Brennick", "GPE"), ("Ostra County", "GPE"), ("Varnland", "GPE")])
    assert ("Brennick", "located_in", "Varnland", "located_in_chain") in got
    assert ("Ostra County", "located_in", "Varnland", "place_comma_place") in got


def test_no_chain_through_a_list_or_a_denial(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Delegates came from Brennick, Ostra and Varnland.",
                  [("Brennick", "GPE"), ("Ostra", "GPE"), ("Varnland", "GPE")])
    assert not any(p == "located_in" for _, p, _ in got)
    got = facts(nlp, "Brennick is not in Ostra County, Varnland.",
                [("Brennick", "GPE"), ("Ostra County", "GPE"), ("Varnland", "GPE")])
    assert not any(rule == "located_in_chain" for *_, rule in got)


def test_a_chain_never_loops_back(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Brennick is a town in Ostra. Ostra is a district in Brennick.",
                  [("Brennick", "GPE"), ("Ostra", "GPE")])
    assert ("Brennick", "located_in", "Brennick") not in got
