"""The name matcher: how likely two names, in any romanisation or in Arabic script, name one bearer.

`compare(a, b)` returns a `Match`: a `score` in [0, 1], the `features` that fired and a
`reasons` line for each, in the manner of nomenklatura's `FtResult`; `is_match` compares
the score with `THRESHOLD`, and `partial` / `typo_candidate` tell a resolver to want context.

How two names are compared (parsing is `name_parts.parse_name`, cached per name):

1. Parts are aligned one to one, in any order, most alike first. Two parts' similarity is
   the mean of the edit similarities of their letter keys (best reading of 'e') and of
   their consonant skeletons, which forgives the short vowels Arabic script leaves out;
   an initial matches a part with its first letter; one part may match two parts of the
   other name written apart ('Taji al-Din' / 'Tajideen'); a joined article is tolerated
   ('Alkhazali'). A kunya or byname never matches a bare name: 'Abu Hafs' is not 'Hafs'.
   Pairs of different names that look alike (Hassan/Husayn) never match
   (`lexicon/name_words.yaml`, `distinct_names`).
2. Each name's coverage is the weight of its matched parts, times their similarity, over
   its whole weight. A part only one name has weighs `EXTRA_PART_WEIGHT` of its weight
   when the other name is wholly matched (a middle or family name left out) and its full
   weight when both names have unmatched parts (a conflict).
3. The score is the geometric mean of the two coverages (both names must be explained),
   squared when both names are a single part (one part's likeness is weaker evidence than
   the same likeness over several parts), then scaled down by the negative features:
   a given name alone, organisation names that differ by a qualifier or a head word, an
   organisation against a person.

`THRESHOLD` was chosen on the public name pairs (`../shared/eval/public/data/names_*_dev`)
as the lowest score with at most 1 % false matches on each set: OFAC 0.87 %, Latin 0.96 %,
Arabic script 0.37 % false matches, recall 0.819, 0.849 and 0.882.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from linkchart.resolve._tables import lexicon_table
from linkchart.resolve.name_parts import ParsedName, Part, parse_name, skeleton
from linkchart.resolve.transliterate import letter_keys

THRESHOLD = 0.7

MIN_SIMILARITY = 0.6  # below this two parts are different names
JOINED_MIN_SIMILARITY = 0.85  # one part against two written apart must be closer than that
NASAB_OMITTED = 0.9  # 'bin Laden' against 'Laden'
INITIAL_SIMILARITY = 0.9  # 'M.' against 'Muhammad'
GLUED_ARTICLE_PENALTY = 0.05  # 'Alkhazali' against 'Khazali'
EXTRA_PART_WEIGHT = 0.5  # an unmatched part when the other name is wholly matched
CONFLICT_WEIGHT = 0.7  # least weight of an unmatched part when both names have one: a common name differs too
SINGLE_PART_EXPONENT = 2.0  # one part's likeness says less than the same likeness over several parts
GIVEN_NAME_ONLY = 0.5  # 'Qais' for 'Qais al-Khazali': brothers share a family name, many share a given name
ORG_HEADS_DIFFER = 0.4  # 'Quds Force' / 'Quds Brigade'
KIND_DIFFERS = 0.5  # an organisation's name against a person's
ACRONYM_SCORE = 0.85  # 'AAH' for 'Asaib Ahl al-Haq'
TYPO_SCORE = 0.5  # a possible misspelling: below the threshold, for a resolver with context


# ---- part similarity -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _distinct_names() -> dict[str, tuple[int, int]]:
    """Return letter key → (group, name) for names that look alike but are different names."""
    out: dict[str, tuple[int, int]] = {}
    for group, names in enumerate(lexicon_table("name_words")["distinct_names"]):
        for index, spellings in enumerate(names):
            for spelling in spellings:
                for key in letter_keys(spelling):
                    out.setdefault(key, (group, index))
    return out


def _skeletons(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(skeleton(k) for k in keys)


@lru_cache(maxsize=200_000)
def _spelling_similarity(x: tuple[str, ...], sx: tuple[str, ...], y: tuple[str, ...], sy: tuple[str, ...]) -> float:
    """Return the best mean of key and skeleton similarity over the readings of two parts."""
    best = 0.0
    for a, sa in zip(x, sx, strict=True):
        for b, sb in zip(y, sy, strict=True):
            spelled = Levenshtein.normalized_similarity(a, b)
            skel = Levenshtein.normalized_similarity(sa, sb) if (sa or sb) else 1.0
            best = max(best, (spelled + skel) / 2)
    return best


def _glued(keys: tuple[str, ...]) -> tuple[str, ...] | None:
    """Return the keys without a joined article ('Alkhazali' → 'xazali'), or None."""
    if len(keys[0]) >= 5 and keys[0].startswith("al"):
        return tuple(k[2:] for k in keys)
    return None


@lru_cache(maxsize=500_000)
def _similarity(su: tuple, sv: tuple) -> tuple[float, str]:
    """Return (similarity, how) of two parts given their signatures (`Part.sig`)."""
    pu, ku, sku, iu, au, hu, fu = su
    pv, kv, skv, iv, av, hv, fv = sv
    if au or av:
        return (1.0, "same") if au and av and ku == kv else (0.0, "acronym")
    if hu or hv:
        if hu == hv:
            return (1.0, "same") if ku == kv else (1.0, "head_synonym")
        return 0.0, "head"
    if pu != pv:
        if "abd" in (pu, pv) and "" in (pu, pv):
            xu = tuple("abd" + k for k in ku) if pu else ku
            xv = tuple("abd" + k for k in kv) if pv else kv
            if set(xu) & set(xv):
                return 1.0, "same"
            return _spelling_similarity(xu, _skeletons(xu), xv, _skeletons(xv)), "spelling"
        if not ({pu, pv} <= {"", "bin", "bint"}):
            return 0.0, "byname"
        sim, _ = _similarity(("",) + su[1:], ("",) + sv[1:])
        return sim * NASAB_OMITTED, "nasab_omitted"
    if iu or iv:
        return (INITIAL_SIMILARITY, "initial") if fu == fv else (0.0, "initial")
    if ku == kv or set(ku) & set(kv):
        return 1.0, "same"
    distinct = _distinct_names()
    gu, gv = distinct.get(ku[0]), distinct.get(kv[0])
    if gu and gv and gu[0] == gv[0] and gu[1] != gv[1]:
        return 0.0, "distinct_names"
    sim = _spelling_similarity(ku, sku, kv, skv)
    if not pu:
        for x, y in ((ku, kv), (kv, ku)):
            glued = _glued(x)
            if glued and not _glued(y):
                sy = skv if y is kv else sku
                sim = max(sim, _spelling_similarity(glued, _skeletons(glued), y, sy) - GLUED_ARTICLE_PENALTY)
    return sim, "spelling"


def part_similarity(u: Part, v: Part) -> tuple[float, str]:
    """Return how alike two name parts are in [0, 1], and how ('same', 'spelling', 'initial', ...)."""
    return _similarity(u.sig, v.sig)


# ---- alignment -------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """Parts of two names taken as one: a pair, or one part and two parts written apart."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    how: str


