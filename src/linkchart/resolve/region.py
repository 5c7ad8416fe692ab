"""The keys through which a name can affect the resolution of another, so that new names re-resolve only the
clusters they can touch.

Every join pass relates names of different articles through something they share: a
transliteration key (same key, alias lookups, parent-prefixed units, the type vote), a
surname or first word (partial names, short forms), a matcher block, an acronym, an
organisation core, a national body, a country, a description. `link_keys` gives those keys
for one name; a cluster is filed under the keys of all its names (`linkchart.store`'s
`resolver_keys`), and a new name pulls in the clusters filed under its own keys. Passes that
work inside one article need no key: a new article brings all of its names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from linkchart import lexicon
from linkchart.resolve import names
from linkchart.resolve.blocking import MAX_CANDIDATES, RARE_KEY, block_keys
from linkchart.resolve.national import national_key
from linkchart.resolve.surfaces import clean_surface

BLOCK = "b:"  # matcher blocks: a common one only ranks candidates (`blocking.RARE_KEY`), it pulls in no cluster


def link_keys(surface: str, type_: str, query: bool = False) -> set[str]:
    """Return the keys a name of the given type is filed under, or (`query`) those it looks clusters up by.

    The two differ where a pass relates names one way: a one-word name joins a longer name
    ending ('Dawali' → 'Karim Dawali') or beginning ('Golan' → 'Golan Heights') with it, so a
    longer name looks up one-word names and a one-word name looks up longer ones.
    """
    keys: set[str] = set()
    key = names.name_key(surface)
    if key:
        keys.add("n:" + key)
    calque = names.english_calque(surface)
    if calque:
        keys.add("n:" + names.name_key(calque))
    parts = names.name_parts(surface)
    one, many = ("m", "w") if query else ("w", "m")
    if len(parts) == 1:
        keys.add(f"p{one}:{parts[0]}")
        keys.add(f"s{one}:{parts[0]}")
    elif parts:
        for part in parts[1:]:  # surnames and later names
            keys.add(f"p{many}:{part}")
            if part.startswith("abd "):
                keys.add(f"p{many}:{part[4:]}")
        if type_ in ("ORG", "LOC", "FAC"):
            keys.add(f"s{many}:{parts[0]}")
    keys.update(BLOCK + k for k in block_keys(surface))
    tokens = names.name_tokens(surface)
    if names.is_acronym(surface):
        keys.add("a:" + surface.replace(".", "").upper())
    elif len(tokens) >= 2:
        keys.update("a:" + a.upper() for a in names.acronym_of(surface))
    core = names.org_core(surface)[0]
    if core:
        keys.add("o:" + core)
    national = national_key(surface)
    if national:
        keys.add("k:" + national)
    country = lexicon.countries().names.get(surface.replace(".", "").casefold())
    if country:
        keys.add("g:" + country)
    if description_like(surface):
        words = names.normalize(surface).split()
        capitals = " ".join(w.replace(".", "") for w in words if w[:1].isupper())
        keys.add(f"d:{capitals}|{words[-1].lower()}")
    if query and key:
        keys.add("u:" + key)  # longer names made of this one and another
    for i in range(1, len(tokens) - 1):  # a unit named after its parent: its parts are names of their own
        for piece in (" ".join(tokens[:i]), " ".join(tokens[i:])):
            keys.add(("n:" if query else "u:") + names.name_key(piece))
    return keys


def description_like(surface: str) -> bool:
    """Return True for a description made of common words ('US armed forces'), as the descriptions pass reads it."""
    words = names.normalize(surface).split()
    return len(words) > 1 and any(w[:1].islower() and not w.startswith(("al-", "el-")) and w not in {"al", "of", "the"}
                                  for w in words)


def decision_keys(decisions: Iterable[Any]) -> set[str]:
    """Return the keys of every name an analyst's decision names: their clusters are always re-resolved."""
    keys: set[str] = set()
    for d in decisions:
        args = d.args
        found = [args.get(role) for role in ("a", "b", "entity", "alias", "name")]
        found += [args[f"{role}_anchor"].get("surface") for role in ("a", "b", "entity")
                  if isinstance(args.get(f"{role}_anchor"), dict)]
        for name in found:
            key = names.name_key(clean_surface(name)) if isinstance(name, str) else ""
            if key:
                keys.add("n:" + key)
    return keys


def clusters_for(found: dict[str, list[int]]) -> set[int]:
    """Return the clusters filed under the keys of `found` other than matcher blocks."""
    return {c for key, clusters in found.items() if not key.startswith(BLOCK) for c in clusters}


def block_candidates(found: dict[str, list[int]], keys: set[str]) -> list[int]:
    """Return the clusters one new name with the matcher blocks `keys` is compared with: those sharing most blocks
    with it, then the rarest block, at most `blocking.MAX_CANDIDATES`; a block held by more than
    `blocking.RARE_KEY` clusters brings none."""
    usable = sorted((k for k in keys if k in found and len(found[k]) <= RARE_KEY), key=lambda k: len(found[k]))
    votes: Counter[int] = Counter()
    for k in usable:
        votes.update(found[k])
    rarest: dict[int, int] = {}
    for k in reversed(usable):
        rarest.update(dict.fromkeys(found[k], len(found[k])))
    return sorted(votes, key=lambda c: (-votes[c], rarest[c], c))[:MAX_CANDIDATES]
