"""The name matcher: how likely two names, in any romanisation or in Arabic script, name one bearer.

`compare(a, b)` returns a `Match`: a `score` in [0, 1], the `features` that fired and a
`reasons` line for each (`FEATURES`), in the manner of nomenklatura's `FtResult`;
`is_match` compares the score with `THRESHOLD`, and `partial` / `typo_candidate` tell a
resolver to want context before joining. The score comes from a pass that records no
features (`_judge` without a `_Verdict`); the features are recorded by running the same
pass again when they are first read, so the two can never disagree.

How two names are compared (parsing is `name_parts.parse_name`, cached per name):

1. Parts are aligned one to one, in any order, most alike first (`name_align.align`: how
   alike two parts are, initials, parts written apart, bynames that are never spellings,
   different names that romanise alike).
2. A matched pair counts as agreement from nothing (similarity `NO_AGREEMENT`) to full
   (1). Each name's coverage is the weight of its parts times their agreement over its
   whole weight, where a part only one name has weighs `EXTRA_PART_WEIGHT` of its weight
   if the other name is wholly matched (a name left out) and at least `CONFLICT_WEIGHT`
   if both names have unmatched parts (a conflict: a different name, however common).
3. The score is the geometric mean of the two coverages (both names must be explained),
   raised to `SINGLE_PART_EXPONENT` when both names are one part, times the strength of
   the evidence (the weight of what matched: shared common names say little), times the
   negative features' factors: a given name alone, a differing given or family name,
   common given names in another order, a figure against a place named after it ('Saint
   Orlan' / 'Saint-Orlan'), shared parts out of place, organisation names that differ by a qualifier, a word or a
   head word, an organisation against a person.

`THRESHOLD` is the one merge threshold, chosen on the public name pairs
(`../shared/eval/public/data/names_*_dev.jsonl`) for at most 1 % false matches on every set
and on both halves of every set (split by the first name of a pair). At 0.40: OFAC 0.62 %
false matches, recall 0.828; Latin spellings 0.68 %, recall 0.873; Arabic script ↔ Latin
0.26 %, recall 0.892; the worst half is Latin's second, 0.98 % (0.36 is the lowest
two-decimal score under 1 % on the whole sets, but that half reaches 1.1 % there). The
global weights `name_align.SKELETON_SHARE`, `NO_AGREEMENT`, `EVIDENCE_SCALE` and `SINGLE_PART_EXPONENT`
were set while reading the same figures (each checked on both halves); the other factors
are set by hand for names the resolver meets, and checked not to lower them much.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz.distance import OSA

from linkchart import lexicon
from linkchart.resolve.name_align import WEAK_LINK, Link, align, clear_pair_cache
from linkchart.resolve.name_numbers import name_numbers
from linkchart.resolve.name_parts import BYNAMES, ParsedName, Part, known_name_part, parse_name
from linkchart.resolve.named_after import figure_and_place

THRESHOLD = 0.40

EXTRA_PART_WEIGHT = 0.5  # an unmatched part when the other name is wholly matched
CONFLICT_WEIGHT = 1.0  # least weight of an unmatched part when both names have one: a common name differs too
EVIDENCE_SCALE = 0.35  # matched part weight that makes the evidence 63 % strong: 'Muhammad' alone weighs ~0.3
WEAK_EVIDENCE = 0.75  # below this strength the reasons say the shared parts are common names
NO_AGREEMENT = 0.5  # a part similarity at or below this is no agreement at all
SINGLE_PART_EXPONENT = 2.0  # one part's likeness says less than the same likeness over several parts
GIVEN_NAME_DIFFERS = 0.75  # 'Ali X' / 'Omar X': brothers share a family name, an alias rarely drops the first name
TWO_GIVEN_NAMES = 0.75  # and both are common given names ('John X' / 'Robert X'): no spelling makes one the other
FAMILY_NAME_DIFFERS = 0.6  # 'Ali X' / 'Ali Y', 'Tom K. Vale' / 'Tom K. Poe': a shared first name says little
ORG_WORDS_DIFFER = 0.5  # 'Lebanese Army' / 'Lebanese University'
SHARED_TAIL_DIFFERS = 0.5  # 'Boston Symphony Orchestra' / 'Iceland Symphony Orchestra': two of one kind
SWAPPED_WITH_CONFLICT = 0.5  # 'Sadr City' / 'Moqtada al-Sadr'
GIVEN_NAME_ONLY = 0.5  # 'Qais' for 'Qais al-Khazali': brothers share a family name, many share a given name
ORG_HEADS_DIFFER = 0.4  # 'Quds Force' / 'Quds Brigade'
KIND_DIFFERS = 0.5  # an organisation's name against a person's
FIGURE_AND_PLACE = 0.2  # 'Saint Orlan' / 'Saint-Orlan': the saint and the town named after him
GIVEN_NAMES_REORDERED = 0.3  # 'Rosa Ana' / 'Ana Rosa': given names in another order are another compound name
ACRONYM_SCORE = 0.85  # 'AAH' for 'Asaib Ahl al-Haq'
TYPO_CEILING = THRESHOLD - 0.01  # letters swapped stay below the threshold, for a resolver with context


# ---- the verdict -----------------------------------------------------------------------


# Every feature the matcher can fire, and the reason it gives: a negative one lowers the
# score. '{0}', '{1}' are the feature's data (parts of a name are quoted and listed).
FEATURES: dict[str, str] = {
    "identical": "identical after normalising",
    "same_parts": "same parts: {0}",
    "spelling": "spelling variant: {0}",
    "initial": "initial: {0}",
    "joined": "written apart: {0}",
    "nasab_omitted": "nasab particle omitted: {0}",
    "head_synonym": "head word synonym: {0}",
    "nisba": "a name and its nisba (adjective), not one spelling: {0}",
    "arabic_script": "'{0}' read from Arabic script as '{1}'",
    "order_swapped": "parts in another order",
    "same_acronym": "same acronym '{0}'",
    "acronym": "acronym '{0}' of '{1}'",
    "middle_omitted": "middle part omitted: {0}",
    "parent_prefix": "parent organisation prefix {0}",
    "surname_only": "partial name (surname) {0}",
    "kunya_only": "partial name (byname) {0}",
    "leading_omitted": "partial name (leading part omitted): {0}",
    "trailing_omitted": "partial name (trailing part omitted): {0}",
    "head_omitted": "partial name (organisation head word omitted): {0}",
    "typo": "possible typo ({0}) '{1}' ~ '{2}'",
    "given_name_only": "partial name (given or middle name only) {0} (negative)",
    "parts_conflict": "unmatched {0} vs {1} (negative)",
    "given_name_differs": "given name differs: '{0}' vs '{1}' (negative)",
    "two_given_names": "two different common given names: '{0}' vs '{1}' (negative)",
    "figure_and_place": "a figure and a place named after it ('{0}' / '{1}', negative)",
    "given_names_reordered": "common given names in another order: another compound name (negative)",
    "family_name_differs": "surname differs: '{0}' vs '{1}' (negative)",
    "org_words_differ": "organisation names with a differing word (negative)",
    "org_heads_differ": "different head words {0} vs {1} (negative)",
    "place_heads_differ": "different place words {0} vs {1} (negative)",
    "compass_differs": "compass word {0} makes another place (negative)",
    "org_qualifier": "extra qualifier {0} makes another organisation (negative)",
    "swapped_with_conflict": "shared parts in other places while other parts differ (negative)",
    "byname_not_spelling": "'{0}' is a byname, not a spelling of '{1}' (negative)",
    "particle_only": "shared only inside particle names: {0} (negative)",
    "common_names_only": "shared parts are common names (evidence weight {0}, negative)",
    "kind_differs": "organisation name vs person name (negative)",
    "acronyms_differ": "different acronyms '{0}' vs '{1}' (negative)",
    "numbers_differ": "different numbers {0} vs {1}: two of a series (negative)",
    "shared_tail": "same ending {0} after different words: two of one kind (negative)",
    "no_shared_parts": "no shared name parts",
    "empty": "no name parts",
}


class _Parts(NamedTuple):
    """Some parts of one name, as a feature's data."""

    name: ParsedName
    idx: tuple[int, ...] | list[int]


