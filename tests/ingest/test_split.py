"""Tests for linkchart.ingest.split: compilations split on header blocks, single articles stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkchart.ingest.boilerplate import boilerplate_lines
from linkchart.ingest.split import ArticleRegion, byline_of, split_articles

CORPUS = Path("/work/shared/corpus")

FERRY = """Harbour Board Approves a Second Ferry Route

By Marta Olsen

March 3, 2021

The harbour board voted on Tuesday to open a second ferry route to the outer islands, ending a debate \
that had run for most of the winter. Members said the new boats would carry both cars and freight.

The chair of the board said the route would start in the spring if the shipyard delivered on time. \
Island residents have asked for a second crossing for years, because the single boat is often full.

Critics on the board said the fares were too high. They asked for a discount for students and pensioners.
"""

APPLES = """Valley Farmers Report a Record Apple Harvest

By Tomas Reyes and Ana Kovac

Published: 14 April 2021 09:30

Fruit growers in the upper valley picked more apples this autumn than in any year since records began, \
the growers' association said in its yearly report. A warm spring and a dry summer helped the trees.

Prices fell as a result, and some farmers said they would store part of the crop until the winter. \
The association expects exports to rise, mostly to buyers in the north, who pay more for late fruit.

By late 2014, several farms had switched to new varieties, a change the report called decisive.
"""

TRAM = """City Council Delays the Tram Extension Vote

By Ilse VandermeerMay 2, 2021

The city council put off its vote on extending the tram line to the airport, saying it needed more time \
to study the cost. In June 2003, a similar plan was dropped after the budget ran out.

