"""Split a compilation of articles into article regions, reading each one's header.

Boundaries come from layout alone. A boundary is a *header block* after long body text:
a one-line headline paragraph (short, one sentence, no closing period) not preceded by
another headline, followed by some of: more headlines, a byline ('By Jane Roe', or a
bare name next to a date line), a date line ('Published: ...', 'Nov. 18, 2019'), a dek,
and then body text, possibly opening with a dateline ('TEHRAN (Tasnim) –'). Evidence
the block is a new article (any one suffices): a byline or date line in it, a dateline
after it, or two or more headlines of which one is in Title Case. A block with too
little body on either side (related-links lists, tag lines, site furniture) is no
boundary, so single articles stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from itertools import accumulate

from linkchart import lexicon
from linkchart.ingest.boilerplate import boilerplate_lines
from linkchart.ingest.pubdate import date_of_line, dateline_lead_date, find_dates, is_updated_line


@dataclass
class ArticleRegion:
    """One article of a document: its span in the original text and what its header says."""

    start: int  # [start, end) in the original text
    end: int
    title: str | None
    byline: str | None
    date: str | None  # ISO 8601 (YYYY-MM-DD or YYYY-MM-DDTHH:MM) or None
    header_lines: set[int] = field(default_factory=set)  # start offsets of consumed header lines


class LineKind(Enum):
    """What a line of a header block is."""

    HEADLINE = "headline"
    BYLINE = "byline"
    DATE = "date"
    READING_TIME = "reading_time"
    SIGNATURE = "signature"  # 'Jane Roe, Editor-in-Chief': a name with a role, never a headline
    OTHER = "other"


@dataclass
class _Line:
    start: int
    text: str  # stripped
    para: int  # index of its paragraph


@dataclass
class _Para:
    lines: list[_Line]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def size(self) -> int:
        return sum(len(ln.text) for ln in self.lines)


@dataclass
class _Header:
    """What a header scan starting at one paragraph found."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    date_is_update: bool = False
    consumed: set[int] = field(default_factory=set)
    byline_explicit: bool = False
    title_para: int = -1  # paragraph the title came from (a wrapped headline continues in it)
    body_para: int = 0  # index of the first paragraph after the header
    headlines: int = 0  # headlines before the first non-header line
    title_case: bool = False

    @property
    def strong(self) -> bool:
        """Return True when a byline or a date line makes this a new article's header."""
        return self.byline is not None or self.date is not None


MIN_BODY = 300  # characters of body needed on both sides of a boundary
_MAX_HEADLINE = 150
_MAX_HEADLINE_WORDS = 25
_MAX_HEADER_PARAS = 8
_MAX_HEADER_PARA = 300  # a longer paragraph is body and ends the header
_MAX_HEADER_PARA_LINES = 3  # wrapped PDF text has many short lines: body, not header
_MAX_OTHER = 2  # non-header short lines (deks, captions) a header may hold
_TITLE_CASE_SHARE = 0.75
_LONG_LINE = 150
_LONG_LINE_SHARE = 0.6
_MIN_LINES_PER_BLOCK = 5

_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_CLOSERS = "\"'’”)]»"
_READING_TIME = re.compile(r"\d+\s*min(?:ute)?s?\.?(?:\s+read)?\.?", re.IGNORECASE)
_NAME_WORD = re.compile(
    r"(?:[A-Z][\w'’.-]*|(?:" + lexicon.alternation(lexicon.particles().byline) + r")(?:-\w+)?)$")
_ROLE_WORDS = re.compile(r"\b(?:" + lexicon.alternation(sorted(lexicon.roles().byline)) + r")\b", re.IGNORECASE)
_POSTED_BY = re.compile(r"^(?:[Pp]osted|[Ww]ritten)\s+by\s+[A-Z]")  # 'Posted by Jane Roe on June 3, 2021'
_BYLINE_CUT = re.compile(r"\s+[Oo]n(?:\s|$)|\s*[|•·]\s*|\s+[-–—]\s+")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}\s*(?:\([^()\n]{2,40}\))?\s*[-–—:]"
    r"|[A-Z][\w.'’-]+(?:[ ,]+[A-Z][\w.'’-]+){0,3}\s*\([^()\n]{2,40}\)\s*[-–—])\s"
)


