"""Abbreviated ranks ('Lt.-Gen.', 'Maj. Gen.') are one token each and end no sentence, and a rank between a role
and the name it holds passes the role on ('VDF Chief of Staff Lt.-Gen. X'). Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples linkchart reads from `text`."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize("text", ["Lt.-Gen. Tom Vale spoke.", "Maj. Gen. Tom Vale spoke.", "Lt. Col. Tom Vale spoke."])
def test_an_abbreviated_rank_ends_no_sentence(nlp: Language, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize("text", [
    "VDF Chief of Staff Lt.-Gen. Tom Vale said the border was calm.",
    "Red Guard commander Brig.-Gen. Tom Vale said the border was calm.",
    "Red Guard commander General Tom Vale said the border was calm.",
])
def test_a_rank_between_a_role_and_the_name_passes_the_role_on(nlp: Language, text: str) -> None:
    assert any(t[0] == "Tom Vale" and t[1] == "leads" for t in triples(nlp, text))


@pytest.mark.parametrize(("text", "leads"), [
    ("Tom Vale took charge of Varn Bank in May.", True),
    ("Tom Vale assumed command of the Red Brigade.", True),
    ("The Red Front took control of Dunmore.", False),  # seizing a town leads no one
])
def test_taking_charge_or_command_of_a_body_leads_it(nlp: Language, text: str, leads: bool) -> None:
    assert any(t[1] == "leads" for t in triples(nlp, text)) == leads
