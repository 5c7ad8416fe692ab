"""The mention index holds each source's linked spans as columns of ints (#14: exports at 100,000 articles) and
finds the same entities as spans held as tuples did."""

from __future__ import annotations

from linkchart.graph.lifting import BatchIndex

# (source, start, end, entity): invented spans of two files, out of order, one span inside another
SPANS = [("b.txt", 40, 52, 7), ("a.txt", 30, 41, 3), ("a.txt", 0, 12, 1), ("a.txt", 14, 20, 2),
         ("a.txt", 30, 35, 4), ("b.txt", 0, 9, 6)]


def by_tuples(source: str, start: int, end: int) -> int | None:
    """Return the entity of the span best overlapping [start, end), as the index of sorted tuples found it."""
    spans = sorted((s, e, n) for src, s, e, n in SPANS if src == source)
    best, best_overlap = None, 0
    for s, e, n in spans:
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = n, overlap
    return best


def test_spans_held_as_columns_find_the_entities_of_spans_held_as_tuples() -> None:
    index = BatchIndex(SPANS, {"the coast guild": 9})
    for source in ("a.txt", "b.txt", "c.txt"):
        for start, end in ((0, 5), (13, 19), (30, 33), (31, 41), (36, 41), (45, 60), (70, 80)):
            assert index.overlapping(source, start, end) == by_tuples(source, start, end)
    assert index.entity_at("c.txt", 0, 3, "The Coast Guild") == 9


def test_spans_of_one_source_added_in_two_batches_are_one_sorted_column() -> None:
    index = BatchIndex(SPANS[:3], {})
    index._add_spans({"a.txt": [(14, 20, 2), (30, 35, 4)]})
    assert list(index._starts["a.txt"]) == [0, 14, 30, 30]
    assert list(index._spans["a.txt"]) == [0, 12, 1, 14, 20, 2, 30, 35, 4, 30, 41, 3]
    assert index.overlapping("a.txt", 31, 41) == by_tuples("a.txt", 31, 41) == 3