def _joined(x: Part, y: Part) -> Part | None:
    """Return two adjacent parts as one ('Taji' 'Din' → 'tajidin'), or None if either is a particle."""
    if x.particle or y.particle or x.initial or y.initial or x.acronym or y.acronym or x.head or y.head:
        return None
    keys = (x.keys[0] + y.keys[0],)
    sk = _skeletons(keys)
    return Part(f"{x.text} {y.text}", "", keys, sk, 0.0, sig=("", keys, sk, False, False, "", x.sig[6]))


def _candidates(pa: tuple[Part, ...], pb: tuple[Part, ...]) -> list[Link]:
    out: list[Link] = []
    for i, u in enumerate(pa):
        for j, v in enumerate(pb):
            sim, how = _similarity(u.sig, v.sig)
            if sim >= MIN_SIMILARITY:
                out.append(Link((i,), (j,), sim, how))
    for flip, (one, two) in enumerate(((pa, pb), (pb, pa))):
        for j in range(len(two) - 1):
            joined = _joined(two[j], two[j + 1])
            if joined is None:
                continue
            n = len(joined.keys[0])
            for i, u in enumerate(one):
                if u.particle or u.initial or u.acronym or abs(len(u.keys[0]) - n) > 3:
                    continue
                sim, _ = _similarity(u.sig, joined.sig)
                if sim >= JOINED_MIN_SIMILARITY:
                    out.append(Link((j, j + 1), (i,), sim, "joined") if flip else
                               Link((i,), (j, j + 1), sim, "joined"))
    return out


