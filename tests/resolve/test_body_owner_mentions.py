"""A nation named inside a national body joins the nation's entity; the body stays an entity of its own, and the
facts read about the body stay the body's, incrementally and in full (invented text)."""

from __future__ import annotations

from pathlib import Path

from ingested import ingest_report

from linkchart.api import Workspace
from linkchart.export.json import export_linkchart

FIRST = ("Tom Vale, a lawyer from Tarvo, met officials of the United States in March. "
         "The U.S. government later sanctioned the Velna Mining Company, the firm Vale founded.")
SECOND = "Norway's parliament voted on Tuesday. The U.S. government welcomed the vote, Ann Poe said."


def test_the_nation_inside_a_body_is_a_mention_of_the_nation(store_url: str, tmp_path: Path) -> None:
    with Workspace(store_url, processes=1) as ws:
        ingest_report(ws, tmp_path, "first.txt", FIRST)
        ingest_report(ws, tmp_path, "second.txt", SECOND)  # resolved incrementally
        data = export_linkchart(ws.store)
        by_alias = {a: e for e in data["entities"] for a in e["aliases"]}
        usa, body = by_alias["United States"], by_alias["U.S. government"]
        assert usa["id"] != body["id"] and body["type"] == "ORG"
        assert [m["text"] for m in usa["mentions"]].count("U.S.") == 2  # one in each article
        assert "Norway" in by_alias and by_alias["Norway"]["type"] == "GPE"
        firm = by_alias["Velna Mining Company"]["id"]
        sanctions = [v for v in data["events"] if firm in v["participants"]]
        assert sanctions and all(body["id"] in v["participants"] and usa["id"] not in v["participants"]
                                 for v in sanctions)
        before = sorted((e["name"], len(e["mentions"])) for e in data["entities"])
        ws.resolve(full=True)
        assert sorted((e["name"], len(e["mentions"])) for e in export_linkchart(ws.store)["entities"]) == before
