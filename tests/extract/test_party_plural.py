"""A party's plural before a list of names ('including Greens Tom Vale and Ann Roe') names the party every one
of them belongs to: rule `party_plural` (mentions) and `party_person` (relations). A people, a faith, a nation's
people or a role noun in the plural names no party. Invented people and parties."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples read from `text`, one article."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize(("text", "party", "people"), [
    ("The plan was backed by Greens Tom Vale and Ann Roe.", "Greens", ("Tom Vale", "Ann Roe")),
    ("Both Unionists Peter Dunn and Mary Cole voted against it.", "Unionists", ("Peter Dunn", "Mary Cole")),
    ("The panel, which includes Progressives Ann Roe and Tom Vale, will report in May.", "Progressives",
     ("Ann Roe", "Tom Vale")),
])
def test_a_partys_plural_names_the_party_of_every_name_it_opens(nlp: Language, text: str, party: str,
                                                                people: tuple[str, ...]) -> None:
    got = triples(nlp, text)
    for person in people:
        assert (person, "member_of", party) in got, got


@pytest.mark.parametrize("text", [
    "The bill was opposed by Catholics Tom Vale and Ann Roe.",
    "The bill was opposed by Canadians Tom Vale and Ann Roe.",
    "The bill was opposed by Officials Tom Vale and Ann Roe.",
])
def test_a_people_faith_or_role_in_the_plural_names_no_party(nlp: Language, text: str) -> None:
    assert not {t for t in triples(nlp, text) if t[1] == "member_of"}


@pytest.mark.parametrize(("text", "person", "party"), [
    ("Liberal Democrat transport spokesman Tom Reller said the figures were worrying.", "Tom Reller",
     "Liberal Democrat"),
    ("The plan was attacked by Unionist health spokeswoman Mary Cole on Monday.", "Mary Cole", "Unionist"),
    ("Socialist environment spokeswoman Ann Roe called the budget a failure.", "Ann Roe", "Socialist"),
    ("Republican foreign affairs spokesman Tom Vale said the deal was weak.", "Tom Vale", "Republican"),
])
def test_a_partys_spokesperson_is_one_of_its_members(nlp: Language, text: str, person: str, party: str) -> None:
    got = triples(nlp, text)
    assert (person, "member_of", party) in got, got


@pytest.mark.parametrize("text", [
    "American transport spokesman Sam Peel said the figures were worrying.",  # a nation is no party
    "Liberal Democrat transport expert Tom Reller said the figures were worrying.",  # an expert speaks for no one
])
def test_no_party_membership_from_a_nation_or_another_title(nlp: Language, text: str) -> None:
    assert not any(p == "member_of" for _, p, _ in triples(nlp, text))
