"""A lower-case word after an abbreviation's full stop continues the sentence (linkchart_sentence_starts)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize("text", [
    "This includes the depot at Kelso, 13 km. south of Varna, bombed by jets on May 2.",
    "The convoy covered 40 mi. before dawn and stopped near Varna.",
    "Officials met U.S. envoys in Varna and approx. ten aides came along.",
])
def test_a_lower_case_word_after_an_abbreviation_continues_the_sentence(nlp: Language, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


def test_a_capital_after_the_stop_still_starts_a_sentence(nlp: Language) -> None:
    assert [s.text for s in nlp("The town lies 13 km. It has a market.").sents] == [
        "The town lies 13 km.", "It has a market."]