def align(pa: tuple[Part, ...], pb: tuple[Part, ...]) -> list[Link]:
    """Return a one-to-one alignment of the parts of two names, most alike first, in any order."""
    links = sorted(_candidates(pa, pb), key=lambda k: (-k.similarity, -len(k.a) - len(k.b), k.a, k.b))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for link in links:
        if used_a.isdisjoint(link.a) and used_b.isdisjoint(link.b):
            out.append(link)
            used_a.update(link.a)
            used_b.update(link.b)
    return sorted(out, key=lambda k: k.a)


# ---- the matcher -----------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """The matcher's verdict on two names, with the features and reasons that produced its score."""

    score: float  # 0..1: see THRESHOLD
    reasons: list[str]
    partial: bool = False  # only part of a name matched ('Khazali' for 'Qais al-Khazali')
    typo_candidate: bool = False  # may be a misspelling; accept only when context agrees
    features: tuple[str, ...] = ()  # names of the features that fired

    @property
    def is_match(self) -> bool:
        """Return True if the score reaches `THRESHOLD`."""
        return self.score >= THRESHOLD


class _Verdict:
    """Features collected while scoring one pair of names."""

    def __init__(self) -> None:
        self.features: list[str] = []
        self.reasons: list[str] = []
        self.partial = False
        self.typo = False

    def add(self, feature: str, reason: str) -> None:
        self.features.append(feature)
        self.reasons.append(reason)

    def match(self, score: float) -> Match:
        return Match(round(max(0.0, min(1.0, score)), 3), self.reasons, self.partial, self.typo,
                     tuple(self.features))


def _q(name: ParsedName, idx: tuple[int, ...] | list[int]) -> str:
    return ", ".join(f"'{name.parts[i].text}'" for i in idx)


def _coverage(parts: tuple[Part, ...], matched: dict[int, float], other_complete: bool) -> float:
    total = got = 0.0
    for i, p in enumerate(parts):
        if i in matched:
            total += p.weight
            got += p.weight * matched[i]
        elif other_complete:
            total += p.weight * EXTRA_PART_WEIGHT
        else:
            total += max(p.weight, CONFLICT_WEIGHT)
    return got / total if total else 0.0


def _typo(u: Part, v: Part) -> str | None:
    """Return 'transposition' or 'one letter' if two parts may be a misspelling of each other."""
    a, b = u.key, v.key
    if u.acronym or v.acronym or u.particle != v.particle or a == b or min(len(a), len(b)) < 5:
        return None
    if u.skeletons[0] == v.skeletons[0]:
        return None  # only vowels differ: that is spelling, not a typo
    if sorted(a) == sorted(b) and OSA.distance(a, b) <= 2:
        return "transposition"
    if OSA.distance(a, b) == 1:
        return "one letter"
    return None


def _explain_links(a: ParsedName, b: ParsedName, links: list[Link], v: _Verdict) -> None:
    names = {"same": "same name", "spelling": "spelling variant", "initial": "initial", "joined": "written apart",
             "nasab_omitted": "nasab particle omitted", "head_synonym": "head word synonym"}
    how = {k.how for k in links}
    if how == {"same"}:
        v.add("same_parts", "same parts: " + "; ".join(f"{_q(a, k.a)} = {_q(b, k.b)}" for k in links))
    else:
        for k in links:
            if k.how != "same":
                v.add(k.how, f"{names.get(k.how, k.how)}: {_q(a, k.a)} ~ {_q(b, k.b)} ({k.similarity:.2f})")
    order = [j for k in links for j in k.b]
    if order != sorted(order):
        v.add("order_swapped", "parts in another order")
    for name in (a, b):
        if name.script:
            latin = " ".join(p.text for p in name.parts)
            v.add("arabic_script", f"'{name.norm}' read from Arabic script as '{latin}'")


