"""'The leader of the Blue Party, Ann Roe, resigned': the parser hangs the name on the party, not on the role
(rule body_appositive_person); a list after a singular role is no appositive (rule list_not_appositive).
Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples linkchart reads from `text`."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize(("text", "expected"), [
    ("The head of the Red Front, Tom Vale, said the border was calm.", ("Tom Vale", "leads", "Red Front")),
    ("The leader of the Blue Party, Ann Roe, resigned on Monday.", ("Ann Roe", "leads", "Blue Party")),
    ("The spokesman for the Varn Army, Tom Vale, denied the report.",
     ("Tom Vale", "spokesperson_of", "Varn Army")),
    ("On Monday the chairman of Dunmore Holdings, Ann Roe, sold her shares.",
     ("Ann Roe", "leads", "Dunmore Holdings")),
])
def test_a_person_the_parser_hangs_on_the_role_s_body_holds_the_role(
        nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text)


@pytest.mark.parametrize("text", [
    "The leader of the Blue Party, the Green Front and the Red Army met in Dunmore.",
    "The head of the Red Front, the Blue Guard and the Varn Army signed the deal.",
])
def test_a_list_after_a_singular_role_names_no_holder(nlp: Language, text: str) -> None:
    assert not [t for t in triples(nlp, text) if t[1] in {"leads", "member_of"}]


def test_an_organisation_in_apposition_to_the_body_holds_no_role(nlp: Language) -> None:
    found = triples(nlp, "The leader of the Blue Party, the largest party in Varnland, resigned.")
    assert not [t for t in found if t[1] == "leads"]


@pytest.mark.parametrize(("text", "expected"), [
    ("For more information contact Ann Roe, CEO, Varn Post Group.", ("Ann Roe", "leads", "Varn Post Group")),
    ("Tom Vale, editor, Dunmore Herald, said so.", ("Tom Vale", "employed_by", "Dunmore Herald")),
    ("Ann Roe, spokeswoman, Blue Party, said the vote was fair.", ("Ann Roe", "spokesperson_of", "Blue Party")),
])
def test_a_bare_role_between_a_person_and_an_organisation_signs_for_it(
        nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text)  # rule signature_role


def test_a_list_of_names_is_no_signature(nlp: Language) -> None:
    found = triples(nlp, "Ann Roe, Tom Vale, Varn Post Group and Jim Bell met on Monday.")
    assert not [t for t in found if t[1] in {"leads", "member_of", "employed_by"}]
