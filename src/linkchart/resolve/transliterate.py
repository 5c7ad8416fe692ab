"""Arabic and Persian script read as Latin, and Latin spellings folded into one letter key.

Two jobs, both table-driven (`lexicon/transliteration.yaml`):

- `arabic_to_latin` reads Arabic, Persian and Urdu script letter by letter into a plain
  Latin spelling ('قاسم سليماني' → 'qasim slimani'): short-vowel marks are dropped (the
  script rarely writes them), hamza seats, ta marbuta and alef variants get their usual
  reading, and و / ي are consonants next to an alef or at the start of a word and long
  vowels elsewhere.
- `letter_keys` folds one Latin token into the "letter key" alphabet, close to what Arabic
  script can tell apart: q/k/c → k, p → b, v → f, o/u/w → u, e/i/y → i, kh → x, sh → S,
  gh → g, th → T, dh → z, doubled letters → one, diphthongs ai/au → i/u. Two spellings of one
  name, or a name and its Arabic-script form read by `arabic_to_latin`, get the same or a
  close key; `skeleton` keeps a key's consonants, for comparing against a script that
  drops short vowels.

Every rule is a regular expression without nested repetition, so folding is linear in the
length of the token.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product
from typing import NamedTuple

from anyascii import anyascii

from linkchart.resolve._tables import lexicon_table

_ARABIC_BLOCKS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_ALEFS = frozenset("اأإآٱى")
_DIGRAPH_FIRSTS = frozenset("sczkgtdp")  # letters that an h after them would turn into another letter
_REPEATED = re.compile(r"(.)(?=\1)")  # a letter the same letter follows: removing them all writes each run once
MAX_KEYS = 16  # readings kept per token: a long token with every ambiguous letter stays cheap


def has_arabic_script(text: str) -> bool:
    """Return True if `text` contains a letter of the Arabic script (Arabic, Persian, Urdu)."""
    return _ARABIC_BLOCKS.search(text) is not None


@lru_cache(maxsize=1)
def _arabic_table() -> tuple[dict[str, str | tuple[str, str]], frozenset[str], dict[str, str]]:
    table = lexicon_table("transliteration")
    letters: dict[str, str | tuple[str, str]] = {}
    for letter, reading in table["arabic_letters"].items():
        letters[letter] = tuple(reading) if isinstance(reading, list) else reading
    marks = frozenset(chr(c) for lo, hi in table["arabic_marks"] for c in range(lo, hi + 1))
    return letters, marks, dict(table["arabic_words"])


def strip_arabic_marks(text: str) -> str:
    """Return `text` without Arabic short-vowel signs, shadda, sukun and tatweel ('مُحَمَّد' → 'محمد')."""
    marks = _arabic_table()[1]
    return "".join(c for c in text if c not in marks)


@lru_cache(maxsize=100_000)
def arabic_to_latin(text: str) -> str:
    """Return `text` with its Arabic-script words read into Latin letters (other characters kept).

    'محمد الشمري' → 'mhmd al-shmri'; a word-initial article ال is written 'al-', particles
    and the name of God are read whole (`arabic_words` in the table).
    """
    text = strip_arabic_marks(unicodedata.normalize("NFKC", text))
    return "".join(_read_arabic_word(word) if has_arabic_script(word) else word for word in re.split(r"(\s+)", text))


def _read_arabic_word(word: str) -> str:
    """Return one Arabic-script word read as Latin ('الطريفي' → 'al-trifi', 'عبدالرحمن' → 'abd-al-rhmn')."""
    letters, _, words = _arabic_table()
    prefix = ""
    while len(word) > 3 and word.startswith("عبد"):
        prefix, word = prefix + "abd-", word[3:]
    if word in words:
        return prefix + words[word]
    if len(word) > 3 and word.startswith("ال"):
        prefix, word = prefix + "al-", word[2:]
    read: list[str] = []
    for i, ch in enumerate(word):
        reading = letters.get(ch)
        if reading is None:
            read.append(ch if not has_arabic_script(ch) else "")
        elif isinstance(reading, tuple):
            before = word[i - 1] if i else ""
            after = word[i + 1] if i + 1 < len(word) else ""
            consonant = i == 0 or before in _ALEFS or after in _ALEFS
            read.append(reading[0] if consonant else reading[1])
        else:
            if reading.startswith("h") and read and read[-1][-1:] in _DIGRAPH_FIRSTS:
                reading = "'" + reading  # س + ه is s'h, not sh (Is'haq)
            read.append(reading)
    return prefix + "".join(read)


class _Rules(NamedTuple):
    """Ordered rewrite rules as one regex: each rule's replacement by group, or the one plain replacement of all."""

    pattern: re.Pattern[str]
    replacements: list[str]
    plain: str | None  # every rule's replacement, when they are one string without group references