def _paragraphs(text: str, skip: frozenset[int] = frozenset()) -> list[_Para]:
    """Return the blank-line separated paragraphs of `text`, lines stripped, offsets kept.

    A block of long lines with no blank lines between them (one paragraph per line, as
    some extractors write) is taken line by line. Lines starting at an offset in `skip`
    (boilerplate: 'Advertisement', share buttons) count as blank, so they never head an article.
    """
    paras: list[_Para] = []
    current: list[_Line] = []
    pos = 0
    for raw in [*text.splitlines(keepends=True), ""]:
        stripped = "" if pos in skip else raw.strip()
        if stripped:
            current.append(_Line(pos + raw.index(stripped[0]), stripped, len(paras)))
        elif current:
            if _line_per_paragraph(current):
                for ln in current:
                    ln.para = len(paras)
                    paras.append(_Para([ln]))
            else:
                paras.append(_Para(current))
            current = []
        pos += len(raw)
    return paras


def _line_per_paragraph(lines: list[_Line]) -> bool:
    """Return True when a block's lines are whole paragraphs (mostly long), not wrapped text."""
    long_lines = sum(len(ln.text) > _LONG_LINE for ln in lines)
    return len(lines) >= _MIN_LINES_PER_BLOCK and long_lines >= _LONG_LINE_SHARE * len(lines)


def _is_headline(text: str) -> bool:
    """Return True for a headline-like line: short, one sentence, capitalised, no final period."""
    if not 3 <= len(text) <= _MAX_HEADLINE or len(text.split()) > _MAX_HEADLINE_WORDS:
        return False
    first = text.lstrip("#\"'‘“«([ ")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if text.rstrip(_CLOSERS)[-1:] in ".,;:" or _SENTENCE_BREAK.search(text):
        return False
    return "<" not in text and "http" not in text


def _is_title_case(text: str) -> bool:
    """Return True when most words of four letters or more are capitalised ('The Fight Over Iraq')."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    if len(words) < 2:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= _TITLE_CASE_SHARE


def _names(text: str) -> str | None:
    """Return `text` cleaned as a list of personal/organisation names, or None if it is not one."""
    text = text.strip(" ,;:-–—|")
    parts = [p.strip() for p in re.split(r",|\band\b|&", text) if p.strip()]
    if not parts or len(text) > 120:
        return None
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
            return None
        if not all(_NAME_WORD.match(w) for w in words):
            return None
    return text


def byline_of(line: str) -> str | None:
    """Return the author names of a 'By ...' line (without 'By' or a glued date), or None."""
    if not line.startswith("By ") or len(line) > _MAX_HEADLINE:
        return None
    rest = line[3:]
    dates = find_dates(rest)
    if dates:
        rest = rest[: dates[0][0]]
    rest = _BYLINE_CUT.split(rest, maxsplit=1)[0]
    return _names(rest)


def _bare_name(line: str) -> str | None:
    """Return the name of a bare byline line ('Jane Roe' or 'Jane Roe, Middle East Editor'), or None."""
    if len(line) > 60 or line.startswith("By "):
        return None
    head, _, role = line.partition(",")
    name = _names(head)
    if name is None or not 2 <= len(name.split()) <= 4:
        return None
    if role and not _ROLE_WORDS.search(role):
        return None
    return name


@lru_cache(maxsize=4096)
def _kind(line: str) -> LineKind:
    """Return what kind of header line `line` is, judged on its own."""
    if date_of_line(line):
        return LineKind.DATE
    if byline_of(line):
        return LineKind.BYLINE
    if _READING_TIME.fullmatch(line):
        return LineKind.READING_TIME
    if "," in line and _bare_name(line):
        return LineKind.SIGNATURE
    return LineKind.HEADLINE if _is_headline(line) else LineKind.OTHER


def _header_lines(paras: list[_Para], first: int) -> tuple[list[_Line], int]:
    """Return the lines of the header window starting at paragraph `first`, and the index after it."""
    lines: list[_Line] = []
    j = first
    while j < len(paras) and j < first + _MAX_HEADER_PARAS:
        para = paras[j]
        if (
            len(para.lines) > _MAX_HEADER_PARA_LINES
            or para.size > _MAX_HEADER_PARA
            or any(len(ln.text) > _MAX_HEADLINE + 60 for ln in para.lines)
        ):
            break
        lines.extend(para.lines)
        j += 1
    return lines, j


def _scan_header(paras: list[_Para], first: int) -> _Header:
    """Return the header found from paragraph `first` on: title, byline, date, consumed lines."""
    lines, limit = _header_lines(paras, first)
    kinds = [_kind(ln.text) for ln in lines]
    header = _Header()
    others = 0
    last_para = first  # paragraph of the last header line taken
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        kind = _in_context(line.text, kind, _next_to_date(kinds, i), others)
        if kind is LineKind.HEADLINE and _wrapped_sentence(paras[line.para], line):
            kind = LineKind.OTHER  # 'A video showed X near the / village of Y.': a sentence wrapped, body
        if kind is LineKind.OTHER and _wraps_title(header, line):
            kind = LineKind.HEADLINE  # 'Tehran’s message from / the Lebanese fence'
        if kind is LineKind.OTHER and _clean(line.text) != header.title:
            others += 1
            if others > _MAX_OTHER or header.date:
                break
            continue
        if kind is LineKind.OTHER:
            header.consumed.add(line.start)  # the headline repeated under the dateline
        else:
            _take(header, line, kind)
        last_para = line.para
    # Deks and captions skipped over after the last header line are body text.
    header.body_para = min(last_para + 1, max(limit, first + 1))
    if header.date is None and header.body_para < len(paras):
        # 'ORLAND, June 12, 2024 (Reuters) - Police ...': the lead's dateline dates the article; the lead stays body
        header.date = dateline_lead_date(paras[header.body_para].lines[0].text)
    return header


def _wrapped_sentence(para: _Para, line: _Line) -> bool:
    """Return True when `line` opens a sentence its paragraph wraps onto a lower-case next line and ends with a full
    stop: body text ('... at the gate near the / village of Y.'), not a headline, which ends without one."""
    k = next((n for n, ln in enumerate(para.lines) if ln.start == line.start), None)
    if k is None or k + 1 >= len(para.lines):
        return False
    return para.lines[k + 1].text[:1].islower() and para.lines[-1].text.rstrip("”’\"')").endswith((".", "!", "?"))


def _wraps_title(header: _Header, line: _Line) -> bool:
    """Return True for a short lower-case line continuing the title in the title's own paragraph."""
    text = line.text
    return (header.title is not None and header.title_para == line.para and header.headlines == 1
            and len(text) <= _MAX_HEADLINE and text[:1].islower()
            and text.rstrip(_CLOSERS)[-1:] not in ".,;:")


