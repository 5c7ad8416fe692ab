"""Turn a region of a document's original text into clean text with an offset map.

Cleaning repairs what layout and encoding did to the words, and nothing else:

* Unicode damage is repaired with ftfy, line by line (curly quotes are kept; a line ftfy
  would leave alone, as a cheap check of its triggers proves, is not handed to it); odd
  whitespace (no-break, thin, tabs) becomes one plain space per run; zero-width
  characters and soft hyphens are dropped.
* Boilerplate lines (`boilerplate.boilerplate_lines`) and lines the caller already
  consumed (`skip_lines`) are left out.
* Hard-wrapped lines (PDF columns) are joined into paragraphs, words hyphenated across
  a line break are rejoined, and paragraphs are separated by a blank line ("\\n\\n").

Every clean character is recorded in an `OffsetMap` pointing at the original character
it stands for, so spans found in the clean text can be shown on the original.
"""

from __future__ import annotations

import difflib
import functools
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import ftfy
from ftfy import chardata
from ftfy.badness import is_bad

from linkchart import lexicon
from linkchart.ingest.boilerplate import Line, boilerplate_lines, split_lines
from linkchart.models import OffsetMap, TextBuilder

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)
# Characters some ftfy fixer acts on by itself: HTML entities, terminal escapes, C1 controls,
# surrogates, ligatures, full-width forms and the control characters it removes. A line
# without them, in NFC and not `is_bad` (no mojibake), comes out of ftfy unchanged.
_FTFY_TRIGGER = re.compile(
    "[&\x1b\x80-\x9f\ud800-\udfff"
    + "".join(
        re.escape(chr(code))
        for code in sorted(set(chardata.LIGATURES) | set(chardata.WIDTH_MAP) | set(chardata.CONTROL_CHARS))
    )
    + "]"
)
_LONG_LINE = 2000  # a line longer than this is repaired in pieces of about `_PIECE` characters
_PIECE = 1000
_DROPPED_CHARS = frozenset("\u200b\u2060\ufeff\u00ad")
# Something `_normalise_space` would change: odd or doubled whitespace, outer spaces, dropped characters.
_SPACE_WORK = re.compile(r"[^\S ]| {2}|^ | $|[\u200b\u2060\ufeff\u00ad]")
# A maximal run of whitespace and invisible characters that is not a lone space inside the line.
_SPACE_RUN = re.compile(
    r"(?<![\s\u200b\u2060\ufeff\u00ad])"
    r"(?:[\s\u200b\u2060\ufeff\u00ad]{2,}|[^\S ]|[\u200b\u2060\ufeff\u00ad]|^ | $)"
    r"(?![\s\u200b\u2060\ufeff\u00ad])"
)
_SPACE = re.compile(r"\s")
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’»)]"
_DASHES = "—–"
# In a hard-wrapped text many lines go on a sentence with a lower-case word; in a list of items, one a line, none do.
_LOWER_STARTS = 0.1

# Prefixes that keep their hyphen even before a lowercase word ('self-styled').
HYPHEN_PREFIXES = frozenset({"self", "quasi", "vice"})
# Second parts that make a compound with the word before them ('Iran-backed', 'state-run').
COMPOUND_HEADS = lexicon.verbs().compound_heads
# Short bound prefixes that ordinary hyphenation splits off ('un-known', 'mis-led').
BOUND_PREFIXES = lexicon.grammar().bound_prefixes

_WORD_RE = re.compile(r"\w+(?:-\w+)*")
_NUMBER = re.compile(r"[-+]?\d*[.,:]?\d+(?:[-:.,/]\d+)*[.)]?")  # '3', '10.21', '.564', '1:43.34', '2-1', '1.
_LEFT_RE = re.compile(r"(\w+)-$")
_RIGHT_RE = re.compile(r"\w+")


@dataclass
class _Piece:
    """A fixed, stripped line: its text and the original offset of each character."""

    text: str
    origs: Sequence[int]  # a range while the line is copied verbatim
    line: Line
    index: int  # position among all lines of the region


