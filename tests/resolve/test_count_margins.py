"""Margins of the resolver's count decisions (`resolve.margins`): an added article within them joins its clusters
without resolving again, one beyond them is resolved again, and both give what a full resolution gives."""

from __future__ import annotations

import itertools

import pytest
from test_incremental import _reasoned_view, add_article

from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import Article, Document, Extraction, Mention, OffsetMap
from linkchart.resolve.cluster import LAST_RUN
from linkchart.resolve.margins import after_adding, dominance_margin, lead_margin, order_margin, spend
from linkchart.resolve.runner import resolve_store
from linkchart.store.base import Store
from linkchart.store.open import open_store


def _spread(total: int, parts: int) -> list[tuple[int, ...]]:
    """Return every way of adding `total` mentions to `parts` candidates."""
    return [c for c in itertools.product(range(total + 1), repeat=parts) if sum(c) == total]


def _leader(counts: list[int]) -> int:
    return max(range(len(counts)), key=lambda i: counts[i])  # the first of a tie, as `max` takes it


def _dominant(counts: list[int], ratio: float) -> int | None:
    order = sorted(range(len(counts)), key=lambda i: -counts[i])
    first, second = counts[order[0]], (counts[order[1]] if len(counts) > 1 else 0)
    return order[0] if first >= ratio * second else None


@pytest.mark.parametrize("counts", [[5, 1, 1], [3, 3], [9, 2], [2, 1, 1, 1], [1]])
def test_a_lead_stands_for_its_margin_and_no_further(counts: list[int]) -> None:
    margin = lead_margin(max(counts), sorted(counts)[-2] if len(counts) > 1 else 0)
    before = _leader(counts)
    for added in _spread(max(margin, 0), len(counts)):
        assert _leader([c + a for c, a in zip(counts, added, strict=True)]) == before
    if len(counts) > 1:  # one more mention can tie with the leader (which one a tie gives depends on order)
        assert any(sorted(c + a for c, a in zip(counts, added, strict=True))[-2] >= counts[before] + added[before]
                   for added in _spread(margin + 1, len(counts)))


@pytest.mark.parametrize(("counts", "ratio"), [([6, 1], 3.0), ([7, 2], 3.0), ([4, 3], 2.0), ([5, 2, 1], 2.0),
                                               ([2, 2], 3.0), ([8], 3.0), ([9, 3], 3.0)])
def test_dominance_stands_for_its_margin_and_no_further(counts: list[int], ratio: float) -> None:
    margin = dominance_margin(max(counts), sorted(counts)[-2] if len(counts) > 1 else 0, ratio)
    before = _dominant(counts, ratio)
    for added in _spread(max(margin, 0), len(counts)):
        assert _dominant([c + a for c, a in zip(counts, added, strict=True)], ratio) == before
    if len(counts) > 1:
        assert any(_dominant([c + a for c, a in zip(counts, added, strict=True)], ratio) != before
                   for added in _spread(margin + 1, len(counts)))


@pytest.mark.parametrize(("first", "second"), [(5, 2), (2, 5), (3, 3)])
def test_an_order_stands_for_its_margin_and_no_further(first: int, second: int) -> None:
    margin = order_margin(first, second)
    before = first >= second
    assert all((first + a >= second + b) == before for a, b in _spread(margin, 2))
    assert any((first + a >= second + b) != before for a, b in _spread(margin + 1, 2))


def test_spending_margins_names_the_first_one_exceeded() -> None:
    assert spend({"x:o:a": 3, "x:p:b": 1}, {"x:o:a": 2, "x:p:b": 1}, ["x:o:a", "x:p:b"]) == {"x:o:a": 1, "x:p:b": 0}
    assert spend({"x:o:a": 3, "x:p:b": 1}, {"x:o:a": 2, "x:p:b": 2}, ["x:o:a", "x:p:b"]) == "x:p:b"
    assert spend({}, {"x:o:a": 1}, ["x:o:a"]) == "x:o:a"  # kept before margins were: any mention may change it


def test_a_resolution_keeps_the_smaller_of_what_is_left_and_what_it_decided() -> None:
    kept = after_adding({"x:o:a": 10, "x:o:b": 4}, {"x:o:a": 3, "x:o:b": 1}, {"x:o:a": 9, "x:s:c": 2})
    assert kept == {"x:o:a": 7, "x:o:b": 3, "x:s:c": 2}


