"""Which store names match which list names: blocking on name keys, then `linkchart.resolve.compare`.

No name is compared with every other. Each list name is indexed under its keys: the
consonant skeleton of every reading of every part (`name_parts`: transliteration folded, so
'Qais' / 'Qays' / 'Kais' and Arabic-script 'قيس' share one), of parts read joined ('Taji
al-Din' / 'Tajideen'), and the initials (three or more) an organisation could be written as. A store name is
compared only with list names that share a rare key with it (a key of at most
`RARE_SHARE` of the list's names, or `RARE_MIN`): the `TOP_CANDIDATES` that share the most
inverse-frequency weight. A name whose keys are all common ('Muhammad Ali') is compared with
the names sharing its two rarest keys at once. Only entries of a compatible schema are
compared (a Person entry with a PERSON, an Organization with an ORG, a LegalEntity with
either). A match is a score at or above the threshold that is not partial (a store alias
that is only a surname says little about which bearer is listed); through a list's weak
alias it needs `WEAK_ALIAS_SCORE`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from linkchart.resolve.compare import THRESHOLD, compare
from linkchart.resolve.name_parts import parse_name
from linkchart.screen.lists import STORE_TYPES, ListEntry

RARE_MIN = 50  # a key of at most this many list names is rare, whatever the list's size
RARE_SHARE = 0.01  # ... or of at most this share of them
TOP_CANDIDATES = 8  # list names compared per store name, those sharing the most key weight
WEAK_ALIAS_SCORE = 0.9  # a weak alias ('Abu X') matches only when it is near identical
MIN_INITIALS = 3  # initials indexed as an acronym key: 'TRF' for 'Tarvish Relief Foundation'; two say little
MAX_NAMES = 25  # names of one entity screened: its canonical name and its most frequent aliases


@dataclass
class Subject:
    """A store entity to screen: id, canonical name, type and the names it goes by."""

    id: int
    name: str
    type: str
    names: list[str] = field(default_factory=list)


@dataclass
class Hit:
    """A store entity whose name matched a list entry's name."""

    subject: Subject
    entry: ListEntry
    name: str  # the store name
    matched_name: str  # the list name or alias
    score: float
    reasons: list[str]


def name_keys(name: str) -> set[str]:
    """Return the blocking keys of a name: part skeletons (also of joined parts) and '#'-prefixed initials."""
    p = parse_name(name)
    keys: set[str] = set()
    for part in p.parts:
        if part.initial:
            continue
        if part.acronym:
            keys.add("#" + part.keys[0])
            continue
        keys.update(s for s in part.skeletons if s)
    for _, joined in p.joins:
        keys.update(s for s in joined.skeletons if s)
    if p.acronym:
        keys.add("#" + p.acronym.lower())
    keys.update("#" + i.lower() for i in p.initials if len(i) >= MIN_INITIALS)
    return keys


class NameIndex:
    """The names of a list's entries indexed by their blocking keys."""

    def __init__(self, entries: Iterable[ListEntry]) -> None:
        self.entries: list[ListEntry] = []
        self.names: list[tuple[int, str, bool]] = []  # (entry index, name, weak alias?)
        self.postings: dict[str, list[int]] = {}
        for entry in entries:
            if not any(entry.schema in allowed for allowed in STORE_TYPES.values()):
                continue  # vessels, aircraft: no store entity is one
            e = len(self.entries)
            self.entries.append(entry)
            for name, weak in [*((n, False) for n in entry.names), *((n, True) for n in entry.weak_names)]:
                n = len(self.names)
                self.names.append((e, name, weak))
                for key in name_keys(name):
                    self.postings.setdefault(key, []).append(n)
        self.rare = max(RARE_MIN, int(RARE_SHARE * len(self.names)))

    def _idf(self, key: str) -> float:
        return math.log(1 + len(self.names) / len(self.postings[key]))

    def candidates(self, name: str, entity_type: str) -> list[int]:
        """Return the ids of the list names to compare `name` with (of entries an `entity_type` entity may be)."""
        allowed = STORE_TYPES.get(entity_type, frozenset())
        keys = sorted((k for k in name_keys(name) if k in self.postings), key=lambda k: len(self.postings[k]))
        if not keys:
            return []
        weight: Counter[int] = Counter()
        rare = [k for k in keys if len(self.postings[k]) <= self.rare]
        if rare:
            for k in rare:
                idf = self._idf(k)
                for n in self.postings[k]:
                    weight[n] += idf
        elif len(keys) >= 2:
            second = set(self.postings[keys[1]])
            idf = self._idf(keys[0]) + self._idf(keys[1])
            for n in self.postings[keys[0]]:
                if n in second:
                    weight[n] = idf
        ranked = sorted(weight, key=lambda n: (-weight[n], n))
        return [n for n in ranked if self.entries[self.names[n][0]].schema in allowed][:TOP_CANDIDATES]


def screen(subjects: Iterable[Subject], entries: Iterable[ListEntry], threshold: float = THRESHOLD) -> list[Hit]:
    """Return the best match of each (store entity, list entry) pair scoring at least `threshold`, best first.

    See the module docstring for which names are compared and what counts as a match.
    """
    index = NameIndex(entries)
    best: dict[tuple[int, int], Hit] = {}
    for subject in subjects:
        names = list(dict.fromkeys([subject.name, *subject.names]))[:MAX_NAMES]
        for name in names:
            for n in index.candidates(name, subject.type):
                e, listed, weak = index.names[n]
                m = compare(name, listed)
                if m.partial or m.score < (max(threshold, WEAK_ALIAS_SCORE) if weak else threshold):
                    continue
                key = (subject.id, e)
                if key not in best or m.score > best[key].score:
                    reasons = [*m.reasons, "a weak alias on the list"] if weak else list(m.reasons)
                    best[key] = Hit(subject, index.entries[e], name, listed, m.score, reasons)
    return sorted(best.values(), key=lambda h: (-h.score, h.subject.id, h.entry.id))
