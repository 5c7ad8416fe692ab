"""Near-duplicate fingerprints: MinHash over word 5-shingles of an article's clean text.

A fingerprint is the MinHash signature as raw bytes (what the store keeps per article).
`band_keys` cuts a signature into LSH bands so the store can find candidate duplicates
with an indexed lookup instead of comparing against every stored article. `Fingerprint`
bundles both with the similarity and threshold: it is what the store is handed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
SHINGLE = 5  # words per shingle
# A wire story reposted with a new first line and a few words changed keeps ~0.7 of its
# 5-shingles, so near duplicates are pairs at Jaccard >= 0.5 (unrelated news: < 0.05).
# 32 bands of 2 rows: a pair at 0.5 shares a band with probability ~0.9999, one at 0.1
# ~0.27; candidates are then checked with the full signature.
NEAR_DUPLICATE = 0.5
BANDS = 32
ROWS = NUM_PERM // BANDS
# Pinned so that fingerprints stored by one datasketch version compare with the next.
_SCHEME = "affine32"
_SEED = 1
_DTYPE = np.uint32
_EMPTY = np.iinfo(_DTYPE).max  # the value of every slot of a MinHash that saw nothing
_EMPTY_SIGNATURE = np.full(NUM_PERM, _EMPTY, dtype=_DTYPE).tobytes()

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Return the set of lower-cased word `size`-grams of `text` (the whole text if shorter)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def fingerprint(text: str) -> bytes:
    """Return the MinHash signature (64 uint32 values) of `text`'s word 5-shingles as bytes."""
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    grams = shingles(text)
    if grams:
        m.update_batch([g.encode("utf-8") for g in grams])
    return np.asarray(m.hashvalues, dtype=_DTYPE).tobytes()


def _values(fp: bytes) -> np.ndarray:
    values = np.frombuffer(fp, dtype=_DTYPE)
    if len(values) != NUM_PERM:
        raise ValueError(f"fingerprint has {len(values)} values, expected {NUM_PERM}")
    return values


def is_empty(fp: bytes) -> bool:
    """Return True when `fp` is the fingerprint of a text without words."""
    return bool(np.all(_values(fp) == _EMPTY))


def similarity(a: bytes, b: bytes) -> float:
    """Return the estimated Jaccard similarity (0..1) of the shingle sets behind two fingerprints.

    Texts without words are similar to nothing (0.0), not identical to each other.
    """
    va, vb = _values(a), _values(b)
    if a == _EMPTY_SIGNATURE or b == _EMPTY_SIGNATURE:  # (the store compares many: bytes compare fastest)
        return 0.0
    return float(np.count_nonzero(va == vb)) / NUM_PERM


def band_keys(fp: bytes) -> list[tuple[int, int]]:
    """Return one (band, key) pair per LSH band of `fp`; equal keys mean a candidate pair.

    Keys are signed 64-bit integers (they fit an SQLite INTEGER); an empty fingerprint has
    no keys, so it is never a candidate.
    """
    if is_empty(fp):
        return []
    width = ROWS * np.dtype(_DTYPE).itemsize
    keys = []
    for band in range(BANDS):
        chunk = fp[band * width : (band + 1) * width]
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


@dataclass(frozen=True)
class Fingerprint:
    """An article's MinHash signature with its LSH band keys: the store's `NearDuplicateKey`."""

    signature: bytes
    band_keys: tuple[tuple[int, int], ...]
    threshold: float = NEAR_DUPLICATE

    @classmethod
    def of_signature(cls, signature: bytes) -> Fingerprint:
        """Return the fingerprint of a signature made by `fingerprint` (ValueError when it is not one)."""
        return cls(signature, tuple(band_keys(signature)))

    def similarity(self, other: bytes) -> float:
        """Return the estimated Jaccard similarity of this article to the one with signature `other`."""
        return similarity(self.signature, other)


def article_fingerprint(text: str) -> Fingerprint:
    """Return the near-duplicate fingerprint of an article's clean text."""
    return Fingerprint.of_signature(fingerprint(text))
