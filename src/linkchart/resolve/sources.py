"""How many independent sources state a fact (corroboration).

A fact told in four articles is not told by four sources when three of them are copies:
a wire story reposted by another site, the same outlet running its story twice. Two
evidences belong to one source when

- their articles are near-duplicates (the store links a repeat to the article it repeats
  with `duplicate_of`; chains are followed to the first one),
- their articles come from one outlet (the feed's or page's publisher name, else the
  host of its URL), or
- they quote the same sentence word for word (at least `VERBATIM_WORDS` words): a
  syndicated copy edited too much elsewhere to count as a near-duplicate.

Articles whose outlet is unknown (a loose text file) are each a source of their own
unless one of the rules above joins them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from linkchart.models import Evidence
from linkchart.store.base import ArticleRow, Store

VERBATIM_WORDS = 8  # a shared sentence this long is a copy, not two reporters' wording


@dataclass(frozen=True)
class SourceOf:
    """Where one article came from: the first article of its near-duplicate chain and its outlet."""

    article: int
    root: int  # the article it repeats (itself when it repeats none)
    outlet: str | None  # normalised publisher name or URL host; None when unknown


def outlet_key(outlet: str | None, url: str | None) -> str | None:
    """Return a comparable key of a publisher: its folded name ('The Tigris Review' → 'tigris review'), else host."""
    if outlet and outlet.strip():
        words = re.sub(r"[^\w]+", " ", outlet.casefold()).split()
        if words and words[0] == "the" and len(words) > 1:
            words = words[1:]
        if words:
            return " ".join(words)
    if url:
        host = (urlsplit(url.strip()).hostname or "").casefold()
        host = host.removeprefix("www.")
        if host:
            return host
    return None


def _sentence_key(text: str) -> str | None:
    """Return the words of a sentence, folded, when it is long enough to tell a copy; else None."""
    words = re.findall(r"\w+", text.casefold())
    return " ".join(words) if len(words) >= VERBATIM_WORDS else None


class SourceIndex:
    """Knows every article's near-duplicate root and outlet; counts independent sources of evidence lists."""

    def __init__(self, store: Store, articles: Iterable[int] | None = None) -> None:
        """Know every article of the store, or only `articles` (with the articles they repeat): enough to count
        the sources of evidences of those articles."""
        if articles is None:
            documents = {d.source: (d.outlet, d.url) for d in store.document_rows()}
            rows = store.documents()
        else:
            rows, documents = [], {}
            wanted = set(articles)
            while wanted:  # the articles, then those they repeat, until every chain is known
                found = store.source_rows(wanted)
                rows += [a for a, _, _ in found]
                documents.update((a.source, (outlet, url)) for a, outlet, url in found)
                known = {a.id for a in rows}
                wanted = {a.duplicate_of for a, _, _ in found if a.duplicate_of is not None} - known
        self._by_id: dict[int, ArticleRow] = {a.id: a for a in rows}
        self._by_source: dict[str, list[ArticleRow]] = {}
        for a in rows:
            self._by_source.setdefault(a.source, []).append(a)
        self._of: dict[int, SourceOf] = {}
        for a in rows:
            doc_outlet, doc_url = documents.get(a.source, (None, None))
            outlet = outlet_key(a.outlet or doc_outlet, a.url or doc_url)
            self._of[a.id] = SourceOf(a.id, self._root(a.id), outlet)

    def _root(self, article: int) -> int:
        """Return the first article of the near-duplicate chain holding `article`."""
        seen = {article}
        row = self._by_id.get(article)
        while row is not None and row.duplicate_of is not None and row.duplicate_of not in seen:
            seen.add(row.duplicate_of)
            article = row.duplicate_of
            row = self._by_id.get(article)
        return article

    def article_of(self, ev: Evidence) -> int | None:
        """Return the id of the article an evidence is in (by its `article_id`, else by offset)."""
        if ev.article_id is not None and ev.article_id in self._by_id:
            return ev.article_id
        for a in self._by_source.get(ev.doc, []):
            if a.start <= ev.start < a.end:
                return a.id
        rows = self._by_source.get(ev.doc)
        return rows[0].id if rows else None

    def source_of(self, ev: Evidence) -> SourceOf | None:
        """Return the root and outlet of the article of an evidence, or None for an unknown article."""
        article = self.article_of(ev)
        return self._of.get(article) if article is not None else None

    def groups(self, evidence: Sequence[Evidence]) -> list[list[Evidence]]:
        """Return the evidences grouped by independent source, in order of first appearance."""
        parent = list(range(len(evidence)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        first: dict[tuple[str, object], int] = {}
        for i, ev in enumerate(evidence):
            src = self.source_of(ev)
            keys: list[tuple[str, object]] = [("root", src.root) if src else ("doc", ev.doc)]
            if src is not None and src.outlet:
                keys.append(("outlet", src.outlet))
            sentence = _sentence_key(ev.text)
            if sentence:
                keys.append(("text", sentence))
            for key in keys:
                j = first.setdefault(key, i)
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
        grouped: dict[int, list[Evidence]] = {}
        for i, ev in enumerate(evidence):
            grouped.setdefault(find(i), []).append(ev)
        return list(grouped.values())

    def independent(self, evidence: Iterable[Evidence]) -> int:
        """Return how many independent sources the evidences come from (0 for none)."""
        return len(self.groups(list(evidence)))
