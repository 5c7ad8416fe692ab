"""Releases told by 'walked free' or 'let X go', breakaways, unrest, short stays, rewards offered, and a study
released by its publisher: events read from their construction (invented sentences, mentions set by hand)."""

from __future__ import annotations

import pytest
from test_event_kinds import events, kinds

ROE, LEEDALE, VELMARIA = ("Jana Roe", "PERSON"), ("Leedale", "GPE"), ("Velmaria", "GPE")
BRIGADE, MOVEMENT = ("Tarrow Brigade", "ORG"), ("Orlan Movement", "ORG")
INSTITUTE, MINISTRY = ("Norbeck Institute", "ORG"), ("Velmarian Foreign Ministry", "ORG")


@pytest.mark.parametrize("text", [
    "Jana Roe walked free on 30 December 2009.",
    "Jana Roe went free in December 2009 under an amnesty.",
    "A court in Leedale let Jana Roe go in December 2009.",
    "In December 2009 the judges let Jana Roe go.",
])
def test_walking_free_or_being_let_go_is_a_release(nlp, text: str) -> None:  # noqa: ANN001
    released = [e for e in events(nlp, text, [ROE, LEEDALE]) if e.kind == "release"]
    assert [e.date for e in released] == ["2009-12" if "30" not in text else "2009-12-30"]


@pytest.mark.parametrize("text", [
    "In December 2009 Jana Roe let the matter go.",
    "In December 2009 Jana Roe let prices rise in Leedale.",
    "In December 2009 Jana Roe walked slowly to Leedale.",
])
def test_letting_a_thing_go_or_walking_is_no_release(nlp, text: str) -> None:  # noqa: ANN001
    assert "release" not in kinds(nlp, text, [ROE, LEEDALE])


@pytest.mark.parametrize("text", [
    "By 2006 the Tarrow Brigade had broken away from the Orlan Movement.",
    "The Tarrow Brigade broke away from the Orlan Movement in 2006.",
])
def test_breaking_away_founds_a_group(nlp, text: str) -> None:  # noqa: ANN001
    founded = [e for e in events(nlp, text, [BRIGADE, MOVEMENT]) if e.kind == "founding"]
    assert [e.date for e in founded] == ["2006"]


@pytest.mark.parametrize("text", [
    "The unrest began in Velmaria on 1 October 2019.",
    "An uprising broke out in Velmaria on 1 October 2019.",
])
def test_unrest_and_uprisings_are_protests(nlp, text: str) -> None:  # noqa: ANN001
    assert "protest" in kinds(nlp, text, [VELMARIA])


def test_a_short_stay_in_a_place_is_a_visit(nlp) -> None:  # noqa: ANN001
    stays = [e for e in events(nlp, "In 2005 Jana Roe spent five days in Velmaria.", [ROE, VELMARIA])
             if e.kind == "visit"]
    assert [e.date for e in stays] == ["2005"]


@pytest.mark.parametrize("text", [
    "In 2005 Jana Roe spent five days in custody.",
    "In 2005 Jana Roe spent five days on the report about Velmaria.",
])
def test_days_spent_elsewhere_than_in_a_place_are_no_visit(nlp, text: str) -> None:  # noqa: ANN001
    assert "visit" not in kinds(nlp, text, [ROE, VELMARIA])


@pytest.mark.parametrize("text", [
    "In May 2019 the Velmarian Foreign Ministry offered a reward for information on Jana Roe.",
    "The Velmarian Foreign Ministry put a bounty on Jana Roe in May 2019.",
])
def test_a_reward_offered_for_a_person_is_an_event(nlp, text: str) -> None:  # noqa: ANN001
    rewards = [e for e in events(nlp, text, [ROE, MINISTRY]) if e.kind == "reward"]
    assert [e.date for e in rewards] == ["2019-05"]


@pytest.mark.parametrize("text", [
    "A study released by the Norbeck Institute in May 2019 says the brigade has grown.",
    "A report published in May 2019 by the Norbeck Institute found the brigade had grown.",
])
def test_a_study_released_by_its_publisher_is_a_publication_with_the_publisher(nlp, text: str) -> None:  # noqa: ANN001
    found = [e for e in events(nlp, text, [INSTITUTE, BRIGADE]) if e.kind == "publication"]
    assert [e.date for e in found] == ["2019-05"]
    assert [text[a:b] for a, b in found[0].participants] == ["Norbeck Institute"]


def test_a_request_agreed_to_is_a_deal(nlp) -> None:  # noqa: ANN001
    text = "In 2014 Jana Roe agreed to a request from the Velmarian Foreign Ministry to open the airspace."
    assert "deal" in kinds(nlp, text, [ROE, MINISTRY])


