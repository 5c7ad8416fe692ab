"""An undated article that reports the news a dated article reports takes its month, marked inferred, and its
yearless dates resolve (api/story_dates.py, rule story_date); on both store back ends, whatever the order in
which the files arrive. Invented names and texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkchart.api import Workspace
from linkchart.api.story_dates import story_dates

DATED = """Militia chief seen at the Amber Gate

March 14, 2021

A video that appeared on Friday showed Tomas Varga, the commander of the Orla Front, at the Amber Gate near the
village of Tullberg. Varga spoke to the camera for two minutes.
"""

UNDATED = """Who is Tomas Varga?

Last Saturday, a recording emerged of Tomas Varga standing at the Amber Gate. The gate lies in the village of
Tullberg, next to the border.

On March 2, police in Orvik arrested Ines Berg, a lawyer for the Orla Front.
"""

BACKGROUND = """A history of the Orla Front

The Orla Front was founded in 2009 by Tomas Varga. It fought the Red Army for ten years.
"""


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _article(ws: Workspace, name: str):  # noqa: ANN202
    return next(a for a in ws.store.documents() if a.source.endswith(name))


@pytest.mark.parametrize("together", [True, False])
def test_an_undated_article_takes_the_month_of_a_dated_one_that_reports_the_same_news(
        tmp_path: Path, store_url: str, together: bool) -> None:
    folder = tmp_path / "in"
    with Workspace(store_url) as ws:
        if together:
            _write(folder, {"a_undated.txt": UNDATED, "b_dated.txt": DATED, "c_background.txt": BACKGROUND})
            ws.ingest([str(folder)])
        else:  # the undated article first, its dated neighbour in a later run
            _write(folder, {"a_undated.txt": UNDATED})
            ws.ingest([str(folder / "a_undated.txt")])
            assert _article(ws, "a_undated.txt").date is None
            _write(folder, {"b_dated.txt": DATED, "c_background.txt": BACKGROUND})
            ws.ingest([str(folder / "b_dated.txt"), str(folder / "c_background.txt")])
        undated = _article(ws, "a_undated.txt")
        assert undated.date == "2021-03"
        assert undated.date_inferred.startswith("reports the news of 'Militia chief seen at the Amber Gate'")
        assert "Amber Gate" in undated.date_inferred
        arrests = [e for e in ws.store.events(undated.id) if e.kind == "arrest"]
        assert [e.date for e in arrests] == ["2021-03-02"]  # 'On March 2' now has a year
        assert _article(ws, "c_background.txt").date is None  # no news of a recent day: left alone
        assert story_dates(ws.store) == []  # nothing left to date: a second pass changes nothing


def test_no_date_from_an_article_that_shares_too_few_names_or_tells_no_recent_news(
        tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "in"
    old_news = DATED.replace("that appeared on Friday ", "")  # dated, but it tells no news of a recent day
    other = DATED.replace("Amber Gate", "Blue Mosque").replace("Tullberg", "Dornfeld")  # one name shared only
    _write(folder, {"a_undated.txt": UNDATED, "b_dated.txt": old_news, "c_other.txt": other.replace(
        "March 14, 2021", "June 1, 2020")})
    with Workspace(store_url) as ws:
        ws.ingest([str(folder / "a_undated.txt"), str(folder / "b_dated.txt")])
        assert _article(ws, "a_undated.txt").date is None
        ws.ingest([str(folder / "c_other.txt")])
        assert _article(ws, "a_undated.txt").date is None
