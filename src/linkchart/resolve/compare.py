"""The name matcher: how likely two names, in any romanisation or in Arabic script, name one bearer.

`compare(a, b)` returns a `Match` whose `score` in [0, 1] is calibrated on name pairs (see
`THRESHOLD`) and whose `reasons` and `features` say which evidence produced it, in the
manner of nomenklatura's `FtResult`.

How two names are compared:

1. Each name is parsed once (cached) into *parts*: Arabic script is read into Latin
   (`transliterate.arabic_to_latin`); titles are set aside; the article ('al-', 'ash-',
   'ud-') is dropped; particles bind to the word after them: a kunya ('Abu Hafs'), a nasab
   ('bin Laden'), a theophoric 'Abd ('Abd al-Rahman', 'Abdul Rahman', 'Abdurrahman' are one
   part), a byname ('Hajj Radwan'). Each part gets letter keys (`transliterate.letter_keys`)
   and a weight from how common its key is among names (`lexicon/name_frequencies.yaml`):
   a shared rare family name says more than a shared 'Muhammad'.
2. Parts are aligned in any order: each pair of parts has a similarity from the edit
   distance of their letter keys and of their consonant skeletons (the latter forgives the
   missing short vowels of Arabic script); an initial matches a part with its first letter;
   a part may match two parts of the other name written apart ('Taji al-Din' / 'Tajideen').
   A kunya or byname never matches a bare name as a spelling: 'Abu Hafs' is not 'Hafs'.
3. Each name's *coverage* is the weight of its matched parts (times their similarity) over
   its whole weight; parts only one name has weigh less when the other name is wholly
   matched (a middle name omitted), fully when both names have unmatched parts (a
   conflict). The score is the geometric mean of the two coverages, so both names must be
   explained.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from linkchart.resolve._tables import lexicon_table
from linkchart.resolve.transliterate import arabic_to_latin, has_arabic_script, letter_keys, skeleton

THRESHOLD = 0.7

# ---- tables ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    articles: frozenset[str]
    standalone_articles: frozenset[str]
    particles: dict[str, str]  # spelling → canonical particle (abu, umm, bin, bint, abd, hajj)
    byname_honorifics: frozenset[str]
    title_re: re.Pattern[str]
    abd_prefix: re.Pattern[str]


def _title_pattern(title: str) -> str:
    return r"[\s.-]*".join(re.escape(w) for w in re.split(r"[\s-]+", title))


@lru_cache(maxsize=1)
def _words() -> _Words:
    table = lexicon_table("name_words")
    particles: dict[str, str] = {}
    particles.update(table["kunya"])
    particles.update(table["nasab"])
    particles.update({w: "abd" for w in table["abd"]})
    honorifics = frozenset(table["byname_honorifics"])
    titles = sorted(table["titles"], key=len, reverse=True)
    title_re = re.compile(r"^(?:" + "|".join(_title_pattern(t) for t in titles) + r")\.?(?:[\s-]+|$)", re.IGNORECASE)
    abd_forms = sorted(table["abd"], key=len, reverse=True)
    # 'Abdurrahman', 'Abdelaziz': the 'Abd, its article and the name of God written as one word
    abd_prefix = re.compile(r"^(?:" + "|".join(abd_forms) + r")(?=[a-z]{3})")
    return _Words(frozenset(table["articles"]), frozenset(table["standalone_articles"]), particles, honorifics,
                  title_re, abd_prefix)


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, int], int]:
    table = lexicon_table("name_frequencies")
    return dict(table["counts"]), int(table["names"])


def part_weight(key: str) -> float:
    """Return how much a shared part with letter key `key` says: ~0.2 for 'muhamad', ~1 for an unseen name."""
    counts, total = _frequencies()
    df = counts.get(key, 0)
    return math.log((total + 1) / (df + 0.5)) / math.log(2 * (total + 1))


# ---- normalising -----------------------------------------------------------------------

_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u201b\u02bc\u02bb\u02be\u02bf\u00b4`\u2032]")
_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?=\s|$)")
_NON_WORD = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=100_000)
def normalize(name: str) -> str:
    """Return `name` cleaned for comparison, keeping its case and script.

    NFKC; soft hyphens removed; dashes, apostrophes and quotes unified; a possessive
    ("Khazali's") removed; whitespace collapsed; surrounding punctuation stripped.
    """
    s = unicodedata.normalize("NFKC", name).replace("\u00ad", "")
    s = _DASHES.sub("-", s)
    s = _APOSTROPHES.sub("'", s)
    s = _QUOTES.sub(" ", s)
    s = _SPACES.sub(" ", s).strip(" ,;:-.")
    s = re.sub(r"(?<=[a-z]{3})'s$|(?<=[a-z]{3}s)'$", "", s)
    return s


def strip_titles(name: str) -> str:
    """Return `name` without leading titles, honorifics and ranks ('Brig. Gen. Ali X' → 'Ali X').

    A name that is nothing but a title is returned unchanged.
    """
    title_re = _words().title_re
    s = name.strip()
    while True:
        m = title_re.match(s)
        if not m or not s[m.end():].strip():
            return s
        s = s[m.end():].lstrip()


# ---- parsed names ----------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One part of a name: a word, or a particle bound to the word after it ('Abu Hafs')."""

    text: str  # as written (Latin; Arabic script read into Latin)
    particle: str  # canonical particle ('abu', 'umm', 'bin', 'bint', 'abd', 'hajj') or ''
    keys: tuple[str, ...]  # letter keys of the word after the particle, one per reading of 'e'
    skeleton: str  # consonants of keys[0]
    initial: bool  # a single letter ('M.')
    weight: float

    @property
    def key(self) -> str:
        """Return the main letter key, with the particle ('abd' + 'rahman')."""
        return (self.particle if self.particle in ("abd",) else "") + self.keys[0]


