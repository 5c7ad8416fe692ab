"""Screening results (sanctions and watch lists) as the dossier and the exports show them.

`screening_matches(store, entity)` returns the list entries an entity matched when the
store was screened (`linkchart screen`, `linkchart.screen`), unless an analyst rejected
the match: the dossier shows them as badges, the FtM export as `Sanction` entities, the
graph and table exports as a `listed` attribute (`listed_labels`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linkchart.screen.screening import Listing, listings
from linkchart.store.base import Store


@dataclass
class ScreeningMatch:
    """A list entry an entity matched when screened, as exports show it."""

    list_name: str  # the list, the entry's id and its programmes: 'OFAC SDN 12345 (SDGT)'
    detail: str | None = None  # which names matched, the score, the analysts' verdict
    list_source: str = ""
    entry_id: str = ""
    entry_name: str = ""
    programs: list[str] = field(default_factory=list)
    authority: str | None = None
    source_url: str | None = None
    status: str = "unreviewed"  # confirmed | unreviewed

    @property
    def badge(self) -> str:
        """Return the badge: 'listed: OFAC SDN 12345 (SDGT)'."""
        return f"listed: {self.list_name}"


def _match(listing: Listing) -> ScreeningMatch:
    m = listing.match
    return ScreeningMatch(listing.label, listing.detail, m.list_source, m.entry_id, m.entry_name, m.programs,
                          m.authority, m.source_url, listing.status)


def screening_matches(store: Store, entity: int) -> list[ScreeningMatch]:
    """Return the list entries an entity matched when screened, best first, unless an analyst rejected them."""
    return [_match(x) for x in listings(store, entity)]


def all_screening_matches(store: Store) -> dict[int, list[ScreeningMatch]]:
    """Return every entity's unrejected list entries, by entity id (one read for a whole export)."""
    out: dict[int, list[ScreeningMatch]] = {}
    for x in listings(store):
        if x.match.entity_id is not None:
            out.setdefault(x.match.entity_id, []).append(_match(x))
    return out


def listed_labels(store: Store) -> dict[int, str]:
    """Return each listed entity's list entries as one attribute value: 'OFAC SDN 12345 (SDGT); ...'."""
    return {entity: "; ".join(m.list_name for m in found) for entity, found in all_screening_matches(store).items()}
