"""Export entities, relations (with their evidence) and events as CSV tables for spreadsheets.

Three files: `entities` (counts, aliases, centrality, community, list entries matched when
screened), `relations` (one row per
relation: both ends, modality, date, how many evidences and independent sources, the
quoted evidence and where each quote is) and `events`. A cell holding several values
puts one per line. Document text is untrusted: a text cell that a spreadsheet would read
as a formula (starting with = + - @) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields
from typing import Any

from linkchart.export.base import Exporter
from linkchart.export.screening import all_screening_matches
from linkchart.graph.build import build_graph
from linkchart.graph.metrics import graph_metrics
from linkchart.models import Evidence
from linkchart.store.base import Store

FORMULA_START = "=+-@\t\r"  # first characters that make a spreadsheet read a cell as a formula


@dataclass
class EntityLine:
    """A row of entities.csv."""

    id: int
    name: str
    type: str
    description: str
    aliases: str  # one per line
    mentions: int
    documents: int
    degree: int
    betweenness: float
    pagerank: float
    community: int | str  # '' when it has no link
    listed: str = ""  # list entries its names matched when screened ('OFAC SDN 12345 (SDGT)'), one per line


@dataclass
class RelationLine:
    """A row of relations.csv."""

    subject_id: int
    subject: str
    predicate: str
    object_id: int
    object: str
    negated: bool
    attributed_to: str
    hedged: bool
    date: str
    evidence_count: int
    independent_sources: int
    evidence: str  # the quoted sentences, one per line
    sources: str  # 'file [start:end]' of each quote, one per line


@dataclass
class EventLine:
    """A row of events.csv."""

    date: str
    kind: str
    summary: str
    participant_ids: str  # one per line
    participants: str  # one per line
    negated: bool
    attributed_to: str
    evidence_count: int
    independent_sources: int
    evidence: str
    sources: str


ENTITY_COLUMNS = tuple(f.name for f in fields(EntityLine))
RELATION_COLUMNS = tuple(f.name for f in fields(RelationLine))
EVENT_COLUMNS = tuple(f.name for f in fields(EventLine))


def safe_cell(value: Any) -> Any:
    """Return a value fit for a CSV cell: text that reads as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] and value[0] in FORMULA_START:
        return "'" + value
    return value


def table(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Return a CSV document with a header row (RFC 4180 quoting, \\r\\n line ends)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buf.getvalue()


def lines_table(kind: type, rows: Iterable[Any]) -> str:
    """Return a CSV document of dataclass rows of one kind, its fields as the header."""
    return table(tuple(f.name for f in fields(kind)), (astuple(r) for r in rows))


def _lines(values: Iterable[Any]) -> str:
    return "\n".join(str(v) for v in values)


def _quotes(evidence: list[Evidence]) -> tuple[str, str]:
    """Return the quoted sentences and their places ('file [start:end]'), one per line."""
    quotes = _lines(" ".join(e.text.split()) for e in evidence)
    return quotes, _lines(f"{e.doc} [{e.start}:{e.end}]" for e in evidence)


class CsvExporter(Exporter):
    """Spreadsheet tables: entities, relations with evidence, events."""

    name = "csv"
    suffix = ".csv"
    description = "CSV tables (entities, relations with evidence, events)"

    def files(self, store: Store) -> dict[str, str]:
        """Return the three tables by name: entities, relations, events."""
        eg = build_graph(store)
        metrics = graph_metrics(eg).nodes
        names = {e.id: e.name for e in store.entities()}
        listed = all_screening_matches(store)
        entity_rows = []
        for e in store.entity_summaries():
            row = store.entity(e.id)
            m = metrics.get(e.id)
            entity_rows.append(EntityLine(
                e.id, e.name, e.type, (row.description if row else None) or "",
                _lines(a for a in e.aliases if a != e.name), e.mentions, e.documents, m.degree if m else 0,
                round(m.betweenness, 6) if m else 0.0, round(m.pagerank, 6) if m else 0.0,
                "" if m is None or m.community is None else m.community,
                _lines(x.list_name for x in listed.get(e.id, [])),
            ))
        relation_rows = []
        for r in eg.relations:
            quotes, places = _quotes(r.evidence)
            relation_rows.append(RelationLine(
                r.subject, names.get(r.subject, ""), r.predicate, r.object, names.get(r.object, ""), r.negated,
                r.attributed_to or "", r.hedged, r.date or "", len(r.evidence), r.independent_sources, quotes, places,
            ))
        event_rows = []
        for ev in eg.events(store):
            quotes, places = _quotes(ev.evidence)
            who = _lines(names.get(p, "") for p in ev.participants)
            event_rows.append(EventLine(
                ev.date, ev.kind, ev.summary, _lines(ev.participants), who, ev.negated,
                ev.attributed_to or "", len(ev.evidence), ev.independent_sources, quotes, places,
            ))
        return {
            "entities": lines_table(EntityLine, entity_rows),
            "relations": lines_table(RelationLine, relation_rows),
            "events": lines_table(EventLine, event_rows),
        }

    def render(self, store: Store) -> str:
        """Return the three tables one after the other, each headed by a '# <name>.csv' line."""
        return "\n".join(f"# {name}.csv\n{text}" for name, text in self.files(store).items())