@dataclass(frozen=True)
class Layout:
    """How a document lays out its text: hard-wrapped or not, and its typical line width."""

    wrapped: bool
    width: float


@dataclass(frozen=True)
class _DocStats:
    layout: Layout
    words: frozenset[str]  # lowercase words written without a hyphen
    pairs: frozenset[str]  # lowercase 'left-right' pairs written with a hyphen inside a line


def _spread(i1: int, i2: int, n: int, last: int) -> list[int]:
    """Return `n` original offsets spread over `[i1, i2)`, first and last at its ends (pinned at `i1` when empty)."""
    width = i2 - i1
    if width <= 0:
        return [min(i1, last)] * n
    if n == 1:
        return [i1]
    return [i1 + round(k * (width - 1) / (n - 1)) for k in range(n)]


def _ftfy_may_change(raw: str) -> bool:
    """Return False when ftfy (as configured) is sure to return `raw` unchanged."""
    if raw.isascii() and raw.isprintable():
        return "&" in raw
    return (
        _FTFY_TRIGGER.search(raw) is not None
        or len(raw) > _FTFY.max_decode_length
        or not unicodedata.is_normalized("NFC", raw)
        or is_bad(raw)
    )


def _fix_unicode(raw: str, start: int) -> tuple[str, Sequence[int]]:
    """Return ftfy's repair of `raw` and the original offset of each repaired character."""
    if not _ftfy_may_change(raw):
        return raw, range(start, start + len(raw))
    if len(raw) > _LONG_LINE:
        return _fix_unicode_in_pieces(raw, start)
    fixed = ftfy.fix_text(raw, _FTFY)
    if fixed == raw:
        return raw, range(start, start + len(raw))
    return fixed, _align(raw, fixed, start)


