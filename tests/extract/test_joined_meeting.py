"""Who joins 'the meeting' meets those who met there (rule suffix _joined), and a hyphenated noun the tokenizer
splits is still the rule's noun ('get-together', 'sit-down'). Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as _triples
from spacy.language import Language


@pytest.mark.parametrize("text", [
    "After his trip, Peter Novak met with Tomas Brel in his apartment in Varna. Karl Orme joined the get-together "
    "and told Novak he wanted to help.",
    "Peter Novak held talks with Tomas Brel on Monday. Karl Orme later joined the talks.",
    "Peter Novak had a meeting with Tomas Brel in Varna. Karl Orme attended the meeting.",
])
def test_who_joins_the_meeting_meets_its_parties(nlp: Language, text: str) -> None:
    found = _triples(nlp, text)
    assert {("Karl Orme", "met_with", "Peter Novak"), ("Karl Orme", "met_with", "Tomas Brel")} <= found


@pytest.mark.parametrize("text", [
    "Karl Orme joined the meeting.",  # no meeting named before
    "Peter Novak met with Tomas Brel. Karl Orme joined a meeting in Osla.",  # another meeting
])
def test_joining_a_meeting_nobody_is_said_to_hold_meets_nobody(nlp: Language, text: str) -> None:
    assert not any(s == "Karl Orme" and p == "met_with" for s, p, _ in _triples(nlp, text))


def test_a_hyphenated_noun_is_the_rules_noun(nlp: Language) -> None:
    assert ("Peter Novak", "met_with", "Tomas Brel") in _triples(nlp, "Peter Novak had a get-together with Tomas Brel.")