Supporters of the extension said the delay would push the opening back by at least a year. \
Shop owners along the planned route have complained about the noise of the works for months.
"""


def _compilation() -> str:
    return FERRY + "\n\n" + APPLES + "\n" + TRAM


def _line_start(text: str, line: str) -> int:
    return text.index(line)


def test_compilation_splits_into_three_regions() -> None:
    text = _compilation()
    regions = split_articles(text)
    assert [r.title for r in regions] == [
        "Harbour Board Approves a Second Ferry Route",
        "Valley Farmers Report a Record Apple Harvest",
        "City Council Delays the Tram Extension Vote",
    ]
    assert [r.byline for r in regions] == ["Marta Olsen", "Tomas Reyes and Ana Kovac", "Ilse Vandermeer"]
    assert [r.date for r in regions] == ["2021-03-03", "2021-04-14T09:30", "2021-05-02"]


def test_regions_cover_the_text_and_start_at_headlines() -> None:
    text = _compilation()
    regions = split_articles(text)
    assert regions[0].start == 0
    assert regions[1].start == text.index("Valley Farmers")
    assert regions[2].start == text.index("City Council Delays")
    assert regions[-1].end == len(text)
    for left, right in zip(regions, regions[1:], strict=False):
        assert left.end == right.start


def test_header_lines_are_headline_and_date_and_a_by_line_stays_in_the_text() -> None:
    text = _compilation()
    second = split_articles(text)[1]
    expected = {
        _line_start(text, "Valley Farmers"),
        _line_start(text, "Published: 14 April"),
    }
    assert second.header_lines == expected  # 'By Tomas Reyes' is kept: extraction reads its author
    assert second.byline == "Tomas Reyes and Ana Kovac"


def test_single_article_stays_one_region() -> None:
    regions = split_articles(APPLES)
    assert len(regions) == 1
    region = regions[0]
    assert (region.start, region.end) == (0, len(APPLES))
    assert region.title == "Valley Farmers Report a Record Apple Harvest"
    assert region.date == "2021-04-14T09:30"


def test_body_narrative_date_is_not_the_article_date() -> None:
    text = TRAM.replace("By Ilse VandermeerMay 2, 2021\n\n", "")
    (region,) = split_articles(text)
    assert region.date is None
    assert region.byline is None


def test_by_sentence_is_not_a_byline() -> None:
    assert byline_of("By late 2014, several farms had switched to new varieties.") is None
    assert byline_of("By the time the boat arrived") is None
    assert byline_of("By Ilse VandermeerMay 2, 2021") == "Ilse Vandermeer"
    assert byline_of("By Sam Carter On 11/7/19 at 7:52 AM EST") == "Sam Carter"


def test_related_links_and_subheads_do_not_split() -> None:
    related = (
        "\n\nCouncil staff pay rises again after long talks\n\n"
        "Storm closes the coast road for a second day\n\n"
        "Where will the new boats be built?\n\n"
    )
    text = FERRY.replace("\n\nCritics on the board", related + "Critics on the board")
    text += "\n\nRelated Content\n\nSchool Opens a New Library\nJune 19, 2019\nBridge Repairs Finish Early\n"
    assert len(split_articles(text)) == 1


def test_signature_lines_do_not_split() -> None:
    signed = "\n\nThank you,\n\nPia Lund, Editor-in-Chief\n\nOla Berg, Chief Executive Officer\n\n"
    text = FERRY + signed + FERRY.split("\n\n", 3)[3]
    assert len(split_articles(text)) == 1


def test_dateline_after_headlines_opens_an_article() -> None:
    second = (
        "Northern Lights Draw Crowds\n\n"
        "OSLO (Nordic Wire) – Thousands of visitors drove north this week to watch the lights, filling "
        "hotels in small towns that are usually empty at this time of year. Guides said the displays were "
        "the brightest in a decade, and the tourist office asked drivers to park only in marked places.\n\n"
        "Forecasters expect clear skies until the weekend.\n"
    )
    regions = split_articles(FERRY + "\n" + second)
    assert len(regions) == 2
    assert regions[1].title == "Northern Lights Draw Crowds"
    assert regions[1].date is None


def test_compact_headers_without_blank_lines() -> None:
    # Headline, byline and date lines with no blank lines between them.
    compact = [FERRY.replace("\n\n", "\n", 2), APPLES.replace("\n\n", "\n", 2), TRAM.replace("\n\n", "\n", 1)]
    regions = split_articles("\n".join(compact))
    assert [r.byline for r in regions] == ["Marta Olsen", "Tomas Reyes and Ana Kovac", "Ilse Vandermeer"]
    assert [r.date for r in regions] == ["2021-03-03", "2021-04-14T09:30", "2021-05-02"]


def test_trailing_update_line_belongs_to_previous_article() -> None:
    text = FERRY + "\nUpdated: March 4, 2021 08:00 PM\n\n" + TRAM
    regions = split_articles(text)
    assert len(regions) == 2
    assert regions[1].start == text.index("City Council Delays")
    assert text.index("Updated: March 4") in regions[0].header_lines
    assert regions[0].date == "2021-03-03"


def test_repeated_headline_and_reading_time_are_header_lines() -> None:
    text = (
        "Harbour Board Approves a Second Ferry Route\n\nA short summary of what the board decided.\n\n"
        "March 3, 2021 10:27\n4 minute read.\nHarbour Board Approves a Second Ferry Route\n\n"
        + FERRY.split("\n\n", 3)[3]
    )
    (region,) = split_articles(text)
    assert region.date == "2021-03-03T10:27"
    repeated = text.index("Harbour Board", 10)
    assert 0 in region.header_lines
    # the repeated headline and the reading time leave the body as header lines or as page furniture
    gone = region.header_lines | boilerplate_lines(text, 0, len(text))
    assert {repeated, text.index("4 minute read")} <= gone


def test_empty_and_blank_text() -> None:
    assert split_articles("") == [ArticleRegion(0, 0, None, None, None, set())]
    assert len(split_articles("\n\n  \n")) == 1


def _corpus_file(prefix: str) -> str:
    files = sorted(CORPUS.glob(f"{prefix}_*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("sample corpus not available")
    return files[0].read_text(encoding="utf-8")


def test_corpus_compilation_splits_into_many_dated_articles() -> None:
    text = _corpus_file("002")
    regions = split_articles(text)
    assert len(regions) >= 5
    dates = {r.date[:10] for r in regions if r.date}
    assert {"2019-11-20", "2019-11-16", "2019-11-11", "2019-11-07"} <= dates
    assert regions[0].start == 0 and regions[-1].end == len(text)
    assert regions[0].title == " ".join(text.splitlines()[0].split())
    for region in regions:
        assert region.title, region


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_corpus_single_articles_stay_whole(prefix: str) -> None:
    text = _corpus_file(prefix)
    regions = split_articles(text)
    assert len(regions) == 1
    assert (regions[0].start, regions[0].end) == (0, len(text))


def test_corpus_dated_single_article() -> None:
    (region,) = split_articles(_corpus_file("003"))
    assert region.date is not None and region.date.startswith("2017-12-09")