def _align(raw: str, fixed: str, start: int) -> list[int]:
    """Return the original offset of each character of `fixed`, a repair of `raw` found at `start`."""
    origs: list[int] = []
    last = start + max(0, len(raw) - 1)
    matcher = difflib.SequenceMatcher(None, raw, fixed, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            origs.extend(range(start + i1, start + i2))
        elif j2 > j1:
            origs.extend(_spread(start + i1, start + i2, j2 - j1, last))
    return origs


def _fix_unicode_in_pieces(raw: str, start: int) -> tuple[str, Sequence[int]]:
    """Return `_fix_unicode` of a long line, in linear time: repaired in pieces, aligned word by word.

    The character alignment (difflib) takes quadratic time or worse on long repetitive
    lines. ftfy's repairs almost never span an ASCII space, so pieces cut after one are
    repaired as the whole line would be, and a repair keeping the spaces is aligned one
    word at a time.
    """
    texts: list[str] = []
    origs: list[int] = []
    pos = 0
    while pos < len(raw):
        cut = raw.rfind(" ", pos, pos + _PIECE) + 1 if len(raw) - pos > _PIECE else len(raw)
        cut = cut if cut > pos else min(len(raw), pos + _PIECE)
        piece = raw[pos:cut]
        fixed = ftfy.fix_text(piece, _FTFY) if _ftfy_may_change(piece) else piece
        texts.append(fixed)
        if fixed == piece:
            origs.extend(range(start + pos, start + cut))
        else:
            origs.extend(_align_words(piece, fixed, start + pos) or _align(piece, fixed, start + pos))
        pos = cut
    return "".join(texts), origs


def _align_words(raw: str, fixed: str, start: int) -> list[int] | None:
    """Return `_align` done word by word (words split at ASCII spaces), or None when the spaces differ."""
    raw_words = raw.split(" ")
    fixed_words = fixed.split(" ")
    if len(raw_words) != len(fixed_words):
        return None
    origs: list[int] = []
    pos = start
    for k, (a, b) in enumerate(zip(raw_words, fixed_words, strict=True)):
        if k:
            origs.append(pos - 1)  # the space before this word
        origs.extend(range(pos, pos + len(a)) if a == b else _align(a, b, pos))
        pos += len(a) + 1
    return origs


def _normalise_space(text: str, origs: Sequence[int]) -> tuple[str, Sequence[int]]:
    """Return the text with whitespace runs as one space, invisible characters dropped, ends stripped.

    A run of whitespace and invisible characters inside the line becomes one space standing
    for its first whitespace character (nothing when it holds none); runs at the ends go.
    """
    if _SPACE_WORK.search(text) is None:
        return text, origs
    chars: list[str] = []
    out: list[int] = []
    pos = 0
    for run in _SPACE_RUN.finditer(text):
        start, end = run.span()
        chars.append(text[pos:start])
        out.extend(origs[pos:start])
        pos = end
        if start == 0 or end == len(text):
            continue
        space = _SPACE.search(text, start, end)
        if space is not None:
            chars.append(" ")
            out.append(origs[space.start()])
    chars.append(text[pos:])
    out.extend(origs[pos:])
    return "".join(chars), out


def _fix_line(original: str, line: Line, index: int) -> _Piece:
    """Return the repaired, whitespace-normalised text of one original line."""
    text, origs = _fix_unicode(original[line.start : line.end], line.start)
    text, origs = _normalise_space(text, origs)
    text, origs = _close_broken_compounds(text, origs)
    return _Piece(text, origs, line, index)


# 'Iranian- backed': a compound whose line break was turned into a space by the source page.
# A dash between spaces ('Khazali - who') or before a capital ('anti- Israel'?) is left alone.
_BROKEN_COMPOUND = re.compile(
    r"(?<=[A-Za-z])- (?=(?:" + lexicon.alternation(lexicon.verbs().broken_compounds) + r")\b)")


def _close_broken_compounds(text: str, origs: Sequence[int]) -> tuple[str, Sequence[int]]:
    """Return the text with the stray space of 'Iranian- backed' removed."""
    drops = {m.end() - 1 for m in _BROKEN_COMPOUND.finditer(text)}
    if not drops:
        return text, origs
    keep = [i for i in range(len(text)) if i not in drops]
    return "".join(text[i] for i in keep), [origs[i] for i in keep]


def _ends_terminal(text: str, extra: str = "") -> bool:
    """Return True when a line ends a sentence (closing quotes and brackets looked through)."""
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _TERMINAL + extra


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


def _percentile(values: list[int], q: float) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, int(q * len(ordered)))])


def detect_layout(original: str) -> Layout:
    """Return the document's `Layout`: wrapped when most text sits in soft-broken runs of lines.

    A break between two adjacent non-blank lines is 'soft' when the first does not end a
    sentence or the second starts lowercase. Counting characters (not lines) keeps a menu
    of short links from making a prose page look wrapped. A wrap falls before a lower-case
    word in many lines; when almost no line opens lower-case, the lines are items of a list
    ('Tom Vell ( born 1950 ) , poet' over 'Ann Roe ( born 1961 ) , painter'), each its own.
    """
    lines = [original[ln.start : ln.end].strip() for ln in split_lines(original, 0, len(original))]
    lengths = [len(t) for t in lines if t]
    if len(lengths) < 3:
        return Layout(False, float(max(lengths, default=0)))
    soft = sum(
        len(a)
        for a, b in zip(lines, lines[1:], strict=False)
        if a and b and (not _ends_terminal(a) or _starts_lower(b))
    )
    lower = sum(_starts_lower(b) for a, b in zip(lines, lines[1:], strict=False) if a and b)
    wrapped = soft >= 0.5 * sum(lengths) and statistics.median(lengths) <= 120 \
        and lower >= _LOWER_STARTS * (len(lengths) - 1)
    return Layout(wrapped, _percentile(lengths, 0.75))


@functools.lru_cache(maxsize=8)
def _doc_stats(original: str) -> _DocStats:
    """Return the layout and the hyphenation evidence of a whole document (cached)."""
    found = _WORD_RE.findall(original)
    words = {w.lower() for w in found if "-" not in w}
    pairs: set[str] = set()
    for word in found:
        if "-" in word:
            parts = word.lower().split("-")
            pairs.update(f"{x}-{y}" for x, y in zip(parts, parts[1:], strict=False))
    return _DocStats(detect_layout(original), frozenset(words), frozenset(pairs))


