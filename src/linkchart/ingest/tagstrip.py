"""tagstrip: the visible text of any HTML, however deeply nested, without building a tree.

lxml (and trafilatura on top of it) stops descending at 256 nested elements and drops
whatever lies deeper without an error. This reader streams the tags instead (Python's
`html.parser`), so depth costs nothing: text inside dropped elements (scripts, styles,
navigation) is skipped, block elements break paragraphs, and paragraphs come out
separated by a blank line with their whitespace collapsed.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from html.parser import HTMLParser

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class _TextCollector(HTMLParser):
    """Collects the text outside dropped elements, with a paragraph break at every block tag."""

    def __init__(self, drop: Collection[str], blocks: Collection[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.drop = frozenset(drop)
        self.blocks = frozenset(blocks)
        self.dropping = 0  # open dropped elements around the current position
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.drop:
            self.dropping += 1
        elif tag in self.blocks:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.blocks:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.drop:
            self.dropping = max(0, self.dropping - 1)
        elif tag in self.blocks:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def plain_text(html: str, drop: Collection[str], blocks: Collection[str]) -> str:
    """Return the visible text of `html`: paragraphs split at `blocks` tags, `drop` elements left out."""
    collector = _TextCollector(drop, blocks)
    collector.feed(html)
    collector.close()
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split("".join(collector.parts)))
    return "\n\n".join(p for p in paragraphs if p)