def _in_context(text: str, kind: LineKind, next_to_date: bool, others: int) -> LineKind:
    """Return the kind of a header-window line given its neighbours and the non-header lines before it."""
    if kind in (LineKind.HEADLINE, LineKind.OTHER, LineKind.SIGNATURE) and next_to_date and _bare_name(text):
        return LineKind.BYLINE  # 'Jane Roe' right above or below the date line
    if kind is LineKind.SIGNATURE or (kind is LineKind.HEADLINE and others):
        return LineKind.OTHER  # after a dek or caption, headline-like lines are subheads
    return kind


def _next_to_date(kinds: list[LineKind], i: int) -> bool:
    """Return True when line `i` of a header window is right before or after a date line."""
    return any(0 <= k < len(kinds) and kinds[k] is LineKind.DATE for k in (i - 1, i + 1))


def _take(header: _Header, line: _Line, kind: LineKind) -> None:
    """Record one header line of the given kind in `header`."""
    text = line.text
    if kind is LineKind.HEADLINE:
        if header.title and header.title_para == line.para and header.headlines == 1:
            header.title = f"{header.title} {_clean(text)}"  # a headline wrapped over two lines
            header.consumed.add(line.start)
            return
        header.headlines += 1
        header.title_case = header.title_case or _is_title_case(text)
        if header.title is None:
            header.title, header.title_para = _clean(text), line.para
    elif kind in (LineKind.BYLINE, LineKind.DATE):
        explicit = byline_of(text)  # 'By Jane Roe' beats a bare name guessed from its place
        if explicit and not header.byline_explicit:
            header.byline, header.byline_explicit = _clean(explicit), True
        else:
            header.byline = header.byline or _clean(_bare_name(text))
        _take_date(header, text)
        if explicit or _POSTED_BY.match(text):
            return  # a 'By ...' line stays in the text: extraction keeps its names as authors
    header.consumed.add(line.start)


def _clean(text: str | None) -> str | None:
    """Return `text` with its whitespace runs (no-break spaces too) made single spaces."""
    return " ".join(text.lstrip("# ").split()) if text else None