@pytest.mark.parametrize("text", [
    "On 20 January 2007 gunmen drove into the compound of the Tarrow Brigade in Leedale.",
    "On 20 January 2007 gunmen burst into the Velmarian Foreign Ministry in Leedale.",
])
def test_moving_into_a_place_or_building_is_an_entry(nlp, text: str) -> None:  # noqa: ANN001
    entries = [e for e in events(nlp, text, [BRIGADE, MINISTRY, LEEDALE]) if e.kind == "entry"]
    assert [e.date for e in entries] == ["2007-01-20"]


def test_walking_into_a_trap_is_no_entry(nlp) -> None:  # noqa: ANN001
    assert "entry" not in kinds(nlp, "On 20 January 2007 Jana Roe walked into a trap in Leedale.", [ROE, LEEDALE])


@pytest.mark.parametrize("text", [
    "A clip showing Jana Roe in Leedale surfaced on 3 May 2019.",
    "Footage of Jana Roe in Leedale circulated online on 3 May 2019.",
    "When a clip surfaced on 3 May 2019 showing Jana Roe strolling through Leedale, the council protested.",
])
def test_footage_that_surfaces_is_a_publication_of_who_it_shows(nlp, text: str) -> None:  # noqa: ANN001
    found = [e for e in events(nlp, text, [ROE, LEEDALE]) if e.kind == "publication"]
    assert [e.date for e in found] == ["2019-05-03"]
    if "showing" in text:
        assert "Jana Roe" in [text[a:b] for a, b in found[0].participants]


@pytest.mark.parametrize(("text", "kind"), [
    ("Velmaria has always hosted a vast Shiite majority.", "meeting"),
    ("Jana Roe settled in Leedale in 2004.", "deal"),
    ("Jana Roe, who had lived in exile in Velmaria in the 1980s, returned in 1991.", "expulsion"),
])
def test_hosting_a_population_settling_somewhere_or_living_in_exile_is_no_event(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind not in kinds(nlp, text, [ROE, LEEDALE, VELMARIA])


@pytest.mark.parametrize(("text", "kind"), [
    ("Velmaria hosted Jana Roe in Leedale on 3 May 2019.", "meeting"),
    ("Velmaria hosted talks with the Tarrow Brigade in Leedale on 3 May 2019.", "meeting"),
    ("Jana Roe settled the dispute with the Tarrow Brigade on 3 May 2019.", "deal"),
    ("Jana Roe was sent into exile in 1985.", "expulsion"),
])
def test_hosting_someone_settling_a_dispute_or_going_into_exile_is_an_event(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind in kinds(nlp, text, [ROE, LEEDALE, VELMARIA, BRIGADE])


def test_a_happening_in_the_past_perfect_under_a_dated_clause_takes_not_its_date(nlp) -> None:  # noqa: ANN001
    text = "On 24 October 2017 a prosecutor confirmed the sentence, claiming Jana Roe had held meetings in Leedale."
    assert not [e for e in events(nlp, text, [ROE, LEEDALE]) if e.kind == "meeting" and e.date == "2017-10-24"]


def test_a_happening_its_own_clause_dates_is_told_without_a_named_party(nlp) -> None:  # noqa: ANN001
    found = events(nlp, "The unrest began on 1 October 2019 over joblessness.", [])
    assert [(e.kind, e.date, e.participants) for e in found] == [("protest", "2019-10-01", [])]


def test_an_undated_happening_without_a_named_party_is_not_told(nlp) -> None:  # noqa: ANN001
    assert events(nlp, "The unrest began over joblessness.", []) == []


@pytest.mark.parametrize("text", [
    "Jana Roe was freed in a prisoner exchange in December 2009.",
    "Jana Roe was swapped for two soldiers in December 2009.",
    "In December 2009 Leedale and Velmaria completed an exchange of prisoners.",
])
def test_a_swap_of_captives_is_a_release(nlp, text: str) -> None:  # noqa: ANN001
    assert "release" in kinds(nlp, text, [ROE, LEEDALE, VELMARIA])


@pytest.mark.parametrize("text", [
    "Jana Roe runs a currency exchange in Leedale that moved cash in December 2009.",
    "In December 2009 Jana Roe exchanged letters with the mayor of Leedale.",
    "Velmaria agreed a debt swap with Leedale in December 2009.",
])
def test_a_trade_of_things_is_no_release(nlp, text: str) -> None:  # noqa: ANN001
    """Rule captive_swap: 'exchange' and 'swap' free someone only when captives or people are swapped."""
    assert "release" not in kinds(nlp, text, [ROE, LEEDALE, VELMARIA])
