"""Events told again, alleged, set out to do or done by habit (#11): no new event from a happening the article
named before ("X's visit", 'the meetings'), from what an accusation alleges, from a purpose clause or from a
habit with 'would'. Invented sentences and names; no date of the article (the undated happenings are read)."""

from __future__ import annotations

import pytest

from linkchart.extract.facts import fact_reader
from linkchart.models import Event

HADDAD, VARGA, CORLIN = ("Omar Haddad", "PERSON"), ("Lena Varga", "PERSON"), ("Corlin", "GPE")
LEAGUE, HAND = ("Green League", "ORG"), ("Red Hand", "ORG")
NAMES = [HADDAD, VARGA, CORLIN, LEAGUE, HAND]


def read(nlp, text: str, anchor: str | None = None) -> list[Event]:  # noqa: ANN001
    """Return the events of `text` with the invented names as mentions (a second mention by the surname too)."""
    ents = list(NAMES)
    for name, label in (HADDAD, VARGA):
        surname = name.split()[-1]
        if surname in text.replace(name, ""):
            ents.append((surname, label))
    doc = nlp(text)
    spans = []
    for surface, label in ents:
        at = 0
        while (at := text.find(surface, at)) >= 0:
            span = doc.char_span(at, at + len(surface), label=label)
            if span is not None and not any(span.start < s.end and s.start < span.end for s in spans):
                spans.append(span)
            at += len(surface)
    doc.ents = spans + [e for e in doc.ents if e.label_ == "DATE"
                        and not any(e.start < s.end and s.start < e.end for s in spans)]
    return fact_reader(nlp).read(doc, 0, anchor).events


def later(nlp, text: str) -> list[Event]:  # noqa: ANN001
    """Return the events of `text` after its first sentence."""
    first_end = text.index(". ") + 1
    return [e for e in read(nlp, text) if e.start > first_end]


@pytest.mark.parametrize("text", [
    "Omar Haddad visited Corlin in 2004. Haddad's visit had only a mild echo in the press.",
    "Omar Haddad visited Corlin in 2004. His visit had only a mild echo in the press.",
    "Omar Haddad met Lena Varga in Corlin in June 2003. In the initial Corlin meetings, Varga struck a cautious note.",
    "The Red Hand attacked Corlin in May 2010. This attack was the first of its kind.",
])
def test_a_happening_named_again_is_no_new_event(nlp, text: str) -> None:  # noqa: ANN001
    assert later(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The Red Hand was licensed to run in the elections in 2004. On November 6, the Green League also received its "
    "license.",
    "The Red Hand was licensed to run in the elections in 2004. Lena Varga's license was revoked by the Green League.",
    "Omar Haddad won the Corlin award in 2004. Previous winners of the Corlin award include Lena Varga.",
])
def test_a_happening_of_another_party_or_a_prize_is_still_told(nlp, text: str) -> None:  # noqa: ANN001
    assert later(nlp, text)


@pytest.mark.parametrize("text", [
    "In January, the Green League accused the Red Hand of violating the truce by building bases in Corlin.",
    "The Green League accused Omar Haddad of the killing of Lena Varga.",
    "Omar Haddad was charged with the kidnapping of Lena Varga in Corlin.",
])
def test_what_an_accusation_alleges_is_no_event_of_its_own(nlp, text: str) -> None:  # noqa: ANN001
    assert {e.kind for e in read(nlp, text, "2016-05-20")} <= {"accusation"}


@pytest.mark.parametrize("text", [
    "Omar Haddad revamped the network, creating cells to conduct kidnappings, mortar attacks and bombings of Green "
    "League forces.",
    "Omar Haddad went to Corlin to meet Lena Varga.",
    "Lena Varga sent fighters to Corlin to attack the Red Hand.",
])
def test_what_a_purpose_clause_sets_out_to_do_is_no_event(nlp, text: str) -> None:  # noqa: ANN001
    assert not {e.kind for e in read(nlp, text)} & {"attack", "kidnapping", "meeting"}


def test_a_relative_clause_under_a_purpose_clause_is_still_told(nlp) -> None:  # noqa: ANN001
    text = ("Lena Varga tasked an aide to work with Haddad to bolster his network, which split from the Green League "
            "in 2006 to become the Red Hand.")
    assert [(e.kind, e.date) for e in read(nlp, text)] == [("founding", "2006")]


