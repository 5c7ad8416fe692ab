"""Tests for linkchart.ingest.language: script check first, lingua where it must choose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linkchart.ingest.language import detect_language, language_of, paragraph_languages

CORPUS = Path("/work/shared/corpus")

ENGLISH = "The harbour board met on Tuesday and agreed to buy two ferries for the northern route."
PERSIAN = "این یک متن کوتاه به زبان فارسی است که برای آزمایش برنامه نوشته شده و درباره باران در شهر است."
ARABIC = "هذا نص قصير باللغة العربية كتب لاختبار البرنامج وهو يتحدث عن المطر الذي سقط في المدينة أمس."
HEBREW = "זהו טקסט קצר בעברית שנכתב כדי לבדוק את התוכנית."
FRENCH = "Le conseil municipal a décidé hier soir de reporter le vote sur le prolongement du tramway."
GERMAN = "Der Stadtrat hat gestern Abend beschlossen, die Abstimmung über die neue Straßenbahn zu verschieben."


def test_persian_and_english_paragraphs() -> None:
    text = f"{ENGLISH}\n\n{PERSIAN}\n\n{ENGLISH}\n"
    result = paragraph_languages(text)
    assert [lang for _, _, lang in result] == ["en", "fa", "en"]
    start, end, _ = result[1]
    assert text[start:end] == PERSIAN


def test_spans_are_trimmed_paragraphs() -> None:
    text = f"  {ENGLISH}\nsecond line of it\n\n\n{FRENCH}  \n"
    spans = [(s, e) for s, e, _ in paragraph_languages(text)]
    assert [text[s:e] for s, e in spans] == [f"{ENGLISH}\nsecond line of it", FRENCH]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(ARABIC, "ar"), (HEBREW, "he"), (FRENCH, "fr"), (GERMAN, "de"), (ENGLISH, "en")],
)
def test_language_of_one_paragraph(text: str, expected: str) -> None:
    assert language_of(text) == expected


def test_short_latin_lines_are_english() -> None:
    # Too few words to judge: names and captions stay English rather than a wild guess.
    assert language_of("Jean-Luc Dubois") == "en"
    assert language_of("Ahmet Yılmaz, Ankara") == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Vardania - 1 - Émile Bérard , 4 - Hakan Durmaz ( 14 - Sergen Öztaş , 57th ) , 2 - René Lefèvre , "
        "3 - Oğuz Çetin , 5 - Jean-Loup Mérel , 6 - Ferhat Yıldız",
        "Karl Müller, Jürgen Weiß, Dieter Schönfeld, Günther Größ, Ömer Çelik, Çağrı Şahin, François Lévêque",
    ],
)
def test_a_list_of_names_has_no_language_of_its_own(text: str) -> None:
    # Line-ups, results and credits: foreign-looking names, no function words; they stay English (and are read).
    assert language_of(text) == "en"
    assert language_of(GERMAN) == "de"  # capitalised German nouns do not make German a list of names


def test_no_letters_gives_default() -> None:
    assert language_of("1234 — 5678") == "en"


def test_detect_language_majority_by_length() -> None:
    assert detect_language(f"{PERSIAN}\n\n{PERSIAN}\n\nShort English line.") == "fa"
    assert detect_language(f"{ENGLISH}\n\n{ENGLISH}\n\n{FRENCH}") == "en"
    assert detect_language("") == "en"


def test_corpus_persian_passage_and_english_rest() -> None:
    files = sorted(CORPUS.glob("002_*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("sample corpus not available")
    text = files[0].read_text(encoding="utf-8")
    result = paragraph_languages(text)
    arabic_script = re.compile(r"[\u0600-\u06ff]")
    persian = [lang for s, e, lang in result if len(arabic_script.findall(text[s:e])) > 50]
    assert persian and set(persian) == {"fa"}
    english = [lang for s, e, lang in result if not arabic_script.search(text[s:e]) and e - s > 200]
    assert len(english) > 100
    assert set(english) == {"en"}


def test_plainly_english_fast_path_and_mixed_paragraphs() -> None:
    from linkchart.ingest.language import _needs_lingua, _plainly_english

    assert _plainly_english(ENGLISH)
    assert not _needs_lingua(f"{ENGLISH} {ENGLISH}")
    # Foreign or mixed text is never settled by the fast path: lingua decides.
    for text in (FRENCH, GERMAN, f"{ENGLISH} {GERMAN}", f"{FRENCH} {ENGLISH}"):
        assert not _plainly_english(text)
    assert language_of(f"{GERMAN} {GERMAN}") == "de"


def test_main_script_matches_a_count_of_every_letter() -> None:
    from collections import Counter

    from linkchart.ingest.language import _main_script, _script

    samples = (ENGLISH, PERSIAN, HEBREW, "Ahmet Yılmaz", "ΑΒΓ abc", "abc ΑΒΓΔ", "², ³ — 12", "", f"{PERSIAN} {ENGLISH}")
    for text in samples:
        counts = Counter(s for s in map(_script, text) if s)
        assert _main_script(text) == (counts.most_common(1)[0][0] if counts else None)


def test_paragraph_languages_batch_agrees_with_language_of() -> None:
    text = "\n\n".join([ENGLISH, FRENCH, PERSIAN, GERMAN, "Jean-Luc Dubois", ENGLISH, FRENCH])
    assert [lang for s, e, lang in paragraph_languages(text)] == [
        language_of(text[s:e]) for s, e, _ in paragraph_languages(text)
    ]
    assert [lang for *_, lang in paragraph_languages(text)] == ["en", "fr", "fa", "de", "en", "en", "fr"]
