"""Language of each paragraph: a Unicode-script check first, lingua only where it must choose.

Arabic script is told apart (Arabic, Persian, Urdu) by lingua; Hebrew and Cyrillic script
decide alone; Latin-script paragraphs go to lingua only when they have enough words to
judge, since short Latin lines (names, captions) are nearly always English in this corpus
type and lingua guesses wildly on them. Detectors are built once, lazily, per script
group, holding only the few languages of that group (lingua is memory-heavy otherwise).

Lingua costs milliseconds a paragraph, so a Latin paragraph that is plainly English is
settled without it (`_plainly_english`: English function words throughout, no sentence
and no long stretch without one, next to no French / German / Spanish / Turkish function
words); the rest of a text's Latin paragraphs go to lingua in one parallel batch.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from itertools import chain, islice

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from linkchart import lexicon

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
# A letter outside the Latin blocks of `_script` (a superset: a few matches are not letters).
_OTHER_LETTER = re.compile(r"(?![\x00-\u024f\u1e00-\u1eff])[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?;:…]+|\n")

# English function words that are no common word of another Latin-script language
# (so not 'a', 'in', 'of', 'on', 'was', 'die', 'will', 'also').
_ENGLISH_ONLY = lexicon.grammar().english_only
# Frequent English words that are also words elsewhere: they count toward the share of
# English words, but do not prove a sentence English on their own.
_ENGLISH_COMMON = lexicon.grammar().english_common
# Function words of the other Latin-script languages lingua chooses from, none an English word.
_FOREIGN = lexicon.languages().foreign
_MIN_ENGLISH_SHARE = 0.15  # of all words, in `_ENGLISH_COMMON`
_MAX_FOREIGN_PER_ENGLISH = 0.2
_MAX_NON_ENGLISH_RUN = 10  # words in a row outside `_ENGLISH_COMMON` (names are long, foreign clauses longer)
_NAMES_ONLY_LOWER_SHARE = 0.2  # fewer lower-case words than this share: names, no language to judge
_MIN_SENTENCE_WORDS = 3  # a sentence this long must hold a word of `_ENGLISH_ONLY`
_LONG_RUN = bytes(_MAX_NON_ENGLISH_RUN + 1)  # that many words in a row outside `_ENGLISH_COMMON`


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
    """Return the script most letters of `text` are written in, or None without letters (ties: the first seen).

    Text whose letters all lie in the Latin blocks, the usual case, is settled by two
    regex searches; otherwise each distinct character is looked up once.
    """
    if _OTHER_LETTER.search(text) is None and _ASCII_LETTER.search(text) is not None:
        return "latin"
    counts: dict[str, int] = {}
    for ch, n in Counter(text).items():  # in order of first occurrence, as the tie-break needs
        script = _script(ch)
        if script:
            counts[script] = counts.get(script, 0) + n
    return max(counts, key=counts.__getitem__) if counts else None


def _iso(language: Language) -> str:
    """Return the ISO 639-1 code of a lingua language."""
    return language.iso_code_639_1.name.lower()


def _plainly_english(sample: str) -> bool:
    """Return True when a Latin-script sample is English beyond doubt by its function words.

    Every sentence of three words or more must hold an English-only function word, no ten
    words in a row may lack an English function word, those must make 15% of all words,
    and the function words of the other Latin languages must be few. Mixed paragraphs
    (an English sentence next to a foreign one) fail and go to lingua.
    """
    sentences = [_WORD.findall(sentence) for sentence in _SENTENCE_END.split(sample.lower())]
    for words in sentences:
        if len(words) >= _MIN_SENTENCE_WORDS and _ENGLISH_ONLY.isdisjoint(words):
            return False
    words = list(chain.from_iterable(sentences))
    flags = bytes([word in _ENGLISH_COMMON for word in words])  # 1 per English word, 0 otherwise
    english = flags.count(1)
    if english < 2 or english < _MIN_ENGLISH_SHARE * len(words) or _LONG_RUN in flags:
        return False
    return sum(1 for word in words if word in _FOREIGN) <= _MAX_FOREIGN_PER_ENGLISH * english


def _names_only(sample: str) -> bool:
    """Return True when nearly every word of a sample is capitalised: a list of names (a line-up, results, credits)
    carries no language of its own, and every language writes its function words in lower case."""
    words = _LATIN_WORD.findall(sample)
    return sum(w[0].islower() for w in words) < _NAMES_ONLY_LOWER_SHARE * len(words)


def _needs_lingua(text: str) -> bool:
    """Return True when a Latin-script paragraph is long enough to judge, not plainly English and not a list
    of names."""
    if sum(1 for _ in islice(_LATIN_WORD.finditer(text), _MIN_LATIN_WORDS)) < _MIN_LATIN_WORDS:
        return False
    sample = text[:_SAMPLE_CHARS]
    return not _plainly_english(sample) and not _names_only(sample)


def _latin_choice(values: list) -> str:
    """Return the language lingua's confidence values give a Latin paragraph; English unless clearly another."""
    if not values:
        return DEFAULT
    best = values[0]
    if best.language is not Language.ENGLISH and best.value < _MIN_FOREIGN_CONFIDENCE:
        return DEFAULT
    return _iso(best.language)


