"""Dated events from trigger words."""

from __future__ import annotations

import pytest
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


def test_no_event_without_trigger(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "In 2005, Omar Haddad was a teacher in Corlin.", [("Omar Haddad", "PERSON"), ("Corlin", "GPE")])
    assert read(doc, 0, None).events == []


def test_a_happening_without_a_date_takes_the_articles_date_marked_as_such(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "Omar Haddad visited Corlin.", [("Omar Haddad", "PERSON"), ("Corlin", "GPE")])
    [visit] = read(doc, 0, "2019-05-04").events
    assert (visit.kind, visit.date, visit.date_source) == ("visit", "2019-05-04", "article")
    [undated] = read(doc, 0, None).events  # no article date: kept, undated
    assert (undated.kind, undated.date, undated.date_source) == ("visit", None, None)


def test_a_happening_told_after_an_earlier_date_is_narrative_and_stays_undated(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "In March 2014, Omar Haddad moved to Corlin. There he met Lena Varga.",
               [("Omar Haddad", "PERSON"), ("Corlin", "GPE"), ("Lena Varga", "PERSON")])
    met = [e for e in read(doc, 0, "2019-05-04").events if e.kind == "meeting"]
    assert met and met[0].date is None


def test_a_date_the_text_states_is_not_marked_as_the_articles(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "Omar Haddad visited Corlin in March 2015.", [("Omar Haddad", "PERSON"), ("Corlin", "GPE")])
    [visit] = read(doc, 0, "2019-05-04").events
    assert (visit.date, visit.date_source) == ("2015-03", None)


@pytest.mark.parametrize("text", [
    "Omar Haddad had visited Corlin years before.",  # past perfect: background
    "By then the Red Hand had arrested Omar Haddad.",
    "Omar Haddad would have visited Corlin.",
])
def test_background_clauses_keep_no_article_date(nlp, text: str) -> None:  # noqa: ANN001
    doc = _doc(nlp, text, [(n, lab) for n, lab in [("Omar Haddad", "PERSON"), ("Corlin", "GPE"),
                                                   ("Red Hand", "ORG")] if n in text])
    assert all(e.date is None for e in read(doc, 0, "2019-05-04").events)


@pytest.mark.parametrize("text", [
    "Omar Haddad will visit Corlin.",  # future
    "Omar Haddad plans to visit Corlin.",  # plan
    "Omar Haddad is expected to resign.",  # expectation
    "Omar Haddad has vowed to attack Corlin.",  # vow
    "If Omar Haddad visits Corlin, the Red Hand will protest.",  # condition
    "Did Omar Haddad visit Corlin?",  # question
    "Omar Haddad did not resign.",  # negation of an undated happening
    "Omar Haddad is to visit Corlin.",  # arranged
])
def test_no_undated_event_from_what_did_not_happen(nlp, text: str) -> None:  # noqa: ANN001
    doc = _doc(nlp, text, [(n, lab) for n, lab in [("Omar Haddad", "PERSON"), ("Corlin", "GPE"),
                                                   ("Red Hand", "ORG")] if n in text])
    assert read(doc, 0, "2019-05-04").events == []


def test_a_summary_names_the_person_a_pronoun_stands_for(nlp) -> None:  # noqa: ANN001
    doc = _doc(nlp, "Omar Haddad left Norway in 2009. On April 24, 2016, he was arrested in Bergen.",
               [("Omar Haddad", "PERSON"), ("Norway", "GPE"), ("Bergen", "GPE")])
    events = read(doc, 0, "2019-01-01").events
    arrest = next(ev for ev in events if ev.kind == "arrest")
    assert arrest.summary == "Omar Haddad arrested"
