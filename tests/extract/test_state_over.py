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


@pytest.mark.parametrize("text, triple, hedged", [
    ("Tomas Vell was said to have met Jana Roe in Kelmore.", ("Tomas Vell", "met_with", "Jana Roe"), True),
    ("The Varn Guard is reported to fund the Kelmore Brigade.", ("Varn Guard", "funds", "Kelmore Brigade"), True),
    ("Tomas Vell is known to have met Jana Roe in Kelmore.", ("Tomas Vell", "met_with", "Jana Roe"), False),
])
def test_a_reported_raising_is_hedged(nlp: Language, text: str, triple: tuple[str, str, str], hedged: bool) -> None:
    """Rule reported_raising: 'was said to', 'is reported to' report a fact without stating it."""
    found = {(r.subject, r.predicate, r.object): r.hedged
             for r in extract_article(text, [(0, len(text))], None, nlp).relations}
    assert found.get(triple) is hedged


@pytest.mark.parametrize("text", [
    "Tomas Vell was ordered to attack the Kelmore Brigade.",
    "Jana Roe instructed Tomas Vell to attack the Kelmore Brigade.",
])
def test_an_order_to_act_is_no_act(nlp: Language, text: str) -> None:
    """Rule ordered_to (lexicon class directive)."""
    found = extract_article(text, [(0, len(text))], None, nlp).relations
    assert not any(r.predicate == "attacked" and not r.negated for r in found)


@pytest.mark.parametrize("text, triple", [
    ("Tomas Vell, once one of Jana Roe's close aides, fell out with her in 2006.",
     ("Tomas Vell", "associated_with", "Jana Roe")),
    ("Tomas Vell, formerly head of the Kelmore Brigade, was arrested.", ("Tomas Vell", "leads", "Kelmore Brigade")),
    ("Tomas Vell, once the leader of the Kelmore Brigade, now heads the Orla Front.",
     ("Tomas Vell", "leads", "Kelmore Brigade")),
])
def test_a_role_phrase_told_as_over_is_former(nlp: Language, text: str, triple: tuple[str, str, str]) -> None:
    """Rule state_over on a role's own phrase (relations._phrase_over)."""
    assert _relations(nlp, text).get(triple) == (False, True)
