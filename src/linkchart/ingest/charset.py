"""charset: guess the legacy encoding of text bytes that are not UTF-8, and say how sure the guess is.

Every candidate code page (those in lexicon/charsets.yaml, Western first) decodes the bytes, and
each decoding is scored by how its non-ASCII characters sit among their neighbours. Real
text puts a quote before a word, '€' before a digit and 'ï' inside a lowercase word; a
wrong code page puts a letter before a digit ('Ç4'), a capital inside a word ('ZŘrich'),
a symbol inside a word ('na´ve'), a Cyrillic letter in a Latin word or a control
character anywhere: those characters are *out of place*. Rare letters ('ď' where 'ï'
would do) and words made only of accented letters count against a reading too, but
softly: they decide between readings, they do not make a reading look broken.

The reading with the lowest penalty wins, ties going to the earlier code page. When no
reading is clean or two come close, charset-normalizer is asked as well: its letter
frequencies per language break ties between scripts (Hebrew or Cyrillic?) and it
proposes multi-byte (CJK) encodings. A guess is *weak* when another reading is almost as
good or when even the best one has characters out of place; with too many out of place
there is no guess at all (the bytes are not legacy text).
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from linkchart.lexicon.loader import load_yaml

_MAX_SCORED = 20_000  # characters scored per reading; enough to decide
_REFUSE_SHARE = 0.25  # out-of-place share of the scored characters above which no code page fits
_WEAK_SHARE = 0.1  # out-of-place share above which the best reading is itself doubtful
_WEAK_MARGIN = 0.25  # a runner-up closer than this (one rare letter) makes the guess weak

# Soft penalties: a reading that is possible but less likely.
_RARE_LETTER = 0.25
_NO_ASCII_WORD = 0.5
# Hard penalties: a character out of place.
_LONE_LETTER = 0.5
_NEXT_TO_DIGIT = 0.5
_INNER_CAPITAL = 1.0
_SCRIPT_MIX = 1.0
_INNER_SYMBOL = 1.0
_ODD_SYMBOL = 0.5
_CONTROL = 1.0

# Non-ASCII characters and the ASCII control characters text does not hold (tab, LF, FF, CR are fine).
_SCORED = re.compile("[^\x00-\x7f]|[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ASCII_PROBE = "Az09 .,;:!?'\"()-\n"


@dataclass(frozen=True)
class Guess:
    """A legacy decoding: the text, the code page, and why the guess is weak (None when it is not)."""

    text: str
    encoding: str
    weak: str | None


@dataclass(frozen=True)
class Reading:
    """One code page's decoding of the bytes and how plausible it is."""

    text: str
    encoding: str
    soft: float  # penalty for rare but possible characters
    hard: float  # penalty for characters out of place
    scored: int  # characters scored

    @property
    def penalty(self) -> float:
        """Return the total penalty: lower is more plausible."""
        return self.soft + self.hard

    @property
    def out_of_place(self) -> float:
        """Return the share of scored characters that are out of place (0 when none were scored)."""
        return self.hard / self.scored if self.scored else 0.0


@dataclass(frozen=True)
class _Data:
    code_pages: tuple[str, ...]
    common: frozenset[str]
    standalone: frozenset[str]
    inner_marks: frozenset[str]


@functools.cache
def _data() -> _Data:
    """Return the tables of lexicon/charsets.yaml (loaded once)."""
    raw = load_yaml("linkchart.lexicon", "charsets.yaml")
    common = set(raw["common_latin_letters"])
    common |= {ch.upper() for ch in common if len(ch.upper()) == 1}
    return _Data(
        tuple(raw["code_pages"]),
        frozenset(common),
        frozenset(raw["standalone_letters"]),
        frozenset(raw["inner_marks"]),
    )


def guess_legacy(raw: bytes, typographic: Collection[str] = frozenset()) -> Guess | None:
    """Return the most plausible legacy decoding of `raw`, or None when no code page reads it as text.

    `typographic` holds symbols that are ordinary in text ('©', '°', '½') and so cost nothing.
    """
    readings = read_all(raw, _data().code_pages, typographic)
    ranking: dict[str, int] = {}
    if _undecided(readings):
        ranking, multibyte = _normalizer_view(raw)
        readings += read_all(raw, multibyte, typographic)
    if not readings:
        return None
    best = min(readings, key=lambda r: (r.penalty, ranking.get(r.encoding, len(ranking))))
    if best.out_of_place >= _REFUSE_SHARE:
        return None
    return Guess(best.text, best.encoding, _weakness(readings, best, ranking))


def read_all(raw: bytes, encodings: Collection[str], typographic: Collection[str] = frozenset()) -> list[Reading]:
    """Return the scored `Reading` of `raw` in every encoding that decodes it, in the order given."""
    out: list[Reading] = []
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        soft, hard, scored = score(text, typographic)
        out.append(Reading(text, encoding, soft, hard, scored))
    return out


def _undecided(readings: list[Reading]) -> bool:
    """Return True when no reading is clean or another one comes close to the best."""
    if not readings:
        return True
    best = min(readings, key=lambda r: r.penalty)
    return best.penalty > 0 or any(r.text != best.text and r.penalty - best.penalty < _WEAK_MARGIN for r in readings)


