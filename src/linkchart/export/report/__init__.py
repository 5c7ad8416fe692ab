"""Dossiers on one entity: gathered once (`dossier.build_dossier`), summarised by templates (`summary`),
pictured in SVG (`svg`), rendered as HTML, Markdown or PDF (one module per format)."""

from __future__ import annotations

from linkchart.export.report.base import Report as Report
from linkchart.export.report.base import ReportError as ReportError
from linkchart.export.report.dossier import Dossier as Dossier
from linkchart.export.report.dossier import build_dossier
from linkchart.export.report.html import HtmlReport
from linkchart.export.report.md import MarkdownReport
from linkchart.export.report.pdf import PdfReport
from linkchart.export.report.summary import summarise
from linkchart.graph.build import EntityGraph
from linkchart.store.base import Store


def reports() -> dict[str, Report]:
    """Return the dossier formats by name."""
    return {r.name: r for r in (HtmlReport(), MarkdownReport(), PdfReport())}


def dossier(store: Store, entity: int, eg: EntityGraph | None = None) -> Dossier:
    """Return the dossier of an entity (by id) with its summary; raise KeyError when there is none."""
    d = build_dossier(store, entity, eg)
    d.summary = summarise(d)
    return d


def render_report(store: Store, entity: int, fmt: str = "html", eg: EntityGraph | None = None) -> bytes:
    """Return the dossier of an entity in a format (html, md or pdf); raise KeyError for an unknown format."""
    return reports()[fmt].render(dossier(store, entity, eg))