def hyphen_kept(
    left: str, right: str, words: frozenset[str] = frozenset(), pairs: frozenset[str] = frozenset()
) -> bool:
    """Return True when 'left-' + line break + 'right' is a real hyphen, False for a wrap to rejoin.

    Evidence from the document wins: if the hyphenated pair is written elsewhere inside a
    line (`pairs`) the hyphen stays; if the joined word is (`words`), the parts join.
    Otherwise the hyphen stays when the right part starts with a capital or digit
    ('Secretary-General', 'al-Khazali', 'anti-Islam', 'mid-2014'), the left part has a
    digit ('33-day') or is an acronym ('UN-led'), the left part is a prefix that always
    takes a hyphen ('self-'), or the right part is a compounding word after a whole word
    ('Iran-backed', 'state-run'; not after bound prefixes: 'mis-led' is 'misled').
    Everything else is a word broken by the layout and joins: 'bor-der' is 'border'.
    """
    lo_left, lo_right = left.lower(), right.lower()
    if f"{lo_left}-{lo_right}" in pairs:
        return True
    if lo_left + lo_right in words:
        return False
    if right[:1].isupper() or right[:1].isdigit() or any(ch.isdigit() for ch in left):
        return True
    if len(left) >= 2 and left.isupper():
        return True
    if lo_left in HYPHEN_PREFIXES:
        return True
    return lo_right in COMPOUND_HEADS and len(lo_left) >= 3 and lo_left not in BOUND_PREFIXES


def _hyphen_join(a: str, b: str, stats: _DocStats) -> str | None:
    """Return 'hyphen' or 'dehyphen' when `a` ends in a word hyphenated onto `b`, else None."""
    left = _LEFT_RE.search(a)
    right = _RIGHT_RE.match(b)
    if not left or not right or not left.group(1)[-1].isalpha() or not b[0].isalpha():
        return None
    kept = hyphen_kept(left.group(1), right.group(), stats.words, stats.pairs)
    return "hyphen" if kept else "dehyphen"


