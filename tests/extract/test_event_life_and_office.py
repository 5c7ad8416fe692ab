"""Births, removals from office, rises in rank and stopped services as events; entering a stretch of time is no
entry (invented sentences, mentions set by hand)."""

from __future__ import annotations

import pytest
from test_event_kinds import events, kinds

from linkchart.extract.pipeline import extract_article

ROE, LEEDALE, NORTHWIND = ("Jana Roe", "PERSON"), ("Leedale", "GPE"), ("Northwind Air", "ORG")
BOARD = ("Tarrow Council", "ORG")


@pytest.mark.parametrize(("text", "date"), [
    ("Jana Roe was born on 27 October 1920 in Leedale.", "1920-10-27"),
    ("Jana Roe (born 12 May 1950) is a painter from Leedale.", "1950-05-12"),
    ("Born in Leedale in 1920, Jana Roe served in the navy.", "1920"),
    ("Jana Roe, who was born in Leedale in 1931, painted the harbour.", "1931"),
])
def test_a_birth_is_an_event_dated_by_its_own_clause(nlp, text: str, date: str) -> None:  # noqa: ANN001
    births = [e for e in events(nlp, text, [ROE, LEEDALE]) if e.kind == "birth"]
    assert [e.date for e in births] == [date]


def test_bearing_something_is_no_birth(nlp) -> None:  # noqa: ANN001
    assert "birth" not in kinds(nlp, "In 2014 Jana Roe bore the brunt of the cuts in Leedale.", [ROE, LEEDALE])
    assert "birth" not in kinds(nlp, "In 2014 Jana Roe, a Leedale-born painter, moved.", [ROE, LEEDALE])


@pytest.mark.parametrize("text", [
    "The plan of Jana Roe was born in Leedale in 2004.",
    "The Tarrow Council was born of the protests in Leedale in 2011.",
])
def test_a_thing_born_is_no_birth(nlp, text: str) -> None:  # noqa: ANN001
    assert "birth" not in kinds(nlp, text, [ROE, LEEDALE, BOARD])


@pytest.mark.parametrize("text", [
    "The Tarrow Council sacked Jana Roe in March 2011.",
    "In March 2011 the Tarrow Council ousted Jana Roe.",
    "Jana Roe was deposed by the Tarrow Council in March 2011.",
    "In March 2011 the Tarrow Council removed the mayor, Jana Roe.",
    "In March 2011 the Tarrow Council deselected Jana Roe.",  # the lemmatizer gives 'deselecte'
])
def test_removing_a_person_or_office_holder_is_a_dismissal(nlp, text: str) -> None:  # noqa: ANN001
    assert "dismissal" in kinds(nlp, text, [ROE, BOARD])


@pytest.mark.parametrize("text", [
    "In March 2011 the Tarrow Council dismissed the claims of Jana Roe.",
    "In March 2011 the Tarrow Council fired on the crowd near Jana Roe's house.",
    "In March 2011 the Tarrow Council removed the statue of Jana Roe.",
    "In March 2011 Jana Roe was dismissed by the Tarrow Council as a dreamer.",
])
def test_dismissing_claims_or_firing_on_a_crowd_is_no_dismissal(nlp, text: str) -> None:  # noqa: ANN001
    assert "dismissal" not in kinds(nlp, text, [ROE, BOARD])


@pytest.mark.parametrize("text", [
    "Jana Roe rose to the rank of colonel in 1989.",
    "In 1989 Jana Roe came to power in Leedale.",
])
def test_a_rise_to_a_rank_or_to_power_is_an_appointment(nlp, text: str) -> None:  # noqa: ANN001
    assert "appointment" in kinds(nlp, text, [ROE, LEEDALE])


def test_rising_prices_are_no_appointment(nlp) -> None:  # noqa: ANN001
    assert "appointment" not in kinds(nlp, "In 1989 prices in Leedale rose to a record.", [LEEDALE])


@pytest.mark.parametrize("text", [
    "Northwind Air suspended flights to Leedale for three weeks in autumn 2003.",
    "In 2003 Northwind Air halted its service to Leedale.",
    "Northwind Air cancelled all flights to Leedale in May 2003.",
])
def test_stopping_flights_or_a_service_is_a_suspension(nlp, text: str) -> None:  # noqa: ANN001
    assert "suspension" in kinds(nlp, text, [NORTHWIND, LEEDALE])


@pytest.mark.parametrize("text", [
    "In 2003 Northwind Air stopped in Leedale to refuel.",
    "In 2003 Leedale lobbied hard to get Northwind Air to stop flights.",
    "In 2003 Leedale tried to persuade Northwind Air to halt its flights.",
])
def test_stopping_something_else_or_only_pushed_for_is_no_suspension(nlp, text: str) -> None:  # noqa: ANN001
    assert "suspension" not in kinds(nlp, text, [NORTHWIND, LEEDALE])


@pytest.mark.parametrize("text", [
    "In 2015 Jana Roe entered the seventh week of her fast in Leedale.",
    "In 2015 the strike in Leedale entered its final phase, Jana Roe said.",
    "Jana Roe studied in Leedale before entering politics in 1968.",
    "In 2019 Jana Roe entered the race for mayor of Leedale.",
])
def test_entering_a_stretch_of_time_is_no_entry(nlp, text: str) -> None:  # noqa: ANN001
    assert "entry" not in kinds(nlp, text, [ROE, LEEDALE])


@pytest.mark.parametrize("text", [
    "In May 2015 Jana Roe entered Leedale.",
    "In May 2015 Jana Roe entered the town with her men.",
    "In May 2015 Jana Roe's fighters crossed into Leedale.",
])
def test_entering_a_place_is_still_an_entry(nlp, text: str) -> None:  # noqa: ANN001
    assert "entry" in kinds(nlp, text, [ROE, LEEDALE])


