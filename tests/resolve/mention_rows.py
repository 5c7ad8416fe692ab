"""A stored mention as the resolver reads it, for resolve tests that build mentions by hand."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class M:
    """A mention row: id, article, surface text, label and the optional role or description it was found with."""

    id: int
    article_id: int
    text: str
    label: str
    role: str | None = None
    description: str | None = None
