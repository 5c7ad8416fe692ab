"""Places named after a revered figure: 'Saint-Orlan' the town, not 'Saint Orlan' the man.

French and Breton usage (and English usage of such places) joins the epithet to the name with a hyphen when a
place, a church or a parish takes a saint's name ('Saint-Étienne', 'St-Denis', 'Sainte-Foy'); the saint himself is
written with a space. Transliteration keys drop hyphens, so the resolver and the matcher read the form here and keep
the two apart. The epithets are the `epithet` class of the titles lexicon.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linkchart import lexicon

EPITHETS = lexicon.titles().epithets
# the first word, then a hyphen (spaced or not, as a tokenised text writes it) before the next word
_HYPHENATED_FIRST = re.compile(r"^([^\W\d_]+)\.?\s*-\s*[^\W\d_]")


@lru_cache(maxsize=100_000)
def named_after_figure(surface: str) -> bool:
    """Return True when a name opens with an epithet joined by a hyphen to the next word ('Saint-Orlan',
    'St - Denis'): a place named after the figure, never the figure."""
    m = _HYPHENATED_FIRST.match(surface.strip())
    return m is not None and m.group(1).lower() in EPITHETS


@lru_cache(maxsize=100_000)
def opens_with_epithet(surface: str) -> bool:
    """Return True when a name's first word is an epithet ('Saint Orlan', 'Saint-Orlan', 'St. Denis')."""
    words = surface.strip().replace("-", " ").split()
    return bool(words) and words[0].lower().rstrip(".") in EPITHETS


def figure_and_place(a: str, b: str) -> bool:
    """Return True when of two names opening with an epithet, one is a place named after the figure and the other
    is not ('Saint-Orlan' / 'Saint Orlan')."""
    return (opens_with_epithet(a) and opens_with_epithet(b)
            and named_after_figure(a) != named_after_figure(b))
