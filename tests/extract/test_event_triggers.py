"""The cheap test of a trigger word before its construction is read (`event_triggers.possible_trigger`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from linkchart.extract.event_triggers import possible_trigger, trigger_kind

KINDS = {"arrest": "arrest", "step down": "resignation", "hunger strike": "protest"}


def _tokens(nlp: Language, text: str) -> dict[str, Token]:
    return {t.text: t for t in nlp(text)}


def test_a_table_word_a_particle_verb_and_a_compound_noun_may_start_events(nlp: Language) -> None:
    toks = _tokens(nlp, "Police arrested Jon Varga after he stepped down and began a hunger strike.")
    assert possible_trigger(toks["arrested"], KINDS)
    assert possible_trigger(toks["stepped"], KINDS)  # the first word of 'step down'
    assert possible_trigger(toks["strike"], KINDS)  # the last word of 'hunger strike'
    assert trigger_kind(toks["stepped"], KINDS) == "resignation"
    assert trigger_kind(toks["strike"], KINDS) == "protest"


def test_other_words_start_no_event(nlp: Language) -> None:
    toks = _tokens(nlp, "The quiet harbour of Dunmore kept its old lighthouse.")
    for word in ("harbour", "lighthouse", "quiet"):
        assert not possible_trigger(toks[word], KINDS)
        assert trigger_kind(toks[word], KINDS) is None


def test_a_particle_verb_first_word_is_no_noun_trigger(nlp: Language) -> None:
    toks = _tokens(nlp, "The step was small.")
    assert not possible_trigger(toks["step"], KINDS)  # 'step' starts 'step down' as a verb only


def test_each_trigger_table_has_its_own_words(nlp: Language) -> None:
    toks = _tokens(nlp, "Police arrested Jon Varga.")
    assert possible_trigger(toks["arrested"], KINDS)
    assert not possible_trigger(toks["arrested"], {"visit": "visit"})
