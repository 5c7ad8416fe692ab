"""Local surfaces: the unit the resolver clusters — one name as written in one article.

The join passes, the analysts' decisions and the entity builder all speak of names through
these keys and helpers.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from linkchart.resolve import names

Key = tuple[int, str]  # (article_id, surface; 'Imam Hussein' keeps its epithet: see cluster._local_surfaces)

# the counts of a local surface that none of its mentions has (most have no role, description or title): one
# read-only mapping shared by all; `cluster._local_surfaces` shares the counts of one name too
NONE: Mapping[str, int] = MappingProxyType({})


def _none() -> Mapping[str, int]:
    return NONE


@dataclass(slots=True)
class LocalSurface:
    """One name as written in one article, with all its mentions there.

    Slotted, with its mention ids in an array and its counts read-only and shared while they hold one name (see
    `cluster._local_surfaces`): a full resolution holds one per name of each article (a million at 100,000).
    """

    key: Key
    surface: str
    mention_ids: array[int] = field(default_factory=lambda: array("q"))
    labels: Mapping[str, int] = field(default_factory=_none)
    roles: Mapping[str, int] = field(default_factory=_none)
    descriptions: Mapping[str, int] = field(default_factory=_none)
    titled: Mapping[str, int] = field(default_factory=_none)  # forms written with a title ('Mr. Spyer')
    extra: bool = False  # named only by an alias statement, not by a mention
    position: int = 0  # how many local surfaces of its article were found before it (the order of the kept names;
    # 0 for a name known only from an alias statement)


@lru_cache(maxsize=65536)  # a pure function of the text, asked again for every mention of a name
def clean_surface(text: str, titles: bool = True) -> str:
    """Return the surface used for clustering: normalised, titles (unless `titles` is False) and a leading 'the'
    removed."""
    surface = names.normalize(text)
    surface = names.strip_titles(surface) if titles else surface
    if surface.lower().startswith("the "):
        surface = surface[4:]
    return surface.strip(" ,.;:'\"‘’“”()[]")


def mention_surface(mention: Any) -> str:
    """Return the surface a stored mention is clustered by: what it stands for ('Chile government' for
    'the government'), else its text. A title word is set aside only from a person's name: in another's it is a
    word of the name ('General Motors', 'Major League Baseball')."""
    return clean_surface(getattr(mention, "refers_to", None) or mention.text,
                         titles=getattr(mention, "label", "PERSON") == "PERSON")


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
