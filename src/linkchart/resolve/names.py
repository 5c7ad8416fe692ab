"""Name handling for resolution: normalising, transliteration keys, name kinds and organisation cores.

Arabic and Persian names reach English text in many spellings ('Qassem Soleimani',
'Qasim Suleimani'), with articles and particles ('al-', 'Abu'), titles ('Sayyed',
'Major-General') and possessives ('Khazali's'). This module turns a name into tokens and
*transliteration keys* that fold those spellings together (the blocking keys of the
resolver and of lookups). Two names are compared by `compare` — the matcher of
`linkchart.resolve.compare`, re-exported here with its `THRESHOLD` and `Match`, so that the
resolver, the API, the CLI and the public runner use one name logic.

Key folding (see `translit_key`) follows the three Arabic vowel qualities a/i/u:

- consonants: q/k/c→k (c before e/i/y→s), ph→f, dh→z (ذ ظ ض are written dh or z:
  Kadhim/Kazim), th→t, gh→g (gh and g alternate: Baghdad/Bagdad), v→w (Persian v,
  Arabic w), doubled letters→one;
- kh stays distinct from k (written 'x' in keys): خ and ك/ق are different letters and
  English transliteration writes kh consistently, so folding it would only add
  collisions ('Khan'/'Kan');
- vowels: ou/oo/o/u→u, ee/ei/ey/ai/ay/i/y→i, aa/a→a, a plain e→i (Qassem/Qassim,
  Hezbollah/Hizbullah); the a-sounding e of 'Mohammed'/'Ahmed' is tolerated by the
  matcher ('e' matches 'a' or 'i') rather than by the key;
- apostrophes, ayn and hamza marks are dropped (Khaz'ali → khazali), a final h after a
  vowel is dropped (Hamzah/Hamza), and the linking vowel of '-allah' names is unified
  (Hezbollah/Hizballah/Hizbullah, Nasrallah/Nasrullah).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from linkchart import lexicon

# the one name matcher, used by the resolver and every lookup: see resolve/compare.py
from linkchart.resolve.compare import THRESHOLD as THRESHOLD
from linkchart.resolve.compare import Match as Match
from linkchart.resolve.compare import compare as compare
from linkchart.resolve.name_numbers import series_numbers
from linkchart.resolve.name_parts import NO_PERSON_AFTER_TITLE

# ---- normalising ----------------------------------------------------------------------

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_APOSTROPHES = re.compile(r"[\u2018\u2019\u201b\u02bc\u02bb\u02be\u02bf\u00b4`\u2032]")
_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Return `name` cleaned for comparison, keeping its case.

    NFKC; soft hyphens removed; line-break hyphenation joined ('Qas-\\nsem' → 'Qassem');
    dashes unified to '-'; apostrophes unified to "'"; possessive 's/s' removed (also written apart, as a
    tokenised text writes it: "People 's"); quotes
    and surrounding punctuation removed; whitespace collapsed.
    """
    s = unicodedata.normalize("NFKC", name).replace("\u00ad", "")
    s = _DASHES.sub("-", s)
    s = re.sub(r"(?<=[a-z])-[ \t]*\n\s*(?=[a-z])", "", s)  # a word broken across lines
    s = re.sub(r"-[ \t]*\n\s*", "-", s)  # a real hyphen that ended a line
    s = _APOSTROPHES.sub("'", s)
    s = _QUOTES.sub(" ", s)
    s = re.sub(r"(?<=\w) '(?=s(?:[\s,.;:)]|$))", "'", s)  # a tokenised text's spaced clitic ("People 's")
    s = re.sub(r"(?<=\w)'s(?=[\s,.;:)]|$)", "", s)
    s = re.sub(r"(?<=s)'(?=[\s,.;:)]|$)", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = s.strip(" ,;:'-")
    # a sentence full stop after a word ('Soleimani.'), but not an abbreviation ('Jr.', 'U.S.')
    s = re.sub(r"(?<=[a-z]{3})\.$", "", s)
    if s.startswith("(") and s.endswith(")") and s.count("(") == 1:
        s = s[1:-1].strip()
    return s


# ---- titles ---------------------------------------------------------------------------

_TITLES = lexicon.titles().name_titles  # longest first below, so 'grand ayatollah' before 'ayatollah'


def _title_pattern(title: str) -> str:
    words = re.split(r"[\s-]+", title)
    return r"[\s.-]*".join(re.escape(w) for w in words)


_TITLE_RE = re.compile(
    r"(?:" + "|".join(_title_pattern(t) for t in sorted(_TITLES, key=len, reverse=True)) + r")\.?[\s-]+",
    re.IGNORECASE,
)


_NO_PERSON_AFTER_TITLE = NO_PERSON_AFTER_TITLE


@lru_cache(maxsize=200_000)
def strip_titles(name: str) -> str:
    """Return `name` without its leading honorifics, titles and ranks.

    'Grand Ayatollah Sayyid Ali al-Sistani' → 'Ali al-Sistani'; 'Brig. Gen. X' → 'X'. A
    name that is nothing but a title, or a title before a country's name, a small word or a possessive ('Queen
    of the South', "Queen's Park"), is returned unchanged.
    """
    s = name.strip()
    pos = 0  # matched from a position, not by slicing: many titles in a row stay linear
    while True:
        m = _TITLE_RE.match(s, pos)
        if not m or m.end() == len(s):  # [\s-]+ ends at a letter or the end: the rest is never blank
            return s[pos:]
        if pos == 0 and (lexicon.nation_of(s[m.end():]) is not None or _NO_PERSON_AFTER_TITLE.match(s, m.end())):
            return s  # 'Captain Varnland', 'Queen of the South', "Queen's Park": no title of a person named after it
        pos = m.end()


# ---- tokens ---------------------------------------------------------------------------

_PARTICLES = lexicon.particles()
# Arabic article forms, dropped when hyphen-attached: 'al-Sadr', 'ash-Sham', 'ul-Haq'
_HYPHEN_PARTICLES = _PARTICLES.folded_articles
# dropped when standing alone ('Al Khazali', 'the Quds Force', 'Party of God')
_STANDALONE_PARTICLES = _PARTICLES.dropped
# name-building particles: kept in the name and bound to the word after them ('ibn' → 'bin')
_NAME_PARTICLES = _PARTICLES.bound
_ABD_PREFIX = re.compile(r"^(abdul|abdel|abdal|abdol)(?=[a-z]{3})(?!l?lah?$)", re.IGNORECASE)
_ORGS = lexicon.organisations()
# an organisation head glued to the name before it ('QodsForce')
_ORG_HEADS_CAMEL = re.compile(r"(?<=[a-z])(?=(?:" + lexicon.alternation(_ORGS.camel_heads) + r")\b)")


def _raw_tokens(name: str) -> tuple[list[str], bool]:
    """Return the case-preserved ASCII tokens of `name`, and whether a title was removed."""
    normal = normalize(name)
    s = strip_titles(normal)
    titled = s != normal
    s = anyascii(s)
    compact = re.sub(r"[.\-&]", "", s)
    if " " not in s.strip() and is_acronym(s):
        return [compact], titled
    s = _ORG_HEADS_CAMEL.sub(" ", s)
    words = [w for w in re.split(r"[\s/]+", s) if w]
    out: list[str] = []
    for wi, word in enumerate(words):
        parts = [p for p in word.split("-")]
        for pi, part in enumerate(parts):
            clean = re.sub(r"[^A-Za-z0-9]", "", part)
            if not clean:
                continue
            low = clean.lower()
            if pi < len(parts) - 1 and low in _HYPHEN_PARTICLES:
                continue
            if len(parts) == 1 and low in _STANDALONE_PARTICLES and len(words) > 1 and wi < len(words) - 1:
                continue
            m = _ABD_PREFIX.match(clean)
            if m:
                out += [clean[: m.end()], clean[m.end():]]
            else:
                out.append(clean)
    return out, titled


def name_tokens(name: str) -> list[str]:
    """Return name tokens of a name (a fresh list; see `_name_tokens`)."""
    return list(_name_tokens(name))


@lru_cache(maxsize=200_000)
def _name_tokens(name: str) -> list[str]:  # cached: never handed out, callers get a copy
    """Return the lowercased, Latinised tokens of `name`.

    Titles are removed, hyphens split words, Arabic articles and 'the'/'of'/'and' are
    dropped, while name-building particles (Abu, Umm, Bin, Ibn, Abdul) are kept:
    'Sayyed Abu Mahdi al-Muhandis' → ['abu', 'mahdi', 'muhandis'].
    """
    return [t.lower() for t in _raw_tokens(name)[0]]


# ---- transliteration keys -------------------------------------------------------------

def _linking_vowel(s: str) -> str:
    """Return `s` with the vowels before a final 'llah' made one 'a' ('Nasrullah' → 'Nasrallah').

    Written without a regex: `[aeiou]+llah$` tries every vowel of a long vowel run as a start
    and scans the run to its end each time (quadratic); this strips the run once from the right.
    """
    if not s.endswith("llah"):
        return s
    head = s[:-4]
    stem = head.rstrip("aeiou")
    return s if len(stem) == len(head) else stem + "allah"


def _fold(token: str) -> str:
    """Return the folded spelling of one token, with 'e' still kept as an ambiguous vowel."""
    s = re.sub(r"[^a-z]", "", anyascii(token).lower())
    if not s:
        return ""
    s = s.replace("isation", "ization")  # British/American spelling (Mobilisation)
    s = _linking_vowel(s)
    s = s.replace("x", "ks")
    s = s.replace("ph", "f").replace("kh", "x").replace("gh", "g").replace("dh", "z").replace("th", "t")
    s = s.replace("dj", "j").replace("ck", "k").replace("ch", "C")
    s = re.sub(r"c(?=[eiy])", "s", s).replace("c", "k").replace("C", "c")
    s = s.replace("q", "k").replace("v", "w")
    s = s.replace("ee", "i").replace("oo", "u").replace("ou", "u").replace("o", "u")
    s = re.sub(r"[ae]y(?![aeiu])", "i", s)  # Husayn, Layth, Sheykh
    s = re.sub(r"[ae]i", "i", s)  # Soleimani, Kataib, Qais
    s = re.sub(r"(?<=[^aeiu])y(?![aeiu])", "i", s)  # a vowel y: Sistany
    s = re.sub(r"([aeiu])[aeiu]+", r"\1", s)  # a vowel run keeps its first vowel (Metualla)
    s = re.sub(r"(?<=[aeiu])h$", "", s)  # Hamzah/Hamza
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


@lru_cache(maxsize=65536)
def _folds(token: str) -> tuple[str, str]:
    """Return (key, loose) for a token: loose keeps the ambiguous 'e', key maps it to 'i'."""
    loose = _fold(token)
    if loose in _NAME_PARTICLES:
        loose = _NAME_PARTICLES[loose]
    key = re.sub(r"(.)\1+", r"\1", re.sub(r"([aiu])[aiu]+", r"\1", loose.replace("e", "i")))
    if key in _NAME_PARTICLES:
        key = _NAME_PARTICLES[key]
    return key, loose


def translit_key(token: str) -> str:
    """Return the transliteration-folded key of one token ('Khaz'ali' → 'xazali').

    See the module docstring for the folding rules; name particles get one spelling
    ('Abou' → 'abu', 'Abdel' → 'abd', 'Ibn' → 'bin').
    """
    return _folds(COMPASS.get(token.lower(), token))[0]


# 'southern Lebanon' and 'south Lebanon' name one region
COMPASS = {"southern": "south", "northern": "north", "eastern": "east", "western": "west"}


SHORT_ACRONYM = 4  # an acronym of at most this many letters and no vowel keeps them all in its key


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Return the blocking key of `name`: the transliteration keys of its tokens joined by ' ', then the numbers it
    carries after its first word, if any ('District 211' → 'distrikt #211'): names of one series differ by their
    numbers alone. A short acronym with no vowel, which no one reads as a word, keys its letters: 'FFS' and 'FS'
    are other names (the folding of a doubled letter is for transliterated words, not for initials), while a
    shouted word keeps the folding of its word ('BONN' is 'Bonn')."""
    letters = acronym_letters(name) if " " not in name.strip() and is_acronym(name) else ""
    if letters and len(letters) <= SHORT_ACRONYM and not set(letters) & set("AEIOU"):
        return letters.lower()
    key = " ".join(k for k in (translit_key(t) for t in name_tokens(name)) if k)
    numbers = series_numbers(name)
    return f"{key} #{'.'.join(map(str, numbers))}" if key and numbers else key


def plural_pair(a: str, b: str) -> bool:
    """Return True when one name is the other with a plural 's' ('Kalinga' / 'Kalingas', 'Rolling Stone' / 'Rolling
    Stones', 'Colorado River' / 'Colorado Rivers'): the people of a place, a band, a set of rivers — named after the
    one thing, not another spelling of it. A doubled 's' is a spelling ('Hagos' / 'Hagoss')."""
    x, y = sorted((normalize(a).casefold(), normalize(b).casefold()), key=len)
    return y == x + "s" and x[-1:].isalpha() and not x.endswith("s")


def name_parts(name: str) -> list[str]:
    """Return name parts of a name (a fresh list; see `_name_parts`)."""
    return list(_name_parts(name))


@lru_cache(maxsize=200_000)
def _name_parts(name: str) -> list[str]:  # cached: never handed out, callers get a copy
    """Return the keys of the name's parts, each particle bound to the word after it.

    'Abu Mahdi al-Muhandis' → ['abu mahdi', 'muhandis']: use these, not `name_tokens`,
    to ask whether a one-word name is a person's surname ('Mahdi' is not one here).
    """
    return [u.key for u in _parse(name).units]


def _skeleton(key: str) -> str:
    return re.sub(r"[aeiu]", "", key)


# ---- acronyms -------------------------------------------------------------------------

def _compact_acronym(s: str) -> str:
    return re.sub(r"[.\-&\s]", "", s)


@lru_cache(maxsize=200_000)
def is_acronym(s: str) -> bool:
    """Return True if `s` looks like an acronym: 2-6 capitals or digits (10 if dotted), hyphens allowed.

    'U.S.', 'IRGC-QF' and 'PMU' are acronyms; 'Iran' and 'Us' are not.
    """
    n = normalize(s)
    t = _compact_acronym(n)
    # an undotted capitalised word longer than 6 letters is more likely a name in a headline
    if not (2 <= len(t) <= (10 if "." in n else 6)) or not t.isalnum() or not t[0].isalpha():
        return False
    return t.upper() == t and sum(c.isalpha() for c in t) >= 2


def acronym_letters(s: str) -> str:
    """Return an acronym's letters in capitals, without dots, hyphens or spaces ('U.S.' → 'US')."""
    return _compact_acronym(normalize(s)).upper()


def acronym_of(expansion: str) -> set[str]:
    """Return the plausible acronyms of a phrase (a fresh set; see `_acronym_of`)."""
    return set(_acronym_of(expansion))


@lru_cache(maxsize=200_000)
def _acronym_of(expansion: str) -> set[str]:  # cached: never handed out, callers get a copy
    """Return the plausible acronyms of a phrase, in capitals without dots.

    Particles and function words are skipped ('Asaib Ahl al-Haq' → {'AAH'}); an acronym
    inside the phrase is kept whole as well as by its initial ('IRGC Quds Force' →
    {'IRGCQF', 'IQF'}). A one-word phrase has no acronym.
    """
    s = anyascii(normalize(expansion))
    words: list[str] = []
    for word in re.split(r"[\s/]+", s):
        parts = [p for p in word.split("-") if p]
        for pi, part in enumerate(parts):
            clean = re.sub(r"[^A-Za-z0-9.]", "", part).strip(".")
            low = clean.lower()
            if not clean or (pi < len(parts) - 1 and low in _HYPHEN_PARTICLES):
                continue
            if low in _STANDALONE_PARTICLES or low in {"in", "on", "to", "a"}:
                continue
            words.append(clean)
    if len(words) < 2:
        return set()
    whole = "".join(_compact_acronym(w) if is_acronym(w) else w[0] for w in words).upper()
    initials = "".join(w[0] for w in words).upper()
    return {whole, initials}


# ---- parsed names ---------------------------------------------------------------------

# head-word key → synonym class ('forces' and 'units' name a 'force')
_ORG_HEADS: dict[str, str] = {translit_key(word): kind for word, kind in _ORGS.kinds.items()}

# words that make a name an organisation's, though not its head word
_ORG_WORDS = frozenset(translit_key(w) for w in _ORGS.name_words)


@dataclass(frozen=True)
class _Unit:
    """One name part: a token, or a particle bound to the token after it ('Abu Mahdi')."""

    text: str  # as written, ASCII
    key: str
    loose: str
    acronym: bool
    particle: str  # canonical leading particle, or ''


@dataclass(frozen=True)
class _Name:
    text: str
    norm: str
    units: tuple[_Unit, ...]
    key: str
    kind: str  # 'org', 'person' or '' (unknown: a place, or a bare name)
    acronym: str  # compact acronym if the whole name is one, else ''
    token_keys: frozenset[str]


@lru_cache(maxsize=65536)
def _parse(name: str) -> _Name:
    norm = normalize(name)
    tokens, titled = _raw_tokens(name)
    all_caps = norm.upper() == norm and len(tokens) > 1  # a headline: capitals say nothing
    units: list[_Unit] = []
    pending: list[str] = []
    for tok in tokens:
        key, _ = _folds(tok)
        if key in _NAME_PARTICLES.values() and not (tok.isupper() and len(tok) > 1 and not all_caps):
            pending.append(tok)
            continue
        units.append(_make_unit(pending + [tok], acronym=not all_caps and is_acronym(tok) and not pending))
        pending = []
    if pending:
        units.append(_make_unit(pending, acronym=False))
    keys = [u.key for u in units]
    acronym = _compact_acronym(norm).upper() if len(tokens) == 1 and is_acronym(norm) else ""
    if any(k in _ORG_HEADS or k in _ORG_WORDS or k.startswith("hizb") for k in
           (translit_key(t) for t in tokens)) or acronym:
        kind = "org"
    elif titled or any(u.particle for u in units):
        kind = "person"
    else:
        kind = ""
    return _Name(name, norm, tuple(units), " ".join(keys), kind, acronym,
                 frozenset(translit_key(t) for t in tokens))


def _make_unit(tokens: list[str], acronym: bool) -> _Unit:
    folds = [_folds(t) for t in tokens]
    text = " ".join(tokens)
    particle = folds[0][0] if len(tokens) > 1 else ""
    return _Unit(text, " ".join(f[0] for f in folds), " ".join(f[1] for f in folds), acronym, particle)


# 'Given al-Family', 'Given bin Father': a plain first name, then a particle-bound family name
_FAMILY_PARTICLES = "|".join(
    f"[{p[0].upper()}{p[0]}]{re.escape(p[1:])}" if p in _PARTICLES.capitalised else re.escape(p)
    for p in _PARTICLES.family)  # 'al' is also written 'Al'
_PERSON_SHAPE = re.compile(rf"^[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){{0,2}} (?:{_FAMILY_PARTICLES})[- ][A-Z][a-z]")


# Arabic words that open place names: valley, cape, mount, hill, well, spring, monastery, village, ...
# ('Wadi al-Salam', 'Ras al-Ain', 'Kafr Kila', 'Deir ez-Zor', 'Jurf al-Sakhar', 'Tal Afar')
_PLACE_OPENERS = lexicon.places().openers


@lru_cache(maxsize=200_000)

def name_kind(name: str) -> str:
    """Return what a name's words say it is: 'org', 'person', 'place' or '' (unknown).

    'person' needs a title or a name built like 'Given al-Family' (a plain first part, a
    particle later); a leading particle alone ('Abu Kamal') is also common in place names.
    'place' is a name opened by an Arabic place word ('Wadi al-Salam', 'Kafr Kila').
    """
    parsed = _parse(name)
    if parsed.kind == "org":
        return "org"
    titled = _raw_tokens(name)[1]
    first = normalize(name).split(" ", 1)[0].lower()
    if first in _PLACE_OPENERS and " " in normalize(name) and not titled:
        return "place"
    if titled or (_PERSON_SHAPE.match(normalize(name)) and first not in _NAME_PARTICLES):
        return "person"
    return ""


# Arabic words that open organisation names, and the English head word a translation uses:
# 'Jaysh al-Mahdi' is the 'Mahdi Army', 'Kataib Hezbollah' the 'Hezbollah Brigades'.
ARABIC_ORG_HEADS = _ORGS.calques
_CALQUE_ARTICLE = re.compile(r"^(?:" + lexicon.alternation(_PARTICLES.calque_articles) + r")-", re.IGNORECASE)


@lru_cache(maxsize=200_000)
def english_calque(name: str) -> str | None:
    """Return the English word-for-word form of an Arabic organisation name, or None.

    'Jaysh al-Mahdi' → 'Mahdi Army'; 'Kataib Hezbollah' → 'Hezbollah Brigades'.
    """
    words = normalize(name).split()
    if len(words) < 2:
        return None
    head = ARABIC_ORG_HEADS.get(words[0].lower())
    if head is None:
        return None
    rest = [_CALQUE_ARTICLE.sub("", w) for w in words[1:]]
    return " ".join([*rest, head.title()])


# Adjectives of nation or faith that qualify an organisation's name without changing which
# organisation it is ('Iranian Revolutionary Guard', 'Islamic Dawa Party').
NATION_ADJECTIVES = lexicon.countries().nation_adjectives
QUALIFYING_ADJECTIVES = NATION_ADJECTIVES | lexicon.not_entities().qualifiers


# countries written before a name as its qualifier ('US forces', 'Iraq's army')
NATION_NAMES = lexicon.countries().nation_names


def nations_conflict(a: str, b: str) -> bool:
    """Return True when two names are qualified by different nations ('Iraqi X' vs 'US X')."""
    def nations(name: str) -> set[str]:
        words = {t.lower().replace(".", "") for t in name_tokens(name)}
        return (words & NATION_ADJECTIVES) | (words & NATION_NAMES)

    na, nb = nations(a), nations(b)
    return bool(na and nb and na != nb)


@lru_cache(maxsize=200_000)
def org_core(name: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """Return (core key, qualifier keys, head-word classes) of an organisation name.

    The core is what is left after qualifying adjectives and organisation head words are
    set aside: 'Islamic Revolutionary Guard Corps' → ('riwulutinari', {'islamik'}, {'guard', 'corps'}).
    Lower-case words make a description, not a name ('armed forces'): its core is empty.
    """
    core, quals, heads = [], set(), set()
    for tok in name_tokens(name):
        low = tok.lower().strip("’'")
        key = translit_key(low)
        if low in QUALIFYING_ADJECTIVES or low.replace(".", "") in NATION_NAMES:
            quals.add(key)
        elif key in _ORG_HEADS:
            heads.add(_ORG_HEADS[key])
        else:
            core.append(key)
    described = any(w[:1].islower() and w.lower() not in _STANDALONE_PARTICLES and not w.startswith(("al-", "el-"))
                    for w in normalize(name).split())
    return ("" if described else " ".join(core)), frozenset(quals), frozenset(heads)