def _take_date(header: _Header, line: str) -> None:
    """Record the date of `line`, preferring a publication date over an 'Updated:' one."""
    iso = date_of_line(line)
    if iso is None:
        return
    if header.date is None or (header.date_is_update and not is_updated_line(line)):
        header.date, header.date_is_update = iso, is_updated_line(line)


def _opens_with_dateline(paras: list[_Para], index: int) -> bool:
    """Return True when paragraph `index` starts with a dateline ('BAGHDAD:', 'TEHRAN (Tasnim) –')."""
    return index < len(paras) and _DATELINE.match(paras[index].lines[0].text) is not None


def _is_candidate(paras: list[_Para], i: int) -> bool:
    """Return True when paragraph `i` could open a new article: a headline after non-headline text.

    The paragraph is a lone headline line or a compact header ('Headline / By Jane Roe /
    March 3, 2021' without blank lines between them).
    """
    lines = paras[i].lines
    if len(lines) > _MAX_HEADER_PARA_LINES or _kind(lines[0].text) is not LineKind.HEADLINE:
        return False
    kinds = {_kind(ln.text) for ln in lines[1:]}
    if LineKind.OTHER in kinds or (kinds and not kinds & {LineKind.BYLINE, LineKind.DATE}):
        return False
    prev = paras[i - 1].lines
    return len(prev) > 1 or _kind(prev[0].text) is not LineKind.HEADLINE


def _is_new_article(paras: list[_Para], header: _Header) -> bool:
    """Return True when a header block carries enough evidence of a new article."""
    if header.strong or _opens_with_dateline(paras, header.body_para):
        return True
    return header.headlines >= 2 and header.title_case


def _body_size(sizes: list[int], start: int, end: int) -> int:
    """Return the characters of paragraphs `start` to `end` (exclusive); `sizes` are running totals of sizes."""
    last = len(sizes) - 1
    start, end = min(start, last), min(end, last)
    return sizes[end] - sizes[start] if end > start else 0


def _boundaries(paras: list[_Para]) -> list[tuple[int, _Header]]:
    """Return (paragraph index, header) of every article start, the first at paragraph 0."""
    found = [(0, _scan_header(paras, 0))]
    candidates = _candidates(paras)
    sizes = [0, *accumulate(p.size for p in paras)]  # running totals: linear however many candidates fail
    for n, (i, header) in enumerate(candidates):
        next_start = candidates[n + 1][0] if n + 1 < len(candidates) else len(paras)
        before = _body_size(sizes, found[-1][1].body_para, i)
        after = _body_size(sizes, header.body_para, next_start)
        if before >= MIN_BODY and after >= MIN_BODY:
            found.append((i, header))
    return found


def _candidates(paras: list[_Para]) -> list[tuple[int, _Header]]:
    """Return (paragraph index, header) of every header block with evidence of a new article."""
    found: list[tuple[int, _Header]] = []
    i = 1
    while i < len(paras):
        header = _scan_header(paras, i) if _is_candidate(paras, i) else None
        if header is not None and _is_new_article(paras, header):
            found.append((i, header))
            i = max(i + 1, header.body_para)  # lines inside this header open nothing
        else:
            i += 1
    return found


def _trailer(paras: list[_Para], index: int) -> int | None:
    """Return the start of a lone date line ('Updated: ...') just before paragraph `index`, if any."""
    prev = paras[index - 1]
    if len(prev.lines) == 1 and date_of_line(prev.lines[0].text):
        return prev.start
    return None


def _furniture(text: str) -> frozenset[int]:
    """Return the starts of boilerplate lines that are not date lines (those belong to headers)."""
    out = set()
    for start in boilerplate_lines(text, 0, len(text), one_article=False):
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        if not (date_of_line(line) or is_updated_line(line)):
            out.add(start)
    return frozenset(out)


def split_articles(text: str) -> list[ArticleRegion]:
    """Return the articles in one document's original text; a single-article text gives one region covering it all."""
    paras = _paragraphs(text, _furniture(text))
    if not paras:
        return [ArticleRegion(0, len(text), None, None, None, set())]
    found = _boundaries(paras)
    starts = [0] + [paras[i].start for i, _ in found[1:]] + [len(text)]
    regions = [
        ArticleRegion(starts[k], starts[k + 1], h.title, h.byline, h.date, set(h.consumed))
        for k, (_, h) in enumerate(found)
    ]
    for k, (i, _) in enumerate(found[1:]):
        trailer = _trailer(paras, i)
        if trailer is not None:
            regions[k].header_lines.add(trailer)
    return regions