def _quoted(name: ParsedName, idx: tuple[int, ...] | list[int]) -> str:
    return ", ".join(f"'{name.parts[i].text}'" for i in idx)


def _render(value: object, a: ParsedName, b: ParsedName) -> str:
    """Return one datum of a feature as reason text."""
    if isinstance(value, Link):
        return f"{_quoted(a, value.a)} ~ {_quoted(b, value.b)} ({value.similarity:.2f})"
    if isinstance(value, _Parts):
        return _quoted(value.name, value.idx)
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list) and value and isinstance(value[0], Link):
        return "; ".join(f"{_quoted(a, k.a)} = {_quoted(b, k.b)}" for k in value)
    if isinstance(value, list):
        return ", ".join(f"'{x}'" for x in value)
    return str(value)


def _reason(feature: str, a: ParsedName, b: ParsedName, data: tuple) -> str:
    """Return the reason line of one fired feature (`data` as `_score` recorded it)."""
    return FEATURES[feature].format(*(_render(d, a, b) for d in data))


class Match:
    """The matcher's verdict on two names, with the features that produced its score and a reason for each.

    Like nomenklatura's `FtResult`, it keeps which evidence fired (`features`); `reasons`
    spells each one out. Both are worked out only when first read: the score, `partial` and
    `typo_candidate` come from a pass that records no features (most verdicts are never
    explained), and reading the features runs the same judgement again, recording them.
    """

    __slots__ = ("score", "partial", "typo_candidate", "_features", "_reasons", "_facts", "_names")

    def __init__(self, score: float, reasons: list[str] | None = None, partial: bool = False,
                 typo_candidate: bool = False, features: tuple[str, ...] | None = None,
                 names: tuple[ParsedName, ParsedName] | None = None):
        self.score = score  # 0..1: see THRESHOLD
        self.partial = partial  # only part of a name matched ('Khazali' for 'Qais al-Khazali')
        self.typo_candidate = typo_candidate  # may be a misspelling; accept only when context agrees
        self._features = features
        self._reasons = reasons
        self._facts: list[tuple[str, tuple]] | None = None
        self._names = names  # the parsed names, to explain the verdict on demand

    def _all_facts(self) -> list[tuple[str, tuple]]:
        if self._facts is None:
            v = _Verdict()
            if self._names is not None:
                _judge(*self._names, v)
            self._facts = v.facts
        return self._facts

    @property
    def features(self) -> tuple[str, ...]:
        """Return the names of the features that fired: what matched and how, then the verdict's features."""
        if self._features is None:
            self._features = tuple(f for f, _ in self._all_facts())
        return self._features

    @property
    def reasons(self) -> list[str]:
        """Return one human-readable line per fired feature (written on first use)."""
        if self._reasons is None:
            a, b = self._names if self._names else (None, None)
            self._reasons = [_reason(f, a, b, data) for f, data in self._all_facts()]
        return self._reasons

    @property
    def spellings(self) -> list[tuple[str, str, float]]:
        """Return the part pairs matched only as spelling variants: each part as written and their likeness."""
        if self._names is None:
            return []
        a, b = self._names
        links = [data[0] for f, data in self._all_facts() if f == "spelling"]
        return [(a.parts[k.a[0]].text, b.parts[k.b[0]].text, k.similarity) for k in links]

    @property
    def is_match(self) -> bool:
        """Return True if the score reaches `THRESHOLD`."""
        return self.score >= THRESHOLD

    def with_reason(self, reason: str) -> Match:
        """Return this match with one more reason line."""
        return Match(self.score, [*self.reasons, reason], self.partial, self.typo_candidate, self.features)

    def __repr__(self) -> str:
        return (f"Match(score={self.score}, features={self.features}, partial={self.partial}, "
                f"typo_candidate={self.typo_candidate})")


