"""A happening that ends a stretch of time ('held for two years before being freed') is not dated by the clause
that starts the stretch (rule stretch_before), and a time phrase's passive befalls the subject of the verb it hangs
from (rule time_phrase_passive). Invented sentences, mentions set by hand."""

from __future__ import annotations

import pytest
from test_event_kinds import events

ROE, LEEDALE = ("Jana Roe", "PERSON"), ("Leedale", "GPE")


def _released(nlp, text: str) -> list:  # noqa: ANN001
    return [e for e in events(nlp, text, [ROE, LEEDALE]) if e.kind == "release"]


@pytest.mark.parametrize("text", [
    "Jana Roe was arrested in 2007 and held for two years in Leedale before being freed in a prisoner swap.",
    "Jana Roe was detained in 2007 and spent two years in prison before she was released.",
    "Jana Roe was detained in May 2009 and held for several months before being released.",
    "In March 2011 Jana Roe was jailed in Leedale, where she spent a decade before being freed.",
])
def test_a_release_after_a_long_stretch_takes_no_date_of_the_arrest(nlp, text: str) -> None:  # noqa: ANN001
    released = _released(nlp, text)
    assert released and all(e.date is None for e in released)


@pytest.mark.parametrize("text, date", [
    ("In 2010 Jana Roe spent three days in custody before she was released.", "2010"),
    ("Jana Roe was detained in May 2009 for questioning before being released.", "2009-05"),
])
def test_a_short_stretch_or_none_keeps_the_date(nlp, text: str, date: str) -> None:  # noqa: ANN001
    assert [e.date for e in _released(nlp, text)] == [date]


@pytest.mark.parametrize("text", [
    "Jana Roe was arrested in 2007 and held for two years before being freed.",
    "Jana Roe has spent six months in custody in Leedale before being freed by a court.",
    "After being released on bail in 2012, Jana Roe moved to Leedale.",
])
def test_the_one_freed_in_a_time_phrase_is_the_subject_of_its_verb(nlp, text: str) -> None:  # noqa: ANN001
    released = _released(nlp, text)
    spans = [text[a:b] for e in released for a, b in e.participants]
    assert "Jana Roe" in spans