def _latin_language(text: str) -> str:
    """Return the language of a Latin-script paragraph; English unless clearly another."""
    if not _needs_lingua(text):
        return DEFAULT
    return _latin_choice(_detector("latin").compute_language_confidence_values(text[:_SAMPLE_CHARS]))


def _arabic_language(text: str) -> str:
    """Return 'ar', 'fa' or 'ur' for an Arabic-script paragraph."""
    language = _detector("arabic").detect_language_of(text[:_SAMPLE_CHARS])
    return _iso(language) if language else "ar"


def language_of(text: str) -> str:
    """Return the ISO 639-1 language of one paragraph (DEFAULT when it has no letters)."""
    return _language_in_script(text, _main_script(text))


def _language_in_script(text: str, script: str | None) -> str:
    """Return the language of a paragraph whose main script is `script`."""
    if script == "latin":
        return _latin_language(text)
    if script == "arabic":
        return _arabic_language(text)
    return _SINGLE_SCRIPT.get(script or "", DEFAULT)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return [start, end) of every blank-line separated paragraph, trimmed of outer whitespace."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def paragraph_languages(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, iso639_1) for every paragraph (blank-line separated) of a text.

    Each paragraph gets `language_of`'s answer; the Latin paragraphs lingua must judge are
    sent to it together, in parallel.
    """
    spans = paragraph_spans(text)
    languages: list[str | None] = []
    batch: list[int] = []  # indexes of the paragraphs waiting for lingua
    for start, end in spans:
        paragraph = text[start:end]
        script = _main_script(paragraph)
        if script != "latin":
            languages.append(_language_in_script(paragraph, script))
        elif _needs_lingua(paragraph):
            batch.append(len(languages))
            languages.append(None)
        else:
            languages.append(DEFAULT)
    if len(batch) == 1:
        start, end = spans[batch[0]]
        languages[batch[0]] = _latin_language(text[start:end])
    elif batch:
        samples = [text[spans[k][0] : spans[k][0] + min(_SAMPLE_CHARS, spans[k][1] - spans[k][0])] for k in batch]
        results = _detector("latin").compute_language_confidence_values_in_parallel(samples)
        for k, values in zip(batch, results, strict=True):
            languages[k] = _latin_choice(values)
    return [(start, end, language or DEFAULT) for (start, end), language in zip(spans, languages, strict=True)]


def detect_language(text: str) -> str:
    """Return the majority language (ISO 639-1) of a text, weighting paragraphs by length."""
    weight: Counter[str] = Counter()
    for start, end, language in paragraph_languages(text):
        weight[language] += end - start
    return weight.most_common(1)[0][0] if weight else DEFAULT
