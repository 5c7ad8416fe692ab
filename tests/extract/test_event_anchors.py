"""Visits told by a verb of going or sending with a place ('flew to X'), a happening dated by the earlier one it
follows ('Following his trip, X met Y'), and verbs of leaving a state that publish nothing ('emerged from
bankruptcy'); invented sentences in several wordings."""

from __future__ import annotations

import pytest
from test_event_classes import events_of
from test_events import _doc, read


@pytest.mark.parametrize("text", [
    "In 2005 Lena Varga flew to Corlin with her brother.",
    "Omar Haddad dispatched her to Corlin in late 2004 to talk.",
    "Lena Varga was sent to Corlin in 2003.",
    "In 2006 Omar Haddad returned to Corlin.",
    "Omar Haddad went to Corlin in March 2004.",
])
def test_going_to_a_place_is_a_visit(nlp, text: str) -> None:  # noqa: ANN001
    visits = [e for e in events_of(nlp, text) if e.kind == "visit"]
    assert len(visits) == 1
    assert {text[s:e] for s, e in visits[0].participants} >= {"Corlin"}


@pytest.mark.parametrize("text", [
    "Omar Haddad went to court in 2006.",
    "In 2006 Kell Industries returned to profit.",
    "Lena Varga sent a letter in 2005.",
    "In 2004 Omar Haddad went to great lengths to hide.",
])
def test_going_without_a_place_is_no_visit(nlp, text: str) -> None:  # noqa: ANN001
    assert "visit" not in {e.kind for e in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "kind", "year"), [
    ("In 2005 Lena Varga took a five-day trip to Corlin. Following her vacation, Lena Varga met with Omar Haddad.",
     "meeting", "2005"),
    ("Omar Haddad was arrested in May 2007. After his arrest, the Red Hand held a meeting with Lena Varga.",
     "meeting", "2007"),
    ("Lena Varga visited Corlin in 2011. After the visit, Omar Haddad resigned from the Red Hand.",
     "resignation", "2011"),
    ("In June 2003 Lena Varga visited Corlin. During this visit, Lena Varga met with Omar Haddad.",
     "meeting", "2003-06"),
])
def test_a_happening_after_a_told_one_takes_its_year(nlp, text: str, kind: str, year: str) -> None:  # noqa: ANN001
    events = events_of(nlp, text, date=None)
    follow = [e for e in events if e.kind == kind]
    assert [(e.date, e.date_source) for e in follow] == [(year, "context")]
    # the happening referred back to is not told a second time, undated
    assert all(e.date for e in events)


@pytest.mark.parametrize("text", [
    "After a trip, Lena Varga met with Omar Haddad.",  # no trip told before: no date to take
    "In 2005 Lena Varga took a trip to Corlin. After the election, Lena Varga met with Omar Haddad.",
])
def test_no_date_from_an_untold_happening(nlp, text: str) -> None:  # noqa: ANN001
    meetings = [e for e in events_of(nlp, text, date=None) if e.kind == "meeting"]
    assert meetings and all(e.date is None for e in meetings)


@pytest.mark.parametrize("text", [
    "In March 2003, Kell Industries emerged from bankruptcy.",
    "Brisco Foods emerged from administration in 2009.",
])
def test_emerging_from_a_state_is_no_publication(nlp, text: str) -> None:  # noqa: ANN001
    assert "publication" not in {e.kind for e in events_of(nlp, text)}


def test_a_recording_emerging_is_a_publication(nlp) -> None:  # noqa: ANN001
    text = "In 2005, a video of Lena Varga emerged from Corlin."
    assert "publication" in {e.kind for e in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    "Omar Haddad went to Corlin in March 2004.",
    "The Red Hand held its congress in March 2004.",
])
def test_a_month_name_is_no_frame_noun(nlp, text: str) -> None:  # noqa: ANN001
    assert "protest" not in {e.kind for e in events_of(nlp, text)}  # 'in March' names no march


