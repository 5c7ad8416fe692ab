"""Nationality words as mentions of their country (invented names and sentences)."""

from __future__ import annotations

import pytest

from linkchart.extract.demonyms import country_of_demonym
from linkchart.extract.nlp import load_pipeline
from linkchart.extract.pipeline import extract_article


def _mentions(text: str) -> dict[str, tuple[str, str | None]]:
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    return {m.text: (m.label, m.refers_to) for m in found.mentions}


def test_country_of_a_demonym() -> None:
    assert country_of_demonym("Dutch") == "Netherlands"
    assert country_of_demonym("Soviet") == "Soviet Union"
    assert country_of_demonym("Netherlands") is None  # a country's own name is no adjective
    assert country_of_demonym("Dutchmen") is None


@pytest.mark.parametrize(("text", "word", "country"), [
    ("The Dutch singer Tom Vale toured the coast with his band.", "Dutch", "Netherlands"),
    ("Ann Poe, a German-born painter, moved to the coast in 1990.", "German", "Germany"),
    ("He spent four years in a Soviet labour camp before his release.", "Soviet", "Soviet Union"),
    ("Tom Vale is Canadian and lives by the lake.", "Canadian", "Canada"),
])
def test_a_nationality_adjective_is_a_mention_of_its_country(text: str, word: str, country: str) -> None:
    assert _mentions(text)[word] == ("GPE", country)


@pytest.mark.parametrize(("text", "word"), [
    ("Americans and the Dutch voted on Sunday.", "Dutch"),  # a people
    ("She speaks French and German fluently.", "German"),  # a language
    ("The poem was written in Polish by Ann Poe.", "Polish"),
])
def test_a_nationality_word_used_as_a_noun_names_no_country(text: str, word: str) -> None:
    assert word not in _mentions(text)


def test_no_adjective_mention_where_the_article_names_the_country() -> None:
    text = "The Dutch singer Tom Vale left the Netherlands in 1990."
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline()).mentions
    assert [(m.text, m.refers_to) for m in found if m.text in ("Dutch", "Netherlands")] == [("Netherlands", None)]


def test_no_adjective_mention_where_the_article_names_the_country_again_and_again() -> None:
    found = _mentions("The Dutch singer Tom Vale left the Netherlands in 1990. He came back to the Netherlands in "
                      "1995.")
    assert "Dutch" not in found and "Netherlands" in found


@pytest.mark.parametrize(("text", "country", "target"), [
    ("Turkish jets bombed Kobrin on Monday.", "Turkey", "Kobrin"),
    ("Kobrin was bombed by Russian aircraft on Monday.", "Russia", "Kobrin"),
    ("Russian warplanes struck the Varn Liberation Front overnight.", "Russia", "Varn Liberation Front"),
    ("French drones hit the Varn Liberation Front near the river.", "France", "Varn Liberation Front"),
    ("Turkish air strikes hit the Varn Liberation Front on Monday.", "Turkey", "Varn Liberation Front"),
])
def test_a_language_nationality_word_on_a_weapon_stands_for_its_country(text: str, country: str,
                                                                        target: str) -> None:
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    assert (country, "attacked", target) in {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize("text", ["The report was written in Turkish by Ann Poe.",
                                  "Russian officials met the envoy on Monday."])
def test_a_language_nationality_word_elsewhere_stays_out(text: str) -> None:
    assert not {"Turkish", "Russian"} & set(_mentions(text))


@pytest.mark.parametrize(("text", "country"), [
    ("An American drone strike killed Tomas Varga.", "United States"),
    ("An Israeli strike killed Tomas Varga on Monday.", "Israel"),
    ("An American drone strike at the airport killed Tomas Varga, the commander of the Red Front, and Ivan Petrov.",
     "United States"),
])
def test_a_nations_strike_is_the_nations_act(text: str, country: str) -> None:
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    got = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert (country, "killed", "Tomas Varga") in got
    if "Ivan Petrov" in text:  # the list goes on after the first victim's apposition
        assert (country, "killed", "Ivan Petrov") in got


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomas Varga was killed in a US strike near the airport on January 3, 2020.",
     ("United States", "killed", "Tomas Varga")),
    ("Tomas Varga died in an Israeli air raid on Monday.", ("Israel", "killed", "Tomas Varga")),
    ("Tomas Varga was wounded in a Turkish air strike.", ("Turkey", "attacked", "Tomas Varga")),
])
def test_who_dies_in_a_nations_strike_is_killed_by_that_nation(text: str, expected: tuple) -> None:
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    got = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert expected in got or (expected[0] == "United States" and ("US", *expected[1:]) in got)


def test_dying_in_a_place_names_no_killer() -> None:
    text = "Tomas Varga was killed in Baghdad on Monday."
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    assert not any(r.predicate == "killed" for r in found.relations)


@pytest.mark.parametrize(("text", "word"), [
    ("The name comes from the Dutch word for a harbour.", "Dutch"),
    ("Tom Vale wrote it in the Portuguese language in 1990.", "Portuguese"),
    ("A Brazilian Portuguese version of the album came out in 1990.", "Portuguese"),
    ("Ann Poe sang in Egyptian Arabic on the album.", "Egyptian"),
])
def test_a_nationality_word_naming_a_language_names_no_country(text: str, word: str) -> None:
    assert word not in _mentions(text)



def _triples(text: str) -> set[tuple[str, str, str]]:
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    return {(r.subject, r.predicate, r.object) for r in found.relations if not r.negated}


@pytest.mark.parametrize(("text", "expected"), [
    ("Police arrested Tom Vale in May as the Norwegian fled from Oslo and formed the Crescent Brigade.",
     ("Tom Vale", "founded", "Crescent Brigade")),
    ("Police questioned Tom Vale in Oslo when the American joined the Crescent Brigade.",
     ("Tom Vale", "member_of", "Crescent Brigade")),
])
def test_a_nationality_noun_subject_of_a_clause_of_time_is_the_person_named_before(text: str, expected: tuple) -> None:
    assert expected in _triples(text)


@pytest.mark.parametrize("text", [
    "Police arrested Tom Vale in May after the Norwegian shot him and formed the Crescent Brigade.",
    "Tom Vale met Ana Roe in Oslo as the Norwegian joined the Crescent Brigade.",
])
def test_a_nationality_noun_stays_unread_when_its_clause_names_another_person(text: str) -> None:
    assert not {t for t in _triples(text) if t[2] == "Crescent Brigade"}


def test_a_nationality_word_that_is_a_party_of_a_happening_names_its_country_though_named_elsewhere() -> None:
    # the article names Chile by name; 'Chilean' is still the party of the strike, so it is a mention of Chile
    text = ("Chile said on Monday that it would answer. A Chilean drone strike killed Tom Vale near Tarvo on "
            "Tuesday, officials said.")
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    parties = {span for ev in found.events for span in ev.participants}
    chilean = [m for m in found.mentions if m.text == "Chilean"]
    assert chilean and chilean[0].refers_to == "Chile" and (chilean[0].start, chilean[0].end) in parties
