"""A chain of one pronoun as subject keeps referring to one person (rule pronoun_chain, extract/context.py):
'X arrived. He met Z. Later he sued Y' — X sued Y, not Z; a subject owned by the pronoun ('one of his friends')
keeps the chain; a paragraph ending on such a pronoun passes its person on to the next. Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples as triples
from spacy.language import Language


@pytest.mark.parametrize("text", [
    "Tom Vale arrived in Varnia in 1992. He was given a small flat. After years of poor health, he took legal "
    "action against the Blue Party.",
    "Tom Vale arrived in Varnia in 1992. He met Karl Dent there. Later he took legal action against the Blue Party.",
    "Tom Vale joined the Red Front in 1990. One of his old friends was Karl Dent. Later he took legal action "
    "against the Blue Party.",
    "Tom Vale arrived in Varnia in 1992. He was given a flat, and he says he was promised more.\n"
    "But he feels the promise was broken. Four years ago he took legal action against the Blue Party.",
])
def test_a_pronoun_chain_keeps_its_person(nlp: Language, text: str) -> None:
    got = triples(nlp, text)
    assert ("Tom Vale", "opposes", "Blue Party") in got, got
    assert ("Karl Dent", "opposes", "Blue Party") not in got


def test_the_other_gender_breaks_the_chain(nlp: Language) -> None:
    got = triples(nlp, "Tom Vale arrived in Varnia in 1992. She was given a flat. Later he took legal action "
                       "against the Blue Party.")
    assert not any(p == "opposes" for _, p, _ in got), got


@pytest.mark.parametrize("text", [
    "Tom Vale was born on 2 May, 1920. Educated at Eston, and at Orla College, Varn, he served in the Red Guards from "
    "1941 to 1945 and was wounded in tanks in Varnia. He worked at the Varn Office.",
    "Tom Vale was born in 1920. Educated at Orla College, and at Brenn College, Varn, he served in the Red Guards "
    "from 1941 to 1945 and was wounded in tanks in Varnia. He worked at the Varn Office.",
])
def test_a_main_clause_parsed_as_a_conjoined_verb_keeps_the_chain(nlp: Language, text: str) -> None:
    # 'Educated at X, he served in Y' is often parsed with 'Educated' as the root and 'served' conjoined to it
    assert ("Tom Vale", "employed_by", "Varn Office") in triples(nlp, text)