def _extras(a: ParsedName, b: ParsedName, links: list[Link], v: _Verdict) -> float:
    """Name the parts only one name has; return the factor they scale the score by."""
    used_a = {i for k in links for i in k.a}
    used_b = {j for k in links for j in k.b}
    extra_a = [i for i in range(len(a.parts)) if i not in used_a]
    extra_b = [j for j in range(len(b.parts)) if j not in used_b]
    if not links:
        return 1.0
    if extra_a and extra_b:
        v.add("parts_conflict", f"unmatched {_q(a, extra_a)} vs {_q(b, extra_b)} (negative)")
        heads_a = [i for i in extra_a if a.parts[i].head]
        heads_b = [j for j in extra_b if b.parts[j].head]
        if heads_a and heads_b:
            v.add("org_heads_differ", f"different head words {_q(a, heads_a)} vs {_q(b, heads_b)} (negative)")
            return ORG_HEADS_DIFFER
        return 1.0
    if not (extra_a or extra_b):
        return 1.0
    short, long_, extra, used = (a, b, extra_b, sorted(used_b)) if extra_b else (b, a, extra_a, sorted(used_a))
    n = len(long_.parts)
    lead = [j for j in extra if j < used[0]]
    tail = [j for j in extra if j > used[-1]]
    middle = [j for j in extra if used[0] < j < used[-1]]
    if "org" in (a.kind, b.kind):
        distinct = [j for j in lead + tail if not long_.parts[j].acronym and not long_.parts[j].head]
        if distinct:
            v.add("org_qualifier", f"extra qualifier {_q(long_, distinct)} makes another organisation (negative)")
            return 0.0
        if lead:
            v.add("parent_prefix", f"parent organisation prefix {_q(long_, lead)}")
        if tail:
            v.partial = True
            v.add("head_omitted", f"partial name (organisation head word omitted): {_q(long_, tail)}")
        if middle:
            v.add("middle_omitted", f"middle part omitted: {_q(long_, middle)}")
        return 1.0
    if len(short.parts) == 1:
        v.partial = True
        j = used[0]
        if j == n - 1:
            v.add("surname_only", f"partial name (family name) {_q(short, [0])}")
        elif j == 0 and short.parts[0].particle in ("abu", "umm", "hajj"):
            v.add("kunya_only", f"partial name (byname) {_q(short, [0])}")
        else:
            v.add("given_name_only", f"partial name (given or middle name only) {_q(short, [0])} (negative)")
            return GIVEN_NAME_ONLY
        return 1.0
    if middle:
        v.add("middle_omitted", f"middle part omitted: {_q(long_, middle)}")
    if lead:
        v.partial = True
        v.add("leading_omitted", f"partial name (leading part omitted): {_q(long_, lead)}")
    if tail:
        v.add("trailing_omitted", f"trailing part omitted: {_q(long_, tail)}")
    return 1.0


def _bynames(a: ParsedName, b: ParsedName, links: list[Link], v: _Verdict) -> None:
    """Say when a byname's word is the other name's word: an alias, never a spelling ('Abu Hafs' / 'Hafs')."""
    used_a = {i for k in links for i in k.a}
    used_b = {j for k in links for j in k.b}
    for x, y, used_x, used_y in ((a, b, used_a, used_b), (b, a, used_b, used_a)):
        for i, p in enumerate(x.parts):
            if i in used_x or p.particle not in ("abu", "umm", "hajj"):
                continue
            for j, q in enumerate(y.parts):
                if j not in used_y and not q.particle and set(p.keys) & set(q.keys):
                    v.add("byname_not_spelling",
                          f"'{p.text}' is a byname, not a spelling of '{q.text}' (negative)")


