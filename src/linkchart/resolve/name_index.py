"""A blocking index over names, to find which names a query may be another spelling of, without scanning them all.

Each name is filed under *block keys* made from the consonant skeletons of its
transliteration keys (`names.translit_key`): the first three and the last three consonants
of every word ('Qassem Soleimani' → 'ksm', 'slm', 'mn'...), so that spellings that differ in
vowels, doubled letters or romanisation ('Qasim Sulaymani', Arabic script 'قاسم سليماني') share
keys, and a typo in one half of a word keeps the other half's key. Acronyms are filed under
themselves and a long name under its acronyms. `search` gathers the names that share the
most keys with the query (at most `MAX_COMPARED`; keys held by more than `COMMON_KEY` names
count only when the query has no rarer key) and ranks them with `compare.compare`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from linkchart.resolve import names
from linkchart.resolve.compare import Match, compare

MAX_COMPARED = 400  # names compared with one query, the ones sharing most keys first
COMMON_KEY = 5_000  # a key this common ('mhm' for Muhammad) is used only when the query has no other
_VOWELS = str.maketrans("", "", "aeiu")


@dataclass(frozen=True)
class Hit:
    """A name of the index that a query may stand for: its owner, the name, and the matcher's verdict."""

    owner: int
    name: str
    match: Match


def block_keys(name: str) -> set[str]:
    """Return the block keys of a name (see the module docstring); a name with no letters has none."""
    keys: set[str] = set()
    tokens = names.name_tokens(name)
    for token in tokens:
        key = names.translit_key(token)
        skeleton = key.translate(_VOWELS)
        if len(skeleton) >= 3:
            keys.update((f"h{skeleton[:3]}", f"t{skeleton[-3:]}"))
        elif key:
            keys.add(f"w{key}")
    if len(tokens) == 1 and names.is_acronym(name):
        keys.add(f"a{tokens[0].upper()}")
    elif len(tokens) > 2:  # two initials ('QS') say too little to file a name under
        keys.update(f"a{a}" for a in names.acronym_of(name))
    return keys


class NameIndex:
    """Names with their owners (entity ids), filed by block key."""

    def __init__(self, entries: Iterable[tuple[int, str]] = ()) -> None:
        self._entries: list[tuple[int, str]] = []
        self._blocks: dict[str, list[int]] = defaultdict(list)
        for owner, name in entries:
            self.add(owner, name)

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, owner: int, name: str) -> None:
        """File `name`, owned by `owner`, under its block keys."""
        i = len(self._entries)
        self._entries.append((owner, name))
        for key in block_keys(name):
            self._blocks[key].append(i)

    def candidates(self, query: str) -> list[int]:
        """Return the indices of the names sharing most block keys with `query`, at most `MAX_COMPARED`."""
        buckets = [b for b in (self._blocks.get(k) for k in block_keys(query)) if b]
        rare = [b for b in buckets if len(b) <= COMMON_KEY]
        if not rare and buckets:
            rare = [min(buckets, key=len)[:COMMON_KEY]]
        votes: Counter[int] = Counter()
        for bucket in rare:
            votes.update(bucket)
        return [i for i, _ in votes.most_common(MAX_COMPARED)]

    def search(self, query: str, limit: int | None = None, floor: float = 0.0) -> list[Hit]:
        """Return the best hit of each owner whose name may be `query` (score above `floor`), best first.

        Ties go to the owner filed first. Only the candidates of `candidates` are compared.
        """
        best: dict[int, Hit] = {}
        for i in self.candidates(query):
            owner, name = self._entries[i]
            match = compare(query, name)
            if match.score > floor and (owner not in best or match.score > best[owner].match.score):
                best[owner] = Hit(owner, name, match)
        ranked = sorted(best.values(), key=lambda h: -h.match.score)
        return ranked if limit is None else ranked[:limit]
