"""How alike two name parts are, and the alignment of two names' parts (for `linkchart.resolve.compare`).

Two parts' similarity (`part_similarity`, cached per pair of part signatures) blends the
edit similarity of their letter keys (`transliterate.letter_keys`, best over the readings
of ambiguous letters) with that of their consonant skeletons (`SKELETON_SHARE`); a part
read from Arabic script is also compared with the Latin part's short vowels left out, as
the script writes it. An initial matches a part with its first letter; a joined article
is tolerated ('Alhamadani'). A kunya or byname never matches a bare name ('Abu Tariq' is
not 'Tariq'); different names that romanise alike never match ('Hasan' / 'Husayn',
`lexicon/name_words.yaml: distinct_names`); a name and its nisba ('Baghdad' / 'Baghdadi')
are not one spelling.

`align` pairs the parts of two names one to one, in any order, most alike first; one part
may take two parts of the other name written apart ('Taji al-Din' / 'Tajideen').
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from linkchart.resolve.name_parts import (
    JOIN_LENGTH_SLACK,
    KeyForms,
    ParsedName,
    Part,
    PartSig,
    Reading,
    unvowelled_forms,
)

SKELETON_SHARE = 0.25  # the consonant skeleton's share in a part similarity: forgives unwritten short vowels
SHORT_KEY = 4  # a key this short ('kis', 'irak') changes name with one consonant
SHORT_CONSONANTS_DIFFER = 0.9  # so a short name with other consonants stays apart ('Qais' / 'Laith')
MIN_SIMILARITY = 0.6  # below this two parts are different names
WEAK_LINK = 0.75  # a part link below this may not cross the order of the others
SURE_LINK = 0.9  # a part link below this may give way to a part written apart ('Alizaheer' / 'Ali Zaheer')
NISBA_SIMILARITY = 0.7  # 'Baghdad' / 'Baghdadi', 'Behzad' / 'Behzadi': a name and the adjective made from it
JOINED_MIN_SIMILARITY = 0.85  # one part against two written apart must be closer than that
NASAB_OMITTED = 0.9  # 'bin Laden' against 'Laden'
INITIAL_SIMILARITY = 0.9  # 'M.' against 'Muhammad'
GLUED_ARTICLE_PENALTY = 0.05  # 'Alkhazali' against 'Khazali'

_distance = Levenshtein.distance


# ---- part similarity -------------------------------------------------------------------


# The most edits, as a share of the longer key, that can still make a part similarity of MIN_SIMILARITY
# (with equal skeletons); a hair more, so that float rounding never drops a pair exactly at the bound.
_MOST_EDITS = 1 - (MIN_SIMILARITY - SKELETON_SHARE) / (1 - SKELETON_SHARE) + 1e-9
_KEEP = 1 - SKELETON_SHARE


def _spelling_similarity(x: tuple[Reading, ...], y: tuple[Reading, ...]) -> float:
    """Return the best blend of key and skeleton similarity over the readings of two parts.

    A similarity is Levenshtein's normalised one, 1 - edits / longer length. Exact when the
    blend reaches MIN_SIMILARITY; below that it may be lower than the exact blend (a reading
    pair that cannot reach it is not measured): either way the parts are not linked.
    """
    best = 0.0
    distance, most_edits = _distance, _MOST_EDITS
    for a, sa, la, lsa in x:
        for b, sb, lb, lsb in y:
            longer = la if la > lb else lb
            if longer:
                most = int(longer * most_edits)
                edits = distance(a, b, score_cutoff=most)
                if edits > most:
                    continue
                spelled = 1.0 - edits / longer
            else:
                spelled = 1.0
            factor = SHORT_CONSONANTS_DIFFER if (la <= SHORT_KEY or lb <= SHORT_KEY) and sa != sb else 1.0
            if (_KEEP * spelled + SKELETON_SHARE) * factor <= best:
                continue  # even equal skeletons would not beat the best reading
            longer = lsa if lsa > lsb else lsb
            skel = 1.0 - distance(sa, sb) / longer if longer else 1.0
            sim = (_KEEP * spelled + SKELETON_SHARE * skel) * factor
            if sim > best:
                best = sim
    return best


def _similarity(u: PartSig, v: PartSig) -> tuple[float, str]:
    """Return (similarity, how) of two parts given their signatures."""
    pu, keys_u, distinct_u, script_u = u.quick
    pv, keys_v, distinct_v, script_v = v.quick
    if pu is None or pu != pv:  # not two plain parts with one particle
        return _special_similarity(u, v)
    if not keys_u.isdisjoint(keys_v):
        return _SAME
    if distinct_u and distinct_v and distinct_u[0] == distinct_v[0] and distinct_u[1] != distinct_v[1]:
        return _DISTINCT
    fu, fv = u.forms, v.forms
    if script_u != script_v:  # Arabic script against Latin: the script leaves short vowels unwritten
        if script_u:
            fv = unvowelled_forms(fv.keys)
        else:
            fu = unvowelled_forms(fu.keys)
    if _near(fu, fv):
        sim = _spelling_similarity(fu.readings, fv.readings)
    elif not (fu.glued or fv.glued):
        return _FAR  # too far apart to link, whatever the rules below say
    else:
        sim = 0.0
    # a name and its nisba, 'Baghdad' / 'Baghdadi': a place and its people (all keys end in -i: 'Arlette' may not)
    if (fv.ends_i and not fu.nisba_stems.isdisjoint(fv.keyset)) or \
            (fu.ends_i and not fv.nisba_stems.isdisjoint(fu.keyset)):
        return min(sim, NISBA_SIMILARITY), "nisba"
    if not u.particle and (fu.glued or fv.glued):
        for x, y in ((fu, fv), (fv, fu)):
            if x.glued and not y.glued:
                sim = max(sim, _spelling_similarity(x.glued, y.readings)
                          - GLUED_ARTICLE_PENALTY)
    return sim, "spelling"


def _near(fu: KeyForms, fv: KeyForms) -> bool:
    """Return False if no reading pair of two parts can be alike enough to link them (one edit distance tells).

    Levenshtein is a metric: no reading pair is closer than the main keys less each side's
    spread (0 for a part with one key).
    """
    a, la, spread_a = fu.reach
    b, lb, spread_b = fv.reach
    most = int((la if la > lb else lb) * _MOST_EDITS) + spread_a + spread_b
    return _distance(a, b, score_cutoff=most) <= most


_SAME = (1.0, "same")
_DISTINCT = (0.0, "distinct_names")
_FAR = (0.0, "spelling")  # parts too far apart to link (a nisba's 'how' is not told apart then)


def _special_similarity(u: PartSig, v: PartSig) -> tuple[float, str]:
    """Return (similarity, how) of two parts of which one is an acronym, a head word, an initial or has a particle."""
    if u.acronym or v.acronym:
        return (1.0, "same") if u.acronym and v.acronym and u.keys == v.keys else (0.0, "acronym")
    if u.head or v.head:
        if u.head == v.head:
            return (1.0, "same") if u.keys == v.keys else (1.0, "head_synonym")
        return 0.0, "head"
    if u.particle != v.particle:
        return _particle_similarity(u, v)
    return (INITIAL_SIMILARITY, "initial") if u.first == v.first else (0.0, "initial")


def _particle_similarity(u: PartSig, v: PartSig) -> tuple[float, str]:
    """Return (similarity, how) of two parts with different particles: 'Abdul Rahman' / 'Abdurrahman', 'bin X' / 'X'."""
    pu, pv = u.particle, v.particle
    if (pu == "abd" and not pv) or (pv == "abd" and not pu):  # the 'Abd written in the word or apart
        fu, fv = u.abd_forms, v.abd_forms
        if not fu.keyset.isdisjoint(fv.keyset):
            return _SAME
        return (_spelling_similarity(fu.readings, fv.readings), "spelling") if _near(fu, fv) else _FAR
    if pu not in _NASAB_OR_NONE or pv not in _NASAB_OR_NONE:
        return 0.0, "byname"  # 'Abu Tariq' is not a spelling of 'Tariq'
    sim, _ = _similarity(u.bare or u, v.bare or v)  # without the particle
    return sim * NASAB_OMITTED, "nasab_omitted"


_NASAB_OR_NONE = frozenset({"", "bin", "bint"})


# part signature id → other part's signature id → (similarity, how); similarity is symmetric, so both ways are kept
_PAIR_CACHE: defaultdict[int, dict[int, tuple[float, str]]] = defaultdict(dict)
_CACHE_LIMIT = 200_000  # pairs kept before the cache is emptied (~20 MB; a million held ~100 MB, no faster)
_cached = 0


def clear_pair_cache() -> None:
    """Empty the cache of part-pair similarities (for benchmarks that time pairs never compared before)."""
    global _cached
    _PAIR_CACHE.clear()
    _cached = 0


def _measure(u: Part, v: Part) -> tuple[float, str]:
    """Return the similarity of two parts not in the cache, and cache it both ways."""
    global _cached
    found = _similarity(u.sig, v.sig)  # type: ignore[arg-type]  # parsed parts always have a signature
    if _cached > _CACHE_LIMIT:
        clear_pair_cache()
    _cached += 2
    _PAIR_CACHE[u.sid][v.sid] = _PAIR_CACHE[v.sid][u.sid] = found
    return found


def part_similarity(u: Part, v: Part) -> tuple[float, str]:
    """Return how alike two name parts are in [0, 1], and how ('same', 'spelling', 'initial', ...).

    Exact from MIN_SIMILARITY up; a similarity below it (parts that are not linked) may be
    given lower than it is, as measuring it exactly would cost time.
    """
    row = _PAIR_CACHE.get(u.sid)
    found = row.get(v.sid) if row else None
    return _measure(u, v) if found is None else found


# ---- alignment -------------------------------------------------------------------------


class Link(NamedTuple):
    """Parts of two names taken as one: a pair, or one part and two parts written apart."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    how: str