def _normalizer_view(raw: bytes) -> tuple[dict[str, int], list[str]]:
    """Return charset-normalizer's ranking of encodings and its multi-byte guesses.

    The ranking maps every encoding a match could be from to the match's position.
    """
    from charset_normalizer import from_bytes

    ranking: dict[str, int] = {}
    matches = list(from_bytes(raw))
    for position, match in enumerate(matches):
        for encoding in [match.encoding, *match.could_be_from_charset]:
            ranking.setdefault(_codec_name(encoding), position)
    multibyte = [m.encoding for m in matches if _ascii_compatible(m.encoding) and len(str(m)) != len(raw)]
    return ranking, multibyte


def _codec_name(encoding: str) -> str:
    """Return Python's canonical name of an encoding ('cp1252' for 'windows-1252')."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _ascii_compatible(encoding: str) -> bool:
    """Return True when `encoding` writes ASCII text as ASCII bytes (not UTF-16, not EBCDIC)."""
    try:
        return _ASCII_PROBE.encode(encoding) == _ASCII_PROBE.encode("ascii")
    except (UnicodeEncodeError, LookupError):
        return False


def _weakness(readings: list[Reading], best: Reading, ranking: dict[str, int]) -> str | None:
    """Return why the guess `best` is weak, or None when it is not."""
    if best.out_of_place >= _WEAK_SHARE:
        return f"{best.hard:g} penalty points over {best.scored} characters that look out of place"
    # With a ranking, only a code page charset-normalizer ranks as high is a real rival.
    mine = ranking.get(best.encoding, len(ranking))
    rivals = [
        r for r in readings
        if r.text != best.text and r.penalty - best.penalty < _WEAK_MARGIN
        and (not ranking or ranking.get(r.encoding, len(ranking)) <= mine)
    ]  # fmt: skip
    if not rivals:
        return None
    ours, theirs = _first_difference(best.text, rivals[0].text)
    return f"{rivals[0].encoding} reads it almost as well ({theirs!r} for {ours!r})"


def _first_difference(a: str, b: str) -> tuple[str, str]:
    """Return the first characters where `a` and `b` differ."""
    for x, y in zip(a, b, strict=False):
        if x != y:
            return x, y
    return a[len(b) :][:1], b[len(a) :][:1]


def score(text: str, typographic: Collection[str] = frozenset()) -> tuple[float, float, int]:
    """Return (soft penalty, hard penalty, characters scored) of a decoded text: low means plausible.

    Scored are the non-ASCII characters and the ASCII control characters text does not hold.
    """
    data = _data()
    soft = hard = 0.0
    count = 0
    for match in _SCORED.finditer(text):
        if match.group() == "\ufffd":
            continue  # a byte already replaced: the decoder counted it
        s, h = _penalty(match.group(), text, match.start(), data, typographic)
        soft += s
        hard += h
        count += 1
        if count >= _MAX_SCORED:
            break
    return soft, hard, count


def _penalty(ch: str, text: str, i: int, data: _Data, typographic: Collection[str]) -> tuple[float, float]:
    """Return the (soft, hard) penalty of the character `ch` at `text[i]` among its neighbours."""
    category = unicodedata.category(ch)
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    inside_word = prev.isalpha() and nxt.isalpha()
    if category.startswith("L"):
        return _letter_penalty(ch, text, i, data)
    if category == "Zs":
        return 0.0, 0.0
    if category.startswith("P") or ch in typographic or (category == "Sc" and ch != "¤"):
        return 0.0, _INNER_SYMBOL if inside_word and ch not in data.inner_marks else 0.0
    if category == "Mn":
        return 0.0, 0.0 if prev.isalpha() else _ODD_SYMBOL  # a vowel sign or accent on its letter
    if category.startswith("C"):
        return 0.0, 0.0 if category == "Cf" and inside_word else _CONTROL  # ZWNJ inside a Persian word
    return 0.0, _ODD_SYMBOL + (_INNER_SYMBOL if inside_word else 0.0)


def _letter_penalty(ch: str, text: str, i: int, data: _Data) -> tuple[float, float]:
    """Return the (soft, hard) penalty of the non-ASCII letter `ch` at `text[i]` in its word."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    script = _script(ch)
    word = _word_around(text, i)
    soft = hard = 0.0
    if script == "latin":
        if ch not in data.common:
            soft += _RARE_LETTER
        if len(word) > 1 and not any(c.isascii() and c.isalpha() for c in word):
            soft += _NO_ASCII_WORD  # Western words carry an accent or two, not only accented letters
    elif script == "halfwidth":
        soft += _RARE_LETTER  # half-width katakana: the mark of a single-byte text read as Shift-JIS
    if not prev.isalpha() and not nxt.isalpha() and not (script == "latin" and ch in data.standalone):
        hard += _LONE_LETTER
    if (ch.isupper() or ch.islower()) and (prev.isdigit() or nxt.isdigit()):
        hard += _NEXT_TO_DIGIT
    if ch.isupper() and prev.isalpha() and (prev.islower() or nxt.islower()):
        hard += _INNER_CAPITAL
    if any(c.isalpha() and "latin" in (script, _script(c)) and _script(c) != script for c in word):
        hard += _SCRIPT_MIX
    return soft, hard


def _word_around(text: str, i: int) -> str:
    """Return the run of non-space characters around `text[i]` (at most 30 on each side)."""
    start = i
    while start > 0 and i - start < 30 and not text[start - 1].isspace():
        start -= 1
    end = i + 1
    while end < len(text) and end - i < 30 and not text[end].isspace():
        end += 1
    return text[start:end]


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """Return the script of a letter as its Unicode name's first word ('latin', 'cyrillic', 'cjk', ...)."""
    try:
        return unicodedata.name(ch).split(" ", 1)[0].lower()
    except ValueError:
        return "unknown"
