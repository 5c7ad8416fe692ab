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


@pytest.mark.parametrize("text", [
    "The Kavel Guard supplied money to the Tarrow Brigade.",
    "The Kavel Guard transferred funds to the Tarrow Brigade.",
    "The Kavel Guard supplied money, training and weapons to the Tarrow Brigade.",
])
def test_money_supplied_or_transferred_to_a_group_funds_it(nlp: Language, text: str) -> None:
    assert ("Kavel Guard", "funds", "Tarrow Brigade") in article_triples(nlp, text)


def test_weapons_supplied_back_the_group(nlp: Language) -> None:
    got = article_triples(nlp, "The Kavel Guard supplied weapons to the Tarrow Brigade.")
    assert ("Tarrow Brigade", "backed_by", "Kavel Guard") in got
    assert not any(p == "funds" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Tomas Vell paid the Red Hand Brigade about two million dollars a month in 2006.",
    "In 2006 the Varn Guard paid the Red Hand Brigade its salaries.",
])
def test_the_indirect_object_of_a_payment_is_funded(nlp: Language, text: str) -> None:
    """Argument path 'dative' (rule verb_fund)."""
    assert any(p == "funds" and o == "Red Hand Brigade" for _s, p, o in article_triples(nlp, text))


@pytest.mark.parametrize("text", [
    "Tomas Vell paid the Red Hand Brigade a visit in 2006.",
    "In 2006 Tomas Vell paid the Red Hand Brigade a compliment.",
])
def test_paying_a_visit_or_a_compliment_funds_no_one(nlp: Language, text: str) -> None:
    assert not any(p == "funds" for _s, p, _o in article_triples(nlp, text))
