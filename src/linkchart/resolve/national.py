"""Keys for names made of nations and a common noun: national bodies and frontiers.

'Iraq's parliament', 'the Iraqi Parliament' and 'Iraq parliament' are one body; so are
'Israeli army' and 'Israel's Defense Forces'. 'The Lebanon-Israel border' and 'the
Lebanese-Israeli border' are one frontier. Such names share no spelling, so the name
matcher cannot join them; their key — the nations, canonicalised, plus the class of the
noun — can. A name with any other word ('Free Syrian Army') has no key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linkchart import lexicon
from linkchart.resolve import names

_MAX_NATION_WORDS = 4


def _leading_nation(words: list[str]) -> tuple[str, int] | None:
    """Return (country, number of words it takes) for the longest nation at the start of `words`."""
    for n in range(min(_MAX_NATION_WORDS, len(words) - 1), 0, -1):
        country = lexicon.nation_of(" ".join(words[:n]))
        if country is not None:
            return country, n
    return None


def _frontier_nations(words: list[str], frontiers: frozenset[str]) -> tuple[str, str] | None:
    """Return the two nations of 'Lebanon-Israel border' or 'Lebanese border with Israel', else None."""
    if len(words) == 2 and words[-1].lower() in frontiers and "-" in words[0]:
        parts = [lexicon.nation_of(w) for w in words[0].split("-")]
    elif len(words) >= 4 and words[1].lower() in frontiers and words[2].lower() == "with":
        parts = [lexicon.nation_of(words[0]), lexicon.nation_of(" ".join(words[3:]))]
    else:
        return None
    return (parts[0], parts[1]) if len(parts) == 2 and parts[0] and parts[1] else None


@lru_cache(maxsize=100_000)
def national_key(surface: str) -> str | None:
    """Return 'Country|class' for a national body, 'A+B|border' for a frontier, else None.

    'Iraq’s parliament' → 'Iraq|parliament'; 'Israeli army' → 'Israel|military';
    'Lebanese-Israeli border' and 'Lebanese border with Israel' → 'Israel+Lebanon|border';
    'Free Syrian Army' → None.
    """
    text = names.normalize(surface)
    words = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).split()
    if len(words) < 2:
        return None
    bodies = lexicon.national_bodies()
    wording, frontiers = bodies.institutions, bodies.frontiers
    pair = _frontier_nations(words, frontiers)
    if pair is not None:
        return "+".join(sorted(pair)) + "|border" if pair[0] != pair[1] else None
    lead = _leading_nation(words)
    if lead is None:
        return None
    country, n = lead
    cls = wording.get(" ".join(words[n:]).lower())
    return f"{country}|{cls}" if cls else None


@lru_cache(maxsize=100_000)
def nation_key(surface: str) -> str | None:
    """Return the nation a name is qualified by, else None.

    'Iraqi Army', 'Iraq’s parliament' and 'Iraq' → 'Iraq'; 'the United States Army' → 'United States'
    (the lexicon's canonical name); 'Lebanese-Israeli border' → 'Israel+Lebanon';
    'Revolutionary Guard' → None. Two names with different nation keys never make one entity
    (`unionfind.UnionFind` refuses such a join, over whole clusters).
    """
    key = national_key(surface)
    if key is not None:
        return key.split("|", 1)[0]
    words = re.sub(r"^the\s+", "", names.normalize(surface), flags=re.IGNORECASE).split()
    if not words:
        return None
    whole = lexicon.nation_of(" ".join(words)) if len(words) <= _MAX_NATION_WORDS else None
    if whole is not None:
        return whole
    lead = _leading_nation(words)
    return lead[0] if lead else None