@dataclass(frozen=True)
class ParsedName:
    """A name as the matcher sees it."""

    text: str
    norm: str
    parts: tuple[Part, ...]
    script: bool  # written in Arabic script
    titled: bool  # a title was set aside


def _split_words(latin: str) -> list[list[str]]:
    """Return the words of a name, each as its hyphen-joined pieces, in lower case ASCII."""
    words = []
    for word in re.split(r"[\s/,]+", latin):
        pieces = [_NON_WORD.sub("", p) for p in anyascii(word).lower().split("-")]
        pieces = [p for p in pieces if p]
        if pieces:
            words.append(pieces)
    return words


def _tokens(latin: str) -> list[str]:
    """Return the name's tokens without articles: 'Abu al-Hassan' → ['abu', 'hassan']."""
    w = _words()
    words = _split_words(latin)
    out: list[str] = []
    for wi, pieces in enumerate(words):
        for pi, piece in enumerate(pieces):
            last_piece = pi == len(pieces) - 1
            if not last_piece and piece in w.articles:
                continue  # 'al-Sadr', 'ud-Din', 'abu-al-Khayr'
            if len(pieces) == 1 and piece in w.standalone_articles and len(words) > 1 and wi < len(words) - 1:
                continue  # 'Al Khazali', 'Fazl ur Rehman'
            out.append(piece)
    return out


def _split_abd(token: str) -> tuple[str, str] | None:
    """Return ('abd', rest) for a joined 'Abd name ('abdurrahman' → 'rahman'), else None."""
    m = _words().abd_prefix.match(token)
    if not m:
        return None
    rest = token[m.end():]
    if re.fullmatch(r"l?lah?i?|ll?a", rest) or re.fullmatch(r"l?lah?i?", token[3:].lstrip("aeiou")):
        return None  # Abdullah, Abdallah, Abdullahi: one name
    if len(rest) > 1 and rest[0] == rest[1] and rest[0] not in "aeiou":
        rest = rest[1:]  # an assimilated article: Abdur-rahman
    return ("abd", rest)


