"""A sanctions or watch list read offline: entries with their names, programmes and source.

The readers (`linkchart.screen.read.read_list`) return a `ScreeningList`; a list that
cannot be read raises `ListError` naming the file and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON_SCHEMATA = frozenset({"Person"})
ORGANISATION_SCHEMATA = frozenset({"Organization", "Company", "PublicBody"})
EITHER_SCHEMATA = frozenset({"LegalEntity"})  # a legal entity may be a person or an organisation
# which store entity types a list schema may match
STORE_TYPES = {"PERSON": PERSON_SCHEMATA | EITHER_SCHEMATA, "ORG": ORGANISATION_SCHEMATA | EITHER_SCHEMATA}


class ListError(ValueError):
    """A list file that cannot be read: the message names the file and the reason."""


@dataclass
class ListEntry:
    """One entry of a list: an FtM schema, its names (first the main one) and why it is listed."""

    id: str
    schema: str  # FtM schema: Person, Organization, Company, LegalEntity, Vessel, ...
    names: list[str]  # the main name first, then aliases
    programs: list[str] = field(default_factory=list)
    authority: str | None = None
    source_url: str | None = None
    weak_names: list[str] = field(default_factory=list)  # bynames a list marks weak: matched only when near identical

    @property
    def caption(self) -> str:
        """Return the entry's main name."""
        return self.names[0] if self.names else self.id


@dataclass
class ScreeningList:
    """A list as read: its source name (what badges say) and its entries."""

    source: str  # 'OFAC SDN', or the FtM dataset ('us_ofac_sdn', 'sanctions', ...)
    path: str
    entries: list[ListEntry]


def matches_type(schema: str, entity_type: str) -> bool:
    """Return True when a list entry of FtM `schema` may name a store entity of `entity_type` (PERSON, ORG)."""
    return schema in STORE_TYPES.get(entity_type, frozenset())