class _Verdict:
    """Features fired while judging one pair of names, in order: (feature, its data)."""

    __slots__ = ("facts",)

    def __init__(self) -> None:
        self.facts: list[tuple[str, tuple]] = []

    def add(self, feature: str, *data: object) -> None:
        self.facts.append((feature, data))


def _round3(x: float) -> float:
    """Return round(x, 3) for 0 <= x <= 1, exactly, without the decimal string conversion `round` makes.

    x * 1000 is within 1e-13 of its exact value, so it is on the same side of a half as the
    exact value unless it is very near one (then `round` decides); n / 1000 and the float of
    the decimal 'n/1000' are both the double nearest to n / 1000.
    """
    y = x * 1000.0
    n = int(y)
    frac = y - n
    if -1e-6 < frac - 0.5 < 1e-6:
        return round(x, 3)
    return (n + 1 if frac > 0.5 else n) / 1000.0


def _bits(mask: int) -> list[int]:
    """Return the indices of the set bits of `mask`, lowest first (part indices)."""
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


# ---- features --------------------------------------------------------------------------
# Each helper returns what the score needs and records its features in `v` only when one
# is given (an explanation is asked for); parts only one name has are bit masks of indices.


def _explain_links(a: ParsedName, b: ParsedName, links: list[Link]) -> list[tuple[str, tuple]]:
    """Return the features that describe an alignment (what matched and how): they do not change the score."""
    facts: list[tuple[str, tuple]] = []
    if all(k.how == "same" for k in links):
        if links:
            facts.append(("same_parts", (links,)))
    else:
        facts += [(k.how, (k,)) for k in links if k.how != "same"]
    if _crossed(links):
        facts.append(("order_swapped", ()))
    for name in (a, b):
        if name.script:
            facts.append(("arabic_script", (name.norm, " ".join(p.text for p in name.parts))))
    return facts


