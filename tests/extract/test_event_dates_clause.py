"""An event's date is the date of its own clause (#11): a weekly occasion is no date, a time that does not resolve
leaves the happening undated rather than on the article's day, a date in a time phrase of another happening does
not date the main one, and a happening told again takes the time the article told it at. Invented sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from linkchart.extract.dates import sentence_dates
from linkchart.extract.facts import fact_reader
from linkchart.models import Event

ANCHOR = "2016-05-20"  # a Friday
HADDAD, CORLIN, VESTA = ("Omar Haddad", "PERSON"), ("Corlin", "GPE"), ("Vesta", "GPE")
LEAGUE, MARSH = ("Green League", "ORG"), ("Lea Marsh", "PERSON")


def _doc(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:  # noqa: ANN001
    """Return the parsed text with the given mentions and the model's date and time expressions."""
    doc = nlp(text)
    spans = [doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents if s in text]
    doc.ents = spans + [e for e in doc.ents if e.label_ in {"DATE", "TIME"}
                        and not any(e.start < x.end and x.start < e.end for x in spans)]
    return doc


def events(nlp, text: str, ents: list[tuple[str, str]]) -> list[Event]:  # noqa: ANN001
    """Return the events read in `text` (one span, dated `ANCHOR`) with the given mentions."""
    return fact_reader(nlp).read(_doc(nlp, text, ents), 0, ANCHOR).events


def _of_kind(found: list[Event], kind: str) -> list[Event]:
    return [e for e in found if e.kind == kind]


@pytest.mark.parametrize("text", [
    "Gunmen attacked the mosque in Corlin during Friday prayers.",
    "The Green League attacked worshippers at Sunday mass in Corlin.",
])
def test_a_weekday_naming_an_occasion_is_no_date(nlp, text: str) -> None:  # noqa: ANN001
    doc = _doc(nlp, text, [CORLIN, LEAGUE])
    assert sentence_dates(next(doc.sents), ANCHOR, None) == []


@pytest.mark.parametrize(("text", "day"), [
    ("Gunmen attacked the mosque in Corlin on Friday night.", "2016-05-20"),
    ("Gunmen attacked the mosque in Corlin last night.", "2016-05-19"),
    ("On Tuesday evening gunmen attacked the mosque in Corlin.", "2016-05-17"),
])
def test_a_weekday_with_a_part_of_the_day_still_dates(nlp, text: str, day: str) -> None:  # noqa: ANN001
    assert [e.date for e in _of_kind(events(nlp, text, [CORLIN]), "attack")] == [day]


@pytest.mark.parametrize("text", [
    "Omar Haddad was arrested in Corlin during Ramadan.",
    "Omar Haddad was arrested in Corlin months earlier.",
    "After six years of house arrest, Omar Haddad was convicted.",
    "Omar Haddad was released in Corlin over the weekend.",
    "Conducted during Friday prayers, the attack on Omar Haddad came during Ramadan.",
])
def test_a_time_that_does_not_resolve_keeps_no_article_date(nlp, text: str) -> None:  # noqa: ANN001
    found = [e for e in events(nlp, text, [HADDAD, CORLIN]) if e.kind != "statement"]
    assert all(e.date is None for e in found)


@pytest.mark.parametrize("text", [
    "Omar Haddad was arrested in Corlin.",
    "Omar Haddad was jailed for six years.",
])
def test_no_time_or_a_duration_keeps_the_articles_day(nlp, text: str) -> None:  # noqa: ANN001
    found = [e for e in events(nlp, text, [HADDAD, CORLIN]) if e.kind != "statement"]
    assert found and all(e.date == ANCHOR and e.date_source == "article" for e in found)


def test_a_time_that_does_not_resolve_beside_a_dated_clause_leaves_the_happening_undated(nlp) -> None:  # noqa: ANN001
    text = "Omar Haddad was arrested in Corlin months earlier, the police said on Monday."
    arrests = _of_kind(events(nlp, text, [HADDAD, CORLIN]), "arrest")
    assert all(e.date is None for e in arrests)


@pytest.mark.parametrize("text", [
    "Corlin held its first primary election, following the caucuses in Vesta on February 3.",
    "Following the caucuses in Vesta on February 3, Corlin held its first primary election.",
    "After the caucuses in Vesta on February 3, the Green League held a primary election in Corlin.",
])
def test_a_day_of_another_happening_after_which_it_came_gives_only_the_month(nlp, text: str) -> None:  # noqa: ANN001
    elections = _of_kind(events(nlp, text, [CORLIN, VESTA, LEAGUE]), "election")
    assert "2016-02" in {e.date for e in elections}
    assert all(e.date != "2016-02-03" or any(text[s:t] == "Vesta" for s, t in e.participants) for e in elections)


