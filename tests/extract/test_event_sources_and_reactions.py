"""The source a report cites ('according to a statement by X') is no event of its own (rule source_not_news), and a
happening a statement reacts to ('condemned the arrest of X') is not dated by the reaction (rule reaction_before).
Invented sentences, mentions set by hand."""

from __future__ import annotations

import pytest
from test_event_kinds import events

ROE, PARTY, KELMORE = ("Jana Roe", "PERSON"), ("Varn Party", "ORG"), ("Kelmore", "GPE")
ANCHOR = "2021-03-14"


@pytest.mark.parametrize("text", [
    "Jana Roe was named mayor of Kelmore on Sunday, according to a statement by the Varn Party.",
    "According to a report by the Varn Party, Jana Roe was named mayor of Kelmore on Sunday.",
    "Jana Roe was named mayor of Kelmore on Sunday, according to an announcement from the Varn Party.",
])
def test_the_source_of_a_report_is_no_event(nlp, text: str) -> None:  # noqa: ANN001
    found = events(nlp, text, [ROE, PARTY, KELMORE], anchor=ANCHOR)
    assert "statement" not in {e.kind for e in found}
    assert "publication" not in {e.kind for e in found}


@pytest.mark.parametrize("text, kind", [
    ("The Varn Party issued a statement on Sunday condemning the arrest of Jana Roe.", "arrest"),
    ("On Sunday the Varn Party condemned the detention of Jana Roe.", "arrest"),
    ("The Varn Party on Sunday welcomed the release of Jana Roe.", "release"),
])
def test_a_happening_reacted_to_is_not_dated_by_the_reaction(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    found = [e for e in events(nlp, text, [ROE, PARTY, KELMORE], anchor=ANCHOR) if e.kind == kind]
    assert found and all(e.date is None for e in found)


def test_the_date_on_the_reacted_noun_still_counts(nlp) -> None:  # noqa: ANN001
    text = "On Sunday the Varn Party condemned the May 2019 arrest of Jana Roe."
    found = [e for e in events(nlp, text, [ROE, PARTY, KELMORE], anchor=ANCHOR) if e.kind == "arrest"]
    assert [e.date for e in found] == ["2019-05"]


@pytest.mark.parametrize("text, kind", [
    ("The Varn Party was formed in 2015 by officers who defected after protests in Kelmore.", "founding"),
    ("Jana Roe arrived in Leedale on Sunday to curb the protests, which threaten the calm in Kelmore.", "visit"),
])
def test_a_place_of_a_relative_clause_is_not_the_happening_s(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    """Rule relative_place_apart: the place belongs to the clause that describes another noun."""
    found = [e for e in events(nlp, text, [ROE, PARTY, KELMORE, ("Leedale", "GPE")], anchor=ANCHOR)
             if e.kind == kind]
    assert found and all("Kelmore" not in {text[a:b] for a, b in e.participants} for e in found)


@pytest.mark.parametrize("text", [
    "Jana Roe fled Kelmore in 2017 after a warrant was issued for her arrest.",
    "In 2017 a court issued a warrant for the arrest of Jana Roe.",
])
def test_a_warrant_for_an_arrest_is_no_arrest(nlp, text: str) -> None:  # noqa: ANN001
    """Rule wanted_for, and 'warrant' as an irrealis governor: the arrest is asked for, not made."""
    assert "arrest" not in {e.kind for e in events(nlp, text, [ROE, PARTY, KELMORE], anchor=ANCHOR)}


def test_found_dead_is_no_founding(nlp) -> None:  # noqa: ANN001
    """'found' as a past participle is find's (lexicon class other_participle); 'founded' still founds."""
    assert "founding" not in {e.kind for e in events(nlp, "Jana Roe was found dead in Kelmore in 2015.",
                                                     [ROE, PARTY, KELMORE], anchor=ANCHOR)}
    assert "founding" in {e.kind for e in events(nlp, "The Varn Party was founded in Kelmore in 2015.",
                                                 [ROE, PARTY, KELMORE], anchor=ANCHOR)}


@pytest.mark.parametrize("text", [
    "In 2023 the Varn Party was fighting corruption in Kelmore.",
    "In May 2023 Jana Roe fought the charges in a court in Kelmore.",
])
def test_fighting_corruption_or_charges_is_no_war(nlp, text: str) -> None:  # noqa: ANN001
    assert "war" not in {e.kind for e in events(nlp, text, [ROE, PARTY, KELMORE], anchor=ANCHOR)}


def test_a_term_in_prison_is_part_of_the_verdict(nlp) -> None:  # noqa: ANN001
    """Rule term_in_verdict: 'sentenced X to ten years in prison' is one verdict, no custody of its own."""
    text = "On 14 March 2021 a court in Kelmore sentenced Jana Roe to ten years in prison."
    assert {e.kind for e in events(nlp, text, [ROE, PARTY, KELMORE], anchor=ANCHOR)} == {"verdict"}


@pytest.mark.parametrize("text, kind", [
    ("Jana Roe surrendered to police in Kelmore on 3 May 2019.", "arrest"),
    ("On 3 May 2019 the garrison in Kelmore surrendered to the Varn Party.", "withdrawal"),
])
def test_a_person_s_surrender_is_an_arrest(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    """Rule person_surrenders (class hands_in): a force's surrender stays a withdrawal."""
    assert kind in {e.kind for e in events(nlp, text, [ROE, PARTY, KELMORE], anchor=ANCHOR)}


def test_the_crime_a_verdict_punishes_is_still_a_happening(nlp) -> None:  # noqa: ANN001
    text = "A court in Kelmore yesterday sentenced fifteen people for involvement in June's bombing of the Varn Mosque."
    found = {e.kind for e in events(nlp, text, [ROE, ("Varn Mosque", "FAC"), KELMORE], anchor=ANCHOR)}
    assert {"verdict", "attack"} <= found
