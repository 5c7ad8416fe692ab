"""Screening a store end to end: matches stored in both back ends, badges everywhere, verdicts that last.

The corpus (tests/fixtures/screening) and both lists (tests/fixtures/lists) are invented.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from linkchart.api import InvalidInput, NotFound, Workspace
from linkchart.cli import app
from linkchart.web.app import create_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPUS = FIXTURES / "screening"
OFAC = FIXTURES / "lists" / "ofac"
FTM = FIXTURES / "lists" / "sanctions.ftm.json"
TOKEN = "screening-token"


@pytest.fixture(scope="module")
def screened(backend: str, new_store: Callable[[str], str]) -> str:
    """Return a store of the invented corpus screened against both invented lists (read only)."""
    url = new_store(backend)
    with Workspace(url, processes=1) as ws:
        assert ws.ingest([str(CORPUS)]).ok
        ws.screen(str(OFAC))
        ws.screen(str(FTM))
    return url


@pytest.fixture()
def ws(screened: str) -> Iterator[Workspace]:
    with Workspace(screened, extract=False) as w:
        yield w


def test_people_and_organisations_match_across_spellings_and_lists(ws: Workspace) -> None:
    found = {(x.entity.name if x.entity else "", x.list_source, x.entry_id) for x in ws.listings()}
    assert found == {
        ("Haidar al-Qassimi", "OFAC SDN", "10001"),  # listed as 'AL-QASIMI, Hayder'
        ("Haidar al-Qassimi", "invented_list", "inv-hq"),
        ("Tarvish Relief Foundation", "OFAC SDN", "10002"),
        ("Tarvish Relief Foundation", "invented_list", "inv-trf"),
    }  # not Lena Brookfield: on the lists only as a vessel's name and as a relative who is no target
    hq = next(x for x in ws.listings() if x.entry_id == "10001")
    assert hq.badge == "listed: OFAC SDN 10001 (SDGT, IRGC)" and hq.status == "unreviewed"
    assert hq.matched_name == "Hayder Al-Qasimi" and hq.reasons and hq.score >= 0.9


def test_the_profile_and_show_carry_the_badge(ws: Workspace, screened: str) -> None:
    assert [x.badge for x in ws.profile("Qassimi").listed] == [
        "listed: OFAC SDN 10001 (SDGT, IRGC)", "listed: invented_list inv-hq (ICT-1)"]
    assert ws.profile("Lena Brookfield").listed == []
    result = CliRunner().invoke(app, ["show", "Haidar al-Qassimi", "--db", screened], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "listed: OFAC SDN 10001 (SDGT, IRGC)" in result.output


def test_the_dossier_shows_the_badges(ws: Workspace) -> None:
    html = ws.report("Tarvish Relief Foundation", "html").decode("utf-8")
    assert "listed: OFAC SDN 10002 (SDGT)" in html
    assert "**listed: OFAC SDN 10002 (SDGT)**" in ws.report("Tarvish Relief Foundation", "md").decode("utf-8")


def test_followthemoney_sanctions_are_valid_and_linked(ws: Workspace) -> None:
    ftm = pytest.importorskip("followthemoney")
    entities = [json.loads(line) for line in ws.export("ftm").splitlines()]
    proxies = [ftm.model.get_proxy(e) for e in entities]  # cleaned: every property checked by the library
    by_id = {p.id: p for p in proxies}
    sanctions = [p for p in proxies if p.schema.name == "Sanction"]
    assert len(sanctions) == 4
    sdn = next(p for p in sanctions if p.get("authorityId") == ["10001"])
    assert sdn.get("program") == ["SDGT", "IRGC"] and sdn.get("authority") == [
        "US Treasury, Office of Foreign Assets Control (OFAC)"]
    assert sdn.get("sourceUrl") == ["https://sanctionssearch.ofac.treas.gov/Details.aspx?id=10001"]
    listed = by_id[sdn.get("entity")[0]]
    assert listed.schema.name == "Person" and listed.get("name") == ["Haidar al-Qassimi"]


def test_graph_table_and_json_exports_carry_listed(ws: Workspace) -> None:
    graph = nx.read_graphml(io.BytesIO(ws.export("graphml").encode("utf-8")))
    listed = {d["label"]: d["listed"] for _, d in graph.nodes(data=True)}
    assert listed["Tarvish Relief Foundation"] == "OFAC SDN 10002 (SDGT); invented_list inv-trf"
    assert listed["Lena Brookfield"] == ""
    gexf = nx.read_gexf(io.BytesIO(ws.export("gexf").encode("utf-8")))
    assert {d["label"]: d["listed"] for _, d in gexf.nodes(data=True)}["Haidar al-Qassimi"].startswith("OFAC SDN 10001")
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(ws.export_files("csv")["entities"]))}
    assert rows["Haidar al-Qassimi"]["listed"].split("\n") == ["OFAC SDN 10001 (SDGT, IRGC)",
                                                                "invented_list inv-hq (ICT-1)"]
    entities = {e["name"]: e for e in json.loads(ws.export("json"))["entities"]}
    assert [x["id"] for x in entities["Haidar al-Qassimi"]["listed"]] == ["10001", "inv-hq"]
    assert entities["Lena Brookfield"]["listed"] == []


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def test_a_rejected_match_stays_rejected_after_reingest_and_rescreening(
        backend: str, new_store: Callable[[str], str], tmp_path: Path) -> None:
    url, corpus = new_store(backend), _corpus(tmp_path)
    with Workspace(url, processes=1) as ws:
        assert ws.ingest([str(corpus)]).ok
        ws.screen(str(OFAC))
        sdn = {x.entry_id: x for x in ws.listings()}
        rejected = ws.decide_listing(sdn["10001"].id, "reject", "another man of that name")
        confirmed = ws.decide_listing(sdn["10002"].id, "confirm")
        assert (rejected.status, confirmed.status) == ("rejected", "confirmed")
        assert [x.entry_id for x in ws.profile("Tarvish Relief Foundation").listed] == ["10002"]
        assert ws.profile("Haidar al-Qassimi").listed == []
        # re-ingest: a new article first, then a changed one; entity ids change with resolution
        (corpus / "0-first.txt").write_text("Aid convoy reaches Korvath\n\nMay 2, 2021\n\nOrrin Vale, a driver for "
                                            "the Harbor Council, said Haidar al-Qassimi had met him in Korvath.\n",
                                            encoding="utf-8")
        (corpus / "b.txt").write_text((corpus / "b.txt").read_text(encoding="utf-8") + "\nMore clinics are "
                                      "planned.\n", encoding="utf-8")
        assert ws.ingest([str(corpus)]).ok
        assert ws.profile("Haidar al-Qassimi").listed == []
        assert [x.status for x in ws.listings("Tarvish Relief Foundation")] == ["confirmed"]
        ws.screen(str(OFAC))  # screening again gives new match ids; the verdicts stay
        statuses = {x.entry_id: x.status for x in ws.listings()}
        assert statuses == {"10001": "rejected", "10002": "confirmed"}
        assert "listed: OFAC SDN 10002 (SDGT) ✓" in [x.badge for x in ws.profile("Tarvish Relief Foundation").listed]
        assert '"schema": "Sanction"' in ws.export("ftm")
        assert "10001" not in "".join(line for line in ws.export("ftm").splitlines() if '"Sanction"' in line)


def test_unknown_matches_and_verdicts_are_refused(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="no screening match #999999"):
        ws.decide_listing(999999, "reject")
    with pytest.raises(InvalidInput, match="unknown verdict"):
        ws.decide_listing(1, "maybe")
    with pytest.raises(InvalidInput, match="threshold"):
        ws.screen(str(OFAC), threshold=1.5)


def test_the_cli_screens_and_refuses_a_bad_list(screened: str, tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["screen", "--db", screened], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "OFAC SDN 10001 (SDGT, IRGC)" in listed.output
    bad = tmp_path / "bad.ftm.json"
    bad.write_text("{not json\n", encoding="utf-8")
    refused = runner.invoke(app, ["screen", "--db", screened, "--list", str(bad)])
    assert refused.exit_code == 2
    assert f"error: {bad}: line 1: not JSON" in " ".join(refused.output.split())
    both = runner.invoke(app, ["screen", "--db", screened, "--confirm", "1", "--reject", "2"])
    assert both.exit_code == 2


def test_the_web_lists_matches(screened: str) -> None:
    with TestClient(create_app(screened, token=TOKEN), base_url="http://127.0.0.1:8000") as client:
        got = client.get("/api/screening").json()
        assert {m["entry_id"] for m in got} == {"10001", "10002", "inv-hq", "inv-trf"}
        hq = next(m for m in got if m["entry_id"] == "10001")
        profile = client.get(f"/api/entities/{hq['entity']['id']}").json()
        assert profile["listed"][0]["badge"] == "listed: OFAC SDN 10001 (SDGT, IRGC)"
        refused = client.post("/api/curation/listing", json={"match": hq["id"], "verdict": "reject"})
        assert refused.status_code in (401, 403)  # curation needs the token
        bad = client.post("/api/curation/listing", json={"match": hq["id"], "verdict": "maybe"},
                          headers={"X-Linkchart-Token": TOKEN})
        assert bad.status_code == 422
        # the last test of the module: it changes the shared store (a confirmation)
        done = client.post("/api/curation/listing", json={"match": hq["id"], "verdict": "confirm"},
                           headers={"X-Linkchart-Token": TOKEN})
        assert done.status_code == 200 and done.json()["status"] == "confirmed"
        again = client.get(f"/api/entities/{hq['entity']['id']}").json()["listed"][0]
        assert again["status"] == "confirmed" and again["badge"].endswith("✓")
