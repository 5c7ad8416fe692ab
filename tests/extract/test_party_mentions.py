"""A party named only by the capitalised words before a member's or office-holder's noun ('Labour MP X',
'the Conservative leader'): rule `party_before_role` (invented people and parties)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article
from linkchart.models import Extraction


def extract(nlp: Language, text: str) -> Extraction:
    """Return what linkchart reads from `text`, one article."""
    return extract_article(text, [(0, len(text))], "2020-01-01", nlp)


def organisations(nlp: Language, text: str) -> list[str]:
    """Return the texts of the organisation mentions read from `text`."""
    return [m.text for m in extract(nlp, text).mentions if m.label == "ORG"]


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples read from `text`."""
    return {(r.subject, r.predicate, r.object) for r in extract(nlp, text).relations}


@pytest.mark.parametrize(("text", "expected"), [
    ("The vote was close, and Labour MP Tim Gray said he would abstain.", ("Tim Gray", "member_of", "Labour")),
    ("He left the room. Former Conservative leader Jane Hague says she will not stand again.",
     ("Jane Hague", "leads", "Conservative")),
    ("On Monday the Unity Party candidate Ann Roe conceded, and Unity spokesman Tom Vale said more.",
     ("Tom Vale", "spokesperson_of", "Unity")),
    ("On Monday, Unity MEP Jane Roe said the plan was flawed.", ("Jane Roe", "member_of", "Unity")),
    ("Jane Roe, the Unity MSP for Leedale, said the plan was flawed.", ("Jane Roe", "member_of", "Unity")),
])
def test_capitalised_words_before_a_party_role_name_the_party(
        nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text)


@pytest.mark.parametrize(("text", "not_named"), [
    ("Senate Majority Leader Bob Hale spoke on Monday.", "Majority"),  # part of a longer title
    ("Veteran MP Tim Gray agreed to the plan.", "Veteran"),  # capitalised only because it opens the sentence
    ("Iraqi MP Ali Tor spoke to reporters.", "Iraqi"),  # a nation's word
    ("The talks failed, Shia leader Ali Tor said.", "Shia"),  # a faith's word
    ("Deputy Leader Tom Vale resigned on Monday.", "Deputy"),  # a rank word
])
def test_nation_faith_rank_and_title_words_name_no_party(nlp: Language, text: str, not_named: str) -> None:
    assert not_named not in organisations(nlp, text)


def test_an_all_caps_role_noun_is_no_organisation(nlp: Language) -> None:
    assert "MP" not in organisations(nlp, "Tim Gray, the MP for Dunmore, said the MP would vote.")
