"""Which pairs of names the name matcher compares: a bounded candidate list per name, never a skipped block.

Each name is filed under block keys (the first three letters of each of its longer
transliterated tokens). A name's candidates are the names sharing most keys with it, then
those whose shared key is rarest, at most `MAX_CANDIDATES`: a pair is compared when either
name lists the other. Keys held by more than `COMMON_KEY` names ('muh' for Muhammad) are
only used by a name with no rarer key, and then only their first `COMMON_KEY` names. So the
pairs grow linearly with the names, and a big block narrows a name's list instead of being
skipped. While no list is full (a small corpus), every pair sharing a block is compared, in
the order blocks were first seen.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from linkchart.resolve import names

MAX_CANDIDATES = 30  # names one name is compared with
RARE_KEY = 200  # a key held by more names than this only ranks the candidates its rarer keys found


def block_keys(surface: str) -> list[str]:
    """Return the blocking keys of a name: the first three letters of each of its longer name tokens, once each."""
    toks = [names.translit_key(t) for t in names.name_tokens(surface)]
    return list(dict.fromkeys(t[:3] for t in toks if len(t) >= 3))


def candidate_pairs(surfaces: Iterable[str]) -> list[tuple[str, str]]:
    """Return the pairs of distinct names to compare, each once, in block order (see the module docstring)."""
    order = list(dict.fromkeys(surfaces))
    keys = {s: block_keys(s) for s in order}
    blocks: dict[str, list[str]] = defaultdict(list)
    for s in order:
        for k in keys[s]:
            blocks[k].append(s)
    rank = {k: i for i, k in enumerate(blocks)}  # blocks in the order first seen
    position = {k: {s: i for i, s in enumerate(members)} for k, members in blocks.items()}
    members = {k: set(v) for k, v in blocks.items()}
    # a pair is held as one int (the two names' indexes), then as one int of its place (block rank, positions):
    # a full resolution holds hundreds of thousands of pairs, and a tuple each would hold several times the memory
    index = {s: n for n, s in enumerate(order)}
    size = len(order)
    chosen: set[int] = set()
    for a in order:
        ia = index[a]
        for b in _candidates(a, keys[a], blocks, members):
            ib = index[b]
            chosen.add(ia * size + ib if ia < ib else ib * size + ia)
    listed = list(blocks.values())
    width = max((len(m) for m in listed), default=1)
    places: list[int] = []
    for pair in chosen:
        a, b = order[pair // size], order[pair % size]
        first = min((k for k in keys[a] if b in position[k]), key=rank.__getitem__)
        i, j = position[first][a], position[first][b]
        places.append((rank[first] * width + i) * width + j if i < j else (rank[first] * width + j) * width + i)
    del chosen
    places.sort()  # by block, then by the two positions in it: one place per pair
    out = []
    for place in places:
        block_rank, within = divmod(place, width * width)
        i, j = divmod(within, width)
        block = listed[block_rank]
        out.append((block[i], block[j]))
    return out


def _candidates(a: str, keys: list[str], blocks: dict[str, list[str]], members: dict[str, set[str]]) -> list[str]:
    """Return the names `a` is compared with: those sharing most keys, then the rarest one, at most `MAX_CANDIDATES`."""
    by_size = sorted(keys, key=lambda k: len(blocks[k]))
    rare = [k for k in by_size if len(blocks[k]) <= RARE_KEY]
    common = by_size[len(rare):]
    votes: Counter[str] = Counter()
    for k in rare:
        votes.update(blocks[k])
    if not rare and common:  # only common keys: the names holding all of them (or the first of the rarest)
        found = set.intersection(*(members[k] for k in common)) if len(common) > 1 else set()
        votes.update(found or blocks[common[0]][:RARE_KEY])
    else:
        for k in common:
            votes.update(members[k] & votes.keys())
    votes.pop(a, None)
    if len(votes) <= MAX_CANDIDATES:
        return list(votes)
    ranked = votes.most_common()
    bar = ranked[MAX_CANDIDATES - 1][1]  # the votes of the last name taken: its ties go to the rarest key
    picked = [b for b, n in ranked if n > bar]
    tied = {b for b, n in ranked if n == bar}
    for k in by_size:
        for b in blocks[k]:
            if len(picked) == MAX_CANDIDATES:
                return picked
            if b in tied:
                picked.append(b)
                tied.discard(b)
    return picked
