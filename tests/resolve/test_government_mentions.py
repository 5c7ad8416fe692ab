"""'The government' of two articles about two nations: two entities, each with the named forms of its own
government, stored with what they stand for and resolved the same incrementally and in full (invented text)."""

from __future__ import annotations

from pathlib import Path

from ingested import ingest_report

from linkchart.api import Workspace
from linkchart.export.json import export_linkchart

CHILE = ("Chilean teachers marched in Santiago on Monday. The Chilean government said the budget was fixed. "
         "Interior Minister Ana Ruiz said the government would not change course. "
         "Former finance minister Ivo Sanz, a member of the Blue Party, said the plan would fail.")
PERU = "Peru's farmers blocked roads. Union leaders said the government had ignored Peru's farmers for years."


def test_the_government_of_two_nations_is_two_entities(store_url: str, tmp_path: Path) -> None:
    with Workspace(store_url, processes=1) as ws:
        ingest_report(ws, tmp_path, "chile.txt", CHILE)
        ingest_report(ws, tmp_path, "peru.txt", PERU)  # resolved incrementally
        stored = [m for m in ws.store.mentions() if m.refers_to and m.text.islower()]  # ('Chilean' stands for Chile)
        assert {(m.text, m.refers_to) for m in stored} == {("government", "Chile government"),
                                                          ("government", "Peru government")}
        data = export_linkchart(ws.store)
        by_name = {e["name"]: e for e in data["entities"]}
        chile = next(e for e in data["entities"] if "Chilean government" in e["aliases"])
        assert {m["text"] for m in chile["mentions"]} == {"Chilean government", "government"}
        assert any(m.get("stands_for") == "Chile government" for m in chile["mentions"])
        assert "Peru government" in by_name and by_name["Peru government"]["id"] != chile["id"]
        ruiz = [r for r in data["relations"] if r["predicate"] == "member_of"
                and r["subject"] == by_name["Ana Ruiz"]["id"]]
        assert [r["object"] for r in ruiz] == [chile["id"]] and not ruiz[0]["former"]
        sanz = [r for r in data["relations"] if r["subject"] == by_name["Ivo Sanz"]["id"]]
        assert [r["former"] for r in sanz if r["object"] == chile["id"]] == [True]
        before = {e["name"] for e in data["entities"]}
        ws.resolve(full=True)
        assert {e["name"] for e in export_linkchart(ws.store)["entities"]} == before
