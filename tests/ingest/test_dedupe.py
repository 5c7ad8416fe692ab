import random

import pytest

from linkchart.ingest.dedupe import BANDS, band_keys, fingerprint, shingles, similarity

VOCAB = [f"word{i}" for i in range(400)]


def make_text(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(n))


def change_words(text: str, positions: list[int]) -> str:
    words = text.split()
    for p in positions:
        words[p] = "changed"
    return " ".join(words)


def test_fingerprint_is_stable_bytes() -> None:
    text = make_text(1)
    fp = fingerprint(text)
    assert isinstance(fp, bytes)
    assert len(fp) == 64 * 4
    assert fingerprint(text) == fp
    assert similarity(fp, fp) == 1.0


def test_shingles_are_word_five_grams_ignoring_case_and_punctuation() -> None:
    assert shingles("A b, c d E f") == {"a b c d e", "b c d e f"}
    assert shingles("Only three words") == {"only three words"}
    assert shingles("  ...  ") == set()


def test_near_identical_texts_are_similar() -> None:
    text = make_text(2)
    edited = change_words(text, [40, 200])
    assert similarity(fingerprint(text), fingerprint(edited)) >= 0.8


def test_unrelated_texts_are_not_similar() -> None:
    assert similarity(fingerprint(make_text(3)), fingerprint(make_text(4))) < 0.2


def test_empty_text_is_similar_to_nothing() -> None:
    empty = fingerprint("")
    assert similarity(empty, empty) == 0.0
    assert similarity(empty, fingerprint(make_text(5))) == 0.0
    assert band_keys(empty) == []


def test_band_keys_shared_by_identical_and_near_identical_texts() -> None:
    text = make_text(6)
    keys = band_keys(fingerprint(text))
    assert len(keys) == BANDS
    assert [band for band, _ in keys] == list(range(BANDS))
    assert keys == band_keys(fingerprint(text))
    near = band_keys(fingerprint(change_words(text, [100])))
    assert set(keys) & set(near)
    assert not set(keys) & set(band_keys(fingerprint(make_text(7))))


def test_similarity_rejects_foreign_bytes() -> None:
    with pytest.raises(ValueError):
        similarity(b"abc" * 4, fingerprint("x"))
