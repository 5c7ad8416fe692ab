"""Merging the events told again (`facts.merge_told`): the indexed merge finds what comparing every told event
with every merged one finds, in the same order."""

from __future__ import annotations

import copy
import random

from linkchart.models import Evidence
from linkchart.resolve.facts import EntityEvent, _same_event, merge_told, merge_undated_statements

PLACES = {1, 2, 3}  # entities 1-3 are places, 4-12 people or groups
DATES = ("2019", "2019-11", "2019-11-05", "2019-11-06", "2019-12", "2020", "2020-01-02")


def naive_merge(told: list[EntityEvent], places: set[int]) -> list[EntityEvent]:
    """Return the merge as it was written first: each told event against every merged one, in order."""
    merged: list[EntityEvent] = []
    for event in sorted(told, key=lambda e: (e.kind, e.negated, e.date_source is not None, -len(e.date or ""))):
        same = next((m for m in merged if _same_event(m, event, places)), None)
        if same is None:
            merged.append(event)
            continue
        same.participants += [p for p in event.participants if p not in same.participants]
        same.attributed_to = same.attributed_to if event.attributed_to else None
        same.evidence += [x for x in event.evidence
                          if not any(y.doc == x.doc and y.start == x.start for y in same.evidence)]
    return merged


def told_events(rng: random.Random, n: int) -> list[EntityEvent]:
    """Return `n` random told events: few kinds, nested dates, overlapping participants, places among them."""
    out = []
    for i in range(n):
        parts = rng.sample(range(1, 13), rng.randint(0, 3))
        out.append(EntityEvent(rng.choice(("attack", "visit")), rng.choice(DATES), f"event {i}", parts,
                               rng.random() < 0.1, rng.choice((None, "Ana Pell")),
                               [Evidence(f"d{i % 17}.txt", i % 5, i % 5 + 9, "told", i)],
                               date_source=rng.choice((None, "stated"))))
    return out


def test_the_indexed_merge_is_the_merge_of_every_pair() -> None:
    for seed in range(40):
        told = told_events(random.Random(seed), 120)
        want = naive_merge(copy.deepcopy(told), PLACES)
        got = merge_told(copy.deepcopy(told), PLACES)
        assert got == want, seed
        assert len(got) < len(told)  # some were merged


def test_an_event_joins_the_first_it_tells_again_after_growing() -> None:
    # the second telling makes the first event include 5, so the third (about 5 and 6) joins it
    a = EntityEvent("visit", "2019-11-05", "a", [4], False, None, [Evidence("a.txt", 0, 5, "a", 1)])
    b = EntityEvent("visit", "2019-11-05", "b", [4, 5], False, None, [Evidence("b.txt", 0, 5, "b", 2)])
    c = EntityEvent("visit", "2019-11", "c", [5, 6], False, None, [Evidence("c.txt", 0, 5, "c", 3)])
    merged = merge_told([a, b, c], PLACES)
    assert [m.participants for m in merged] == [[4, 5, 6]]
    assert merged == naive_merge([copy.deepcopy(x) for x in (a, b, c)], PLACES)


def _said(speaker: int, article: int, start: int, kind: str = "statement", more: tuple[int, ...] = ()) -> EntityEvent:
    """Return an undated event of `kind` told at `start` of `article`, its speaker first."""
    return EntityEvent(kind, None, "said", [speaker, *more], False, None,
                       [Evidence(f"a{article}.txt", start, start + 9, "told", article)])


def test_undated_statements_of_one_speaker_in_one_article_are_one() -> None:
    # 'Ana Pell told the paper ...', 'She said ...', 'She added ...': one interview, its three sentences as evidence
    merged = merge_undated_statements([_said(4, 1, 0), _said(5, 1, 20), _said(4, 1, 40, more=(6,)), _said(4, 1, 60)])
    assert [(m.participants, [x.start for x in m.evidence]) for m in merged] == [([4, 6], [0, 40, 60]), ([5], [20])]


def test_undated_statements_of_other_articles_or_other_happenings_stay_apart() -> None:
    events = [_said(4, 1, 0), _said(4, 2, 0), _said(4, 1, 30, kind="attack"), _said(4, 1, 50, kind="attack")]
    assert len(merge_undated_statements(events)) == 4
