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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass, fields
from typing import Any

from linkchart.export.base import Exporter
from linkchart.export.kept import kept_current, kept_metrics, kept_relations
from linkchart.export.screening import all_screening_matches
from linkchart.models import Evidence
from linkchart.resolve.facts import entity_events
from linkchart.store.base import Store

PIECE_CHARS = 1 << 16  # a table is written in pieces of about this many characters
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
    return "".join(table_pieces(columns, rows))


def table_pieces(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """Yield the text of `table(columns, rows)` in pieces of about `PIECE_CHARS`, as the rows come."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
        if buf.tell() >= PIECE_CHARS:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def lines_pieces(kind: type, rows: Iterable[Any]) -> Iterator[str]:
    """Yield a CSV document of dataclass rows of one kind, its fields as the header, in pieces."""
    return table_pieces(tuple(f.name for f in fields(kind)), (astuple(r) for r in rows))


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
        return {part: "".join(pieces) for part, pieces in self.pieces(store).items()}

    def pieces(self, store: Store) -> dict[str, Iterable[str]]:
        """Return the three tables by name (entities, relations, events), each computed as it is written: the
        entities and relations from the kept graph (`export.kept`), a page of relations at a time."""
        kept_current(store)
        return {"entities": lines_pieces(EntityLine, _entity_lines(store)),
                "relations": lines_pieces(RelationLine, _relation_lines(store)),
                "events": lines_pieces(EventLine, _event_lines(store))}

    def render(self, store: Store) -> str:
        """Return the three tables one after the other, each headed by a '# <name>.csv' line."""
        return "\n".join(f"# {name}.csv\n{text}" for name, text in self.files(store).items())


def _names(store: Store) -> dict[int, str]:
    return {e.id: e.name for e in store.entities()}


def _entity_lines(store: Store) -> Iterator[EntityLine]:
    """Yield the rows of entities.csv, most mentioned entity first."""
    metrics = kept_metrics(store)
    descriptions = {e.id: e.description for e in store.entities()}
    listed = all_screening_matches(store)
    for e in store.entity_summaries():
        m = metrics.get(e.id)
        yield EntityLine(
            e.id, e.name, e.type, descriptions.get(e.id) or "",
            _lines(a for a in e.aliases if a != e.name), e.mentions, e.documents, m.degree if m else 0,
            round(m.betweenness, 6) if m else 0.0, round(m.pagerank, 6) if m else 0.0,
            "" if m is None or m.community is None else m.community,
            _lines(x.list_name for x in listed.get(e.id, [])),
        )


def _relation_lines(store: Store) -> Iterator[RelationLine]:
    """Yield the rows of relations.csv, in the order of the entity relations."""
    names = _names(store)
    for r in kept_relations(store):
        quotes, places = _quotes(r.evidence)
        yield RelationLine(
            r.subject, names.get(r.subject, ""), r.predicate, r.object, names.get(r.object, ""), r.negated,
            r.attributed_to or "", r.hedged, r.date or "", len(r.evidence), r.independent_sources, quotes, places,
        )


def _event_lines(store: Store) -> Iterator[EventLine]:
    """Yield the rows of events.csv: the dated entity events, in date order."""
    names = _names(store)
    for ev in entity_events(store, undated=True):
        if not ev.date:
            continue
        quotes, places = _quotes(ev.evidence)
        who = _lines(names.get(p, "") for p in ev.participants)
        yield EventLine(
            ev.date, ev.kind, ev.summary, _lines(ev.participants), who, ev.negated,
            ev.attributed_to or "", len(ev.evidence), ev.independent_sources, quotes, places,
        )
