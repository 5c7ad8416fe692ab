"""The name matcher's candidate pairs (`resolve.blocking`): bounded per name, and no block skipped."""

from __future__ import annotations

from itertools import product

from linkchart.resolve.blocking import MAX_CANDIDATES, RARE_KEY, block_keys, candidate_pairs


def invented_surnames(n: int) -> list[str]:
    """Return `n` distinct invented surnames."""
    syllables = ["ba", "do", "fi", "gu", "ke", "lo", "mi", "nu", "pe", "ro", "si", "tu", "ve", "zo"]
    return [f"{a}{b}{c}".capitalize() + "n" for a, b, c in product(syllables, repeat=3)][:n]


def test_a_small_corpus_compares_every_pair_sharing_a_block() -> None:
    names = ["Karim Dawali", "Kareem Dawali", "Karim Haddad", "Nadia Qasimi", "Nadya Qasimy"]
    pairs = candidate_pairs(names)
    expected = {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1:]
                if set(block_keys(a)) & set(block_keys(b))}
    assert {frozenset(p) for p in pairs} == expected and len(pairs) == len(expected)


def test_big_blocks_narrow_the_candidates_instead_of_being_skipped() -> None:
    surnames = invented_surnames(RARE_KEY + 100)
    crowd = [f"Karim {s}" for s in surnames] + [f"{s} Velmorani" for s in surnames]  # both blocks: common
    names = [*crowd, "Karim Velmorani", "Kareem Velmorany"]
    assert set(block_keys("Karim Velmorani")) == set(block_keys("Kareem Velmorany"))
    assert len(block_keys("Karim Velmorani")) == 2
    pairs = {frozenset(p) for p in candidate_pairs(names)}
    assert frozenset(("Karim Velmorani", "Kareem Velmorany")) in pairs  # the two names holding both blocks
    assert len(pairs) <= MAX_CANDIDATES * len(names)  # bounded: not every pair of a block