def test_a_month_of_another_happening_still_dates_what_followed(nlp) -> None:  # noqa: ANN001
    text = "Following the killing of five soldiers in Vesta in March 2007, Omar Haddad was arrested in Corlin."
    assert {e.date for e in _of_kind(events(nlp, text, [HADDAD, VESTA, CORLIN]), "arrest")} == {"2007-03"}


@pytest.mark.parametrize("text", [
    "Lea Marsh is the first person convicted in Corlin since detainees began arriving in 2001.",
    "Lea Marsh was the first person convicted in Corlin since the camp opened in 2001.",
])
def test_a_span_start_does_not_date_what_happened_within_it(nlp, text: str) -> None:  # noqa: ANN001
    assert all(e.date != "2001" for e in _of_kind(events(nlp, text, [MARSH, CORLIN]), "verdict"))


@pytest.mark.parametrize("text", [
    "A court in Corlin yesterday sentenced fifteen people. Nine were acquitted. The trial lasted a month. "
    "The judge found Omar Haddad guilty and sentenced him to death.",
    "Yesterday a court in Corlin sentenced fifteen people for the bombing. The court was guarded by soldiers. "
    "Judge Lea Marsh sentenced Omar Haddad to death.",
])
def test_a_happening_told_again_takes_the_day_the_article_told_it(nlp, text: str) -> None:  # noqa: ANN001
    verdicts = [e for e in _of_kind(events(nlp, text, [HADDAD, CORLIN, MARSH]), "verdict")
                if any(text[s:t] == "Omar Haddad" for s, t in e.participants)]
    assert verdicts and all(e.date == "2016-05-19" and e.date_source == "context" for e in verdicts)


@pytest.mark.parametrize("text", [
    "The foreign minister Omar Haddad resigned from the Green League earlier in the week. "
    "Lea Marsh welcomed the news. Omar Haddad resigned by means of a text message.",
    "Omar Haddad resigned from the Green League during Ramadan. He resigned by means of a text message.",
    "Omar Haddad resigned from the Green League in March 2009. Lea Marsh resigned from it too.",
])
def test_a_happening_of_a_kind_told_at_another_time_keeps_no_article_date(nlp, text: str) -> None:  # noqa: ANN001
    found = _of_kind(events(nlp, text, [HADDAD, LEAGUE, MARSH]), "resignation")
    assert found and all(e.date_source != "article" for e in found)


def test_a_happening_of_the_articles_day_keeps_it_for_the_next_of_its_kind(nlp) -> None:  # noqa: ANN001
    text = "Omar Haddad has resigned from the Green League. Lea Marsh resigned from it as well."
    found = _of_kind(events(nlp, text, [HADDAD, LEAGUE, MARSH]), "resignation")
    assert found and all(e.date == ANCHOR for e in found)


def test_the_same_day_is_the_day_the_text_last_stated(nlp) -> None:  # noqa: ANN001
    text = "On Tuesday, the Green League held a primary election in Corlin. The same day, Omar Haddad resigned."
    found = _of_kind(events(nlp, text, [HADDAD, LEAGUE, CORLIN]), "resignation")
    assert [e.date for e in found] == ["2016-05-17"]


@pytest.mark.parametrize(("text", "kind"), [
    ("The Green League, founded in 2014 by Omar Haddad, attacked the base in Corlin.", "attack"),
    ("Lea Marsh, who fled Vesta in 2003, was arrested in Corlin.", "arrest"),
])
def test_a_date_of_a_clause_describing_a_noun_does_not_date_the_main_happening(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    found = _of_kind(events(nlp, text, [LEAGUE, HADDAD, MARSH, CORLIN, VESTA]), kind)
    assert all(e.date not in {"2014", "2003"} for e in found)


def test_a_describing_clause_keeps_its_own_date(nlp) -> None:  # noqa: ANN001
    text = "The Green League, founded in 2014 by Omar Haddad, attacked the base in Corlin."
    assert {e.date for e in _of_kind(events(nlp, text, [LEAGUE, HADDAD, CORLIN]), "founding")} == {"2014"}


@pytest.mark.parametrize("text", [
    "\u201cToday we finally have justice,\u201d said Lea Marsh, whose father was killed in Corlin.",
    "Lea Marsh, whose brother was arrested in Corlin, spoke to reporters on Monday.",
])
def test_a_whose_clause_telling_who_someone_is_takes_no_date(nlp, text: str) -> None:  # noqa: ANN001
    found = [e for e in events(nlp, text, [MARSH, CORLIN]) if e.kind in {"death", "arrest"}]
    assert all(e.date is None for e in found)
