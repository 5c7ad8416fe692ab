"""Event precision on news (#11): no event from a rule, a custom, a requirement or a hypothesis; kinds from the
construction (a hazard, a court); a vague 'earlier' keeps no article date. Invented sentences and names."""

from __future__ import annotations

import pytest
from test_event_kinds import _doc, events

from linkchart.extract.facts import fact_reader

LEAGUE, CORLIN, HADDAD = ("Green League", "ORG"), ("Corlin", "GPE"), ("Omar Haddad", "PERSON")
COURT, COURIER, INSTITUTE = ("Supreme Court", "ORG"), ("Daily Courier", "ORG"), ("Institute of Geophysics", "ORG")


@pytest.mark.parametrize("text", [
    "The Green League uses caucuses, along with primary elections, to select its nominee for the 2024 election.",
    "The Green League holds primary elections to choose its candidates.",
    "For a candidate to win the Green League's nomination, at least 900 delegates are needed.",
    "The party could switch to holding a primary election in Corlin next year.",
    "The next primary in Corlin is scheduled for March 3.",
    "A vote of the Green League is required before Omar Haddad can resign.",
])
def test_no_event_from_a_custom_a_requirement_or_a_hypothesis(nlp, text: str) -> None:  # noqa: ANN001
    assert events(nlp, text, [LEAGUE, CORLIN, HADDAD]) == []


@pytest.mark.parametrize("text", [
    "A magnitude 6.1 earthquake has struck Corlin.",
    "The Institute of Geophysics registered the quake at a magnitude of 5.8.",
    "A strong tremor hit Corlin on Tuesday.",
])
def test_a_natural_hazard_is_no_act(nlp, text: str) -> None:  # noqa: ANN001
    assert {e.kind for e in events(nlp, text, [CORLIN, INSTITUTE])} <= {"death"}


def test_the_deaths_a_hazard_causes_stay_events(nlp) -> None:  # noqa: ANN001
    assert {e.kind for e in events(nlp, "On Tuesday the earthquake killed 40 people in Corlin.", [CORLIN])} == {"death"}


@pytest.mark.parametrize("text", [
    "The Supreme Court temporarily suspended a government ban on travel by Omar Haddad.",
    "On Tuesday the Supreme Court lifted a ban on Omar Haddad's travel.",
])
def test_what_a_court_suspends_is_a_ruling_not_a_licensing(nlp, text: str) -> None:  # noqa: ANN001
    assert "licensing" not in {e.kind for e in events(nlp, text, [COURT, HADDAD])}


@pytest.mark.parametrize("text", [
    "The Daily Courier reported no overall results.",
    "The Daily Courier posted no profit on Tuesday.",
])
def test_no_result_reported_is_no_financial_event(nlp, text: str) -> None:  # noqa: ANN001
    assert "financial" not in {e.kind for e in events(nlp, text, [COURIER])}


@pytest.mark.parametrize("text", [
    "The foreign minister Omar Haddad resigned earlier in the week.",
    "Omar Haddad had recently resigned from the Green League.",
])
def test_a_vague_earlier_keeps_no_article_date(nlp, text: str) -> None:  # noqa: ANN001
    found = [e for e in events(nlp, text, [HADDAD, LEAGUE]) if e.kind == "resignation"]
    assert all(e.date_source != "article" for e in found)


@pytest.mark.parametrize("text", [
    "Omar Haddad resigned from the Green League on Tuesday.",
    "The Green League held a primary election in Corlin on Tuesday.",
    "Omar Haddad's visit to Corlin on Tuesday was planned as a reminder to the Green League.",
    "Omar Haddad's visit to Corlin on Tuesday must be understood as a warning.",
    "Omar Haddad would travel to Corlin in early 2004.",
])
def test_happenings_still_told_stay_events(nlp, text: str) -> None:  # noqa: ANN001
    assert events(nlp, text, [HADDAD, LEAGUE, CORLIN])


@pytest.mark.parametrize("text", [
    "Vesta Holdings has agreed to vote in favour of the deal.",
    "On Tuesday the Green League decided to withdraw its troops from Corlin.",
])
def test_what_is_agreed_or_decided_is_not_yet_done(nlp, text: str) -> None:  # noqa: ANN001
    found = {e.kind for e in events(nlp, text, [("Vesta Holdings", "ORG"), LEAGUE, CORLIN])}
    assert not found & {"election", "withdrawal"}


def test_an_agreed_deal_is_still_a_deal(nlp) -> None:  # noqa: ANN001
    assert "deal" in {e.kind for e in events(nlp, "On Tuesday the Green League agreed to a deal with Corlin.",
                                             [LEAGUE, CORLIN])}


@pytest.mark.parametrize("text", [
    "After winning the primaries in Corlin and Vesta on Tuesday, Omar Haddad became the party's nominee.",
    "On Tuesday Omar Haddad became the nominee after winning the primaries in Corlin and Vesta.",
])
def test_a_fronted_participle_keeps_the_main_subject_and_both_places(nlp, text: str) -> None:  # noqa: ANN001
    found = [e for e in events(nlp, text, [HADDAD, CORLIN, ("Vesta", "GPE")]) if e.kind == "election"]
    assert found
    names = {text[s:t] for s, t in found[0].participants}
    assert {"Omar Haddad", "Corlin", "Vesta"} <= names


