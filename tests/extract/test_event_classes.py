"""Event trigger classes read in their construction, on invented sentences in several wordings; and the guards
that keep hypotheticals, plans, questions, quotations and channels out of the events."""

from __future__ import annotations

import pytest
from test_events import _doc, read

NAMES = [("Omar Haddad", "PERSON"), ("Lena Varga", "PERSON"), ("Corlin", "GPE"), ("Valdora", "GPE"),
         ("Red Hand", "ORG"), ("Brisco Foods", "ORG"), ("Kell Industries", "ORG"), ("Varnish Institute", "ORG"),
         ("Reuters", "ORG")]


def events_of(nlp, text: str, date: str | None = "2019-05-04"):  # noqa: ANN001, ANN201
    """Return the events read in `text` with the invented names of NAMES tagged."""
    return read(_doc(nlp, text, [(n, lab) for n, lab in NAMES if n in text]), 0, date).events


@pytest.mark.parametrize(("text", "kind"), [
    # statements: a verb of saying with a named speaker and something said
    ("Omar Haddad said the talks had failed.", "statement"),
    ('"We are ready," Lena Varga said.', "statement"),
    ("A spokeswoman for Brisco Foods said: \"We regret it.\"", "statement"),
    ("Lena Varga told Reuters that prices would fall.", "statement"),
    ("The Red Hand criticised the plan.", "statement"),
    ("Omar Haddad welcomed the decision.", "statement"),
    ("Lena Varga attacked the budget.", "statement"),  # a criticism, not an attack
    ("Omar Haddad attacked Lena Varga over the cuts.", "statement"),
    # appointments and resignations
    ("Brisco Foods appointed Lena Varga as chief executive.", "appointment"),
    ("Lena Varga took the helm at Brisco Foods.", "appointment"),
    ("Lena Varga became an MP in Corlin.", "appointment"),
    ("Omar Haddad became leader of the Red Hand.", "appointment"),
    ("Omar Haddad resigned as chairman of Brisco Foods.", "resignation"),
    ("Omar Haddad has stepped down from the board of Brisco Foods.", "resignation"),
    ("Lena Varga quit the Red Hand.", "resignation"),
    # elections and votes
    ("Omar Haddad won the seat for the Red Hand.", "election"),
    ("Lena Varga challenged Omar Haddad for the leadership.", "election"),
    # deals
    ("Brisco Foods agreed to a takeover by Kell Industries.", "deal"),
    ("Kell Industries signed a deal with Brisco Foods.", "deal"),
    ("Kell Industries has acquired Brisco Foods.", "deal"),
    # financial results
    ("Kell Industries returned to profit.", "financial"),
    ("Brisco Foods posted a loss of $5m.", "financial"),
    ("Shares in Kell Industries rose 5%.", "financial"),
    ("Brisco Foods' shares fell sharply.", "financial"),
    # publications
    ("The Varnish Institute published a report on pensions.", "publication"),
    ("The Red Hand launched four new posters.", "publication"),
    # verdicts
    ("Judges in Corlin ruled against the Red Hand.", "verdict"),
    ("Omar Haddad was sentenced to death by a court in Corlin.", "verdict"),
    # meetings, arrests
    ("Lena Varga held a private meeting with Omar Haddad.", "meeting"),
    ("Police arrested Omar Haddad in Corlin.", "arrest"),
])
def test_trigger_classes_in_construction(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind in {e.kind for e in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "The price war between Brisco Foods and Kell Industries hurt both.",  # figurative
    "Omar Haddad struck a cautious note on Corlin.",
    "Lena Varga fought a legal battle with Brisco Foods.",
    "Omar Haddad ruled Corlin for a decade.",  # 'rule' with no judgment
    "Lena Varga posted a letter to Omar Haddad.",  # a frame verb without its noun
    "Shares of paper rose in the wind.",  # no named party
    "The Red Hand formed the backbone of the alliance.",
    "Kell Industries is dealing with the Red Hand.",
    "Omar Haddad became a victim of the Red Hand.",  # not an office
])
def test_no_event_from_a_figure_of_speech_or_a_frame_verb_alone(nlp, text: str) -> None:  # noqa: ANN001
    kinds = {e.kind for e in events_of(nlp, text)}
    assert not kinds & {"attack", "war", "death", "verdict", "financial", "founding", "deal", "appointment"}, kinds


@pytest.mark.parametrize("text", [
    "Lena Varga will resign next year.",
    "Brisco Foods is to buy Kell Industries.",
    "If Kell Industries buys Brisco Foods, prices will rise.",
    "Did Lena Varga resign?",
    "Lena Varga plans to sign a deal with Kell Industries.",
    "Omar Haddad is expected to quit the Red Hand.",
    "Omar Haddad vowed to attack Corlin.",
    "The Red Hand meets Lena Varga on 12 January.",  # a schedule
    "There was support for Omar Haddad to form a new party.",
])
def test_no_event_from_what_has_not_happened(nlp, text: str) -> None:  # noqa: ANN001
    kinds = {e.kind for e in events_of(nlp, text)} - {"statement"}  # 'vowed' may be said
    assert not kinds, kinds


@pytest.mark.parametrize("text", [
    "The crisis enabled the Red Hand to boast of its strength.",
    "Lena Varga wants to comment on Corlin.",
    "The riots described by Omar Haddad in his book were in Corlin.",
])
def test_no_statement_from_a_saying_that_is_not_stated(nlp, text: str) -> None:  # noqa: ANN001
    assert "statement" not in {e.kind for e in events_of(nlp, text)}


def test_a_reporting_channel_is_not_a_participant(nlp) -> None:  # noqa: ANN001
    [told] = events_of(nlp, "Lena Varga told Reuters that prices would fall.")
    text = "Lena Varga told Reuters that prices would fall."
    assert {text[s:e] for s, e in told.participants} == {"Lena Varga"}


def test_one_statement_per_speaker_per_sentence(nlp) -> None:  # noqa: ANN001
    events = events_of(nlp, "Omar Haddad said prices would fall, adding that he had warned Brisco Foods.")
    assert [e.kind for e in events].count("statement") == 1


def test_a_report_of_an_arrest_is_the_arrest_not_a_statement(nlp) -> None:  # noqa: ANN001
    events = events_of(nlp, "The Red Hand said Omar Haddad was arrested in Corlin.")
    assert [e.kind for e in events] == ["arrest"]


def test_what_a_quotation_says_happened_is_no_event(nlp) -> None:  # noqa: ANN001
    events = events_of(nlp, '"Kell Industries attacked Corlin," Omar Haddad said.')
    assert [e.kind for e in events] == ["statement"]