_PLACES = lexicon.places()
# the last word of a place's name that says what kind of place it is: 'New Haven County' is not 'New Haven Harbor',
# 'Tarn Lake' is not 'Tarn Forest' (the words that type a name as a place or site count too)
PLACE_HEADS = (_PLACES.loc_heads | _PLACES.fac_heads | _PLACES.gpe_heads | _PLACES.nouns | _PLACES.fac_type_heads
               | _PLACES.loc_type_heads | lexicon.roles().classes.get("site", frozenset()))


def _place_words(name: ParsedName, mask: int) -> int:
    """Return the bits of `mask` whose parts are the last word of `name` and a kind of place ('County', 'Harbor')."""
    last = len(name.parts) - 1
    return mask & (1 << last) if last > 0 and name.parts[last].text.lower() in PLACE_HEADS else 0


COMPASS = frozenset(_PLACES.compass)
GIVEN_NAMES = lexicon.given_names()


def _compass_words(name: ParsedName, mask: int) -> int:
    """Return the bits of `mask` whose parts are compass words ('North', 'Western')."""
    return sum(1 << i for i in _bits(mask) if name.parts[i].text.lower() in COMPASS)


def _extras(a: ParsedName, b: ParsedName, extra_a: int, extra_b: int, v: _Verdict | None) -> tuple[float, bool]:
    """Return the factor that the parts only one name has scale the score by, and whether the match is partial."""
    if extra_a and extra_b:
        heads_a, heads_b = extra_a & a.head_mask, extra_b & b.head_mask
        places_a, places_b = _place_words(a, extra_a), _place_words(b, extra_b)
        if v is not None:
            v.add("parts_conflict", _Parts(a, _bits(extra_a)), _Parts(b, _bits(extra_b)))
            if heads_a and heads_b:
                v.add("org_heads_differ", _Parts(a, _bits(heads_a)), _Parts(b, _bits(heads_b)))
            elif places_a and places_b:
                v.add("place_heads_differ", _Parts(a, _bits(places_a)), _Parts(b, _bits(places_b)))
        return (ORG_HEADS_DIFFER if (heads_a and heads_b) or (places_a and places_b) else 1.0), False
    if extra_b:
        short, long_, extra = a, b, extra_b
    else:
        short, long_, extra = b, a, extra_a
    n = len(long_.parts)
    matched = ((1 << n) - 1) & ~extra  # the parts of the longer name that matched: never none here
    first, last = (matched & -matched).bit_length() - 1, matched.bit_length() - 1
    lead = extra & ((1 << first) - 1)
    tail = extra >> (last + 1) << (last + 1)
    middle = extra & ~lead & ~tail
    if a.kind == "org" or b.kind == "org":
        # 'Brigades of the X' is another body than X
        distinct = (lead | tail & ~long_.head_mask) & ~long_.acronym_mask
        if v is not None:
            if distinct:
                v.add("org_qualifier", _Parts(long_, _bits(distinct)))
            else:
                if lead:
                    v.add("parent_prefix", _Parts(long_, _bits(lead)))
                if tail:
                    v.add("head_omitted", _Parts(long_, _bits(tail)))
                if middle:
                    v.add("middle_omitted", _Parts(long_, _bits(middle)))
        return (0.0, False) if distinct else (1.0, bool(tail))
    compass = _compass_words(long_, middle)
    if compass and "person" not in (a.kind, b.kind) and long_.parts[0].text.lower() not in GIVEN_NAMES:
        # 'South West Velmora' is part of 'South Velmora' at most, as 'West Velmora' is ('John West Smith' may be
        # 'John Smith'): partial, like a compass word before the name
        if v is not None:
            v.add("compass_differs", _Parts(long_, _bits(compass)))
        return 1.0, True
    if len(short.parts) == 1:
        if first == n - 1:
            feature, factor = "surname_only", 1.0
        elif first == 0 and short.parts[0].particle in BYNAMES:
            feature, factor = "kunya_only", 1.0
        else:
            feature, factor = "given_name_only", GIVEN_NAME_ONLY
        if v is not None:
            v.add(feature, _Parts(short, [0]))
        return factor, True
    if v is not None:
        if middle:
            v.add("middle_omitted", _Parts(long_, _bits(middle)))
        if lead:
            v.add("leading_omitted", _Parts(long_, _bits(lead)))
        if tail:
            v.add("trailing_omitted", _Parts(long_, _bits(tail)))
    return 1.0, bool(lead or tail)


