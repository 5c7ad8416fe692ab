"""Language of each paragraph: a Unicode-script check first, lingua only where it must choose.

Arabic script is told apart (Arabic, Persian, Urdu) by lingua; Hebrew and Cyrillic script
decide alone; Latin-script paragraphs go to lingua only when they have enough words to
judge, since short Latin lines (names, captions) are nearly always English in this corpus
type and lingua guesses wildly on them. A Latin paragraph whose words are plainly English
(a good share of function words found in no other Latin-script language, next to none of
the French / German / Spanish / Turkish ones) is English without asking lingua, which
costs milliseconds a paragraph. Detectors are built once, lazily, per script group,
holding only the few languages of that group (lingua is memory-heavy otherwise).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from itertools import islice

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

DEFAULT = "en"
_MIN_LATIN_WORDS = 5
_SAMPLE_CHARS = 1500  # lingua is sure long before that; longer paragraphs only cost time
_MIN_FOREIGN_CONFIDENCE = 0.6  # a non-English Latin guess must be this sure to win over English

_GROUPS: dict[str, tuple[Language, ...]] = {
    "arabic": (Language.ARABIC, Language.PERSIAN, Language.URDU),
    "latin": (Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.TURKISH),
}
_SINGLE_SCRIPT = {"hebrew": "he", "cyrillic": "ru", "greek": "el"}
_PARAGRAPH = re.compile(r"\S(?:.*?\S)??(?=\s*\n\s*\n|\s*\Z)", re.DOTALL)
_LATIN_WORD = re.compile(r"[^\W\d_]{2,}")
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Any letter outside the Latin blocks of `_script` (a superset: some matches are not letters).
_OTHER_LETTER = re.compile(r"(?![\x00-\u024f\u1e00-\u1eff])[^\W\d_]")

# English function words that are not common words of other Latin-script languages
# ('in', 'was', 'on', 'a', 'of', 'for', 'die' are left out for that reason).
_ENGLISH_WORDS = frozenset(
    """the and that with said from his she its they their them were been not but which who this these
    would could should there when than into about after what have has had are it""".split()
)
# Function words of the other Latin-script languages lingua chooses from, none of them English words.
_FOREIGN_WORDS = frozenset(
    """le la les des du une et est dans pour qui que sur pas avec sont ce cette il elle ils au aux ne
    der die das und ist nicht mit von zu den dem ein eine sich auf auch des im wird wurde sie es
    el los las del y en por con para una es lo se al su sus como pero más
    ve bir bu ile da de için olarak daha ise gibi çok olan ki""".split()
)
_MIN_ENGLISH_SHARE = 0.12  # English function words among all words of the sample
_MIN_ENGLISH_HITS = 2
_MAX_FOREIGN_RATIO = 0.2  # foreign function words per English one


@cache
def _detector(group: str) -> LanguageDetector:
    """Return the (cached) lingua detector restricted to one script group's languages."""
    return LanguageDetectorBuilder.from_languages(*_GROUPS[group]).build()


@lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    """Return the script group of a letter ('latin', 'arabic', ...), or None for non-letters."""
    if not ch.isalpha():
        return None
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    if 0x600 <= code < 0x700 or 0x750 <= code < 0x780 or 0x8A0 <= code < 0x900 or 0xFB50 <= code < 0xFF00:
        return "arabic"
    if 0x590 <= code < 0x600:
        return "hebrew"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x370 <= code < 0x400:
        return "greek"
    return unicodedata.name(ch, "other").split()[0].lower()


def _main_script(text: str) -> str | None:
    """Return the script most letters of `text` are written in, or None without letters.

    Ties go to the script seen first. Text whose letters all lie in the Latin blocks (the
    usual case) is settled by two regex searches; otherwise each distinct character is
    looked up once.
    """
    if _OTHER_LETTER.search(text) is None and _ASCII_LETTER.search(text) is not None:
        return "latin"
    counts: dict[str, int] = {}
    for ch, n in Counter(text).items():  # insertion order: first occurrence, as the tie-break needs
        script = _script(ch)
        if script:
            counts[script] = counts.get(script, 0) + n
    return max(counts, key=counts.__getitem__) if counts else None


def _iso(language: Language) -> str:
    """Return the ISO 639-1 code of a lingua language."""
    return language.iso_code_639_1.name.lower()


def _latin_language(text: str) -> str:
    """Return the language of a Latin-script paragraph; English unless clearly another."""
    if sum(1 for _ in islice(_LATIN_WORD.finditer(text), _MIN_LATIN_WORDS)) < _MIN_LATIN_WORDS:
        return DEFAULT
    sample = text[:_SAMPLE_CHARS]
    if _plainly_english(sample):
        return DEFAULT
    values = _detector("latin").compute_language_confidence_values(sample)
    if not values:
        return DEFAULT
    best = values[0]
    if best.language is not Language.ENGLISH and best.value < _MIN_FOREIGN_CONFIDENCE:
        return DEFAULT
    return _iso(best.language)


def _plainly_english(sample: str) -> bool:
    """Return True when a Latin-script sample is English beyond doubt, by its function words alone."""
    words = _WORD.findall(sample.lower())
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    if english < _MIN_ENGLISH_HITS or english < _MIN_ENGLISH_SHARE * len(words):
        return False
    foreign = sum(1 for w in words if w in _FOREIGN_WORDS)
    return foreign <= _MAX_FOREIGN_RATIO * english


def _arabic_language(text: str) -> str:
    """Return 'ar', 'fa' or 'ur' for an Arabic-script paragraph."""
    language = _detector("arabic").detect_language_of(text[:_SAMPLE_CHARS])
    return _iso(language) if language else "ar"


def language_of(text: str) -> str:
    """Return the ISO 639-1 language of one paragraph (DEFAULT when it has no letters)."""
    script = _main_script(text)
    if script == "latin":
        return _latin_language(text)
    if script == "arabic":
        return _arabic_language(text)
    return _SINGLE_SCRIPT.get(script or "", DEFAULT)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return [start, end) of every blank-line separated paragraph, trimmed of outer whitespace."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def paragraph_languages(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, iso639_1) for every paragraph (blank-line separated) of a text."""
    return [(start, end, language_of(text[start:end])) for start, end in paragraph_spans(text)]


def detect_language(text: str) -> str:
    """Return the majority language (ISO 639-1) of a text, weighting paragraphs by length."""
    weight: Counter[str] = Counter()
    for start, end, language in paragraph_languages(text):
        weight[language] += end - start
    return weight.most_common(1)[0][0] if weight else DEFAULT