def _title_like(text: str) -> bool:
    """Return True for a line that reads like a heading: mostly capitalised words, no closing comma."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words or text[-1] in ",;":
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def table_row(text: str) -> bool:
    """Return True for a line of a table of results or figures: names and two numbers or more, the last word a number
    (no sentence's full stop after it), and no lower-case word of more than two letters ('Velin Rovers 3 1 0 2',
    'Kordavia 2 Velinia 1', '4. T. Brekke 10.21')."""
    words = text.split()
    if len(words) < 2 or not _NUMBER.fullmatch(words[-1]) or words[-1].endswith("."):
        return False  # 'Basra in March 2007.' ends a sentence
    if sum(1 for w in words if _NUMBER.fullmatch(w)) < 2:
        return False
    return not any(w[:1].islower() and len(w) > 2 for w in words) and any(w[:1].isupper() for w in words)


def _join_wrapped_adjacent(a: str, b: str, layout: Layout) -> str:
    """Return how two adjacent lines of a hard-wrapped document join ('space' or 'break')."""
    if b[0] in "•▪●◦‣*":
        return "break"
    if _starts_lower(b):
        return "space"
    if table_row(a) or table_row(b):
        return "break"  # the rows of a table are no wrapped sentence
    if _ends_terminal(a) and len(a) < 0.6 * layout.width:
        return "break"  # a short last line of a paragraph
    if not _ends_terminal(a) and len(a) < 0.5 * layout.width and _title_like(a) and b[0].isupper():
        return "break"  # a heading over its paragraph
    if a[-1] in _DASHES and len(a) > 1 and a[-2].isalpha() and b[0].isalpha():
        return "none"  # a closed em dash at the line end
    return "space"


def _join_across_gap(a: str, b: str, a_block: int, layout: Layout) -> str:
    """Return how lines separated by a blank (or dropped) line join in a wrapped document."""
    if _ends_terminal(a, ":"):
        return "break"
    if _starts_lower(b):
        return "space"  # a column or page break inside a sentence
    if a_block >= 3 and len(a) >= 0.6 * layout.width and (a[-1].isalnum() or a[-1] == ","):
        return "space"
    return "break"


def _join(a: _Piece, b: _Piece, gap: str, a_block: int, stats: _DocStats) -> str:
    """Return how line `a` joins the next kept line `b`: break, space, none, hyphen or dehyphen.

    `gap` is 'adjacent' (no line between), 'blank' (blank lines between) or 'dropped'
    (a boilerplate or skipped line between).
    """
    layout = stats.layout
    if gap == "dropped" and not layout.wrapped:
        return "break"
    if gap == "adjacent" or (layout.wrapped and _starts_lower(b.text)):
        hyphen = _hyphen_join(a.text, b.text, stats)
        if hyphen:
            return hyphen
    if gap == "adjacent" and len(a.text) == 1 and a.text not in "AI" and a.text.isupper() and _starts_lower(b.text):
        return "none"  # a drop capital: 'R' over 'evolutions are'
    if not layout.wrapped:
        soft = gap == "adjacent" and not _ends_terminal(a.text, ":") and _starts_lower(b.text)
        return "space" if soft else "break"
    if gap == "adjacent":
        return _join_wrapped_adjacent(a.text, b.text, layout)
    return _join_across_gap(a.text, b.text, a_block, layout)


def _gap(pieces_index_a: int, pieces_index_b: int, blank: list[bool]) -> str:
    """Return the kind of gap between two kept lines given which region lines are blank."""
    between = range(pieces_index_a + 1, pieces_index_b)
    if not between:
        return "adjacent"
    return "blank" if all(blank[k] for k in between) else "dropped"


def _emit(builder: TextBuilder, text: str, origs: Sequence[int]) -> None:
    """Append text to the builder, one copy() per run of consecutive original offsets."""
    if isinstance(origs, range) or not text:
        builder.copy(text, origs[0] if origs else 0)
        return
    breaks = [k for k, (a, b) in enumerate(zip(origs, origs[1:], strict=False), 1) if b != a + 1]
    for run, stop in zip([0, *breaks], [*breaks, len(text)], strict=True):
        builder.copy(text[run:stop], origs[run])


def clean_region(original: str, start: int, end: int, skip_lines: set[int] | None = None) -> tuple[str, OffsetMap]:
    """Return the clean text of original[start:end] and its OffsetMap into `original` (absolute offsets).

    Lines whose absolute start offset is in skip_lines are dropped (the splitter uses this
    for headline/byline/date lines it already consumed), and so are boilerplate lines.
    """
    stats = _doc_stats(original)
    drop = boilerplate_lines(original, start, end) | (skip_lines or set())
    all_pieces = [_fix_line(original, ln, k) for k, ln in enumerate(split_lines(original, start, end))]
    blank = [not p.text for p in all_pieces]
    kept = [p for p in all_pieces if p.text and p.line.start not in drop]
    joins: list[str] = []
    block = 1
    for a, b in zip(kept, kept[1:], strict=False):
        gap = _gap(a.index, b.index, blank)
        joins.append(_join(a, b, gap, block, stats))
        block = block + 1 if gap == "adjacent" else 1
    builder = TextBuilder()
    for k, piece in enumerate(kept):
        join = joins[k] if k < len(joins) else ""
        cut = 1 if join == "dehyphen" else 0
        _emit(builder, piece.text[: len(piece.text) - cut], piece.origs[: len(piece.origs) - cut])
        nl = piece.line.nl if piece.line.nl is not None else piece.line.end
        if join == "break":
            builder.replace("\n\n", nl, nl + 1)
        elif join == "space":
            builder.replace(" ", nl, nl + 1)
    return builder.build()