def _conflict(a: ParsedName, b: ParsedName, links: list[Link], v: _Verdict | None) -> float:
    """Return the factor of names that share parts but each have a part the other lacks.

    Sharing the family name but not the first name ('Ali X' / 'Omar X') or the reverse is
    weaker than sharing both; in organisation names a differing word makes another body
    ('Lebanese Army' / 'Lebanese University'); a shared part in another place, with
    others differing, is chance ('Sadr City' / 'Moqtada al-Sadr').
    """
    last_a, last_b = len(a.parts) - 1, len(b.parts) - 1
    first = last = misplaced = False  # first parts / last parts surely one part; shared parts in other places
    previous = -1
    for ia, ib, similarity, _ in links:
        at_start, at_end = ia[0] == 0, ia[-1] == last_a
        if similarity >= WEAK_LINK:
            if at_end and ib[-1] == last_b:
                last = True
            if at_start and ib[0] == 0:
                first = True
        # out of order, or first in one name and last in the other
        if ib[0] < previous or at_start != (ib[0] == 0) or at_end != (ib[-1] == last_b):
            misplaced = True
        previous = ib[-1]
    factor = 1.0
    tail = _shared_tail(a, b)
    if a.kind == "org" or b.kind == "org":
        if v is not None:
            v.add("org_words_differ")
        factor *= ORG_WORDS_DIFFER
    elif tail:
        if v is not None:
            v.add("shared_tail", _Parts(a, list(range(len(a.parts) - tail, len(a.parts)))))
        factor *= SHARED_TAIL_DIFFERS
    elif last and not first:
        if v is not None:
            v.add("given_name_differs", a.parts[0].text, b.parts[0].text)
        factor *= GIVEN_NAME_DIFFERS
        if _two_given_names(a, b, links):
            if v is not None:
                v.add("two_given_names", a.parts[0].text, b.parts[0].text)
            factor *= TWO_GIVEN_NAMES
    elif first and not last:
        if v is not None:
            v.add("family_name_differs", a.parts[-1].text, b.parts[-1].text)
        factor *= FAMILY_NAME_DIFFERS
    if misplaced:
        if v is not None:
            v.add("swapped_with_conflict")
        factor *= SWAPPED_WITH_CONFLICT
    return factor


def _shared_tail(a: ParsedName, b: ParsedName) -> int:
    """Return how many last parts two names share word for word when that is two or more, else 0: 'Boston
    Symphony Orchestra' / 'Iceland Symphony Orchestra', 'Coolidge Cricket Ground' / 'Stanford Cricket Ground'.

    Names that end alike and begin unlike are two of one kind (two orchestras, two grounds), not one name written
    two ways. Names opening with a part people's names use, or with a syllable or an initial, are left to the
    person rules: a given name is often cut or spelled past recognition ('Mohd', 'Muhammad', 'To-Chun')."""
    n = 0
    for x, y in zip(reversed(a.parts), reversed(b.parts), strict=False):
        if x.particle or y.particle or x.keys[0] != y.keys[0] or not x.keys[0]:
            break
        n += 1
    if n < 2 or n >= len(a.parts) or n >= len(b.parts) or "person" in (a.kind, b.kind):
        return 0
    openings = (*a.parts[:len(a.parts) - n], *b.parts[:len(b.parts) - n])
    if _thing_tail(a, b):
        return n  # 'Maine House of Representatives' / 'Ohio House of Representatives': no person's name ends so
    if any(p.text.lower() in GIVEN_NAMES or known_name_part(p.keys[0]) or len(p.keys[0]) <= 2 for p in openings):
        return 0  # 'Mohammed Reza Zahedi' / 'Ali Reza Zahedi', 'To-Chun Pak': a person's, left to the person rules
    return n


def _thing_tail(a: ParsedName, b: ParsedName) -> bool:
    """Whether two names end with a kind of place ('... Statistical Area', '... County') or with an 'of' phrase after
    their first word ('... House of Representatives'): the ending of a thing's name, never of a person's."""
    if a.parts[-1].text.lower() in PLACE_HEADS:
        return True
    return all(" of " in name.norm.split(" ", 1)[-1] for name in (a, b))


def _two_given_names(a: ParsedName, b: ParsedName, links: list[Link]) -> bool:
    """Return True when the two names open with two different common given names, neither matched to anything
    ('John F. Varga' / 'Robert F. Varga'): not two spellings of one name but two people of one family."""
    x, y = a.parts[0].text.lower(), b.parts[0].text.lower()
    if x == y or len(x) < 2 or len(y) < 2 or x not in GIVEN_NAMES or y not in GIVEN_NAMES:
        return False
    return not any(0 in ia or 0 in ib for ia, ib, _, _ in links)