@pytest.mark.parametrize("text", [
    "Lena Varga would travel from Corlin to the coast, where she would then cross the border.",
    "Omar Haddad would meet Lena Varga in private, one of many sit-downs the two would hold in the city.",
])
def test_a_habit_with_would_is_no_event(nlp, text: str) -> None:  # noqa: ANN001
    assert read(nlp, text) == []


def test_a_habit_with_a_date_of_its_own_is_one_happening(nlp) -> None:  # noqa: ANN001
    assert [e.kind for e in read(nlp, "Lena Varga would travel to Corlin in early 2004.")] == ["visit"]


@pytest.mark.parametrize("text", [
    "The Green Front is the gathering of militias raised up in the summer of 2014 to fight the Red Hand.",
    "The Green Front, a force raised up in 2014, now guards Corlin.",
])
def test_a_force_raised_up_is_founded(nlp, text: str) -> None:  # noqa: ANN001
    assert ("founding", "2014") in {(e.kind, e.date) for e in read(nlp, text)}


def test_what_is_done_with_a_happening_told_before_is_told(nlp) -> None:  # noqa: ANN001
    text = ("Yesterday, the Green League held primary elections in Corlin and Vesta. Omar Haddad won the primary "
            "elections in Corlin.")
    assert [e.kind for e in read(nlp, text, "2016-05-20") if e.start > 60] == ["election"]


@pytest.mark.parametrize("middle", [
    "Lena Varga told the Daily Courier that the visit was a warning.",
    "Lena Varga said the visit was a warning.",
])
def test_news_told_after_a_background_date_brings_the_narrative_back(nlp, middle: str) -> None:  # noqa: ANN001
    text = f"The Red Hand fought a war with Corlin in 2006. {middle} Omar Haddad issued a statement on the visit."
    last = [e for e in read(nlp, text, "2016-05-20") if e.start > len(text) - 45]
    assert [(e.date, e.date_source) for e in last] == [("2016-05-20", "article")]


def test_a_statement_after_a_background_date_alone_stays_set_then(nlp) -> None:  # noqa: ANN001
    text = "The Red Hand fought a war with Corlin in 2006. Omar Haddad issued a statement on the visit."
    assert [e.date for e in read(nlp, text, "2016-05-20") if e.start > 40] == [None]


def test_a_date_beside_the_news_still_sets_the_time(nlp) -> None:  # noqa: ANN001
    text = ("The Red Hand fought a war with Corlin in 2006. Lena Varga said in 2009 that the visit was a warning. "
            "Omar Haddad issued a statement on the visit.")
    assert [e.date for e in read(nlp, text, "2016-05-20") if e.start > 100] == [None]


@pytest.mark.parametrize("text", [
    "Omar Haddad was arrested in March 2007. Lena Varga was apprehended with him.",
    "In March 2007 the Red Hand attacked Corlin. The Green League attacked Vesta too.",
])
def test_a_happening_of_the_kind_the_sentence_before_dated_is_told_on(nlp, text: str) -> None:  # noqa: ANN001
    second = [e for e in read(nlp, text) if e.start > text.index(". ")]
    assert [(e.date, e.date_source) for e in second] == [("2007-03", "context")]


@pytest.mark.parametrize("text", [
    "Omar Haddad was arrested in March 2007. Lena Varga was released in exchange for him.",
    "Omar Haddad was arrested in March 2007. The Green League met in Vesta. Lena Varga was arrested with him.",
])
def test_another_kind_or_a_sentence_between_keeps_no_date(nlp, text: str) -> None:  # noqa: ANN001
    later = [e for e in read(nlp, text) if e.start > text.rindex(". ")]
    assert all(e.date is None for e in later)


def test_a_happening_of_the_kind_not_told_together_keeps_its_own_time(nlp) -> None:  # noqa: ANN001
    text = ("On Tuesday, Omar Haddad won the Corlin primary. Haddad also won the Corlin primary in 2016. Haddad won "
            "the primary with 25.7% of the vote.")
    last = [e for e in read(nlp, text, "2020-02-14") if e.start > text.rindex(". ", 0, len(text) - 1)]
    assert all(e.date != "2016" for e in last)
