"""Names parsed into weighted parts, for the name matcher (`linkchart.resolve.compare`).

`parse_name` reads a name once (cached) into `Part`s:

- Arabic, Persian and Urdu script is read into Latin (`transliterate.arabic_to_latin`);
- leading titles, honorifics and ranks are set aside ('Brig. Gen.', 'Sheikh', and 'Haji'
  before a full name); a byname honorific before a single name stays with it ('Hajj Radwan');
- the Arabic article is dropped in all its forms ('al-', 'el ', 'ash-', 'ud-', 'ur ');
- particles bind to the word after them: a kunya ('Abu Hafs', 'Umm Ahmad'), a nasab
  ('bin Laden', 'Ould Salek'), the theophoric 'Abd ('Abd al-Rahman', 'Abdul Rahman',
  'Abdel-Rahman' and 'Abdurrahman' are one part);
- an acronym ('IRGC', 'U.S.') and an organisation's head word ('Forces', 'Brigade') are marked;
- each part gets its letter keys (`transliterate.letter_keys`) and a weight from how many
  names use it (`lexicon/name_frequencies.yaml`): a rare family name weighs ~1, 'Muhammad' ~0.25.

Word lists live in `lexicon/name_words.yaml`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import count
from typing import NamedTuple

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from linkchart.lexicon import nation_of
from linkchart.resolve._tables import lexicon_table
from linkchart.resolve.transliterate import (
    arabic_to_latin,
    has_arabic_script,
    letter_keys,
    skeleton,
    strip_arabic_marks,
)

ORG_WORD_WEIGHT = 0.3  # an organisation's head word, a word like 'Islamic' or 'Southern', says little on its own
MIN_KUNYA_WEIGHT = 0.3  # 'Abu Muhammad' is common, but still a byname
MAX_PARTS = 12  # parts of a name kept for comparing: a longer "name" is a phrase, and alignment is quadratic
MAX_WORD = 40  # letters of a word kept for comparing: edit distance is quadratic in length
BYNAMES = frozenset({"abu", "umm", "hajj"})  # particles that make a byname, not a spelling of the word after them

# ---- tables ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    articles: frozenset[str]
    standalone_articles: frozenset[str]
    particles: dict[str, str]  # spelling → canonical particle (abu, umm, bin, bint, abd)
    byname_honorifics: frozenset[str]
    title_re: re.Pattern[str]
    abd_prefix: re.Pattern[str]
    org_heads: dict[str, str]  # head word → synonym class
    org_words: frozenset[str]
    generic_words: frozenset[str]
    compass: dict[str, str]
    camel_heads: re.Pattern[str]
    camel_start: re.Pattern[str]  # where `camel_heads` may match: a small letter before a head's first letter


def _title_pattern(title: str) -> str:
    return r"[\s.-]*".join(re.escape(w) for w in re.split(r"[\s-]+", title))


@lru_cache(maxsize=1)
def _words() -> _Words:
    table = lexicon_table("name_words")
    particles: dict[str, str] = {}
    particles.update(table["kunya"])
    particles.update(table["nasab"])
    particles.update({w: "abd" for w in table["abd"]})
    titles = sorted(table["titles"], key=len, reverse=True)
    title_re = re.compile(r"(?:" + "|".join(_title_pattern(t) for t in titles) + r")\.?(?:[\s-]+|$)", re.IGNORECASE)
    abd_forms = sorted(table["abd"], key=len, reverse=True)
    abd_prefix = re.compile(r"^(?:" + "|".join(abd_forms) + r")(?=[a-z]{3})")
    heads = {w: cls for cls, words in table["org_heads"].items() for w in words}
    camel = sorted((w.capitalize() for w in heads if len(w) > 3), key=len, reverse=True)
    camel_heads = re.compile(r"(?<=[a-z])(?=(?:" + "|".join(camel) + r")\b)")
    camel_start = re.compile(r"[a-z](?=[" + re.escape("".join(sorted({c[0] for c in camel}))) + "])")
    return _Words(frozenset(table["articles"]), frozenset(table["standalone_articles"]), particles,
                  frozenset(table["byname_honorifics"]), title_re, abd_prefix, heads,
                  frozenset(table["org_words"]), frozenset(table["generic_words"]), dict(table["compass"]), camel_heads,
                  camel_start)


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, int], int]:
    table = lexicon_table("name_frequencies")
    return dict(table["counts"] or {}), int(table["names"])


def known_name_part(key: str) -> bool:
    """Return True when people's names use the part with letter key `key` (it is in the name frequencies)."""
    return key in _frequencies()[0]


