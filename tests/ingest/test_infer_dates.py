"""Tests for linkchart.ingest.infer_dates: undated articles dated from their neighbours or their own text."""

from __future__ import annotations

import hashlib
from pathlib import Path

from test_split import APPLES, FERRY, TRAM
from typer.testing import CliRunner

from linkchart.cli import app
from linkchart.ingest.articles import build_articles
from linkchart.ingest.infer_dates import NEIGHBOUR, NEIGHBOURS, STATED, infer_dates, latest_stated, shared_prefix
from linkchart.models import Document

# the compilation of test_split (same folder), with the middle article's date line taken out
COMPILATION = FERRY + "\n\n" + APPLES.replace("Published: 14 April 2021 09:30\n\n", "") + "\n" + TRAM.replace(
    "May 2, 2021", "March 19, 2021")


def test_shared_prefix_keeps_what_two_dates_share() -> None:
    assert shared_prefix("2019-11-16", "2019-11-11T12:26") == "2019-11"
    assert shared_prefix("2019-11-16", "2019-02-16") == "2019"
    assert shared_prefix("2019-11-16", "2019-11-16") == "2019-11-16"
    assert shared_prefix("2018-12-30", "2019-01-02") is None


def test_an_article_between_two_dated_ones_takes_what_their_dates_share() -> None:
    found = infer_dates(["2021-05-20", None, "2021-05-02"], ["a", "b", "c"])
    assert found[0] is None and found[2] is None
    assert found[1] is not None
    assert (found[1].date, found[1].basis) == ("2021-05", NEIGHBOURS)
    assert "2021-05-20" in found[1].reason and "2021-05-02" in found[1].reason


def test_neighbours_across_a_new_year_give_no_date_but_one_neighbour_gives_its_year() -> None:
    found = infer_dates([None, "2020-12-30", None, "2021-01-03"], ["a", "b", "c", "d"])
    assert found[2] is None  # nothing shared, and both neighbours exist: no guess
    assert found[0] is not None and (found[0].date, found[0].basis) == ("2020", NEIGHBOUR)


def test_without_dated_neighbours_the_latest_stated_date_gives_a_month() -> None:
    text = "On March 3, 2016, she was detained. On 14 January 2017 a court sentenced her."
    assert latest_stated(text) == "2017-01-14"
    found = infer_dates([None], [text])
    assert found[0] is not None and (found[0].date, found[0].basis) == ("2017-01", STATED)
    assert infer_dates([None], ["No date at all in 2016, only a year."]) == [None]


def test_a_stated_date_later_than_both_neighbours_wins_over_them() -> None:
    found = infer_dates(["2019-11-20", None, "2019-11-11"], ["a", "It happened on 2 December 2019.", "c"])
    assert found[1] is not None and (found[1].date, found[1].basis) == ("2019-12", STATED)


def test_a_compilation_dates_its_undated_article_from_its_neighbours_and_marks_it() -> None:
    doc = Document(source="compilation.txt", text=COMPILATION, kind="txt",
                   sha256=hashlib.sha256(COMPILATION.encode()).hexdigest())
    articles = build_articles(doc)
    assert [a.title for a in articles][1] == "Valley Farmers Report a Record Apple Harvest"
    assert [a.date for a in articles] == ["2021-03-03", "2021-03", "2021-03-19"]
    assert [a.date_inferred is not None for a in articles] == [False, True, False]
    assert articles[1].anchor_date() == "2021-03"  # neighbours may complete its yearless dates


def test_a_date_inferred_from_the_text_alone_completes_no_other_date() -> None:
    text = FERRY.replace("March 3, 2021\n\n", "") + "The court ruled on 14 January 2017 that the ferry may sail.\n"
    doc = Document(source="one.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), kind="txt")
    [article] = build_articles(doc)
    assert article.date == "2017-01" and article.date_inferred
    assert article.anchor_date() is None


def test_the_documents_command_marks_an_inferred_date(tmp_path: Path) -> None:
    (tmp_path / "compilation.txt").write_text(COMPILATION, encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner(env={"COLUMNS": "300"})
    assert runner.invoke(app, ["ingest", str(tmp_path / "compilation.txt"), "--db", db, "--quiet"]).exit_code == 0
    listed = runner.invoke(app, ["documents", "--db", db])
    assert listed.exit_code == 0
    assert "2021-03 (inferred)" in listed.output and "2021-03-03 (inferred)" not in listed.output
