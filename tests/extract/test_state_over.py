"""A tie denied on its copula ('X is not a member of Y': rule negated_copula) and a tie told as over ('X no longer
leads Y', 'X, who once led Y': rule state_over, a former tie). Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _relations(nlp: Language, text: str) -> dict[tuple[str, str, str], tuple[bool, bool]]:
    found = extract_article(text, [(0, len(text))], None, nlp).relations
    return {(r.subject, r.predicate, r.object): (r.negated, r.rule.endswith("_former")) for r in found}


@pytest.mark.parametrize("text, triple, negated, former", [
    ("Tomas Vell is not a member of the Kelmore Brigade.", ("Tomas Vell", "member_of", "Kelmore Brigade"), True,
     False),
    ("Tomas Vell is no longer a member of the Kelmore Brigade.", ("Tomas Vell", "member_of", "Kelmore Brigade"),
     False, True),
    ("Tomas Vell no longer leads the Kelmore Brigade.", ("Tomas Vell", "leads", "Kelmore Brigade"), False, True),
    ("Tomas Vell, who once led the Kelmore Brigade, now heads the Orla Front.",
     ("Tomas Vell", "leads", "Kelmore Brigade"), False, True),
    ("Tomas Vell, who once led the Kelmore Brigade, now heads the Orla Front.",
     ("Tomas Vell", "leads", "Orla Front"), False, False),
    ("Tomas Vell formerly headed the Kelmore Brigade.", ("Tomas Vell", "leads", "Kelmore Brigade"), False, True),
    ("Tomas Vell is not only a member of the Kelmore Brigade but also its treasurer.",
     ("Tomas Vell", "member_of", "Kelmore Brigade"), False, False),
    ("Tomas Vell is a member of the Kelmore Brigade.", ("Tomas Vell", "member_of", "Kelmore Brigade"), False, False),
])
def test_a_tie_denied_or_over(nlp: Language, text: str, triple: tuple[str, str, str], negated: bool,
                              former: bool) -> None:
    assert _relations(nlp, text).get(triple) == (negated, former)


def test_a_meeting_once_held_is_no_former_tie(nlp: Language) -> None:
    got = _relations(nlp, "Tomas Vell once met Jana Roe in Kelmore.")
    assert got.get(("Tomas Vell", "met_with", "Jana Roe")) == (False, False)
