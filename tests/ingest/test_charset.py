"""Tests for linkchart.ingest.charset: scoring legacy readings and saying when a guess is weak."""

from __future__ import annotations

import pytest

from linkchart.ingest.charset import Reading, _weakness, guess_legacy, read_all, score

CP1252_TEXT = "The minister said “we will not retreat” — the budget is €4 million, and that’s final."


def test_the_right_code_page_scores_best() -> None:
    raw = CP1252_TEXT.encode("cp1252")
    readings = {r.encoding: r for r in read_all(raw, ["cp1252", "cp850", "cp852", "mac_roman"])}
    assert readings["cp1252"].penalty == 0
    for wrong in ("cp850", "cp852", "mac_roman"):
        assert readings[wrong].hard > 0, wrong  # 'Ç4', a letter standing alone, a capital inside a word


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("The naïve façade of the Zürich office.", "cp1252"),
        ("Министр иностранных дел заявил, что переговоры продолжатся.", "cp1251"),
        ("Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες θα συνεχιστούν.", "cp1253"),
        ("שר החוץ אמר כי השיחות יימשכו בירושלים בשבוע הבא.", "cp1255"),
        ("Министр иностранных дел заявил, что переговоры продолжатся в Москве.", "koi8_r"),
    ],
)
def test_guess_legacy_reads_real_words(text: str, encoding: str) -> None:
    guess = guess_legacy(text.encode(encoding))
    assert guess is not None
    assert (guess.text, guess.encoding, guess.weak) == (text, encoding, None)


def test_rare_letters_weigh_less_than_misplaced_characters() -> None:
    soft, hard, scored = score("naďve")
    assert (soft, hard, scored) == (0.25, 0.0, 1)
    soft, hard, scored = score("ZŘrich Ç4")
    assert hard >= 1.5 and scored == 2


def test_noise_has_no_legacy_reading() -> None:
    assert guess_legacy(b"Plain ascii text with one bad byte here: \xff and more text after it.") is None
    assert guess_legacy(bytes(range(128, 256)) * 4) is None


def test_a_close_rival_makes_the_guess_weak() -> None:
    best = Reading("la ville de ÿ", "cp1252", 0.0, 0.0, 1)
    rival = Reading("la ville de ˙", "cp1250", 0.0, 0.0, 1)
    assert _weakness([best, rival], best, {}) == "cp1250 reads it almost as well ('˙' for 'ÿ')"
    # charset-normalizer's language evidence ranking the rival lower settles it
    assert _weakness([best, rival], best, {"cp1252": 0, "cp1250": 1}) is None


def test_misplaced_characters_make_the_guess_weak() -> None:
    best = Reading("x", "cp1252", 0.0, 1.0, 6)
    assert _weakness([best], best, {}) == "1 penalty points over 6 characters that look out of place"