@pytest.mark.parametrize("text", [
    "In 2006 Corlin sent thousands of soldiers to Valdora.",
    "The Red Hand dispatched fighters to Corlin in 2012.",
])
def test_sending_a_force_is_a_deployment(nlp, text: str) -> None:  # noqa: ANN001
    assert "deployment" in {e.kind for e in events_of(nlp, text)}


@pytest.mark.parametrize("text", [
    '"He was useful at first. But after the vote it was over, now goodbye," Omar Haddad told the Daily Corlin.',
    '"We lost the vote. It was nice knowing him," Lena Varga told Reuters.',
])
def test_a_statement_after_a_quotation_cut_in_two(nlp, text: str) -> None:  # noqa: ANN001
    statements = [e for e in events_of(nlp, text) if e.kind == "statement"]
    assert len(statements) == 1


@pytest.mark.parametrize("text", [
    'Lena Varga said: "Omar Haddad told me he would quit."',
    '"Omar Haddad said he would quit," Lena Varga told Reuters.',
])
def test_a_saying_inside_a_quotation_is_not_the_reports(nlp, text: str) -> None:  # noqa: ANN001
    speakers = {text[s:e] for ev in events_of(nlp, text) if ev.kind == "statement" for s, e in ev.participants}
    assert "Omar Haddad" not in speakers


@pytest.mark.parametrize("text", [
    "Omar Haddad told Reuters there was support for him to form a new party.",
    "Lena Varga said there was no need for the Red Hand to hold a meeting with Omar Haddad.",
])
def test_a_for_to_infinitive_is_no_happening(nlp, text: str) -> None:  # noqa: ANN001
    kinds = {e.kind for e in events_of(nlp, text)}
    assert "founding" not in kinds and "meeting" not in kinds


@pytest.mark.parametrize(("text", "kind"), [
    ("Omar Haddad joined the Red Hand in 1975.", "joining"),
    ("In 1975 Lena Varga joined the army.", "joining"),
    ("In 1990 Omar Haddad arrived in Corlin.", "visit"),
    ("Lena Varga's arrival in Corlin in 1990 was quiet.", "visit"),
    ("In 2003 Lena Varga filed a lawsuit against Brisco Foods.", "lawsuit"),
    ("In 2003 Lena Varga began a hunger strike outside Brisco Foods.", "protest"),
])
def test_joining_arriving_suing_striking(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind in {e.kind for e in events_of(nlp, text)}


@pytest.mark.parametrize(("text", "kind"), [
    ("In 1990 Omar Haddad joined the talks.", "joining"),
    ("In 1990 Omar Haddad joined forces with Lena Varga.", "joining"),
    ("In 1990 the Red Hand arrived at a decision.", "visit"),
    ("In 2003 Lena Varga began a hunger strike outside Brisco Foods.", "attack"),
])
def test_no_joining_arrival_or_attack_there(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind not in {e.kind for e in events_of(nlp, text)}


def test_the_named_members_of_a_nationality_take_part(nlp) -> None:  # noqa: ANN001
    text = "Two Corlinians, Omar Haddad and Lena Varga, filed a lawsuit against Brisco Foods in 2003."
    doc = _doc(nlp, text, [("Corlinians", "NORP"), ("Omar Haddad", "PERSON"), ("Lena Varga", "PERSON"),
                           ("Brisco Foods", "ORG")])
    suits = [e for e in read(doc, 0, "2019-05-04").events if e.kind == "lawsuit"]
    assert suits and {"Omar Haddad", "Lena Varga"} <= {text[s:e] for s, e in suits[0].participants}


@pytest.mark.parametrize(("text", "kind"), [
    ("Lena Varga was awarded the title by the Varnish Institute.", "award"),
    ("The Varnish Institute awarded Omar Haddad its medal in 2004.", "award"),
    ("Brisco Foods unveiled plans to cut its prices.", "publication"),
    ("Omar Haddad rejected the idea that Lena Varga posed a threat.", "statement"),
])
def test_awards_plans_and_rejections(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind in {e.kind for e in events_of(nlp, text)}

