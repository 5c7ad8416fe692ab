"""The hook for screening results (sanctions and watch lists), read by the dossier and the FtM export.

Screening is not part of linkchart yet. A store that offers `screening_matches(entity_id)`,
returning rows with a `list_name` (and optionally `detail`), gets its matches shown as
badges in dossiers and exported as FtM `Sanction` entities; any other store has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from linkchart.store.base import Store


@dataclass
class ScreeningMatch:
    """A list an entity matched when screened."""

    list_name: str
    detail: str | None = None


def screening_matches(store: Store, entity: int) -> list[ScreeningMatch]:
    """Return the lists an entity matched, when the store keeps screening results; else none."""
    lookup = getattr(store, "screening_matches", None)
    if lookup is None:
        return []
    return [ScreeningMatch(str(getattr(m, "list_name", m)), getattr(m, "detail", None)) for m in lookup(entity)]
