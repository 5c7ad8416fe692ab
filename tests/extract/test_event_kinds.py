"""Event kinds and dates read from the construction, not from one word (invented sentences, mentions set by hand)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from linkchart.extract.facts import fact_reader
from linkchart.models import Event

ANCHOR = "2016-05-20"  # a Friday


def _doc(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:  # noqa: ANN001
    doc = nlp(text)
    spans = [doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents if s in text]
    doc.ents = spans + [e for e in doc.ents if e.label_ == "DATE"
                        and not any(e.start < x.end and x.start < e.end for x in spans)]
    return doc


def events(nlp, text: str, ents: list[tuple[str, str]], anchor: str = ANCHOR) -> list[Event]:  # noqa: ANN001
    """Return the events the pipeline reads in `text` with the given (surface, label) mentions."""
    return fact_reader(nlp).read(_doc(nlp, text, ents), 0, anchor).events


def kinds(nlp, text: str, ents: list[tuple[str, str]]) -> set[str]:  # noqa: ANN001
    return {e.kind for e in events(nlp, text, ents)}


HADDAD, CORLIN, RED_HAND = ("Omar Haddad", "PERSON"), ("Corlin", "GPE"), ("Red Hand", "ORG")


@pytest.mark.parametrize("text", [
    "On March 3, 2015, a court in Corlin sentenced Omar Haddad to death.",
    "Omar Haddad was sentenced to death in May 2015.",
    "In May 2015, Omar Haddad was sentenced to death by a court in Corlin.",
])
def test_a_death_sentence_is_a_verdict_not_a_death(nlp, text: str) -> None:  # noqa: ANN001
    assert kinds(nlp, text, [HADDAD, CORLIN]) == {"verdict"}


@pytest.mark.parametrize("text", [
    "In June 2014, the Red Hand launched an attack on Corlin.",
    "In June 2014, the Red Hand launched a raid on Corlin.",
    "The Red Hand carried out raids on Corlin in June 2014.",
])
def test_a_verb_governing_an_event_noun_is_not_an_event_of_its_own(nlp, text: str) -> None:  # noqa: ANN001
    assert kinds(nlp, text, [RED_HAND, CORLIN]) == {"attack"}


def test_a_noun_modifying_a_noun_or_behind_a_prefix_is_no_event(nlp) -> None:  # noqa: ANN001
    assert kinds(nlp, "Air strikes hit Corlin on Tuesday.", [CORLIN]) == {"attack"}  # no 'air' broadcast
    assert kinds(nlp, "In 2015, anti-riot police guarded Corlin.", [CORLIN]) == set()


@pytest.mark.parametrize("text", [
    "Omar Haddad, the democratically elected president, spoke in Corlin in 2012.",
    "In 2012, the elected president Omar Haddad toured Corlin.",
])
def test_an_adjectival_participle_states_no_event(nlp, text: str) -> None:  # noqa: ANN001
    assert "election" not in kinds(nlp, text, [HADDAD, CORLIN])


def test_seizing_a_place_is_a_seizure_and_seizing_people_an_arrest(nlp) -> None:  # noqa: ANN001
    assert kinds(nlp, "In April 2015, the Red Hand seized the town of Corlin.", [RED_HAND, CORLIN]) == {"seizure"}
    assert kinds(nlp, "In April 2015, the Red Hand seized Omar Haddad.", [RED_HAND, HADDAD]) == {"arrest"}
    assert kinds(nlp, "Omar Haddad fled, but in April 2015 the Red Hand captured him.", [RED_HAND, HADDAD]) \
        >= {"arrest"}
    assert kinds(nlp, "Omar Haddad spoke of his capture in April 2015.", [HADDAD]) == {"arrest"}


def test_an_event_takes_the_date_of_its_own_clause(nlp) -> None:  # noqa: ANN001
    found = events(nlp, "On Monday, Valdora marked the anniversary of the withdrawal in 2000.", [("Valdora", "GPE")])
    assert [(e.kind, e.date) for e in found] == [("withdrawal", "2000")]
    # 'last week' from Friday 2016-05-20 is 9 to 15 May: the capture is in May 2016, not on Monday
    found = events(nlp, "On Monday, police said Omar Haddad was captured last week.", [HADDAD])
    assert [(e.kind, e.date) for e in found] == [("arrest", "2016-05")]
    # from Wednesday 2016-06-08 last week (30 May to 5 June) straddles two months: no date rather than Monday's
    found = events(nlp, "On Monday, police said Omar Haddad was captured last week.", [HADDAD], "2016-06-08")
    assert found == []


def test_a_clause_without_a_date_takes_the_sentence_date(nlp) -> None:  # noqa: ANN001
    found = events(nlp, "Following the killing of five guards in Corlin in March 2007, Omar Haddad was arrested.",
                   [CORLIN, HADDAD])
    assert {(e.kind, e.date) for e in found} == {("death", "2007-03"), ("arrest", "2007-03")}


@pytest.mark.parametrize("text, source", [
    ("At least ten people were killed in Corlin on Friday, according to the UK-based Valdora Observatory.",
     "Valdora Observatory"),
    ("Air strikes hit Corlin on Tuesday, the Valdora Monitor said.", "Valdora Monitor"),
    ("The Valdora Monitor said air strikes hit Corlin on Tuesday.", "Valdora Monitor"),
])
def test_the_source_of_a_report_takes_no_part_in_the_event(nlp, text: str, source: str) -> None:  # noqa: ANN001
    doc = _doc(nlp, text, [CORLIN, (source, "ORG")])
    found = fact_reader(nlp).read(doc, 0, ANCHOR).events
    assert found
    for ev in found:
        assert {doc.text[s:e] for s, e in ev.participants} == {"Corlin"}


@pytest.mark.parametrize("text", [
    "The Red Hand has vowed to strike Corlin in 2016.",
    "The Red Hand will attack Corlin in 2016.",
    "If the Red Hand attacks Corlin in 2016, Valdora will respond.",
    "The Red Hand is expected to attack Corlin in May 2016.",
    "The Red Hand is preparing to attack Corlin in May 2016.",
])
def test_vows_plans_futures_and_conditions_are_no_events(nlp, text: str) -> None:  # noqa: ANN001
    assert events(nlp, text, [RED_HAND, CORLIN, ("Valdora", "GPE")]) == []


@pytest.mark.parametrize("text, ents, kind", [
    ("Thousands protested in Corlin on March 3, 2015.", [CORLIN], "protest"),
    ("On March 3, 2015, a demonstration against the Red Hand filled Corlin.", [RED_HAND, CORLIN], "protest"),
    ("Omar Haddad resigned as leader of the Red Hand in June 2011.", [HADDAD, RED_HAND], "resignation"),
    ("The resignation of Omar Haddad in June 2011 surprised the Red Hand.", [HADDAD, RED_HAND], "resignation"),
    ("In 2013, Omar Haddad defected to the Red Hand.", [HADDAD, RED_HAND], "defection"),
    ("In 2010, Valdora extradited Omar Haddad to Corlin.", [("Valdora", "GPE"), HADDAD, CORLIN], "transfer"),
    ("Gunmen kidnapped Omar Haddad in Corlin on March 3, 2015.", [HADDAD, CORLIN], "kidnapping"),
    ("A truce between the Red Hand and Corlin took hold in May 2014.", [RED_HAND, CORLIN], "ceasefire"),
    ("Omar Haddad gave a speech in Corlin on 3 March 2015.", [HADDAD, CORLIN], "statement"),
    ("The Red Hand besieged Corlin in 2014.", [RED_HAND, CORLIN], "attack"),
    ("In 2014, Omar Haddad was acquitted by a court in Corlin.", [HADDAD, CORLIN], "verdict"),
])
def test_trigger_classes(nlp, text: str, ents: list[tuple[str, str]], kind: str) -> None:  # noqa: ANN001
    assert kind in kinds(nlp, text, ents)


def test_a_decade_dates_an_event_as_an_interval(nlp) -> None:  # noqa: ANN001
    found = events(nlp, "Omar Haddad was arrested in Corlin in the 1980s.", [HADDAD, CORLIN])
    assert [(e.kind, e.date) for e in found] == [("arrest", "1980/1989")]


@pytest.mark.parametrize("text", [
    "From 2004 until Omar Haddad's capture, the Red Hand paid his men.",
    "Between 2004 and 2006, and till Omar Haddad's arrest, the Red Hand paid his men.",
])
def test_a_happening_that_bounds_a_span_is_not_dated_by_its_start(nlp, text: str) -> None:  # noqa: ANN001
    assert [e.date for e in events(nlp, text, [HADDAD, RED_HAND]) if e.kind == "arrest"] == []


def test_a_happening_after_until_keeps_a_date_of_its_own(nlp) -> None:  # noqa: ANN001
    found = events(nlp, "From 2004 until Omar Haddad's capture in March 2007, the Red Hand paid his men.",
                   [HADDAD, RED_HAND])
    assert [(e.kind, e.date) for e in found if e.kind == "arrest"] == [("arrest", "2007-03")]