def _joined_pairs(a: ParsedName, b: ParsedName) -> list[tuple[float, tuple[int, ...], tuple[int, ...], str]]:
    """Return candidate links of one part to two adjacent parts written apart ('Tajideen' / 'Taji al-Din')."""
    out = []
    for flip, one, two in ((False, a, b), (True, b, a)):
        by_letter = one.plain_by_letter
        for j, joined in two.joins:
            key = joined.keys[0]
            candidates = by_letter.get(key[0])
            if not candidates:
                continue
            n = len(key)
            for i in candidates:
                u = one.parts[i]
                if abs(len(u.keys[0]) - n) > JOIN_LENGTH_SLACK:
                    continue
                sim = part_similarity(u, joined)[0]
                if sim >= JOINED_MIN_SIMILARITY:
                    out.append((-sim, (j, j + 1), (i,), "joined") if flip else (-sim, (i,), (j, j + 1), "joined"))
    return out


def _greedy(pairs: list[tuple[float, tuple[int, ...], tuple[int, ...], str]]) -> tuple[list[Link], set[int], set[int]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    links = []
    for neg, ia, ib, how in pairs:
        if used_a.isdisjoint(ia) and used_b.isdisjoint(ib):
            links.append(Link(ia, ib, -neg, how))
            used_a.update(ia)
            used_b.update(ib)
    return links, used_a, used_b


_ONE = tuple((i,) for i in range(64))  # (i,) for a part index: made once
_NONES = tuple((None,) * n for n in range(64))  # a row of part pairs none of which is cached
_new_link = tuple.__new__  # Link(...) without the call of its generated __new__


def align(a: ParsedName, b: ParsedName) -> list[Link]:
    """Return a one-to-one alignment of the parts of two names, most alike first, in any order.

    A part may also take two adjacent parts of the other name written apart, when parts are
    left over or a pair is unsure; at equal likeness the link that explains more parts wins.
    """
    global _cached
    cache, least, a_sids, b_sids = _PAIR_CACHE, MIN_SIMILARITY, a.sids, b.sids
    nb = len(b_sids)
    if nb == 1 and len(a_sids) == 1:  # one part each (a single name has nothing written apart)
        row = cache.get(a_sids[0])
        found = row.get(b_sids[0]) if row else None
        if found is None:
            found = _measure(a.parts[0], b.parts[0])
        return [_new_link(Link, (_ONE[0], _ONE[0], found[0], found[1]))] if found[0] >= least else []
    pairs: list[tuple[float, int, int, str]] = []
    measured = i = 0
    for su in a_sids:
        row = cache.get(su)
        j = 0
        for found in map(row.get, b_sids) if row else _NONES[nb]:
            if found is None:  # measured here rather than by `_measure`: most pairs of a new name pair are new
                found = _similarity(a.sigs[i], b.sigs[j])
                sv = b_sids[j]
                cache[su][sv] = cache[sv][su] = found
                measured += 2
            if found[0] >= least:
                pairs.append((-found[0], i, j, found[1]))
            j += 1
        i += 1
    if measured:
        _cached += measured
        if _cached > _CACHE_LIMIT:
            clear_pair_cache()
    if not pairs and not (a.joins or b.joins):
        return []
    # one to one, most alike first (ties: the earlier parts), with bit masks of the parts taken
    pairs.sort()
    links: list[Link] = []
    taken_a = taken_b = 0
    weakest = 1.0
    for neg, i, j, how in pairs:
        if not (taken_a >> i) & 1 and not (taken_b >> j) & 1:
            links.append(_new_link(Link, (_ONE[i], _ONE[j], -neg, how)))
            taken_a |= 1 << i
            taken_b |= 1 << j
            if -neg < weakest:
                weakest = -neg
    if (a.joins or b.joins) and ((len(links) < len(a_sids) and len(links) < nb) or weakest < SURE_LINK) \
            and ((a.joins and not a.join_shapes.isdisjoint(b.plain_shapes))
                 or (b.joins and not b.join_shapes.isdisjoint(a.plain_shapes))):
        joined = _joined_pairs(a, b)
        if joined:
            both = [(neg, _ONE[i], _ONE[j], how) for neg, i, j, how in pairs] + joined
            both.sort(key=lambda p: (p[0], -len(p[1]) - len(p[2]), p[1], p[2]))
            links, _, _ = _greedy(both)
            weakest = min((k.similarity for k in links), default=1.0)
    if len(links) > 1:
        links.sort()  # by the parts of `a`: they never overlap, so the first index decides
        if weakest < WEAK_LINK:
            links = _drop_crossing_weak_links(links)
    return links


def _drop_crossing_weak_links(links: list[Link]) -> list[Link]:
    """Drop a weak link that crosses the order of the strong ones: a swapped part is a sure match or none.

    'Middle East Quarterly' / 'Greater Middle East': 'Quarterly' ~ 'Greater' would swap ends.
    """
    strong = [k for k in links if k.similarity >= WEAK_LINK]
    return [k for k in links if k.similarity >= WEAK_LINK
            or all((k.a[0] < s.a[0]) == (k.b[0] < s.b[0]) for s in strong)]
