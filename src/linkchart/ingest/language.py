"""Language of each paragraph: a Unicode-script check first, lingua only where it must choose.

Arabic script is told apart (Arabic, Persian, Urdu) by lingua; Hebrew and Cyrillic script
decide alone; Latin-script paragraphs go to lingua only when they have enough words to
judge, since short Latin lines (names, captions) are nearly always English in this corpus
type and lingua guesses wildly on them. Detectors are built once, lazily, per script
group, holding only the few languages of that group (lingua is memory-heavy otherwise).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

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


@cache
def _detector(group: str) -> LanguageDetector:
    """Return the (cached) lingua detector restricted to one script group's languages."""
    return LanguageDetectorBuilder.from_languages(*_GROUPS[group]).build()


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
    """Return the script most letters of `text` are written in, or None without letters."""
    counts = Counter(s for s in map(_script, text) if s)
    return counts.most_common(1)[0][0] if counts else None


def _iso(language: Language) -> str:
    """Return the ISO 639-1 code of a lingua language."""
    return language.iso_code_639_1.name.lower()


def _latin_language(text: str) -> str:
    """Return the language of a Latin-script paragraph; English unless clearly another."""
    if len(re.findall(r"[^\W\d_]{2,}", text)) < _MIN_LATIN_WORDS:
        return DEFAULT
    values = _detector("latin").compute_language_confidence_values(text[:_SAMPLE_CHARS])
    if not values:
        return DEFAULT
    best = values[0]
    if best.language is not Language.ENGLISH and best.value < _MIN_FOREIGN_CONFIDENCE:
        return DEFAULT
    return _iso(best.language)


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