def _one(store: Store, source: str, name: str, label: str, times: int = 1) -> None:
    """Store an article naming `name` `times` times."""
    add_article(store, source, [(f"Reports named {name} again.", [(name, label)])] * times)


def _resolved_as_full(store: Store) -> tuple[str, set]:
    """Resolve what was added, check a full resolution of the whole store gives the same entities; return how the
    added articles were resolved (`LAST_RUN['kind']`) and the entities."""
    LAST_RUN.clear()
    assert resolve_store(store, force=False) is not None
    kind, incremental = LAST_RUN["kind"], _reasoned_view(store)
    resolve_store(store, full=True)
    assert incremental == _reasoned_view(store)
    return kind, incremental


def test_organisations_sharing_a_core_take_mentions_within_the_lead_of_the_most_named(store_url: str) -> None:
    with open_store(store_url) as store:
        for i in range(5):  # the most named of three organisations with one core: the one the combined name joins
            _one(store, f"guard{i}", "Velmor Guard", "ORG")
        _one(store, "corps", "Velmor Corps", "ORG")
        _one(store, "both", "Velmor Guard Corps", "ORG")
        resolve_store(store)
        for source in ("more", "again"):  # 5 against 1: a lead of three mentions, spent one by one
            _one(store, source, "Velmor Guard", "ORG")
            LAST_RUN.clear()
            assert resolve_store(store, force=False) is not None
            assert LAST_RUN["kind"] == "attach"  # within the margin: no cluster read again
        incremental = _reasoned_view(store)
        resolve_store(store, full=True)
        assert incremental == _reasoned_view(store)
        _one(store, "overtaking", "Velmor Corps", "ORG", times=6)  # now the most named: the combined name follows
        kind, full = _resolved_as_full(store)
        assert kind != "attach"
        both = {m.id for m in store.mentions() if m.text in ("Velmor Corps", "Velmor Guard Corps")}
        assert any(both <= c for c, *_ in full)


def test_a_surname_alone_follows_the_dominant_full_name_within_its_margin(store_url: str) -> None:
    with open_store(store_url) as store:
        for i in range(6):
            _one(store, f"karim{i}", "Karim Dawali", "PERSON")
        _one(store, "sami", "Sami Dawali", "PERSON")
        _one(store, "alone", "Dawali", "PERSON")  # named 6 times as often as Sami Dawali: Karim Dawali
        resolve_store(store)
        _one(store, "karim-again", "Karim Dawali", "PERSON")
        assert _resolved_as_full(store)[0] == "attach"
        _one(store, "sami-again", "Sami Dawali", "PERSON", times=2)  # 7 against 3: no longer three times as often
        kind, full = _resolved_as_full(store)
        assert kind != "attach"
        alone = {m.id for m in store.mentions() if m.text == "Dawali"}
        karim = {m.id for m in store.mentions() if m.text == "Karim Dawali"}
        assert not any(alone <= c and karim <= c for c, *_ in full)


def _titled(store: Store, source: str, title: str, name: str) -> None:
    """Store an article naming `name` once, under `title` (the mention's role)."""
    text = f"{title} {name} spoke to reporters."
    start = text.index(name)
    mention = Mention(start, start + len(name), name, "PERSON", 0, len(text), role=title)
    store.add_document(Document(source=source, text=text, sha256=f"sha-{source}", kind="txt"),
                       [Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0),
                                start=0, end=len(text))],
                       [Extraction(mentions=[mention])], [article_fingerprint(text)])


def test_a_religious_title_a_name_already_had_is_no_new_reason_to_resolve_again(store_url: str) -> None:
    with open_store(store_url) as store:
        for i in range(6):
            _titled(store, f"karim{i}", "Sheikh", "Karim Dawali")
        _one(store, "sami", "Sami Dawali", "PERSON")
        _one(store, "alone", "Dawali", "PERSON")
        resolve_store(store)
        _titled(store, "karim-again", "Sheikh", "Karim Dawali")  # titled as before: only a count changes
        assert _resolved_as_full(store)[0] == "attach"
        _titled(store, "sami-titled", "Sheikh", "Sami Dawali")  # a first religious title for him
        kind, full = _resolved_as_full(store)
        assert kind != "attach"