def _given_names_reordered(a: ParsedName, b: ParsedName, links: list[Link]) -> bool:
    """Return True when two names of two or more parts are aligned part for part in another order and every
    matched pair holds a common given name ('Rosa Ana' / 'Ana Rosa', 'Ana Rosa' / 'Rosi Ana'): no surname is there
    to have been written first, so the order is the name ('Ana Rosa' is called Ana, 'Rosa Ana' Rosa)."""
    if not 2 <= len(a.parts) == len(b.parts) or len(links) != len(a.parts) or not _crossed(links):
        return False
    return all(len(ia) == 1 and len(ib) == 1
               and (a.parts[ia[0]].text.lower() in GIVEN_NAMES or b.parts[ib[0]].text.lower() in GIVEN_NAMES)
               for ia, ib, _, _ in links)


def _crossed(links: list[Link]) -> bool:
    """Return True when the alignment's links cross: some part of the second name is matched in another order."""
    last = -1
    for k in links:
        if k.b[0] < last:
            return True
        last = k.b[-1]
    return False


def _bynames(a: ParsedName, b: ParsedName, extra_a: int, extra_b: int, v: _Verdict) -> None:
    """Fire when a byname's word is the other name's word: an alias, never a spelling ('Abu Hafs' / 'Hafs')."""
    for x, y, ex, ey in ((a, b, extra_a, extra_b), (b, a, extra_b, extra_a)):
        for i in _bits(ex):
            p = x.parts[i]
            if p.particle in BYNAMES:
                for j in _bits(ey):
                    q = y.parts[j]
                    if not q.particle and not set(p.keys).isdisjoint(q.keys):
                        v.add("byname_not_spelling", p.text, q.text)


_TYPO_CACHE: dict[tuple[int, int], str | None] = {}


def clear_pair_caches() -> None:
    """Empty every cache kept per pair of name parts, so that the next comparisons meet only unseen part pairs."""
    clear_pair_cache()
    _TYPO_CACHE.clear()


def _typo_kind(u: Part, v: Part) -> str | None:
    """Return 'transposition' or 'one letter' if two parts may be a misspelling of each other."""
    key = (u.sid, v.sid)
    found = _TYPO_CACHE.get(key, _UNSEEN)
    if found is _UNSEEN:
        if len(_TYPO_CACHE) > 1_000_000:
            _TYPO_CACHE.clear()
        found = _TYPO_CACHE[key] = _find_typo(u, v)
    return found  # type: ignore[return-value]


_UNSEEN = object()


def _find_typo(u: Part, v: Part) -> str | None:
    a, b = u.key, v.key
    if u.acronym or v.acronym or u.particle != v.particle or a == b or min(len(a), len(b)) < 5:
        return None
    if a + "s" == b or b + "s" == a:
        return None  # a plural ('State' / 'States')
    if u.skeletons[0] == v.skeletons[0]:
        return None  # only vowels differ: that is spelling, not a typo
    edits = OSA.distance(a, b, score_cutoff=2)  # more than 2 is told as 3
    if edits > 2:
        return None
    if sorted(a) == sorted(b):
        return "transposition"
    if edits != 1:
        return None
    # one letter apart once folded, but as written too: 'Pavia' / 'Mafia' fold to one letter apart (v and f are
    # read alike), yet a hand slipping on a key changes one letter, not two
    written = OSA.distance(anyascii(u.text).lower(), anyascii(v.text).lower(), score_cutoff=2)
    return "one letter" if written == 1 else None


def _typo_parts(a: ParsedName, b: ParsedName, extra_a: int, extra_b: int,
                links: list[Link]) -> tuple[Part, Part] | None:
    """Return the one part pair that differs, if every other part is the same or left out; else None."""
    unsure = None
    for k in links:
        if k[3] == "spelling":
            if unsure is not None:
                return None  # two unsure pairs: neither rule below applies
            unsure = k
    if unsure is not None:
        if extra_a and extra_b:
            return None
        return a.parts[unsure[0][0]], b.parts[unsure[1][0]]
    if extra_a and extra_b and not extra_a & (extra_a - 1) and not extra_b & (extra_b - 1):  # one part each
        return a.parts[extra_a.bit_length() - 1], b.parts[extra_b.bit_length() - 1]
    if not links and (len(a.parts) == 1 or len(b.parts) == 1):
        return a.parts[-1], b.parts[-1]  # a family name alone, misspelt
    return None