def part_weight(key: str) -> float:
    """Return how much a shared part with letter key `key` says: ~0.25 for 'muhamad', ~1 for a rare name."""
    counts, total = _frequencies()
    df = counts.get(key, 0)
    return math.log((total + 1) / (df + 0.5)) / math.log(2 * (total + 1))


# ---- normalising -----------------------------------------------------------------------

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u02bb\u02be\u02bf\u00b4`\u2032"
_QUOTES = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
_UNIFY = str.maketrans({**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_APOSTROPHES, "'"),
                        **dict.fromkeys(_QUOTES, " "), "\u00ad": None})
_POSSESSIVE = re.compile(r"(?<=[a-z]{3})'s$|(?<=[a-z]{3}s)'$")
_NON_WORD = re.compile(r"[^a-z0-9]")
_WORD_SPLIT = re.compile(r"[\s/,;]+")
_PIECE_JUNK = re.compile(r"[^A-Za-z0-9.&']")
_SPELLED_JUNK = re.compile(r"[^a-z0-9']")


@lru_cache(maxsize=100_000)
def normalize(name: str) -> str:
    """Return `name` cleaned for comparison, keeping its case and script.

    NFKC; soft hyphens and Arabic short-vowel marks removed; dashes, apostrophes and quotes
    unified; a possessive ("Tarifi's") removed; whitespace collapsed; surrounding punctuation
    stripped.
    """
    s = unicodedata.normalize("NFKC", name)
    if has_arabic_script(s):
        s = strip_arabic_marks(s)
    s = " ".join(s.translate(_UNIFY).split()).strip(" ,;:-")
    return _POSSESSIVE.sub("", s) if "'" in s else s


# what follows a title word that names nobody after it: 'Queen of the South', "Queen's Park"
NO_PERSON_AFTER_TITLE = re.compile(r"(?:of|'s|’s)\b")


def strip_titles(name: str) -> str:
    """Return `name` without leading titles, honorifics and ranks ('Brig. Gen. Ali X' → 'Ali X').

    A name that is nothing but a title, or a title before a country's name ('Captain Varnland'), a small word or a
    possessive ('Queen of the South', "Queen's Park"), is returned unchanged.
    """
    title_re = _words().title_re
    s = name.strip()
    pos = 0
    while (m := title_re.match(s, pos)) and s[m.end():m.end() + 1].strip():
        if pos == 0 and (nation_of(s[m.end():]) is not None or NO_PERSON_AFTER_TITLE.match(s, m.end())):
            return s  # a country, a small word or a possessive after it: no person's title ("Queen's Park")
        pos = m.end()
    return s[pos:]


def is_acronym(word: str) -> bool:
    """Return True if `word` looks like an acronym: 2-6 capitals or digits (10 if dotted).

    'U.S.', 'IRGC-QF' and 'PMU' are acronyms; 'Iran', 'Us' and 'KHAZALI' are not.
    """
    t = word.replace(".", "").replace("-", "").replace("&", "")
    if not (2 <= len(t) <= (10 if "." in word else 6)) or not t.isalnum() or not t[0].isalpha():
        return False
    return t.upper() == t and sum(c.isalpha() for c in t) >= 2


# ---- parts -----------------------------------------------------------------------------


Reading = tuple[str, str, int, int]  # a letter key, its skeleton, their lengths


def _reading(key: str) -> Reading:
    sk = skeleton(key)
    return key, sk, len(key), len(sk)


@dataclass(frozen=True, slots=True, eq=False)
class KeyForms:
    """A part's letter keys and the forms of them the part comparer (`name_align`) reads, made once per keys.

    Slotted rather than a named tuple: the comparer reads these fields for every new pair of parts, and a
    slot is read several times faster than a named tuple's field.
    """

    keys: tuple[str, ...]
    skeletons: tuple[str, ...]  # consonants of each key
    keyset: frozenset[str]
    distinct: tuple[int, int] | None  # (group, name) in `distinct_names`: names that look alike but differ
    ends_i: bool  # every key ends in -i: may be a nisba ('baghdadi')
    nisba_stems: frozenset[str]  # key + 'i' for each key that can take the nisba ending ('baghdad' → 'baghdadi')
    readings: tuple[Reading, ...]  # each key with its skeleton and their lengths
    glued: tuple[Reading, ...]  # the same without a joined article ('alxazali' → 'xazali'), or ()
    longest: int  # letters of the longest key
    spread: int  # most edits between the main key and another reading
    reach: tuple[str, int, int]  # (main key, longest, spread): what the far test reads, at once


_INNER_SHORT_VOWEL = re.compile(r"(?<=[^aiu])[aiu](?=[^aiu])")


@lru_cache(maxsize=1)
def _distinct_names() -> dict[str, tuple[int, int]]:
    """Return letter key → (group, name) for names that look alike but are different names: the table's groups,
    and the compass points ('West' is no spelling of 'East', nor 'Western Sahara' of 'Eastern Sahara')."""
    table = lexicon_table("name_words")
    groups = [*table["distinct_names"], [[point] for point in sorted(set(table["compass"].values()))]]
    out: dict[str, tuple[int, int]] = {}
    for group, names in enumerate(groups):
        for index, spellings in enumerate(names):
            for spelling in spellings:
                out.setdefault(letter_keys(spelling)[0], (group, index))
    return out


@lru_cache(maxsize=100_000)
def key_forms(keys: tuple[str, ...]) -> KeyForms:
    """Return the forms of a part's letter keys that comparing parts reads (see `KeyForms`)."""
    glued = tuple(k[2:] for k in keys) if len(keys[0]) >= 5 and keys[0].startswith("al") else ()
    skeletons = tuple(skeleton(k) for k in keys)
    longest = max(map(len, keys))
    spread = max(Levenshtein.distance(keys[0], k) for k in keys)
    return KeyForms(keys, skeletons, frozenset(keys), _distinct_names().get(keys[0]),
                    all(k.endswith("i") for k in keys),
                    frozenset(k + "i" for k in keys if len(k) >= 4 and k[-1] not in "aiu"),
                    tuple(map(_reading, keys)), tuple(map(_reading, glued)), longest, spread,
                    (keys[0], longest, spread))


@lru_cache(maxsize=100_000)
def unvowelled_forms(keys: tuple[str, ...]) -> KeyForms:
    """Return the forms of the keys followed by the keys without their single vowels between consonants.

    That is how Arabic script writes a name: a Latin part is compared with a part read
    from the script in both spellings.
    """
    unvowelled = dict.fromkeys(_INNER_SHORT_VOWEL.sub("", k) for k in keys)
    return key_forms(keys + tuple(k for k in unvowelled if k not in keys))  # a key written twice adds nothing


@dataclass(frozen=True, slots=True, eq=False)
class PartSig:
    """What the similarity of two parts depends on (a `Part` without its text and weight), interned as `Part.sid`.

    Slotted, as `KeyForms` is: read for every new pair of parts.
    """

    particle: str
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    initial: bool
    acronym: bool
    head: str
    first: str  # first letter as written, for initials
    script: bool  # read from Arabic script
    forms: KeyForms  # made from `keys`
    plain: bool  # neither an initial, an acronym nor a head word
    abd_forms: KeyForms  # the forms of the keys with 'abd' before them if the particle is 'abd', else `forms`
    bare: PartSig | None  # the signature without its particle (for a nasab left out), None if it has none
    # (particle if plain else None, keyset, distinct, script): the first tests of a part pair, read at once
    quick: tuple[str | None, frozenset[str], tuple[int, int] | None, bool]


def _signature(particle: str, keys: tuple[str, ...], initial: bool, acronym: bool, head: str, first: str,
               script: bool) -> PartSig:
    """Return a part's signature, with the forms that comparing it reads made once."""
    forms = key_forms(keys)
    plain = not (initial or acronym or head)
    bare = _signature("", keys, initial, acronym, head, first, script) if particle else None
    abd_forms = key_forms(tuple("abd" + k for k in keys)) if particle == "abd" else forms
    return PartSig(particle, keys, forms.skeletons, initial, acronym, head, first, script, forms, plain, abd_forms,
                   bare, (particle if plain else None, forms.keyset, forms.distinct, script))


@dataclass(frozen=True)
class Part:
    """One part of a name: a word, or a particle bound to the word after it ('Abu Hafs')."""

    text: str  # as written (Latin; Arabic script read into Latin)
    particle: str  # canonical particle ('abu', 'umm', 'bin', 'bint', 'abd', 'hajj') or ''
    keys: tuple[str, ...]  # letter keys of the word after the particle, one per reading, main one first
    skeletons: tuple[str, ...]  # consonants of each key
    weight: float
    initial: bool = False  # a single letter ('M.')
    acronym: bool = False  # 'IRGC'
    head: str = ""  # synonym class of an organisation's head word ('force' for 'Units')
    org_word: bool = False  # a head word or another word that makes a name an organisation's
    sig: PartSig | None = field(default=None, compare=False)  # what similarity depends on
    sid: int = field(default=-1, compare=False)  # `sig` interned: a cheap cache key

    @property
    def key(self) -> str:
        """Return the main letter key, with an 'Abd ('abd' + 'rahman')."""
        return ("abd" if self.particle == "abd" else "") + self.keys[0]


@dataclass(frozen=True)
class ParsedName:
    """A name as the matcher sees it."""

    text: str
    norm: str  # normalised, case kept
    parts: tuple[Part, ...]
    script: bool  # written in Arabic script
    titled: bool  # a title was set aside
    kind: str  # 'org', 'person' or '' (not known)
    acronym: str  # the whole name is this acronym (capitals, no dots), else ''
    initials: frozenset[str]  # acronyms the name could be written as ('AAH' for 'Asaib Ahl al-Haq')
    joins: tuple[tuple[int, Part], ...]  # (j, parts j and j + 1 read as one word), for 'Taji al-Din' / 'Tajideen'
    folded: str  # `norm` case-folded
    bynames: bool  # a part is a kunya or byname ('Abu Hafs', 'Hajj Radwan')
    plain_by_letter: dict[str, tuple[int, ...]]  # first key letter → indices of plain-word parts (for joins)
    plain_shapes: frozenset[int]  # `_shape` of each plain-word part's main key
    join_shapes: frozenset[int]  # the shapes a plain part's key needs to be compared with one of `joins`
    weights: tuple[float, ...]  # each part's weight
    sids: tuple[int, ...]  # each part's signature id
    sigs: tuple[PartSig, ...]  # each part's signature
    head_mask: int  # bit i set: part i is an organisation's head word
    acronym_mask: int  # bit i set: part i is an acronym


def _split_abd(token: str) -> str | None:
    """Return the name after a joined 'Abd ('abdurrahman' → 'rahman', 'abdelaziz' → 'aziz'), else None."""
    m = _words().abd_prefix.match(token)
    if not m:
        return None
    rest = token[m.end():]
    if re.fullmatch(r"l?lah?i?|ll?a", rest) or re.fullmatch(r"l?lah?i?", token[3:].lstrip("aeiou")):
        return None  # Abdullah, Abdallah, Abdullahi: one name
    if len(rest) > 1 and rest[0] == rest[1] and rest[0] not in "aeiou":
        rest = rest[1:]  # an assimilated article: Abdur-rahman
    return rest


def _words_of(latin: str) -> list[list[str]]:
    """Return the words of a name, each as its hyphen-joined pieces as written (ASCII, case kept)."""
    out = []
    w = _words()
    if w.camel_start.search(latin):
        latin = w.camel_heads.sub(" ", latin)
    for word in _WORD_SPLIT.split(latin):
        pieces = [_PIECE_JUNK.sub("", p) for p in (word if word.isascii() else anyascii(word)).split("-")]
        pieces = [p for p in pieces if p.strip(".")]
        if pieces:
            out.append(pieces)
    return out


class _Token(NamedTuple):
    text: str  # as written
    low: str  # lower case letters and digits
    acronym: bool
    spelled: str = ""  # lower case, inner apostrophes kept: they keep letters apart (Is'haq)


def _tokens(latin: str) -> list[_Token]:
    """Return the name's tokens without articles: 'Abu al-Hassan' → abu, hassan."""
    w = _words()
    words = _words_of(latin)
    all_caps = latin.upper() == latin and len(words) > 1  # a headline's capitals say nothing
    out: list[_Token] = []
    for wi, pieces in enumerate(words):
        if len(words) == 1 and is_acronym("-".join(pieces)):
            return [_Token("-".join(pieces), _NON_WORD.sub("", "".join(pieces).lower()), True)]
        for pi, piece in enumerate(pieces):
            low = _NON_WORD.sub("", piece.lower())
            if not low:
                continue
            if pi < len(pieces) - 1 and low in w.articles:
                continue  # 'al-Sadr', 'ud-Din', 'abu-al-Khayr'
            if len(pieces) == 1 and low in w.standalone_articles and len(words) > 1 and wi < len(words) - 1:
                continue  # 'Al Khazali', 'Fazl ur Rehman', 'Party of God'
            acronym = not all_caps and len(low) > 1 and piece.upper() == piece and is_acronym(piece)
            spelled = _SPELLED_JUNK.sub("", piece.lower()).strip("'")
            out.append(_Token(piece.strip("."), low, acronym, spelled if "'" in spelled else low))
    return out


@lru_cache(maxsize=200_000)
def _make_part(text: str, particle: str, word: str, acronym: bool = False, script: bool = False) -> Part:
    """Return one part (cached: many names share their words)."""
    w = _words()
    word = w.compass.get(word, word)[:MAX_WORD]
    keys = letter_keys(word) or ("",)
    prefix = "abd" if particle == "abd" else ""
    head = "" if particle else w.org_heads.get(word, "")
    org_word = bool(head) or (not particle and word in w.org_words)
    if org_word or word in w.generic_words:
        weight = ORG_WORD_WEIGHT
    elif keys[0]:
        weight = min(part_weight(prefix + k) for k in keys)
    else:
        weight = 0.0
    if particle in BYNAMES:
        weight = max(weight, MIN_KUNYA_WEIGHT)
    initial = len(word) == 1 and word.isalpha()
    sig = _signature(particle, keys, initial, acronym, head, word[:1], script)
    return Part(text, particle, keys, sig.skeletons, weight, initial, acronym, head, org_word, sig, _intern(sig))


_SIGNATURES: dict[tuple, int] = {}
_NEXT_ID = count()


def _intern(sig: PartSig) -> int:
    """Return a number unique to this signature for the life of the process."""
    key = (sig.particle, sig.keys, sig.initial, sig.acronym, sig.head, sig.first, sig.script)  # the rest follows
    sid = _SIGNATURES.get(key)
    if sid is None:
        if len(_SIGNATURES) > 500_000:
            _SIGNATURES.clear()  # numbers are never reused, so a cleared table only costs cache misses
        sid = _SIGNATURES[key] = next(_NEXT_ID)
    return sid


def _join(x: Part, y: Part) -> Part | None:
    """Return two adjacent parts read as one word ('Taji' 'Din' → 'tajidin'), or None if either is not a plain word."""
    if x.particle or y.particle or x.initial or y.initial or x.acronym or y.acronym or x.head or y.head:
        return None
    if not x.keys[0] or not y.keys[0]:  # a part without letters ('108' in 'Kent 108-3') joins nothing
        return None
    keys = (x.keys[0] + y.keys[0],)
    assert x.sig is not None
    sig = _signature("", keys, False, False, "", x.sig.first, x.sig.script)
    return Part(f"{x.text} {y.text}", "", keys, sig.skeletons, x.weight + y.weight, sig=sig, sid=_intern(sig))


@lru_cache(maxsize=100_000)
def _raw_parts(norm: str) -> tuple[tuple[tuple[str, str, str, bool], ...], bool, bool]:
    """Return ((text, particle, word, acronym) per part, Arabic script?, titled?) of a normalised name."""
    script = has_arabic_script(norm)
    latin = arabic_to_latin(norm) if script else norm
    untitled = strip_titles(latin)
    titled = untitled != latin
    tokens = _tokens(untitled)
    w = _words()
    if len(tokens) > 2 and tokens[0].low in w.byname_honorifics:
        tokens = tokens[1:]  # 'Haji Muhammad Ashraf': a title before a full name
        titled = True
    parts: list[tuple[str, str, str, bool]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        particle = "" if tok.acronym else w.particles.get(tok.low, "")
        if not particle and i == 0 and tok.low in w.byname_honorifics:
            particle = "hajj"
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if particle and nxt is not None and nxt.low not in w.particles and not nxt.acronym:
            parts.append((f"{tok.text} {nxt.text}", particle, nxt.spelled or nxt.low, False))
            i += 2
            continue
        rest = None if particle or tok.acronym else _split_abd(tok.low)
        if rest:
            parts.append((tok.text, "abd", rest, False))
        else:
            parts.append((tok.text, "", tok.spelled or tok.low, tok.acronym))
        i += 1
    return tuple(parts), script, titled


def part_keys(name: str) -> list[str]:
    """Return the letter key of each part of `name` ('Abdul Rahman al-Hashimi' → ['abdrahman', 'hasimi'])."""
    parts, _, _ = _raw_parts(normalize(name))
    return [("abd" if particle == "abd" else "") + (letter_keys(word) or ("",))[0] for _, particle, word, _ in parts]


def _initials(parts: tuple[Part, ...], words: list[str]) -> frozenset[str]:
    """Return the acronyms a multi-word name could be written as: by initials, an inner acronym kept whole."""
    if len(words) < 2:
        return frozenset()
    whole = "".join(w.upper() if is_acronym(w) else w[0].upper() for w in words)
    initials = "".join(w[0].upper() for w in words)
    return frozenset({whole, initials})


JOIN_LENGTH_SLACK = 2  # a part is compared with two parts written apart only if their key lengths differ by this


def _shape(letter: str, length: int) -> int:
    """Return a key's first letter and length as one number: a part and a joined pair need the same letter and
    lengths within `JOIN_LENGTH_SLACK` to be compared, which one set intersection of these numbers tells."""
    return ord(letter) << 8 | length


@lru_cache(maxsize=100_000)
def parse_name(name: str) -> ParsedName:
    """Return `name` parsed into weighted parts (see the module docstring)."""
    norm = normalize(name)
    raw, script, titled = _raw_parts(norm)
    raw = raw[:MAX_PARTS]
    parts = tuple(_make_part(text, particle, word, acronym, script) for text, particle, word, acronym in raw)
    acronym = parts[0].text.replace(".", "").replace("-", "").upper() if len(parts) == 1 and parts[0].acronym else ""
    if acronym or any(p.org_word for p in parts) or any(p.keys[0].startswith("hizb") for p in parts):
        kind = "org"
    elif titled or any(p.particle for p in parts):
        kind = "person"
    else:
        kind = ""
    initials = _initials(parts, [t for text, _, _, _ in raw for t in text.split()]) if not script else frozenset()
    joins = tuple((j, joined) for j in range(len(parts) - 1) if (joined := _join(parts[j], parts[j + 1])))
    bynames = any(p.particle in BYNAMES for p in parts)
    plain: dict[str, list[int]] = {}
    for i, p in enumerate(parts):
        if not (p.particle or p.initial or p.acronym) and p.keys[0]:
            plain.setdefault(p.keys[0][0], []).append(i)
    join_shapes = frozenset(_shape(key[0], len(key) + d) for _, joined in joins for key in joined.keys[:1]
                            for d in range(-JOIN_LENGTH_SLACK, JOIN_LENGTH_SLACK + 1))
    return ParsedName(name, norm, parts, script, titled, kind, acronym, initials, joins, norm.casefold(), bynames,
                      {letter: tuple(idx) for letter, idx in plain.items()},
                      frozenset(_shape(parts[i].keys[0][0], len(parts[i].keys[0])) for idx in plain.values()
                                for i in idx), join_shapes, tuple(p.weight for p in parts),
                      tuple(p.sid for p in parts), tuple(p.sig for p in parts),
                      sum(1 << i for i, p in enumerate(parts) if p.head),
                      sum(1 << i for i, p in enumerate(parts) if p.acronym))
