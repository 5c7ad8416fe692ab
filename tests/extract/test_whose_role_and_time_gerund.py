"""'X, whose leader, Y, ...' gives Y the role in X (rule whose_role), and a gerund of a time phrase ('after
splitting from Z') is done by the subject of the verb the phrase hangs from (rule time_phrase_gerund). Invented
names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as _triples
from spacy.language import Language


@pytest.mark.parametrize("text, triple", [
    ("The Green Banner Movement, whose leader, Adnan Harou, lives in Kelmore, denied the report.",
     ("Adnan Harou", "leads", "Green Banner Movement")),
    ("Tomas Vell split from the Green Banner Movement, whose chief, Adnan Harou, accused him of theft.",
     ("Adnan Harou", "leads", "Green Banner Movement")),
    ("The talks were hosted by the Kelmore Council, whose chairman Jan Ostrow called them a success.",
     ("Jan Ostrow", "leads", "Kelmore Council")),
    ("Jana Roe, whose husband, Tomas Vell, was arrested in May, spoke to reporters.",
     ("Tomas Vell", "relative_of", "Jana Roe")),
])
def test_whose_before_a_role_stands_for_the_name_described(nlp: Language, text: str, triple: tuple) -> None:
    assert triple in _triples(nlp, text)


def test_whose_before_a_thing_gives_no_role(nlp: Language) -> None:
    text = "The Kelmore Council, whose budget Jan Ostrow cut, met on Monday."
    assert not any(s == "Jan Ostrow" for s, _p, _o in _triples(nlp, text))


@pytest.mark.parametrize("text, triple", [
    ("Tomas Vell founded the Red Front in 2006 after splitting from the Green Banner Movement.",
     ("Tomas Vell", "split_from", "Green Banner Movement")),
    ("Before joining the Kelmore Council, Tomas Vell worked for the Varn Bank.",
     ("Tomas Vell", "member_of", "Kelmore Council")),
    ("Tomas Vell met Jana Roe in Kelmore before visiting Varland.", ("Tomas Vell", "visited", "Varland")),
])
def test_a_time_phrase_gerund_is_done_by_the_subject(nlp: Language, text: str, triple: tuple) -> None:
    assert triple in _triples(nlp, text)