def _acronym(a: ParsedName, b: ParsedName, v: _Verdict | None) -> float | None:
    """Return the score of an acronym against a name or another acronym, or None if neither is one."""
    if a.acronym and b.acronym:
        same = a.acronym == b.acronym
        if v is not None:
            v.add("same_acronym", a.acronym) if same else v.add("acronyms_differ", a.acronym, b.acronym)
        return 1.0 if same else 0.0
    for x, y in ((a, b), (b, a)):
        if x.acronym and x.acronym in y.initials:
            if v is not None:
                v.add("acronym", x.acronym, y.norm)
            return ACRONYM_SCORE
    return None


def _score(a: ParsedName, b: ParsedName) -> Match:
    """Return the verdict on two parsed names (see the module docstring for the steps); features come on demand."""
    score, partial, typo = _judge(a, b, None)
    return Match(_round3(0.0 if score <= 0.0 else 1.0 if score > 1.0 else score), None, partial, typo, None, (a, b))


def _judge(a: ParsedName, b: ParsedName, v: _Verdict | None) -> tuple[float, bool, bool]:
    """Return (score, partial, typo candidate) of two parsed names, and record the features that fired in `v`."""
    numbers_a, numbers_b = name_numbers(a.text), name_numbers(b.text)
    if numbers_a and numbers_b and numbers_a != numbers_b:  # 'District 211' / 'District 214', 'Robert II' / 'III'
        if v is not None:
            v.add("numbers_differ", list(numbers_a), list(numbers_b))
        return 0.0, False, False
    if not a.parts or not b.parts or a.folded == b.folded or a.acronym or b.acronym:
        early = _settled(a, b, v)
        if early is not None:
            return early, False, False
    links = align(a, b)
    if v is not None:
        v.facts += _explain_links(a, b, links)
    partial = typo = False
    if links:
        score, matched_a, matched_b = _covered(a, b, links, v)
        extra_a, extra_b = ((1 << len(a.parts)) - 1) & ~matched_a, ((1 << len(b.parts)) - 1) & ~matched_b
        if extra_a or extra_b:
            factor, partial = _extras(a, b, extra_a, extra_b, v)
            score *= factor
    else:  # nothing shared (a sixth of the pairs): no coverage and no evidence, every part left over
        score, extra_a, extra_b = 0.0, (1 << len(a.parts)) - 1, (1 << len(b.parts)) - 1
    if extra_a and extra_b:
        if v is not None and (a.bynames or b.bynames):
            _bynames(a, b, extra_a, extra_b, v)
        if links:
            score *= _conflict(a, b, links, v)
    if a.text[:1] == b.text[:1] and figure_and_place(a.text, b.text):  # both open with an epithet: one letter
        if v is not None:
            v.add("figure_and_place", a.text, b.text)
        score *= FIGURE_AND_PLACE
    if _given_names_reordered(a, b, links):
        if v is not None:
            v.add("given_names_reordered")
        score *= GIVEN_NAMES_REORDERED
    if a.kind != b.kind and a.kind and b.kind:  # an organisation's name against a person's
        if v is not None:
            v.add("kind_differs")
        score *= KIND_DIFFERS
    if not links and v is not None:
        shared = sorted({p.particle for p in a.parts if p.particle} & {p.particle for p in b.parts if p.particle})
        if shared:
            v.add("particle_only", shared)
        v.add("no_shared_parts")
    if score < THRESHOLD:
        pair = _typo_parts(a, b, extra_a, extra_b, links)
        kind = _typo_kind(*pair) if pair else None
        if kind:
            typo = True
            partial = partial or len(a.parts) != len(b.parts)
            if v is not None:
                v.add("typo", kind, pair[0].text, pair[1].text)  # type: ignore[index]
    elif _transposed(a, b, links, v):
        typo = True
        score = min(score, TYPO_CEILING)  # letters swapped, not a spelling: context decides
    return score, partial, typo


def _settled(a: ParsedName, b: ParsedName, v: _Verdict | None) -> float | None:
    """Return the score of names that need no alignment (empty, identical, acronyms), else None."""
    if not a.parts or not b.parts:
        if v is not None:
            v.add("empty")
        return 0.0
    if a.folded == b.folded:
        if v is not None:
            v.add("identical")
        return 1.0
    if a.acronym or b.acronym:
        return _acronym(a, b, v)
    return None


