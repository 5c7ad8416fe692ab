"""Dated events from trigger words."""

from __future__ import annotations

from spacy.tokens import Doc

from linkchart.extract.facts import SpanFacts, fact_reader
from linkchart.extract.nlp import load_pipeline


def read(doc: Doc, offset: int = 0, date: str | None = None) -> SpanFacts:
    """Return what the pipeline's ``linkchart_facts`` component reads in `doc`."""
    return fact_reader(load_pipeline()).read(doc, offset, date)


def _doc(nlp, text: str, ents: list[tuple[str, str]]):  # noqa: ANN001, ANN202
    doc = nlp(text)
    spans = [doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents]
    doc.ents = spans + [e for e in doc.ents if e.label_ == "DATE"
                        and not any(e.start < x.end and x.start < e.end for x in spans)]
    return doc


def test_arrest_event_with_participants_and_summary(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "In March 2007, Omar Haddad was captured by the Border Guard.",
               [("Omar Haddad", "PERSON"), ("Border Guard", "ORG")])
    events = read(doc, 0, "2019-01-01").events
    assert len(events) == 1
    ev = events[0]
    assert (ev.kind, ev.date) == ("arrest", "2007-03")
    assert ev.summary == "Omar Haddad captured by Border Guard"
    assert {doc.text[s:e] for s, e in ev.participants} == {"Omar Haddad", "Border Guard"}


def test_relative_date_carries_from_previous_sentence(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "In January 2007, the convoy left Valdora. Two months later, Omar Haddad visited Corlin.",
               [("Valdora", "GPE"), ("Omar Haddad", "PERSON"), ("Corlin", "GPE")])
    events = read(doc, 0, "2019-01-01").events
    visit = [e for e in events if e.kind == "visit"]
    assert visit and visit[0].date == "2007-03"


def test_no_event_without_date_or_trigger(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "Omar Haddad visited Corlin.", [("Omar Haddad", "PERSON"), ("Corlin", "GPE")])
    assert read(doc, 0, None).events == []
    doc = _doc(nlp, "In 2005, Omar Haddad was a teacher in Corlin.", [("Omar Haddad", "PERSON"), ("Corlin", "GPE")])
    assert read(doc, 0, None).events == []


def test_a_summary_names_the_person_a_pronoun_stands_for(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "Omar Haddad left Norway in 2009. On April 24, 2016, he was arrested in Bergen.",
               [("Omar Haddad", "PERSON"), ("Norway", "GPE"), ("Bergen", "GPE")])
    events = read(doc, 0, "2019-01-01").events
    arrest = next(ev for ev in events if ev.kind == "arrest")
    assert arrest.summary == "Omar Haddad arrested"
