"""Date resolution: absolute, anchored, relative and ranges."""

from __future__ import annotations

import pytest

from linkchart.extract.dates import resolve_date, resolve_range, sentence_date, sentence_dates


@pytest.mark.parametrize(
    ("expression", "anchor", "context", "expected"),
    [
        ("On November 19", "2019-11-20", None, "2019-11-19"),
        ("In June 2003", None, None, "2003-06"),
        ("March 2007", None, None, "2007-03"),
        ("12 March 2007", None, None, "2007-03-12"),
        ("two months later", "2019-11-20", "2007-01", "2007-03"),
        ("a month prior", None, "2005-06-10", "2005-05"),
        ("three years later", None, "2004-05", "2007"),
        ("last Saturday", "2017-12-14", None, "2017-12-09"),
        ("from 2006 to 2011", None, None, "2006/2011"),  # a span of years: an ISO 8601 interval
        ("the period 2006-2011", None, None, "2006/2011"),
        ("late 2004", None, None, "2004"),
        ("last year", "2019-05-02", None, "2018"),
        ("in January", "2004-11-01", None, "2004-01"),
        ("in December", "2004-02-01", None, "2003-12"),
        ("the 1990s", None, None, "1990/1999"),  # a decade: an ISO 8601 interval of years
        ("in the 1980s", "2019-05-02", None, "1980/1989"),
        ("as early as March 3", "2019-05-02", None, "2019-03-03"),
        # an anchor known to the year only (an article dated from its neighbours) gives its own year
        ("On Oct. 1", "2019", None, "2019-10-01"),
        ("in October", "2019", None, "2019-10"),
        ("On Oct. 1", "2019-01-15", None, "2018-10-01"),
        ("last week", "2019-05-22", None, "2019-05"),  # the whole week in May
        ("last week", "2019-05-02", None, "2019-04"),  # April 22-28
        ("last week", "2019-05-08", None, None),  # April 29 to May 5: no one month

        ("the same day", "2019-05-22", "2019-05-20", "2019-05-20"),  # the day the text last stated
        ("that year", "2019-05-22", "2005-06-10", "2005"),
        ("the same day", "2019-05-22", "2016", None),  # a year has no day to be the same as
        ("the same day", "2019-05-22", None, None),
        ("last night", "2019-05-22", None, "2019-05-21"),
        # spans of days and months: ISO 8601 intervals
        ("March 3-5, 2018", "2019-05-22", None, "2018-03-03/2018-03-05"),
        ("between March 3 and March 5", "2019-05-22", None, "2019-03-03/2019-03-05"),
        ("from 3 to 5 March", "2019-05-22", None, "2019-03-03/2019-03-05"),
        ("from 28 February to 3 March 2019", None, None, "2019-02-28/2019-03-03"),
        ("from March to May 2018", None, None, "2018-03/2018-05"),
        ("from January 2004 to March 2006", None, None, "2004-01/2006-03"),
        ("from December to February", "2019-05-22", None, "2018-12/2019-02"),
        ("the '80s", None, None, "1980/1989"),
        ("in the 90s", None, None, "1990/1999"),
        ("early March", "2019-05-22", None, "2019-03"),  # 'March' and 'May' are months after a word of time
        ("mid-May", "2019-05-22", None, "2019-05"),
        ("recently", "2019-05-02", None, None),
        ("last Saturday", None, None, None),
    ],
)
def test_resolve_date(expression: str, anchor: str | None, context: str | None, expected: str | None) -> None:
    assert resolve_date(expression, anchor, context) == expected


def test_resolve_range() -> None:
    assert resolve_range("from 2006 to 2011") == ("2006", "2011")
    assert resolve_range("between 1990 and 1995") == ("1990", "1995")
    assert resolve_range("in 2006") is None


def test_a_year_with_two_digits_after_a_dash_is_a_range() -> None:
    assert resolve_range("from 2010-12") == ("2010", "2012")
    assert resolve_date("assassinated from 2010-12", None) == "2010/2012"
    assert resolve_date("2019-11-07", None) == "2019-11-07"
    assert resolve_range("2019-09") is None  # not a range, and not read as a month either


def test_sentence_date_uses_previous_for_relative(nlp) -> None:  # noqa: ANN001
    doc = nlp("Three weeks later, the militia captured the town.")
    assert sentence_date(next(doc.sents), "2020-01-01", "2010-05-01") == "2010-05-22"


def test_sentence_date_own_date_and_none(nlp) -> None:  # noqa: ANN001
    doc = nlp("In March 2007, the soldiers left the city. The soldiers were tired.")
    first, second = list(doc.sents)
    assert sentence_date(first, "2020-01-01", None) == "2007-03"
    assert sentence_date(second, "2020-01-01", "2007-03") is None



@pytest.mark.parametrize("expression", ["four years ago", "13 years ago", "two months ago"])
def test_ago_counts_from_the_articles_date_only(expression: str) -> None:
    assert resolve_date(expression, None, "1979") is None  # not from the last date the text stated
    assert resolve_date(expression, "2005-02-01", "1979")[:2] in {"19", "20"}
    assert not resolve_date(expression, "2005-02-01", "1979").startswith("197")


@pytest.mark.parametrize(("text", "want"), [
    ("Anna Berg was detained in 2012 and freed two years later.", ["2012", "2014"]),
    ("Anna Berg was detained in March 2012 and freed the next month.", ["2012-03", "2012-04"]),
])
def test_a_relative_date_counts_from_the_date_before_it_in_its_sentence(nlp, text: str, want) -> None:  # noqa: ANN001
    doc = nlp(text)
    assert [value for _, value in sentence_dates(next(iter(doc.sents)), "2020-06-01", "2019")] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Both sides signed a ceasefire in March.", ["2020-03"]),
    ("The army left the town in May.", ["2020-05"]),
])
def test_march_and_may_after_a_word_of_time_are_months(nlp, text: str, want) -> None:  # noqa: ANN001
    doc = nlp(text)
    assert [value for _, value in sentence_dates(next(iter(doc.sents)), "2020-06-01", None)] == want


@pytest.mark.parametrize(("anchor", "last", "this"), [
    ("2020-06-01", "2020-05", "2020-06"),  # a Monday: last weekend was 30-31 May, this one is 6-7 June
    ("2020-05-31", "2020-05", "2020-05"),  # a Sunday: last weekend is the one before, this one is today's
    ("2020-11-02", None, "2020-11"),  # last weekend was Saturday 31 October and Sunday 1 November: no one month
])
def test_a_weekend_is_dated_to_its_month(anchor: str, last: str | None, this: str) -> None:
    assert resolve_date("last weekend", anchor) == last
    assert resolve_date("this weekend", anchor) == this


@pytest.mark.parametrize(("expression", "context", "expected"), [
    ("On October 24", "2017-01-31", "2017-10-24"),  # an undated article's story goes on from its last full date
    ("On January 5", "2017-01-31", "2018-01-05"),
    ("On October 24", "2017-01", None),  # a month says too little to go on from
])
def test_a_yearless_day_in_an_undated_article_follows_its_last_full_date(expression: str, context: str,
                                                                          expected: str | None) -> None:
    assert resolve_date(expression, None, context) == expected


def test_a_day_of_a_month_the_model_left_untagged_still_dates_its_sentence(nlp) -> None:  # noqa: ANN001
    sent = next(iter(nlp("Jana Roe had arrived in Leedale as early as October 7 to meet the council.").sents))
    assert [value for _expr, value in sentence_dates(sent, "2019-11-16", None)] == ["2019-10-07"]
