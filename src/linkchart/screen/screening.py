"""Screen the store against a list, keep the matches, and read them back with the analysts' verdicts.

`screen_store` compares every PERSON and ORG entity (its canonical name and aliases) with a
list's names (`matcher.screen`) and replaces the store's matches of that list. A match
belongs to the entity that goes by the screened entity's name, and an analyst's verdict
(`decide`: confirm or reject) is kept by list, entry and that name: both survive re-ingest,
re-resolution (entity ids change) and screening the list again. `listings` reads an entity's
matches with their status; a rejected one is no badge.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from linkchart.resolve.compare import THRESHOLD
from linkchart.screen.lists import STORE_TYPES, ScreeningList
from linkchart.screen.matcher import Subject, screen
from linkchart.store.base import ScreeningDecisionRow, ScreeningMatchRow, Store

STATUS_OF_VERDICT = {"confirm": "confirmed", "reject": "rejected"}
UNREVIEWED = "unreviewed"


@dataclass
class ScreenReport:
    """What screening the store against one list did."""

    list_source: str
    path: str
    entries: int  # entries read from the list
    screened: int  # store entities compared (PERSON, ORG)
    matches: list[ScreeningMatchRow] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Listing:
    """One list entry an entity matched, with the analysts' verdict."""

    match: ScreeningMatchRow
    status: str  # confirmed | rejected | unreviewed

    @property
    def label(self) -> str:
        """Return the list, the entry's id and its programmes: 'OFAC SDN 12345 (SDGT, IRGC)'."""
        programs = f" ({', '.join(self.match.programs)})" if self.match.programs else ""
        return f"{self.match.list_source} {self.match.entry_id}{programs}"

    @property
    def badge(self) -> str:
        """Return the badge shown with the entity: 'listed: OFAC SDN 12345 (SDGT)'."""
        return f"listed: {self.label}" + (" ✓" if self.status == "confirmed" else "")

    @property
    def detail(self) -> str:
        """Return why it matched: names, score and the verdict."""
        m = self.match
        return (f"'{m.name}' matched '{m.matched_name}' ({m.entry_name} on the list), score {m.score:.2f}; "
                f"{self.status}")


def subjects(store: Store) -> list[Subject]:
    """Return the store's people and organisations with their names (canonical first, then by frequency)."""
    names: dict[int, list[str]] = defaultdict(list)
    for a in store.entity_aliases():
        names[a.entity_id].append(a.alias)
    return [Subject(e.id, e.name, e.type, names.get(e.id, [])) for e in store.entities() if e.type in STORE_TYPES]


def screen_store(store: Store, lst: ScreeningList, threshold: float = THRESHOLD) -> ScreenReport:
    """Return the report of screening the store against `lst`; its matches replace the list's stored ones."""
    started = time.perf_counter()
    people = subjects(store)
    rows = [
        ScreeningMatchRow(0, lst.source, h.entry.id, h.entry.caption, h.entry.schema, h.entry.programs,
                          h.entry.authority, h.entry.source_url, h.matched_name, h.name, h.subject.name,
                          h.subject.id, h.score, h.reasons)
        for h in screen(people, lst.entries, threshold)
    ]
    store.replace_screening(lst.source, rows)
    stored = [m for m in store.screening_matches() if m.list_source == lst.source]
    return ScreenReport(lst.source, lst.path, len(lst.entries), len(people), stored,
                        time.perf_counter() - started)


def _verdicts(decisions: list[ScreeningDecisionRow]) -> dict[tuple[str, str, str], str]:
    """Return the latest verdict by (list, entry id, folded entity name)."""
    return {(d.list_source, d.entry_id, d.entity_name.lower()): d.verdict for d in decisions}


def listings(store: Store, entity_id: int | None = None, rejected: bool = False) -> list[Listing]:
    """Return the list entries an entity (or every entity) matched, best first, with their status.

    Rejected matches are left out unless `rejected`. An entry matched through several
    names of one entity is listed once.
    """
    verdicts = _verdicts(store.screening_decisions())
    out: list[Listing] = []
    seen: set[tuple[int | None, str, str]] = set()
    for m in store.screening_matches(entity_id):
        key = (m.entity_id, m.list_source, m.entry_id)
        if key in seen:
            continue
        seen.add(key)
        verdict = verdicts.get((m.list_source, m.entry_id, m.entity_name.lower()))
        status = STATUS_OF_VERDICT.get(verdict or "", UNREVIEWED)
        if status != "rejected" or rejected:
            out.append(Listing(m, status))
    return out


def decide(store: Store, match_id: int, verdict: str, note: str | None = None) -> Listing:
    """Record an analyst's verdict (confirm | reject) on a stored match; return the match with its new status.

    Raises KeyError for an unknown match id and ValueError for an unknown verdict.
    """
    m = store.screening_match(match_id)
    if m is None:
        raise KeyError(match_id)
    store.add_screening_decision(verdict, m.list_source, m.entry_id, m.entity_name, note)
    return Listing(m, STATUS_OF_VERDICT[verdict])