def _one_pass(rules: list[list[str]]) -> _Rules:
    """Return one regex trying the rules in order at each position, with the rules' replacements."""
    pattern = re.compile("|".join(f"({p})" for p, _ in rules))
    replacements = [r for _, r in rules]
    one = replacements[0] if len(set(replacements)) == 1 and "\\" not in replacements[0] else None
    return _Rules(pattern, replacements, one)


def _runs_once(s: str) -> str:
    """Return `s` with each run of one letter written once ('muhammad' → 'muhamad')."""
    return _REPEATED.sub("", s)


@lru_cache(maxsize=1)
def _latin_rules() -> tuple[_Rules, dict[str, tuple[str, ...]], _Rules]:
    table = lexicon_table("transliteration")
    readings = {letter: tuple(values) for letter, values in table["readings"].items()}
    return _one_pass(table["latin_rules"]), readings, _one_pass(table["vowel_rules"])


def _rewrite(s: str, rules: _Rules) -> str:
    """Apply ordered rewrite rules in one left-to-right pass (a rule's output is not rewritten again)."""
    if rules.plain is not None:
        return rules.pattern.sub(rules.plain, s)  # no call back per match
    replacements = rules.replacements
    return rules.pattern.sub(lambda m: replacements[m.lastindex - 1], s)


_NON_LETTERS = re.compile(r"[^a-zA-Z]")  # key letters are upper case


@lru_cache(maxsize=200_000)
def letter_keys(token: str) -> tuple[str, ...]:
    """Return the letter keys of one token, one per reading of its ambiguous letters, the main one first.

    'Mohammed' → ('muhamid', 'muhamad'); 'Qadhafi' → ('kazafi', 'gazafi', 'kadafi', 'gadafi');
    'قاسم' → ('kasm', 'gasm'). Non-letters (apostrophes for ayn and hamza, hyphens, digits) are dropped.
    """
    if has_arabic_script(token):
        token = arabic_to_latin(token)
    s = token.lower() if token.isascii() else anyascii(token).lower()
    latin_rules, readings, vowel_rules = _latin_rules()
    s = _NON_LETTERS.sub("", _rewrite(s, latin_rules))  # an apostrophe keeps two letters apart: Is'haq
    ambiguous = [letter for letter in readings if letter in s]
    keys: list[str] = []
    for combination in product(*(readings[letter] for letter in ambiguous)):
        k = s
        for letter, reading in zip(ambiguous, combination, strict=True):
            k = k.replace(letter, reading)
        k = _runs_once(_rewrite(_runs_once(k), vowel_rules))
        if k not in keys:
            keys.append(k)
            if len(keys) == MAX_KEYS:
                break
    return tuple(keys)


def letter_key(token: str) -> str:
    """Return the main letter key of a token (each ambiguous letter in its first reading): the key for look-ups."""
    return letter_keys(token)[0]


_NO_VOWELS = str.maketrans("", "", "aiu")


def skeleton(key: str) -> str:
    """Return the consonants of a letter key, doubled ones written once ('muhamad' → 'mhmd')."""
    return _runs_once(key.translate(_NO_VOWELS))
