"""A role named through 'one of': 'X, one of the colleges of Y', 'X, one of Y's constituent colleges', 'X was one of
the founders of Y', 'X is one of the members of Y' — X holds the role (rule one_of_role). Invented names; mentions
set by hand."""

from __future__ import annotations

import pytest
from parsed_text import triples

NAMES = [("Orlin Hall", "ORG"), ("Dunmore University", "ORG"), ("Tom Varga", "PERSON"),
         ("Orlin Business League", "ORG")]


def named(text: str) -> list[tuple[str, str]]:
    """Return the mentions of NAMES that `text` names."""
    return [(name, label) for name, label in NAMES if name in text]


@pytest.mark.parametrize(("text", "fact"), [
    ("The hall is modeled on the hall of Orlin Hall, one of Dunmore University's constituent colleges.",
     ("Orlin Hall", "part_of", "Dunmore University")),
    ("Orlin Hall, one of the colleges of Dunmore University, was founded in 1520.",
     ("Orlin Hall", "part_of", "Dunmore University")),
    ("Tom Varga was a proponent of local businesses and one of the founders of the Orlin Business League.",
     ("Tom Varga", "founded", "Orlin Business League")),
    ("Tom Varga is one of the members of the Orlin Business League.",
     ("Tom Varga", "member_of", "Orlin Business League")),
])
def test_one_of_the_role_holders(nlp, text: str, fact: tuple[str, str, str]) -> None:  # noqa: ANN001
    assert fact in triples(nlp, text, named(text))


@pytest.mark.parametrize(("text", "want"), [
    ("The Tarrow Brigade is one of dozens of units inside the Kite Coalition.",
     ("Tarrow Brigade", "part_of", "Kite Coalition")),
    ("The Tarrow Brigade is a unit inside the Kite Coalition.", ("Tarrow Brigade", "part_of", "Kite Coalition")),
    ("Omar Haddad was one of hundreds of members of the Kite Coalition.",
     ("Omar Haddad", "member_of", "Kite Coalition")),
])
def test_one_of_a_vague_amount_of_units_or_members_holds_the_role(nlp, text: str, want) -> None:  # noqa: ANN001
    names = [("Tarrow Brigade", "ORG"), ("Kite Coalition", "ORG"), ("Omar Haddad", "PERSON")]
    ents = [e for e in names if e[0] in text]
    assert want in triples(nlp, text, ents)
