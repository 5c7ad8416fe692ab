"""Full-text search done by the store in Python, for back ends whose own tokenizer differs from SQLite's.

SQLite's FTS5 (`unicode61 remove_diacritics 2`) splits text into runs of letters and
digits and folds case and diacritics. The PostgreSQL store indexes the same tokens: it
builds the `tsvector` and `tsquery` literals here, so PostgreSQL's parser never re-splits
a word, and it cuts the snippet here, in FTS5's shape (about 16 tokens around the best
cluster of matches, '…' where the text goes on, each match — a phrase as one span —
wrapped in the store's markers).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from linkchart.store.sqlite import _fold

_WORD = re.compile(r"[^\W_]+")
MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS_PER_LEXEME = 256  # PostgreSQL keeps at most this many positions of one lexeme
TITLE_GAP = 16  # positions left between the title and the text, so no phrase spans both


class Token(NamedTuple):
    """A word of the text: its [start, end) and its folded form (a tuple: a search makes one per word of each hit)."""

    start: int
    end: int
    folded: str


def tokens(text: str) -> list[Token]:
    """Return the words of `text` (runs of letters and digits, found once folded) with their folded forms, in order.

    Offsets are in `text`; the text is folded once, not word by word.
    """
    folded, index = _fold(text)
    return [Token(index[m.start()], index[m.end() - 1] + 1, m.group()) for m in _WORD.finditer(folded)]


def _words(term: str) -> list[str]:
    return _WORD.findall(_fold(term)[0])


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(title: str | None, text: str) -> str:
    """Return the `tsvector` literal of an article: title words with weight A, then the text's words.

    Positions count words from 1 (capped at PostgreSQL's limits); the text starts after a gap.
    """
    positions: dict[str, list[str]] = defaultdict(list)
    title_words = _words(title or "")
    for i, word in enumerate(title_words, start=1):
        if len(positions[word]) < MAX_POSITIONS_PER_LEXEME:
            positions[word].append(f"{min(i, MAX_POSITION)}A")
    base = len(title_words) + TITLE_GAP
    for i, word in enumerate(_words(text), start=base + 1):
        if i > MAX_POSITION:
            break
        if len(positions[word]) < MAX_POSITIONS_PER_LEXEME:
            positions[word].append(str(i))
    return " ".join(f"{_lexeme(w)}:{','.join(p)}" for w, p in positions.items() if len(w.encode()) < 2047)


def tsquery_literal(terms: list[tuple[str, bool]]) -> str:
    """Return a `tsquery` literal requiring every term (a term of several words as a phrase); '' for none."""
    parts = []
    for term, prefix in terms:
        words = _words(term)
        if not words:
            continue
        lexemes = [_lexeme(w) for w in words]
        if prefix:
            lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)


def _matched_runs(toks: list[Token], terms: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Return the [first, last] token indexes of every occurrence of a term, in text order."""
    runs = set()
    folded = [t.folded for t in toks]
    for term, prefix in terms:
        words = _words(term)
        if not words:
            continue
        n, head, end = len(words), words[:-1], words[-1]
        for i in range(n - 1, len(folded)):  # i: the run's last token, compared first (few match it)
            last = folded[i]
            if (last.startswith(end) if prefix else last == end) and folded[i - n + 1 : i] == head:
                runs.add((i - n + 1, i))
    return sorted(runs)


def snippet(text: str, terms: list[tuple[str, bool]], open_: str, close: str, size: int = 16) -> str:
    """Return an excerpt of about `size` words around the densest cluster of matches, matches between markers.

    '…' marks text cut off before or after; with no match in `text`, its first words.
    """
    toks = tokens(text)
    if not toks:
        return ""
    runs = _matched_runs(toks, terms)
    first = 0
    if runs:
        # the window holding the most matches, earliest first
        best = -1
        for start, _ in runs:
            window_start = max(0, min(start - size // 4, len(toks) - size))
            count = sum(1 for s, e in runs if s >= window_start and e < window_start + size)
            if count > best:
                best, first = count, window_start
    last = min(len(toks), first + size) - 1
    out, pos = [], toks[first].start
    for s, e in runs:
        if s < first or e > last:
            continue
        out.append(text[pos : toks[s].start] + open_ + text[toks[s].start : toks[e].end] + close)
        pos = toks[e].end
    out.append(text[pos : toks[last].end])
    return ("…" if first > 0 else "") + "".join(out) + ("…" if last < len(toks) - 1 else "")
