"""Relations, timeline, paths, neighbours and conflicts on the sample corpus, through API and CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from linkchart.api import Workspace
from linkchart.cli import app
from linkchart.graph.build import entity_graph


def test_relations_carry_evidence_that_points_into_the_original(sample_ws: Workspace) -> None:
    rels = sample_ws.relations("Khazali")
    assert rels
    leads = [r for r in rels if r.predicate == "leads"]
    assert leads and leads[0].object.name == "Asaib Ahl al-Haq"
    for r in rels:
        assert r.rules and r.evidence
        for ev in r.evidence:  # the text is the clean one: words hyphenated across lines are whole again
            original = sample_ws.store.document_text(ev.doc)[ev.start:ev.end]
            assert " ".join(re.sub(r"-\n\s*", "", original).split()) == " ".join(ev.text.split())


def test_negated_and_attributed_facts_are_marked(sample_ws: Workspace) -> None:
    rels = sample_ws.relations()
    assert any(r.negated for r in rels)
    assert any(r.attributed_to for r in rels)


def test_repeated_fact_aggregates_evidence_from_several_sources(sample_ws: Workspace) -> None:
    rels = sample_ws.relations("Khazali", predicate="leads")
    assert max(len({e.doc for e in r.evidence}) for r in rels) >= 3


def test_timeline_has_dated_2007_events_in_order(sample_ws: Workspace) -> None:
    events = sample_ws.timeline(date_from="2007", date_to="2007")
    assert events and all(e.date.startswith("2007") for e in events)
    everything = sample_ws.timeline()
    dated = [e.date for e in everything if e.date is not None]
    assert dated == sorted(dated)
    # undated events are listed apart, after the dated ones
    assert all(e.date is None for e in everything[len(dated):])
    assert any(e.kind == "arrest" for e in events)


def test_path_from_khazali_to_soleimani_is_explained(sample_ws: Workspace) -> None:
    paths = sample_ws.path("Khazali", "Soleimani").paths
    assert paths and len(paths[0]) <= 4
    for hop in paths[0]:
        assert hop.relation.evidence and not hop.relation.negated
    ends = {paths[0][0].source, paths[0][-1].target}
    assert ends == {sample_ws.find_entity("Khazali").id, sample_ws.find_entity("Soleimani").id}


def test_conflicts_list_both_sides(sample_ws: Workspace) -> None:
    found = sample_ws.conflicts()
    kinds = {c.kind for c in found}
    assert {"date", "numeric"} <= kinds
    fighters = next(c for c in found if c.quantity == "fighters")
    assert {float(v) for v in fighters.values} == {120000.0, 130000.0}
    release = [c for c in found if "release" in c.quantity]
    assert release and {"2009", "2010"} <= {str(v)[:4] for v in release[0].values}
    for c in found:
        assert len(c.claims) >= 2 and all(claim.evidence for claim in c.claims)


def test_numeric_claims_with_approximation(sample_ws: Workspace) -> None:
    data = sample_ws.export_json()
    fighters = [c for c in data["claims"] if c["unit"] == "fighters"]
    assert {120000, 130000} <= {int(c["value"]) for c in fighters}
    assert any(c["approx"] for c in fighters)


def test_graph_is_cached_until_the_store_changes(sample_db: Path, tmp_path: Path) -> None:
    with Workspace(sample_db, extract=False) as ws:
        first = entity_graph(ws.store, ws.db)
        assert entity_graph(ws.store, ws.db) is first


def test_cli_relation_commands(sample_db: Path, tmp_path: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "200"})
    db = str(sample_db)
    out = runner.invoke(app, ["relations", "Khazali", "--db", db])
    assert out.exit_code == 0 and "leads" in out.output and "“" in out.output
    out = runner.invoke(app, ["timeline", "--db", db, "--from", "2007", "--to", "2007"])
    assert out.exit_code == 0 and "2007" in out.output
    out = runner.invoke(app, ["path", "Khazali", "Soleimani", "--db", db])
    assert out.exit_code == 0 and "path 1" in out.output
    out = runner.invoke(app, ["neighbors", "Khazali", "--db", db, "--format", "json"])
    assert out.exit_code == 0 and len(json.loads(out.stdout)["nodes"]) > 3  # notes go to stderr
    out = runner.invoke(app, ["neighbors", "Khazali", "--db", db, "--format", "gexf"])
    assert out.exit_code == 0 and "<gexf" in out.output
    out = runner.invoke(app, ["conflicts", "--db", db])
    assert out.exit_code == 0 and "2009" in out.output
    export = tmp_path / "all.json"
    assert runner.invoke(app, ["export", "--db", db, "-o", str(export)]).exit_code == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["relations"] and data["events"] and data["claims"] and data["conflicts"]
    rel = data["relations"][0]
    assert {"subject", "predicate", "object", "date", "negated", "attributed_to", "evidence"} <= set(rel)


def test_one_event_told_by_several_sources_is_one_event(sample_ws: Workspace) -> None:
    arrests = [e for e in sample_ws.timeline("Khazali") if e.kind == "arrest" and e.date.startswith("2007-03")]
    assert arrests
    assert max(len({ev.doc for ev in e.evidence}) for e in arrests) >= 2


def test_a_relation_read_through_a_pronoun_names_what_it_refers_back_to(tmp_path: Path) -> None:
    text = ("Front Attacks the Coast\n\nThe Vessa Liberation Front is an armed group.\n\n"
            "It attacked the Coastal Guard in 2015.\n")
    (tmp_path / "front.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    with Workspace(db, processes=1) as ws:
        ws.ingest([str(tmp_path / "front.txt")])
        [attack] = [r for r in ws.relations("Vessa Liberation Front") if r.predicate == "attacked"]
    [ev] = attack.evidence
    assert ev.text == "It attacked the Coastal Guard in 2015."  # the quote stays the sentence that says it
    assert ev.referent == "Vessa Liberation Front"
    assert ev.referent_start is not None and text[ev.referent_start : ev.referent_end] == ev.referent
    runner = CliRunner(env={"COLUMNS": "200"})
    shown = runner.invoke(app, ["relations", "Vessa Liberation Front", "--db", db])
    assert "refers back to “Vessa Liberation Front”" in shown.output
    out = tmp_path / "e.json"
    assert runner.invoke(app, ["export", "--db", db, "--format", "json", "-o", str(out)]).exit_code == 0
    [exported] = [r for r in json.loads(out.read_text(encoding="utf-8"))["relations"] if r["predicate"] == "attacked"]
    assert exported["evidence"][0]["refers_to"]["text"] == "Vessa Liberation Front"
    assert all("refers_to" not in e for r in json.loads(out.read_text(encoding="utf-8"))["relations"]
               if r["predicate"] != "attacked" for e in r["evidence"])


def test_one_fact_stated_outright_and_reported_by_someone_is_one_relation(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Front Names Its Leader\n\nMarch 3, 2021\n\n"
                                    "Orrin Talvik leads the Vessa Liberation Front, an armed group in the north.\n")
    (tmp_path / "b.txt").write_text("Police Detain Two Men\n\nMay 9, 2021\n\n"
                                    "The police chief, Mara Quist, told reporters that Orrin Talvik leads the "
                                    "Vessa Liberation Front.\n")
    (tmp_path / "c.txt").write_text("Court Hears a Witness\n\nJune 2, 2021\n\n"
                                    "A witness, Ines Duarte, told the court that Orrin Talvik leads the "
                                    "Vessa Liberation Front.\n")
    with Workspace(str(tmp_path / "s.db"), processes=1) as ws:
        ws.ingest([str(tmp_path / name) for name in ("b.txt", "c.txt")])
        [reported] = [r for r in ws.relations("Orrin Talvik") if r.predicate == "leads"]
        ws.ingest([str(tmp_path / "a.txt")])
        [leads] = [r for r in ws.relations("Orrin Talvik") if r.predicate == "leads"]
    assert reported.attributed_to and len(reported.evidence) == 2  # two people report it: still one relation
    assert leads.attributed_to is None and len(leads.evidence) == 3  # and once stated outright, it is asserted
    said = {e.doc.rsplit("/", 1)[-1]: e.attributed_to for e in leads.evidence}
    assert said["a.txt"] is None and "Mara Quist" in (said["b.txt"] or "") and "Ines Duarte" in (said["c.txt"] or "")
