"""Spans of years ('2006/2011', 'the 1980s') where dates are compared or drawn."""

from __future__ import annotations

from linkchart.export.report.svg import year_of
from linkchart.resolve.conflicts import _dates_differ


def test_a_span_of_years_disagrees_only_with_a_date_outside_it() -> None:
    assert not _dates_differ("2006/2011", "2008-05")
    assert not _dates_differ("1980/1989", "1980/1989")
    assert _dates_differ("2006/2011", "2013")
    assert _dates_differ("1980/1989", "1990/1999")
    assert _dates_differ("2007-03", "2007-05")  # plain dates as before


def test_a_span_of_years_is_drawn_at_its_start() -> None:
    assert year_of("1980/1989") == year_of("1980")
