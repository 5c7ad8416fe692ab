"""Local surfaces: the unit the resolver clusters — one name as written in one article.

The join passes, the analysts' decisions and the entity builder all speak of names through
these keys and helpers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from linkchart.resolve import names

Key = tuple[int, str]  # (article_id, surface; 'Imam Hussein' keeps its epithet: see cluster._local_surfaces)


@dataclass
class LocalSurface:
    """One name as written in one article, with all its mentions there."""

    key: Key
    surface: str
    mention_ids: list[int] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    descriptions: Counter[str] = field(default_factory=Counter)
    titled: Counter[str] = field(default_factory=Counter)  # forms written with a title ('Mr. Spyer')
    extra: bool = False  # named only by an alias statement, not by a mention


@lru_cache(maxsize=65536)  # a pure function of the text, asked again for every mention of a name
def clean_surface(text: str) -> str:
    """Return the surface used for clustering: normalised, titles and a leading 'the' removed."""
    surface = names.strip_titles(names.normalize(text))
    if surface.lower().startswith("the "):
        surface = surface[4:]
    return surface.strip(" ,.;:'\"‘’“”()[]")


def mention_surface(mention: Any) -> str:
    """Return the surface a stored mention is clustered by: what it stands for ('Chile government' for
    'the government'), else its text."""
    return clean_surface(getattr(mention, "refers_to", None) or mention.text)


def written_form(text: str) -> str:
    """Return a name as an alias statement wrote it: normalised, without a leading 'the'."""
    form = names.normalize(text).strip(" ,.;:'\"‘’“”()[]")
    return form[4:] if form.lower().startswith("the ") else form


def is_partial_person(surface: str, type_: str) -> bool:
    """Return True for a one-word name that may be a person's surname ('Varga', 'Quell', 'Ms Lund-Aske':
    a hyphenated surname is one word)."""
    if type_ != "PERSON" or names.is_acronym(surface):
        return False
    parts = names.name_parts(surface)
    return len(parts) == 1 or (len(parts) > 1 and len(names.strip_titles(surface).split()) == 1)
