"""pages: running headers and footers of a paged document (a PDF's text, page by page).

A PDF page's text starts and ends with whatever the layout prints on every page: the
publisher and series ('Cedar & Tigris Policy Institute | Research Brief No. 14'), the
title, 'Page 3 of 12'. Read as text they land in the middle of the sentence that runs
over the page break, and in every quote taken from it. A line is a running line when
the same short line (numbers aside) sits among the first or last lines of most pages;
such lines are page furniture, and the PDF reader leaves them out of the text it
extracts, as the HTML reader leaves out a page's navigation. Only the first page's
header stays: there it is the document's masthead (who published it), not a repeat.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

_EDGE_LINES = 2  # lines looked at at the top and at the bottom of each page
_MAX_LENGTH = 120  # a running line is short
_MIN_SHARE = 0.5  # of the pages a line must repeat on
_NUMBER = re.compile(r"\d+")


def running_lines(text: str, page_starts: list[int], masthead: bool = False) -> frozenset[int]:
    """Return the start offsets in `text` of the running header and footer lines of its pages.

    `page_starts` are the offsets where each page's text begins (a `Document`'s
    page_starts); a document of one page has no running lines. With `masthead`, the
    first page's header lines are not returned (they still count as repeats).
    """
    if len(page_starts) < 2:
        return frozenset()
    pages_with: dict[tuple[str, str], set[int]] = defaultdict(set)
    starts_of: dict[tuple[str, str], list[int]] = defaultdict(list)
    ends = [*page_starts[1:], len(text)]
    for page, (start, end) in enumerate(zip(page_starts, ends, strict=True)):
        lines = _lines(text, start, end)
        edge_lines = _EDGE_LINES if len(lines) > 2 * _EDGE_LINES else 1  # a short page's edges would overlap
        for edge, chosen in (("top", lines[:edge_lines]), ("bottom", lines[-edge_lines:])):
            for line_start, line in chosen:
                if line is None:
                    continue
                key = (edge, _NUMBER.sub("#", " ".join(line.split())))
                pages_with[key].add(page)
                if not (masthead and page == 0 and edge == "top"):
                    starts_of[key].append(line_start)
    needed = max(2, math.ceil(_MIN_SHARE * len(page_starts)))
    return frozenset(
        line_start
        for key, pages in pages_with.items()
        if len(pages) >= needed
        for line_start in starts_of[key]
    )


def without_running_lines(pages: list[str]) -> tuple[list[str], int]:
    """Return the page texts without their running lines (the first page's header kept), and how many went."""
    text = "\n\n".join(pages)
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 2
    running = running_lines(text, starts, masthead=True)
    if not running:
        return pages, 0
    kept: list[str] = []
    for page, start in zip(pages, starts, strict=True):
        lines, pos = [], start
        for line in page.split("\n"):
            if pos not in running:
                lines.append(line)
            pos += len(line) + 1
        kept.append("\n".join(lines))
    return kept, len(running)


def _lines(text: str, start: int, end: int) -> list[tuple[int, str | None]]:
    """Return (start offset, text) of the non-blank lines of `text[start:end]`, in order.

    A long line (body text) has None for its text: it is no running line, but it keeps
    its place, so only lines at the very edge of a page count.
    """
    out: list[tuple[int, str | None]] = []
    pos = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append((pos, stripped if len(stripped) <= _MAX_LENGTH else None))
        pos += len(raw) + 1
    return out
