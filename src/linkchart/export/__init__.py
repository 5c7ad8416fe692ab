"""Exports of a whole store, one module per format, and the registry of formats."""

from __future__ import annotations

from linkchart.export.base import Exporter
from linkchart.export.csv import CsvExporter
from linkchart.export.ftm import FtmExporter
from linkchart.export.graph import GexfExporter, GraphMLExporter
from linkchart.export.json import JsonExporter
from linkchart.export.neo4j import CypherExporter


def exporters() -> dict[str, Exporter]:
    """Return the known export formats by name."""
    return {e.name: e for e in (JsonExporter(), GexfExporter(), GraphMLExporter(), CypherExporter(), CsvExporter(),
                                FtmExporter())}