def _make_part(text: str, particle: str, word: str) -> Part:
    keys = letter_keys(word) or ("",)
    prefix = "abd" if particle == "abd" else ""
    weight = max(part_weight(prefix + k) for k in keys) if keys[0] else 0.0
    if particle in ("abu", "umm", "hajj"):
        weight = max(weight, 0.3)
    return Part(text, particle, keys, skeleton(keys[0]), len(word) == 1, weight)


@lru_cache(maxsize=100_000)
def _raw_parts(norm: str) -> tuple[tuple[tuple[str, str, str], ...], bool, bool]:
    """Return ((text, particle, word) per part, written in Arabic script, titled) of a normalised name."""
    script = has_arabic_script(norm)
    latin = arabic_to_latin(norm) if script else norm
    untitled = strip_titles(latin)
    titled = untitled != latin
    tokens = _tokens(untitled)
    w = _words()
    if len(tokens) > 2 and tokens[0] in w.byname_honorifics:
        tokens = tokens[1:]  # 'Haji Muhammad Ashraf': a title before a full name
    parts: list[tuple[str, str, str]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        particle = w.particles.get(tok, "")
        if not particle and tok in w.byname_honorifics and i == 0:
            particle = "hajj"
        if particle and i + 1 < len(tokens) and tokens[i + 1] not in w.particles:
            parts.append((f"{tok} {tokens[i + 1]}", particle, tokens[i + 1]))
            i += 2
            continue
        abd = _split_abd(tok) if not particle else None
        parts.append((tok, "abd", abd[1]) if abd else (tok, "", tok))
        i += 1
    return tuple(parts), script, titled


def part_keys(name: str) -> list[str]:
    """Return the letter key of each part of `name` ('Abdul Rahman al-Hashimi' → ['abdrahman', 'hasimi'])."""
    parts, _, _ = _raw_parts(normalize(name))
    return [("abd" if particle == "abd" else "") + (letter_keys(word) or ("",))[0] for _, particle, word in parts]


@lru_cache(maxsize=100_000)
def parse_name(name: str) -> ParsedName:
    """Return `name` parsed into weighted parts (see the module docstring)."""
    norm = normalize(name)
    raw, script, titled = _raw_parts(norm)
    parts = tuple(_make_part(text, particle, word) for text, particle, word in raw)
    return ParsedName(name, norm, parts, script, titled)


# ---- part similarity -------------------------------------------------------------------

MIN_SIMILARITY = 0.6  # below this two parts are different names


@lru_cache(maxsize=500_000)
def _key_similarity(x: tuple[str, ...], sx: str, y: tuple[str, ...], sy: str) -> float:
    spelled = max(Levenshtein.normalized_similarity(a, b) for a in x for b in y)
    skel = Levenshtein.normalized_similarity(sx, sy) if (sx or sy) else 1.0
    return (spelled + skel) / 2


def _glued_article(keys: tuple[str, ...]) -> tuple[str, ...] | None:
    """Return the keys without a joined article ('Alkhazali' → 'xazali'), or None."""
    if keys[0].startswith("al") and len(keys[0]) >= 5:
        return tuple(k[2:] for k in keys)
    return None


def part_similarity(u: Part, v: Part) -> tuple[float, str]:
    """Return how alike two parts are in [0, 1], and how ('same', 'spelling', 'initial', ...)."""
    if u.particle != v.particle:
        if "abd" in (u.particle, v.particle) and "" in (u.particle, v.particle):
            ku, kv = (u.key,), (v.key,)
            sim = _key_similarity(ku, skeleton(ku[0]), kv, skeleton(kv[0]))
            return sim, "spelling"
        if {u.particle, v.particle} <= {"", "bin", "bint"}:
            sim = _key_similarity(u.keys, u.skeleton, v.keys, v.skeleton)
            return sim * 0.9, "nasab"
        return 0.0, "particle"
    if u.initial or v.initial:
        if u.keys[0][:1] == v.keys[0][:1] or u.text[-1:] == v.text[:1] or u.text[:1] == v.text[:1]:
            return 0.9, "initial"
        return 0.0, "initial"
    if u.keys == v.keys or set(u.keys) & set(v.keys):
        return 1.0, "same"
    sim = _key_similarity(u.keys, u.skeleton, v.keys, v.skeleton)
    if not u.particle:
        for a, b in ((u, v), (v, u)):
            glued = _glued_article(a.keys)
            if glued:
                sim = max(sim, _key_similarity(glued, skeleton(glued[0]), b.keys, b.skeleton) - 0.05)
    return sim, "spelling"


# ---- alignment -------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """Parts of two names taken as one name part: a pair, or one part and two written apart."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    how: str


def _candidates(pa: tuple[Part, ...], pb: tuple[Part, ...]) -> list[Link]:
    out: list[Link] = []
    for i, u in enumerate(pa):
        for j, v in enumerate(pb):
            sim, how = part_similarity(u, v)
            if sim >= MIN_SIMILARITY:
                out.append(Link((i,), (j,), sim, how))
    for side, (one, two) in enumerate(((pa, pb), (pb, pa))):
        for j in range(len(two) - 1):
            x, y = two[j], two[j + 1]
            if x.particle or y.particle or x.initial or y.initial:
                continue
            merged_keys = (x.keys[0] + y.keys[0],)
            merged = Part(f"{x.text}-{y.text}", "", merged_keys, skeleton(merged_keys[0]), False, 0.0)
            for i, u in enumerate(one):
                if u.particle or u.initial:
                    continue
                sim, _ = part_similarity(u, merged)
                if sim >= 0.85:
                    out.append(Link((i,), (j, j + 1), sim, "joined") if side == 0 else
                               Link((j, j + 1), (i,), sim, "joined"))
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
    return out


# ---- the matcher -----------------------------------------------------------------------

EXTRA_PART_WEIGHT = 0.5  # an unmatched part when the other name is wholly matched (a name omitted)


@dataclass(frozen=True)
class Match:
    """The matcher's verdict on two names, with the reasons that produced its score."""

    score: float  # 0..1, calibrated: see THRESHOLD
    reasons: list[str]
    partial: bool = False  # only part of a name matched ('Khazali' for 'Qais al-Khazali')
    typo_candidate: bool = False  # may be a misspelling; accept only when context agrees
    features: tuple[str, ...] = ()  # names of the features that fired

    @property
    def is_match(self) -> bool:
        """Return True if the score reaches `THRESHOLD`."""
        return self.score >= THRESHOLD


def _coverage(parts: tuple[Part, ...], matched: dict[int, float], other_complete: bool) -> float:
    total = got = 0.0
    for i, p in enumerate(parts):
        if i in matched:
            total += p.weight
            got += p.weight * matched[i]
        else:
            total += p.weight * (EXTRA_PART_WEIGHT if other_complete else 1.0)
    return got / total if total else 0.0


def _score(a: ParsedName, b: ParsedName) -> Match:
    if not a.parts or not b.parts:
        return Match(0.0, ["no name parts"], features=("empty",))
    if a.norm.casefold() == b.norm.casefold():
        return Match(1.0, ["identical after normalising"], features=("identical",))
    links = align(a.parts, b.parts)
    ma = {i: k.similarity for k in links for i in k.a}
    mb = {j: k.similarity for k in links for j in k.b}
    a_complete, b_complete = len(ma) == len(a.parts), len(mb) == len(b.parts)
    cov_a = _coverage(a.parts, ma, b_complete)
    cov_b = _coverage(b.parts, mb, a_complete)
    score = math.sqrt(cov_a * cov_b)
    reasons = [f"{_show(a, k.a)} ~ {_show(b, k.b)} ({k.how} {k.similarity:.2f})" for k in links]
    features = tuple(sorted({k.how for k in links}))
    if not links:
        reasons.append("no shared name parts")
    return Match(round(score, 3), reasons, features=features)


def _show(name: ParsedName, idx: tuple[int, ...]) -> str:
    return "'" + " ".join(name.parts[i].text for i in idx) + "'"


def compare(a: str, b: str) -> Match:
    """Return how well two names match, with the reasons for the score (see the module docstring)."""
    return _score(parse_name(a), parse_name(b))
