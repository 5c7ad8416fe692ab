"""Names of works (films, albums, novels, games) are no actors: invented titles and people."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _names(nlp: Language, text: str) -> set[str]:
    return {m.text for m in extract_article(text, [(0, len(text))], None, nlp).mentions}


@pytest.mark.parametrize(
    ("text", "work"),
    [
        ("Critics praised the novel titled Marnholt when it came out.", "Marnholt"),
        ("Critics praised his novel Tessaly Road when it came out in Vienna.", "Tessaly Road"),
        ("The band moved from Iron Lanterns (1996) to Velvet Engines (1998).", "Iron Lanterns"),
        ("Ulvaris is a 1948 Indian film directed by Kiran Vale.", "Ulvaris"),
        ("Brennor is a modernist novel by Irish writer Kiran Vale.", "Brennor"),
        ("Stavros Hill is the debut studio album released by the band Fjellmark.", "Stavros Hill"),
    ],
)
def test_a_name_its_sentence_calls_a_work_is_no_mention(nlp: Language, text: str, work: str) -> None:
    assert work not in _names(nlp, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The book John Roe wrote sold well in Ostrava.", "John Roe"),
        ("The film Tom Vale starred in was a hit in Paris.", "Tom Vale"),
        ("Maggie Lorne in The Long Nap is a 2012 short film.", "Maggie Lorne"),
        ("Dara Voss (born 1971) is a singer from Oslo.", "Dara Voss"),
    ],
)
def test_a_person_named_beside_a_work_stays_a_mention(nlp: Language, text: str, person: str) -> None:
    assert person in _names(nlp, text)


def test_every_mention_of_a_work_in_its_article_goes(nlp: Language) -> None:
    text = "Kestrel Bay is a 2003 novel by Ada Serin. Kestrel Bay sold a million copies in Lisbon."
    names = _names(nlp, text)
    assert "Kestrel Bay" not in names and "Ada Serin" in names


@pytest.mark.parametrize(
    ("text", "prize"),
    [
        ("Her awards include the Varnholt Prize and the Ostrander Medal of Science.", "Ostrander Medal of Science"),
        ("The film won two Kessler Awards in 2013.", "Kessler Awards"),
    ],
)
def test_a_prize_is_no_mention(nlp: Language, text: str, prize: str) -> None:
    assert prize not in _names(nlp, text)
