"""Dates for articles that state none: from dated neighbours in a compilation, or from the text.

A compilation's articles sit in publication order (either way round), so an undated
article between two dated ones was published between them: it takes what the two dates
share ('2019-11-16' and '2019-11-11' give '2019-11'). Next to one dated neighbour only,
it takes that neighbour's year. An article with no dated neighbour was written no earlier
than the latest full date it states; it takes that date's month. Every such date is
marked inferred, with its reason, and is never more precise than its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from linkchart.ingest.pubdate import find_dates

NEIGHBOURS = "neighbours"  # between two dated articles of its compilation
NEIGHBOUR = "neighbour"  # next to one dated article of its compilation
STATED = "stated"  # the latest full date its own text states


@dataclass(frozen=True)
class InferredDate:
    """An article date read from around the article rather than from its header."""

    date: str  # ISO 8601, as precise as the evidence allows ('2019', '2019-11', '2019-11-16')
    basis: str  # NEIGHBOURS, NEIGHBOUR or STATED
    reason: str  # for people: 'between articles dated 2019-11-16 and 2019-11-11'


def shared_prefix(a: str, b: str) -> str | None:
    """Return the ISO date two ISO dates share ('2019-11' for 2019-11-16 and 2019-11-11), or None."""
    parts_a, parts_b = a[:10].split("-"), b[:10].split("-")
    shared: list[str] = []
    for x, y in zip(parts_a, parts_b, strict=False):
        if x != y:
            break
        shared.append(x)
    return "-".join(shared) or None


def latest_stated(text: str) -> str | None:
    """Return the latest full date (year, month and day) stated in `text`, or None."""
    dates = [iso[:10] for _, _, iso in find_dates(text)]
    return max(dates) if dates else None


def infer_dates(dates: list[str | None], texts: list[str]) -> list[InferredDate | None]:
    """Return, per article of one document (in order), the date to infer for it; None where it states its own.

    `dates` are the articles' stated dates (None when undated), `texts` their clean texts.
    """
    inferred: list[InferredDate | None] = []
    for i, (own, text) in enumerate(zip(dates, texts, strict=True)):
        if own is not None:
            inferred.append(None)
            continue
        before = next((d for d in reversed(dates[:i]) if d), None)
        after = next((d for d in dates[i + 1 :] if d), None)
        stated = latest_stated(text)
        inferred.append(_choose(before, after, stated))
    return inferred


def _choose(before: str | None, after: str | None, stated: str | None) -> InferredDate | None:
    """Return the inferred date from the neighbours' dates and the latest stated date, or None."""
    bounded = before is not None and after is not None
    if before and after:
        shared = shared_prefix(before, after)
        # a date the article states after both neighbours means they do not bound it
        if shared and (stated is None or stated <= max(before[:10], after[:10])):
            return InferredDate(shared, NEIGHBOURS, f"between articles dated {before[:10]} and {after[:10]}")
    if stated:
        return InferredDate(stated[:7], STATED, f"no earlier than {stated}, the latest date it states")
    neighbour = before or after
    if neighbour and not bounded:  # two neighbours that share no year leave the year open
        return InferredDate(neighbour[:4], NEIGHBOUR, f"next to an article dated {neighbour[:10]}")
    return None
