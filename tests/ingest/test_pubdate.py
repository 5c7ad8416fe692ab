"""Tests for linkchart.ingest.pubdate: header date lines, never body narrative, never today."""

from __future__ import annotations

import datetime as dt

import pytest

from linkchart.ingest.pubdate import date_of_line, find_dates, find_publication_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("December 9, 2017 10:27", "2017-12-09T10:27"),
        ("Nov. 18, 2019", "2019-11-18"),
        ("By Sam Carter On 11/7/19 at 7:52 AM EST", "2019-11-07T07:52"),
        ("Published: November 11, 2019", "2019-11-11"),
        ("Published:  November 11, 2019 12:26", "2019-11-11T12:26"),
        ("20 November 2019", "2019-11-20"),
        ("2019-11-20", "2019-11-20"),
        ("Updated: November 20, 2019 08:17 PM", "2019-11-20T20:17"),
        ("By Lena HartmannNovember 16, 2019", "2019-11-16"),
        ("Wednesday, 3 March 2021, 09:05 GMT", "2021-03-03T09:05"),
        ("Posted on Jan 5th, 2020 at 12:10 a.m.", "2020-01-05T00:10"),
        ("OSLO, Feb. 2, 2018 — The harbour reopened", "2018-02-02"),
        ("June 2003", "2003-06"),
    ],
)
def test_header_date_formats(line: str, expected: str) -> None:
    assert date_of_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "In June 2003, the ferry company bought two new boats for the northern route.",
        "In June 2003",  # a month and year inside a phrase is narrative, not a dateline
        "March 3",  # no year: must not be completed with the current year
        "2019-02-30",  # no such day
        "The Mayor 12, 2019",
        "Tickets cost 11/7 of the old price",
    ],
)
def test_non_dates_are_rejected(line: str) -> None:
    assert date_of_line(line) is None


def test_publication_date_from_header_not_body() -> None:
    text = (
        "Harbour Board Buys Two Ferries\n\nBy Ada Lind\n\nNov. 18, 2019\n\n"
        "In June 2003, the board sold its last boat. On 4 May 2010 it tried again.\n"
    )
    assert find_publication_date(text) == "2019-11-18"


def test_body_dates_alone_give_none() -> None:
    text = (
        "Harbour Board Buys Two Ferries\n\n"
        "In June 2003, the board sold its last boat, and on May 4, 2010 the town asked for a new one.\n"
    )
    assert find_publication_date(text) is None


@pytest.mark.parametrize(("lead", "expected"), [
    ("TULL, June 12, 2024 (Wirenews) - Police detained the harbour master on Wednesday, hours after he addressed "
     "a crowd of fishermen in the old port, his union said.", "2024-06-12"),
    ("OSTRAVA, March 4, 2025 \u2014 The ministry on Tuesday fined six shipping firms it says ran a smuggling route "
     "across the northern border for years.", "2025-03-04"),
])
def test_a_dateline_opening_a_long_lead_paragraph_dates_the_article(lead: str, expected: str) -> None:
    assert find_publication_date(f"Harbour Master Held\n\n{lead}\n\nMore text.") == expected


def test_a_long_line_with_a_date_inside_states_no_publication_date() -> None:
    line = ("The meeting, held on March 4, 2025 \u2014 the first in years \u2014 ended without a deal after nine "
            "hours of talks in the capital.")
    assert find_publication_date(f"Talks End\n\n{line}") is None


def test_a_dateline_lead_paragraph_is_no_date_line() -> None:
    lead = ("TULL, June 12, 2024 (Wirenews) - Police detained the harbour master on Wednesday, hours after he "
            "addressed a crowd of fishermen in the old port, his union said.")
    assert date_of_line(lead) is None  # the splitter drops date lines: the lead must stay


def test_date_far_below_the_header_is_ignored() -> None:
    lines = [f"Paragraph number {k} says nothing about when it was written." for k in range(20)]
    text = "\n\n".join(["Headline Without A Date", *lines, "March 3, 2020"])
    assert find_publication_date(text) is None


def test_publication_preferred_over_update() -> None:
    text = "Headline\nUpdated: March 5, 2021 10:00\nPublished: March 4, 2021\n\nBody text."
    assert find_publication_date(text) == "2021-03-04"


def test_only_update_is_still_a_date() -> None:
    assert find_publication_date("Headline\n\nUpdated: 5 March 2021\n\nBody.") == "2021-03-05"


def test_never_today() -> None:
    today = dt.date.today().isoformat()
    for text in ("Headline\n\nMarch 3\n\nBody.", "Headline\n\n10:27 AM\n\nBody.", ""):
        result = find_publication_date(text)
        assert result is None
        assert result != today


def test_find_dates_spans() -> None:
    text = "Filed 2020-01-02 and amended March 4, 2021."
    found = find_dates(text)
    assert [iso for _, _, iso in found] == ["2020-01-02", "2021-03-04"]
    start, end, _ = found[1]
    assert text[start:end] == "March 4, 2021"
