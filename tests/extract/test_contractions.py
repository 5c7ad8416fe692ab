"""Contracted verbs typeset with a curly apostrophe get the lemma of their straight twin (linkchart_contractions)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("I’m at the gate.", "’m", "be"),
    ("They’re in Varna now.", "’re", "be"),
    ("He’s gone to Varna.", "’s", "have"),
    ("We’ve met them.", "’ve", "have"),
])
def test_a_curly_contraction_has_the_verbs_lemma(nlp: Language, text: str, word: str, lemma: str) -> None:
    assert next(t.lemma_ for t in nlp(text) if t.text == word) == lemma


def test_a_curly_possessive_keeps_its_own_lemma(nlp: Language) -> None:
    assert next(t.lemma_ for t in nlp("Novak’s men left.") if t.text == "’s") == "’s"