def test_a_chancellor_named_once_by_title_is_the_speaker_the_chancellor_later(nlp) -> None:  # noqa: ANN001
    text = "Chancellor Edda Quill spoke in Leedale on Monday. The chancellor said growth would slow."
    found = extract_article(text, [(0, len(text))], "2020-06-01", nlp)  # mentions read, not set by hand
    speakers = [text[s:e] for ev in found.events if ev.kind == "statement" for s, e in ev.participants]
    assert speakers == ["Edda Quill"]


@pytest.mark.parametrize("text", [
    "In March 2005 Edda Quill unveiled her budget.",
    "Edda Quill presented the budget to parliament on 16 March 2005.",
])
def test_presenting_a_budget_is_a_publication(nlp, text: str) -> None:  # noqa: ANN001
    assert "publication" in kinds(nlp, text, [("Edda Quill", "PERSON")])


@pytest.mark.parametrize(("text", "kind"), [
    ("A rocket attack struck the Leedale air base on Sunday.", "publication"),  # 'air' of a base airs nothing
    ("A court in Leedale issued an arrest warrant for Jana Roe on Monday.", "arrest"),
])
def test_a_trigger_noun_classifying_another_noun_is_no_event(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind not in kinds(nlp, text, [ROE, LEEDALE])


def test_an_outcome_or_attempt_keeps_the_happening_its_compound_names(nlp) -> None:  # noqa: ANN001
    assert "election" in kinds(nlp, "The Tarrow Council suffered its 2001 election defeat in Leedale.",
                               [BOARD, LEEDALE])


@pytest.mark.parametrize("text", [
    "Police in Leedale rounded up Jana Roe and two aides on 3 May 2019.",
    "On 3 May 2019 security forces rounded up Jana Roe in Leedale.",
])
def test_rounding_up_people_is_an_arrest(nlp, text: str) -> None:  # noqa: ANN001
    assert "arrest" in kinds(nlp, text, [ROE, LEEDALE])


NORWAY, SELIM, BRIGADE = ("Norway", "GPE"), ("Omar Selim", "PERSON"), ("Crescent Brigade", "ORG")


@pytest.mark.parametrize("text", [
    "The Crescent Brigade fired rockets at a base in Leedale on 8 January 2020.",
    "On 8 January 2020 the Crescent Brigade launched a missile at Leedale.",
    "Norway dropped bombs on Leedale in March 2011.",
])
def test_firing_or_dropping_weapons_is_an_attack(nlp, text: str) -> None:  # noqa: ANN001
    assert "attack" in kinds(nlp, text, [BRIGADE, LEEDALE, NORWAY])


def test_firing_a_person_is_no_attack(nlp) -> None:  # noqa: ANN001
    assert "attack" not in kinds(nlp, "The Tarrow Council fired Jana Roe in March 2011.", [ROE, BOARD])


@pytest.mark.parametrize(("text", "kind"), [
    ("Omar Selim was handed over to the authorities of Leedale in December 2011.", "transfer"),
    ("Omar Selim fled to Norway in 2007.", "escape"),
    ("Norway deployed 5,000 troops to Leedale in 2014.", "deployment"),
])
def test_handovers_flights_and_deployments_are_events(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind in kinds(nlp, text, [SELIM, LEEDALE, NORWAY])


US = ("United States", "GPE")


@pytest.mark.parametrize("text", [
    "The United States lifted sanctions on Omar Selim in May 2021.",
    "In May 2021 the United States eased its sanctions on Omar Selim.",
    "Sanctions on Omar Selim were lifted by the United States in May 2021.",
])
def test_lifting_sanctions_is_no_designation(nlp, text: str) -> None:  # noqa: ANN001
    found = events(nlp, text, [US, SELIM])
    assert {e.kind for e in found} == {"lifting"}
    assert any(len(e.participants) == 2 for e in found)


def test_imposing_sanctions_is_still_a_designation(nlp) -> None:  # noqa: ANN001
    assert kinds(nlp, "The United States imposed sanctions on Omar Selim in May 2021.", [US, SELIM]) == {"designation"}


@pytest.mark.parametrize("text", [
    "Omar Selim survived an assassination attempt in Leedale in 2020.",
    "In 2020 Omar Selim escaped an assassination bid in Leedale.",
])
def test_an_attempted_killing_is_an_attack_not_a_death(nlp, text: str) -> None:  # noqa: ANN001
    assert kinds(nlp, text, [SELIM, LEEDALE]) == {"attack"}


def test_opening_fire_is_an_attack(nlp) -> None:  # noqa: ANN001
    assert "attack" in kinds(nlp, "Police opened fire on Omar Selim in Leedale on 3 October 2019.", [SELIM, LEEDALE])


@pytest.mark.parametrize(("text", "kind"), [
    ("Omar Selim went on trial in Leedale on 3 October 2019.", "trial"),
    ("The trial of Omar Selim opened in Leedale on 3 October 2019.", "trial"),
    ("Norway closed its border with Leedale on 3 October 2019.", "closure"),
])
def test_trials_and_closed_borders_are_events(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind in kinds(nlp, text, [SELIM, LEEDALE, NORWAY])


@pytest.mark.parametrize("text", [
    "Omar Selim will stand trial in Leedale next month.",
    "Norway reopened its border with Leedale on 3 October 2019.",
])
def test_a_trial_to_come_or_a_reopening_is_no_trial_or_closure(nlp, text: str) -> None:  # noqa: ANN001
    assert not kinds(nlp, text, [SELIM, LEEDALE, NORWAY]) & {"trial", "closure"}