def _acronym(a: ParsedName, b: ParsedName, v: _Verdict) -> float | None:
    """Return the score of an acronym against a name or another acronym, or None if neither is one."""
    if a.acronym and b.acronym:
        if a.acronym == b.acronym:
            v.add("same_acronym", f"same acronym '{a.acronym}'")
            return 1.0
        v.add("acronyms_differ", f"different acronyms '{a.acronym}' vs '{b.acronym}' (negative)")
        return 0.0
    for x, y in ((a, b), (b, a)):
        if x.acronym and x.acronym in y.initials:
            v.add("acronym", f"acronym '{x.acronym}' of '{y.norm}'")
            return ACRONYM_SCORE
    return None


def _score(a: ParsedName, b: ParsedName) -> Match:
    v = _Verdict()
    if not a.parts or not b.parts:
        v.add("empty", "no name parts")
        return v.match(0.0)
    if a.norm.casefold() == b.norm.casefold():
        v.add("identical", "identical after normalising")
        return v.match(1.0)
    acronym = _acronym(a, b, v)
    if acronym is not None:
        return v.match(acronym)
    links = align(a.parts, b.parts)
    ma = {i: k.similarity for k in links for i in k.a}
    mb = {j: k.similarity for k in links for j in k.b}
    cov_a = _coverage(a.parts, ma, len(mb) == len(b.parts))
    cov_b = _coverage(b.parts, mb, len(ma) == len(a.parts))
    score = math.sqrt(cov_a * cov_b)
    if len(a.parts) == 1 and len(b.parts) == 1:
        score = score ** SINGLE_PART_EXPONENT
    _explain_links(a, b, links, v)
    score *= _extras(a, b, links, v)
    _bynames(a, b, links, v)
    if {a.kind, b.kind} == {"org", "person"}:
        v.add("kind_differs", "organisation name vs person name (negative)")
        score *= KIND_DIFFERS
    if not links:
        v.add("no_shared_parts", "no shared name parts")
    if score < THRESHOLD:
        _typos(a, b, links, v)
        if v.typo:
            score = max(score, TYPO_SCORE)
    return v.match(score)


def _typos(a: ParsedName, b: ParsedName, links: list[Link], v: _Verdict) -> None:
    """Flag one part pair that may be a misspelling when every other part matches."""
    used_a = {i for k in links for i in k.a}
    used_b = {j for k in links for j in k.b}
    extra_a = [i for i in range(len(a.parts)) if i not in used_a]
    extra_b = [j for j in range(len(b.parts)) if j not in used_b]
    if len(a.parts) == len(b.parts) and len(extra_a) == 1 and len(extra_b) == 1:
        u, w = a.parts[extra_a[0]], b.parts[extra_b[0]]
    elif min(len(a.parts), len(b.parts)) == 1 and not links:
        u, w = a.parts[-1], b.parts[-1]  # a family name alone, misspelt
    else:
        return
    kind = _typo(u, w)
    if kind:
        v.typo = True
        v.partial = v.partial or len(a.parts) != len(b.parts)
        v.add("typo", f"possible typo ({kind}) '{u.text}' ~ '{w.text}'")


_PARENTHESIS = re.compile(r"\s*(.+?)\s*\((.+?)\)\s*")


def _variants(name: str) -> list[str]:
    """Return the name and, for 'X (Y)', both X and Y."""
    m = _PARENTHESIS.fullmatch(name)
    return [name, m.group(1), m.group(2)] if m else [name]


def compare(a: str, b: str) -> Match:
    """Return how well two names match, with the features and reasons for the score.

    A name with a parenthetical ('Hashd al-Sha'abi (Popular Mobilization Units)') is also
    compared by each of its parts, and the best comparison is kept.
    """
    best: Match | None = None
    for x in _variants(a):
        for y in _variants(b):
            m = _score(parse_name(x), parse_name(y))
            if (x, y) != (a, b):
                m = Match(m.score, m.reasons + [f"compared '{x}' with '{y}'"], m.partial, m.typo_candidate,
                          m.features)
            if best is None or m.score > best.score:
                best = m
    assert best is not None
    return best
