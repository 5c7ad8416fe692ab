"""Appointments read from the office given: 'was named chief executive of X' (frame named_to_office), and the body
of the office takes part ('appointed deputy commander of X', 'became chairman of Y'; rule office_body). Invented
sentences, mentions set by hand."""

from __future__ import annotations

import pytest
from test_event_kinds import events

VELL, GUARD, BANK = ("Tomas Vell", "PERSON"), ("Harbour Guard", "ORG"), ("Varn Bank", "ORG")


def _appointments(nlp, text: str) -> list:  # noqa: ANN001
    return [e for e in events(nlp, text, [VELL, GUARD, BANK]) if e.kind == "appointment"]


@pytest.mark.parametrize("text, body", [
    ("Tomas Vell was appointed deputy commander of the Harbour Guard in May 2020.", "Harbour Guard"),
    ("Tomas Vell became chairman of the Varn Bank in May 2020.", "Varn Bank"),
    ("In May 2020 the council appointed Tomas Vell as head of the Harbour Guard.", "Harbour Guard"),
    ("Tomas Vell was named chief executive of Varn Bank in May 2020.", "Varn Bank"),
])
def test_the_body_of_the_office_takes_part(nlp, text: str, body: str) -> None:  # noqa: ANN001
    found = _appointments(nlp, text)
    assert len(found) == 1 and found[0].date == "2020-05"
    parts = {text[a:b] for a, b in found[0].participants}
    assert {"Tomas Vell", body} <= parts


@pytest.mark.parametrize("text", [
    "The street was named Vell Road in May 2020.",
    "Tomas Vell was named after his grandfather in May 2020.",
    "In May 2020 Tomas Vell made a speech at the Varn Bank.",
])
def test_naming_a_thing_or_making_a_speech_is_no_appointment(nlp, text: str) -> None:  # noqa: ANN001
    assert not _appointments(nlp, text)