@pytest.mark.parametrize(("text", "ents"), [
    ("The Green and Blue Leagues use primary elections to select their nominees for the 2024 election.",
     [("Green", "ORG"), ("Blue Leagues", "ORG")]),
    ("The Green League and the Blue League use the primaries to select their nominees for the 2024 election.",
     [LEAGUE, ("Blue League", "ORG")]),
    ("The Red and Blue parties use the primaries to select their nominees for the 2024 election.",
     [("Red", "NORP"), ("Blue", "NORP")]),
])
def test_a_custom_of_coordinated_parties_is_no_event(nlp, text: str, ents: list) -> None:  # noqa: ANN001
    assert events(nlp, text, ents) == []


@pytest.mark.parametrize("text", [
    "Election implications for Corlin were described by Omar Haddad as a mandate, saying he would leave in January.",
    "Election costs in Corlin rose sharply in 2019, Omar Haddad said.",
])
def test_an_event_word_classifying_a_subject_is_no_happening(nlp, text: str) -> None:  # noqa: ANN001
    assert "election" not in {e.kind for e in events(nlp, text, [HADDAD, CORLIN])}


def test_a_happening_told_after_a_dated_sentence_takes_that_day(nlp) -> None:  # noqa: ANN001
    text = "Yesterday, the Green League held primary elections in Corlin. Omar Haddad won the primary in Corlin."
    found = fact_reader(nlp).read(_doc(nlp, text, [LEAGUE, HADDAD, CORLIN]), 0, "2016-05-20").events
    won = [e for e in found if e.start > 0 and e.kind == "election"]
    assert won and won[0].date == "2016-05-19" and won[0].date_source == "context"


def test_a_happening_after_an_undated_sentence_keeps_the_articles_day(nlp) -> None:  # noqa: ANN001
    text = "The Green League met in Corlin. Omar Haddad won the primary in Corlin."
    found = fact_reader(nlp).read(_doc(nlp, text, [LEAGUE, HADDAD, CORLIN]), 0, "2016-05-20").events
    assert all(e.date_source != "context" for e in found)


def _party_texts(found: list, text: str) -> set[str]:
    return {text[a:b] for e in found for a, b in e.participants}


@pytest.mark.parametrize("text", [
    "The Green League condemned the detention and called for her release.",
    "The Green League welcomed the arrest of Omar Haddad.",
])
def test_who_reacts_to_a_happening_takes_no_part_in_it(nlp, text: str) -> None:  # noqa: ANN001
    found = events(nlp, text, [LEAGUE, HADDAD])
    assert "Green League" not in _party_texts([e for e in found if e.kind == "arrest"], text)


@pytest.mark.parametrize(("text", "kind"), [
    ("On Monday Omar Haddad wrote to the election commission in Corlin.", "election"),
    ("On Monday Omar Haddad spoke to the protest committee in Corlin.", "protest"),
])
def test_an_event_noun_naming_a_body_is_no_event(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    assert kind not in {e.kind for e in events(nlp, text, [CORLIN, HADDAD])}


@pytest.mark.parametrize("text", [
    "Omar Haddad said the party would hold a rally in Corlin on Saturday.",
    "A minister said on Thursday that Omar Haddad would be arrested in Corlin.",
])
def test_what_a_past_saying_says_would_happen_is_no_event(nlp, text: str) -> None:  # noqa: ANN001
    assert not [e for e in events(nlp, text, [HADDAD, CORLIN]) if e.kind in {"protest", "arrest"}]


def test_a_habit_told_with_would_still_did_happen(nlp) -> None:  # noqa: ANN001
    found = fact_reader(nlp).read(_doc(nlp, "Omar Haddad would travel to Corlin every summer.", [HADDAD, CORLIN]),
                                  0, None).relations
    assert any(r.predicate == "visited" and not r.hedged for r in found)


def test_who_a_clause_on_another_noun_names_takes_no_part(nlp) -> None:  # noqa: ANN001
    text = ("Protests first erupted in Corlin in May after the commission, headed by Omar Haddad, disqualified "
            "three candidates.")
    found = [e for e in events(nlp, text, [CORLIN, HADDAD]) if e.kind == "protest"]
    assert "Omar Haddad" not in _party_texts(found, text)


def test_a_place_of_the_clause_before_is_no_party_of_its_conjunct(nlp) -> None:  # noqa: ANN001
    text = ("In 2021, the legion's fighters captured the town of Corlin after a siege, and residents accused them of "
            "killing civilians.")
    accused = [e for e in events(nlp, text, [CORLIN]) if e.kind == "accusation"]
    assert "Corlin" not in _party_texts(accused, text)


def test_a_verb_sharing_a_reported_would_is_no_event_either(nlp) -> None:  # noqa: ANN001
    text = ("The Green League said on Friday that it would designate the Corlin Guard as a terrorist group and list "
            "its leader, Omar Haddad.")
    found = events(nlp, text, [LEAGUE, ("Corlin Guard", "ORG"), HADDAD])
    assert not [e for e in found if e.kind == "designation"]


def test_a_party_in_a_clause_on_a_named_party_or_on_the_event_noun_still_takes_part(nlp) -> None:  # noqa: ANN001
    text = "Omar Haddad was freed in 2019, in a deal that also secured the release of the hostage Lea Marsh."
    deals = [e for e in events(nlp, text, [HADDAD, ("Lea Marsh", "PERSON")]) if e.kind == "deal"]
    assert deals and "Lea Marsh" in _party_texts(deals, text)
