"""A post on an organisation's staff is employment, a post in a party or armed group membership: 'Varn Air
director of commercial planning X' is employed by Varn Air (rule suffix `_portfolio_staff`), the same title in a
party makes a member; an 'executive director of Y' is one of Y's executives, employed by Y, not its head.
Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples


@pytest.mark.parametrize("text", [
    '"The route is a loss," said Varn Air director of commercial planning, Tom Vale.',
    "Tom Vale, Varn Air marketing director, said fares would rise.",
    "Tom Vale, Varn Air's director of research, said fares would rise.",
    "Tom Vale, the Varn Air director of operations, said fares would rise.",
])
def test_a_director_of_a_portfolio_is_on_the_staff(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [("Tom Vale", "PERSON"), ("Varn Air", "ORG")])
    assert any((s, p, o) == ("Tom Vale", "employed_by", "Varn Air") and rule.endswith("_portfolio_staff")
               for s, p, o, rule in got), got
    assert ("Tom Vale", "leads", "Varn Air") not in {(s, p, o) for s, p, o, _ in got}


@pytest.mark.parametrize(("text", "body"), [
    ('"We regret it," said Orla Party director of research, Tom Vale.', "Orla Party"),
    ("Tom Vale, Dunmore Militia director of operations, said the road was closed.", "Dunmore Militia"),
    ("Tom Vale, the Harbour Union director of research, said the pay offer was low.", "Harbour Union"),
])
def test_the_same_post_in_a_party_or_armed_group_is_a_membership(nlp, text: str, body: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Tom Vale", "PERSON"), (body, "ORG")])
    assert ("Tom Vale", "member_of", body) in got, got
    assert ("Tom Vale", "employed_by", body) not in got


@pytest.mark.parametrize("text", [
    '"No more aid is needed," Ann Roe, executive director of Brenn Development Bank, said.',
    "Brenn Development Bank executive director Ann Roe said no more aid was needed.",
    "Ann Roe, an executive director at Brenn Development Bank, said no more aid was needed.",
])
def test_an_executive_director_is_employed_not_the_head(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Ann Roe", "PERSON"), ("Brenn Development Bank", "ORG")])
    assert ("Ann Roe", "employed_by", "Brenn Development Bank") in got, got
    assert ("Ann Roe", "leads", "Brenn Development Bank") not in got


@pytest.mark.parametrize("text", [
    "Ann Roe, the director of Brenn Institute, said fares would rise.",
    "Brenn Institute director Ann Roe said fares would rise.",
    "Ann Roe, managing director of Brenn Development Bank, said fares would rise.",
])
def test_a_director_without_a_portfolio_still_leads(nlp, text: str) -> None:  # noqa: ANN001
    body = "Brenn Institute" if "Institute" in text else "Brenn Development Bank"
    got = triples(nlp, text, [("Ann Roe", "PERSON"), (body, "ORG")])
    assert ("Ann Roe", "leads", body) in got, got
