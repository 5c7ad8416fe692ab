"""Corroboration: copies of one story count once, separate outlets count separately."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from linkchart.api import Workspace
from linkchart.models import Evidence
from linkchart.resolve.sources import SourceIndex, outlet_key

WIRE = ("HARBOURTON: Darius Venholm, the leader of the Brightwater Front, met with port officials on Monday to "
        "discuss the blockade of the northern docks. The talks lasted three hours and ended without an agreement, "
        "according to people present. Venholm told reporters afterwards that the Brightwater Front would keep its "
        "checkpoints on the coastal road until the fishermen's debts were cancelled. The port authority said it "
        "would reply within a week. Traders in the market said prices for fish and fuel had doubled since the "
        "checkpoints went up in the spring.")
# the wire story run again by another site with small edits: a near-duplicate
SYNDICATED = WIRE.replace("on Monday", "on Monday afternoon").replace("Traders in the market", "Traders")
# the wire's own follow-up, rewritten: not a near-duplicate, but the same outlet
FOLLOW_UP = ("Brightwater Front leader Darius Venholm refused on Tuesday to lift the group's checkpoints on the "
             "coastal road. In an interview he said the movement's demands were simple: cancel the debts of the "
             "fishermen. Officials at the port declined to comment on the interview.")
# another outlet's own reporting
INDEPENDENT = ("Fishermen in the villages south of Harbourton describe the Brightwater Front as their only defender. "
               "Darius Venholm, who leads the Brightwater Front, grew up in Marrow Bay and worked on trawlers before "
               "founding the movement. Villagers said the checkpoints had cut smuggling but raised the price of "
               "diesel.")


def write_feed(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """Write a jsonl feed of (text, outlet, url) rows and return its path."""
    lines = [json.dumps({"text": text, "title": f"Story {i}", "date": f"2021-03-0{i + 1}", "url": url,
                         "source": outlet}) for i, (text, outlet, url) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_wire_story_reposted_twice_and_one_independent_report_are_two_sources(tmp_path: Path) -> None:
    feed = write_feed(tmp_path / "feed.jsonl", [
        (WIRE, "Northwind Wire", "https://northwind-wire.example/a/1"),
        (SYNDICATED, "Harbor Daily", "https://harbordaily.example/news/venholm"),
        (FOLLOW_UP, "Northwind Wire", "https://northwind-wire.example/a/2"),
        (INDEPENDENT, "Valley Courier", "https://valleycourier.example/features/brightwater"),
    ])
    with Workspace(tmp_path / "s.db", processes=1) as ws:
        assert ws.ingest([str(feed)]).ok
        leads = [r for r in ws.relations("Darius Venholm", "leads") if r.object.name == "Brightwater Front"]
        assert len(leads) == 1
        assert leads[0].evidence_count == 4
        assert leads[0].independent_sources == 2  # the wire (three copies) and the independent report
        # the JSON export says it too
        exported = [r for r in ws.export_json()["relations"] if r["predicate"] == "leads"]
        assert [r["independent_sources"] for r in exported] == [2]


@pytest.fixture()
def stored(tmp_path: Path) -> Iterator[Workspace]:
    """Return a workspace holding three unlinked texts (no extraction) and two unknown-outlet files."""
    write_feed(tmp_path / "feed.jsonl", [
        ("The council met on Friday. " * 5, "The Valley Courier", "https://valleycourier.example/a"),
        ("A storm closed the harbour for two days. " * 5, "valley courier", None),
        ("Trawlers stayed in port until the wind dropped. " * 5, None, "https://www.seapost.example/x"),
    ])
    (tmp_path / "a.txt").write_text("Notes from a market visit. Prices were high.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Notes from a harbour visit. Boats were idle.\n", encoding="utf-8")
    with Workspace(tmp_path / "s.db", extract=False) as ws:
        assert ws.ingest([str(tmp_path)]).ok
        yield ws


def ev(ws: Workspace, suffix: str, text: str) -> Evidence:
    """Return an evidence in the first article whose source ends with `suffix`."""
    article = next(a for a in ws.documents() if a.source.endswith(suffix))
    return Evidence(article.source, article.start, article.start + 5, text, article.id)


def test_the_same_outlet_written_two_ways_is_one_source(stored: Workspace) -> None:
    index = SourceIndex(stored.store)
    a, b = ev(stored, "#L1", "one"), ev(stored, "#L2", "two")
    assert index.independent([a, b]) == 1
    assert index.independent([a, ev(stored, "#L3", "three")]) == 2


def test_files_of_unknown_outlet_are_sources_of_their_own_unless_they_quote_one_sentence(stored: Workspace) -> None:
    index = SourceIndex(stored.store)
    x, y = ev(stored, "a.txt", "short"), ev(stored, "b.txt", "short")
    assert index.independent([x, y]) == 2
    copied = "the council voted to close the harbour to foreign trawlers until spring"
    assert index.independent([ev(stored, "a.txt", copied), ev(stored, "b.txt", copied.capitalize() + ".")]) == 1
    assert index.groups([]) == [] and index.independent([x]) == 1


def test_outlet_keys_fold_names_and_fall_back_to_the_host() -> None:
    assert outlet_key("The Tigris Review", None) == outlet_key("tigris  review", "https://x.example") == "tigris review"
    assert outlet_key(None, "https://www.seapost.example/a/b") == "seapost.example"
    assert outlet_key("  ", None) is None and outlet_key(None, None) is None
