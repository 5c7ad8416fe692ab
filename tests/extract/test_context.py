"""The sentence context: arguments, the mentions they stand for, and what a span leaves for the next."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from linkchart.extract.context import (
    SentenceContext,
    agents,
    arg_for,
    closing_speaker,
    closing_subjects,
    ents_for,
    patients,
)
from linkchart.extract.relations import load_rules
from linkchart.extract.speakers import Speaker


def context(nlp: Language, text: str, ents: list[tuple[str, str]], carried: Speaker | None = None) -> SentenceContext:
    """Return the context of the parsed text with exactly the given (surface, label) mentions as doc.ents."""
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents]
    return SentenceContext.build(doc, load_rules(), carried)


def token(doc: Doc, text: str) -> int:
    """Return the index of the first token with this text."""
    return next(t.i for t in doc if t.text == text)


def test_a_passive_verb_has_its_by_phrase_as_agent_and_its_subject_as_patient(nlp: Language) -> None:
    ctx = context(nlp, "Omar Haddad was arrested by the Border Guard.",
                  [("Omar Haddad", "PERSON"), ("Border Guard", "ORG")])
    verb = ctx.doc[token(ctx.doc, "arrested")]
    assert [e.text for t in agents(verb) for e in ents_for(ctx, t)] == ["Border Guard"]
    assert [e.text for t in patients(verb) for e in ents_for(ctx, t)] == ["Omar Haddad"]


def test_ents_for_follows_conjunctions_and_a_demonym_argument_is_its_country(nlp: Language) -> None:
    ctx = context(nlp, "Omar Haddad and Samir Kassem met the Iranian envoy.",
                  [("Omar Haddad", "PERSON"), ("Samir Kassem", "PERSON"), ("Iranian", "NORP")])
    subject = ctx.doc[token(ctx.doc, "Haddad")]
    assert [e.text for e in ents_for(ctx, subject)] == ["Omar Haddad", "Samir Kassem"]
    iranian = ctx.ent_at[token(ctx.doc, "Iranian")]
    assert iranian is not None
    assert (arg_for(ctx, iranian).text, arg_for(ctx, iranian).label) == ("Iran", "GPE")


def test_a_span_leaves_its_closing_speaker_and_subjects_in_article_offsets(nlp: Language) -> None:
    ctx = context(nlp, "Omar Haddad continues:", [("Omar Haddad", "PERSON")])
    assert closing_speaker(ctx, 100) == Speaker("Omar Haddad", "PERSON", 100, 111)
    ctx = context(nlp, "The Crescent Brigade attacked the base.", [("Crescent Brigade", "ORG")])
    assert closing_speaker(ctx, 0) is None
    assert closing_subjects(ctx.doc, 10) == {"ORG": Speaker("Crescent Brigade", "ORG", 14, 30)}


def test_a_speaker_carried_from_the_previous_paragraph_stands_in_for_we(nlp: Language) -> None:
    carried = Speaker("Karim Nouri", "PERSON", -40, -29)  # 'Karim Nouri continues:' ended the paragraph before
    ctx = context(nlp, "We stand with the Unity Front.", [("Unity Front", "ORG")], carried=carried)
    found = ents_for(ctx, ctx.doc[0])
    assert [(arg_for(ctx, e).text, arg_for(ctx, e).start) for e in found] == [("Karim Nouri", -40)]
