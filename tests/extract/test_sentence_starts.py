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


@pytest.mark.parametrize("text, lead", [
    ("KELMORE, March 9, 2021 — The head of the Harbour Guard, Tomas Vell, was named deputy mayor on Sunday.",
     "The head of the Harbour Guard"),
    ("KELMORE, Varland (Reuters) - The head of the Harbour Guard, Tomas Vell, was named deputy mayor.",
     "The head of the Harbour Guard"),
    ("Kelmore, 9 March 2021 – Tomas Vell, who heads the Harbour Guard, was named deputy mayor.", "Tomas Vell"),
])
def test_a_dateline_is_a_sentence_of_its_own(nlp: Language, text: str, lead: str) -> None:
    """Rule dateline_apart: the place of filing is not the subject of the lead's sentence."""
    sents = [s.text for s in nlp(text).sents]
    assert len(sents) == 2 and sents[1].startswith(lead)


def test_a_sentence_that_opens_with_a_place_is_no_dateline(nlp: Language) -> None:
    text = "Kelmore, a port on the coast, named Tomas Vell deputy mayor on Sunday."
    assert len(list(nlp(text).sents)) == 1