def _covered(a: ParsedName, b: ParsedName, links: list[Link], v: _Verdict | None) -> tuple[float, int, int]:
    """Return the score from the two names' coverage and the evidence's strength, and each name's matched parts.

    A name's coverage is the share of its weight that the other name explains (see the module
    docstring); the matched parts are bit masks of part indices.
    """
    weights_a, weights_b = a.weights, b.weights
    na, nb = len(weights_a), len(weights_b)
    agree_a: list[float | None] = [None] * na
    agree_b: list[float | None] = [None] * nb
    evidence = 0.0
    matched_a = matched_b = 0
    for ia, ib, similarity, _ in links:
        agreement = (similarity - NO_AGREEMENT) / (1.0 - NO_AGREEMENT)
        if agreement < 0.0:
            agreement = 0.0
        if len(ia) == 1 and len(ib) == 1:  # a pair of parts: most links (0.0 + w is w, so the sums are the same)
            i = ia[0]
            j = ib[0]
            agree_a[i] = agree_b[j] = agreement
            matched_a |= 1 << i
            matched_b |= 1 << j
            wa = weights_a[i]
            wb = weights_b[j]
        else:
            wa = wb = 0.0
            for i in ia:
                agree_a[i] = agreement
                matched_a |= 1 << i
                wa += weights_a[i]
            for j in ib:
                agree_b[j] = agreement
                matched_b |= 1 << j
                wb += weights_b[j]
        evidence += similarity * (wa if wa < wb else wb)
    coverage = _coverage(weights_a, agree_a, matched_b == (1 << nb) - 1) \
        * _coverage(weights_b, agree_b, matched_a == (1 << na) - 1)
    score = math.sqrt(coverage)
    if na == 1 and nb == 1:
        score = score ** SINGLE_PART_EXPONENT
    strength = 1.0 - math.exp(-evidence / EVIDENCE_SCALE)
    if strength < WEAK_EVIDENCE and v is not None:
        v.add("common_names_only", evidence)
    return score * strength, matched_a, matched_b


def _coverage(weights: tuple[float, ...], agreements: list[float | None], other_complete: bool) -> float:
    """Return the share of a name's weight that the other name explains (see the module docstring).

    A part only this name has counts as a name left out if the other name is wholly matched,
    else as a conflict; a weak link counts partly as a conflict.
    """
    total = got = 0.0
    i = 0
    for w in weights:
        agreement = agreements[i]
        i += 1
        if agreement is not None:
            conflict = w if w > CONFLICT_WEIGHT else CONFLICT_WEIGHT
            total += conflict - (conflict - w) * agreement
            got += w * agreement
        elif other_complete:
            total += w * EXTRA_PART_WEIGHT
        else:
            total += w if w > CONFLICT_WEIGHT else CONFLICT_WEIGHT
    return got / total if total else 0.0


def _transposed(a: ParsedName, b: ParsedName, links: list[Link], v: _Verdict | None) -> bool:
    """Return True (and fire) when a matched part pair differs by swapped letters ('Qarmudawi' / 'Qardumawi')."""
    for k in links:
        if k[3] == "spelling":
            u, w = a.parts[k[0][0]], b.parts[k[1][0]]
            if _typo_kind(u, w) == "transposition":
                if v is not None:
                    v.add("typo", "transposition", u.text, w.text)
                return True
    return False



# ---- entry point -----------------------------------------------------------------------


_PARENTHESIS = re.compile(r"\(([^()]*)\)")


@lru_cache(maxsize=100_000)
def _variants(name: str) -> tuple[str, ...]:
    """Return the name and its readings without a parenthesis.

    'X (Y)' → X and Y (an alias: 'Hashd al-Sha'abi (Popular Mobilization Units)'); 'A (B) C' →
    'A C' and 'B C' (another spelling of the word before it: 'Ahmad (Ahmed) Santos').
    """
    if "(" not in name:
        return (name,)
    m = _PARENTHESIS.search(name)
    if m is None:
        return (name,)
    before, inner, after = name[:m.start()].strip(), m.group(1).strip(), name[m.end():].strip()
    if not after:
        found = [before, inner]
    else:
        words = before.split()
        found = [f"{before} {after}", " ".join([*words[:-1], inner, after])]
    return (name, *(f for f in found if f and f != name))


def compare(a: str, b: str) -> Match:
    """Return how well two names match, with the features and reasons for the score.

    A name with a parenthetical ('Hashd al-Sha'abi (Popular Mobilization Units)') is also
    compared by each of its parts, and the best comparison is kept.
    """
    if "(" not in a and "(" not in b:
        return _score(parse_name(a), parse_name(b))
    va, vb = _variants(a), _variants(b)
    if len(va) == 1 and len(vb) == 1:
        return _score(parse_name(a), parse_name(b))
    best: Match | None = None
    for x in va:
        for y in vb:
            m = _score(parse_name(x), parse_name(y))
            if (x, y) != (a, b):
                m = m.with_reason(f"compared '{x}' with '{y}'")
            if best is None or m.score > best.score:
                best = m
    assert best is not None
    return best
