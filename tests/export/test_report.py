"""Dossiers: what they hold, that HTML is one self-contained file with text escaped, and the PDF as printed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linkchart.api import Workspace
from linkchart.cli import app
from linkchart.export.report import Dossier
from linkchart.export.report.dossier import (
    AliasItem,
    Badge,
    EventItem,
    Named,
    Network,
    NetworkLink,
    Quote,
    RelationItem,
    Source,
)
from linkchart.export.report.html import render_html
from linkchart.export.report.md import md_escape, render_markdown
from linkchart.export.report.summary import enumerate_names, summarise
from linkchart.export.report.svg import network_svg, text_width, timeline_svg

HOSTILE = '<script>window.x=1</script><img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def khazali(sample_db: Path) -> Dossier:
    """Return the sample store's dossier on its most-named person."""
    with Workspace(sample_db, extract=False) as ws:
        return ws.dossier("Khazali")


def test_the_dossier_holds_names_with_reasons_relations_events_conflicts_and_numbered_sources(khazali: Dossier) -> None:
    d = khazali
    assert d.name == "Qais al-Khazali" and d.type == "PERSON" and d.mentions > 10
    assert {a.alias for a in d.aliases} >= {"Khazali", "Qais al-Khazali"} and all(a.reason for a in d.aliases)
    assert "leads" in d.relations and any(r.other.name == "Asaib Ahl al-Haq" for r in d.relations["leads"])
    assert d.events and all(e.quotes for e in d.events)
    assert any(c.quantity == "date of release" and len(c.sides) == 2 for c in d.conflicts)
    numbers = [s.number for s in d.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {q.source for items in d.relations.values() for r in items for q in r.quotes}
    cited |= {q.source for e in d.events for q in e.quotes}
    assert cited == set(numbers), "every source is cited and every citation has a source"
    assert d.network.nodes and all(link.labels for link in d.network.links)
    assert d.standing is not None and d.standing.rank >= 1 and d.badges == []


def test_the_summary_is_built_from_the_facts(khazali: Dossier) -> None:
    text = " ".join(khazali.summary)
    assert text.startswith("Qais al-Khazali is a person, named ")
    assert "leads Asaib Ahl al-Haq" in text and "independent sources" in text and "date of release" in text
    assert summarise(khazali) == khazali.summary
    assert enumerate_names(["A"], 3) == "A" and enumerate_names(["A", "B", "A"], 3) == "A and B"
    assert enumerate_names(list("ABCDE"), 3) == "A, B, C and 2 others"


def test_html_is_one_self_contained_file_without_script(khazali: Dossier) -> None:
    page = render_html(khazali)
    assert page.count("<svg ") == 2 and "<script" not in page.lower()
    assert not re.search(r"<(link|iframe|object|embed)\b", page) and not re.search(r'\bsrc="(?!data:)', page)
    assert "Sources" in page and 'id="source-1"' in page and 'href="#source-1"' in page


def hostile_dossier() -> Dossier:
    """Return a dossier whose every store-derived string is an attack."""
    other = Named(2, HOSTILE, "ORG")
    quote = Quote(HOSTILE + " [x](javascript:alert(1))", 1, 0, 10)
    relation = RelationItem("leads", "leads", other, True, False, HOSTILE, False, "2020", 1, [quote])
    event = EventItem("2020-01-02", "attack", HOSTILE, [other], False, None, 1, [quote])
    return Dossier(1, HOSTILE, "PERSON", HOSTILE, 3, 1, "2020", "2020", [AliasItem(HOSTILE, 2, HOSTILE, HOSTILE)],
                   [Badge(HOSTILE, HOSTILE)], {"leads": [relation]}, [event], [],
                   [Source(1, "feed.jsonl#L1", HOSTILE, HOSTILE, "2020", "javascript:alert(1)", HOSTILE)],
                   Network(Named(1, HOSTILE, "PERSON"), [other], [NetworkLink(1, 2, [HOSTILE], False)]), None,
                   summary=[HOSTILE])


def test_html_escapes_every_document_derived_string() -> None:
    page = render_html(hostile_dossier())
    assert "<script" not in page and "<img" not in page and "onerror=\"" not in page
    assert "&lt;script&gt;" in page and 'href="javascript:' not in page


def test_markdown_escapes_every_document_derived_string() -> None:
    text = render_markdown(hostile_dossier())
    assert not re.search(r"(?<!\\)<", text), "every < of the text is escaped"
    assert not re.search(r"(?<!\\)\]\(javascript:", text), "no link to javascript:"
    assert "\\<script\\>" in text and md_escape("a*b_[c]") == "a\\*b\\_\\[c\\]"
    assert text.count("data:image/svg+xml;base64,") == 2


def label_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """Return the estimated boxes (x0, x1, y, size) of the labels of a timeline picture (not the axis years)."""
    boxes = []
    for x, y, size, anchor, text in re.findall(
            r'<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]*)</text>', svg):
        w = text_width(text, float(size))
        x0 = float(x) - (w if anchor == "end" else w / 2 if anchor == "middle" else 0)
        boxes.append((x0, x0 + w, float(y), float(size)))
    return boxes


def test_timeline_labels_never_overlap_even_on_one_day() -> None:
    quote = [Quote("q", 1, 0, 1)]
    events = [EventItem("2019-11-05", kind, "s", [], False, None, 1, quote) for kind in ("arrest", "attack", "visit")]
    events += [EventItem(f"{y}", "war", "s", [], False, None, 1, quote) for y in range(2003, 2020, 2)]
    svg = timeline_svg(events)
    boxes = [b for b in label_boxes(svg) if b[3] == 10 and not b[2] > 16 + 14 * 15]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if abs(a[2] - b[2]) < 12:
                assert a[1] <= b[0] or b[1] <= a[0], f"labels overlap: {a} {b}"
    assert svg.count("<circle") == len(events)


def test_network_labels_read_outward_from_the_two_sides() -> None:
    nodes = [Named(i, f"Entity number {i}", "PERSON") for i in range(2, 14)]
    net = Network(Named(1, "Centre", "ORG"), nodes, [NetworkLink(1, n.id, ["leads"], False) for n in nodes])
    svg = network_svg(net)
    anchors = re.findall(r'text-anchor="(start|end)"[^>]*>Entity number', svg)
    assert anchors.count("start") == 6 and anchors.count("end") == 6


def test_cli_writes_html_and_markdown_and_refuses_unknown_formats(sample_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "k.html"
    res = runner.invoke(app, ["report", "Khazali", "--db", str(sample_db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    res = runner.invoke(app, ["report", "Asaib Ahl al-Haq", "--db", str(sample_db), "--format", "md",
                              "-o", str(tmp_path / "a.md")])
    assert res.exit_code == 0 and (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# Asaib Ahl al-Haq")
    assert runner.invoke(app, ["report", "Khazali", "--db", str(sample_db), "-f", "docx"]).exit_code == 2
    assert runner.invoke(app, ["report", "Nobody Atall", "--db", str(sample_db)]).exit_code == 1


def test_pdf_pages_as_images(sample_db: Path, tmp_path: Path) -> None:
    """The PDF is printed by Chromium; pdftoppm turns its pages into images that are A4 and not blank."""
    pytest.importorskip("playwright.sync_api", reason="the pdf extra (playwright) is not installed")
    if not Path("/usr/bin/chromium").exists() or shutil.which("pdftoppm") is None:
        pytest.skip("needs Debian's chromium and poppler-utils' pdftoppm (./dev test installs them)")
    from PIL import Image

    pdf = tmp_path / "k.pdf"
    res = CliRunner().invoke(app, ["report", "Khazali", "--db", str(sample_db), "-f", "pdf", "-o", str(pdf)])
    assert res.exit_code == 0, res.output
    assert pdf.read_bytes().startswith(b"%PDF-")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert 2 <= len(pages) <= 20
    for page in pages:
        image = Image.open(page).convert("L")
        width, height = image.size
        assert abs(width / height - 210 / 297) < 0.01, "A4 portrait"
        inked = sum(1 for v in image.tobytes() if v < 200) / (width * height)
        assert inked > 0.002, f"{page.name} is blank"
    first = Image.open(pages[0]).convert("L")
    top = first.crop((0, 0, first.size[0], first.size[1] // 6))
    assert min(top.tobytes()) < 80, "the title is printed at the top of the first page"
    rgb = Image.open(pages[1]).convert("RGB").tobytes()
    pixels = zip(rgb[0::3], rgb[1::3], rgb[2::3], strict=True)
    assert any(r < 80 and g < 130 and b > 150 for r, g, b in pixels), "the network picture is in colour"


def test_the_summary_reads_each_relation_from_the_entity_side() -> None:
    quote = [Quote("q", 1, 0, 1)]

    def rel(label: str, other: str, outgoing: bool) -> RelationItem:
        return RelationItem("leads", label, Named(9, other, "PERSON"), outgoing, False, None, False, None, 1, quote)

    d = hostile_dossier()
    d.name, d.description, d.badges = "Brightwater Front", None, []
    d.relations = {"leads": [rel("leads", "Harbour Watch", True), rel("led by", "Darius Venholm", False)]}
    text = " ".join(summarise(d))
    assert "leads Harbour Watch; led by Darius Venholm" in text
