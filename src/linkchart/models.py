"""The nouns of linkchart's data flow, shared by every stage.

read → `Document`; clean → `Article` (clean text + `OffsetMap` to the original);
extract → `Extraction` (mentions, alias statements, relations, events, claims, all with
spans in the *clean* text of one article); store/resolve → `Entity`.

Spans inside an `Extraction` are offsets into the article's clean text; the ingest
pipeline maps them to the original file with the article's `OffsetMap` before storing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class Document:
    """One file (or one jsonl line) as read: decoded text plus provenance."""

    source: str  # path as given at ingest (jsonl lines: "path#L12")
    text: str  # decoded original text; every offset in linkchart points into this
    sha256: str  # hash of the raw bytes (jsonl lines: of the line)
    kind: str  # txt | md | html | pdf | jsonl
    title: str | None = None
    date: str | None = None  # ISO 8601 from metadata, if any
    url: str | None = None
    outlet: str | None = None  # publisher / 'source' field of a feed
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    # For html/pdf the readers already extracted text; `text` is that text.
    # page_starts: offsets in `text` where each PDF page starts.
    page_starts: list[int] = field(default_factory=list)


class OffsetMap:
    """Maps offsets in a cleaned text back to offsets in the original text.

    Stored as sorted segments (clean_start, orig_start, length) that cover every clean
    character: clean char `clean_start + k` stands for original char `orig_start + k`.
    A repaired character (a space standing for a line break, a fixed glyph) is a segment
    pointing at the original character it replaces; dropped original characters (a
    hyphen and line break inside 'Qas-/sem') are simply not pointed at.
    """

    __slots__ = ("_clean", "_orig", "_len", "_total")

    def __init__(self, segments: list[tuple[int, int, int]], total: int) -> None:
        segments = sorted(s for s in segments if s[2] > 0)
        self._clean = [s[0] for s in segments]
        self._orig = [s[1] for s in segments]
        self._len = [s[2] for s in segments]
        self._total = total  # length of the clean text

    @classmethod
    def identity(cls, length: int, base: int = 0) -> OffsetMap:
        """Return the map of a text copied verbatim from `base` in the original."""
        return cls([(0, base, length)], length)

    def segments(self) -> list[tuple[int, int, int]]:
        """Return the segments as (clean_start, orig_start, length) tuples."""
        return list(zip(self._clean, self._orig, self._len, strict=True))

    def char(self, pos: int) -> int:
        """Return the original offset of the clean character at `pos`."""
        clean = self._clean
        if not clean:
            return pos
        i = bisect.bisect_right(clean, pos) - 1
        if i < 0:
            i = 0
        # (comparisons, not min/max: the store maps every span of every article through here)
        k, n = pos - clean[i], self._len[i]
        return self._orig[i] + (0 if k < 0 else n - 1 if k >= n else k)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return clean `[start, end)` as `[start, end)` in the original text."""
        if end <= start:
            s = self.char(start) if start < self._total else self.char(self._total - 1) + 1
            return s, s
        return self.char(start), self.char(end - 1) + 1

    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """Return original `[start, end)` as the clean span of the characters that stand for it ((0, 0): none do)."""
        lo = hi = None
        for c, o, n in zip(self._clean, self._orig, self._len, strict=True):
            first, last = max(o, start), min(o + n, end)
            if first < last:
                lo = c + first - o if lo is None else min(lo, c + first - o)
                hi = c + last - o if hi is None else max(hi, c + last - o)
        return (lo, hi) if lo is not None and hi is not None else (0, 0)

    def __len__(self) -> int:
        return self._total

    def to_json(self) -> list[list[int]]:
        """Return a JSON-ready form: [[total], [c, o, n], ...]."""
        return [[self._total], *[[c, o, n] for c, o, n in self.segments()]]

    @classmethod
    def from_json(cls, data: list[list[int]]) -> OffsetMap:
        """Return the map stored by `to_json`."""
        return cls([(c, o, n) for c, o, n in data[1:]], data[0][0])


class TextBuilder:
    """Builds a clean text piece by piece while recording its `OffsetMap`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[tuple[int, int, int]] = []
        self._len = 0

    def copy(self, text: str, orig_start: int) -> None:
        """Append `text`, which is the original's characters from `orig_start` on."""
        if not text:
            return
        last = self._segments[-1] if self._segments else None
        if last and last[0] + last[2] == self._len and last[1] + last[2] == orig_start:
            self._segments[-1] = (last[0], last[1], last[2] + len(text))
        else:
            self._segments.append((self._len, orig_start, len(text)))
        self._parts.append(text)
        self._len += len(text)

    def replace(self, text: str, orig_start: int, orig_end: int) -> None:
        """Append `text` standing for original `[orig_start, orig_end)` (spread over it)."""
        n = len(text)
        if not n:
            return
        width = max(1, orig_end - orig_start)
        if n == width:
            self.copy(text, orig_start)  # same length: one-to-one
            return
        for k, ch in enumerate(text):
            self.copy(ch, orig_start + min(width - 1, k * width // n))

    def __len__(self) -> int:
        return self._len

    def text(self) -> str:
        """Return the text built so far."""
        return "".join(self._parts)

    def build(self) -> tuple[str, OffsetMap]:
        """Return the clean text and its map to the original."""
        return self.text(), OffsetMap(self._segments, self._len)


@dataclass
class Paragraph:
    """A paragraph of an article's clean text, with its language (ISO 639-1)."""

    start: int  # clean offsets
    end: int
    language: str


@dataclass
class Article:
    """One piece of reporting with its own headline and date, cut from a `Document`."""

    source: str
    index: int  # position within the document (0 for single-article files)
    text: str  # clean text fed to extraction (boilerplate removed, wraps repaired)
    offsets: OffsetMap  # clean → original
    start: int  # [start, end) of the article in the original text
    end: int
    title: str | None = None
    byline: str | None = None
    date: str | None = None  # ISO 8601 or None; never today's date by default
    # why the date was inferred when the article states none ('between articles dated …'); None if stated
    date_inferred: str | None = None
    # the inferred date rests only on a date the article itself states, so it must not complete its other dates
    inferred_from_text: bool = False
    language: str = "en"
    paragraphs: list[Paragraph] = field(default_factory=list)
    url: str | None = None
    outlet: str | None = None

    def anchor_date(self) -> str | None:
        """Return the date that completes the article's yearless and relative dates ('on Oct. 1', 'last week').

        The stated date, or one inferred from dated neighbours; never one inferred from the
        article's own latest date, which says only when it was written at the earliest.
        """
        return None if self.inferred_from_text else self.date

    def english_spans(self) -> list[tuple[int, int]]:
        """Return clean-text spans of the paragraphs in English (what extraction reads)."""
        if not self.paragraphs:
            return [(0, len(self.text))]
        return [(p.start, p.end) for p in self.paragraphs if p.language == "en"]


@dataclass
class Mention:
    """A span of clean text naming a person, organisation, place, facility or event."""

    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | FAC | EVENT | NORP
    sentence_start: int = 0
    sentence_end: int = 0
    role: str | None = None  # nearby role noun / title ('leader', 'General')
    description: str | None = None  # appositive description ('head of the Iraqi group AAH')
    # the name of what a generic phrase stands for ('the government' → 'Chile government'): the resolver
    # groups the mention by it, while `text` stays what the article wrote
    refers_to: str | None = None


@dataclass
class AliasStatement:
    """Text saying two names denote the same thing ('Asaib Ahl al-Haq (AAH)')."""

    name: str  # the fuller / real name
    alias: str  # the acronym, codename, translation or variant
    kind: str  # acronym | known_as | former_name | real_name | codename | translation | or
    start: int  # sentence span (clean offsets)
    end: int
    name_span: tuple[int, int] | None = None
    alias_span: tuple[int, int] | None = None


@dataclass
class Evidence:
    """Where a fact was read: document source, `[start, end)` in the original, the text."""

    doc: str
    start: int
    end: int
    text: str
    article_id: int | None = None  # the article of `doc` the span is in
    # the named mention a pronoun or description of the sentence stands for ('It' → 'the Vessa Liberation Front'),
    # when the fact took its argument from outside the quoted sentence: its text and original span
    referent: str | None = None
    referent_start: int | None = None
    referent_end: int | None = None
    attributed_to: str | None = None  # who this source says stated it ('Talvik told interrogators ...')
    hedged: bool = False  # this source only expects, plans or vows it


@dataclass
class Relation:
    """subject –predicate→ object, as one sentence states it (spans in clean text)."""

    subject: str  # surface text of the subject mention
    predicate: str
    object: str
    subject_span: tuple[int, int]
    object_span: tuple[int, int]
    start: int  # evidence sentence span (clean offsets)
    end: int
    rule: str  # name of the rule that produced it
    negated: bool = False
    attributed_to: str | None = None
    hedged: bool = False
    date: str | None = None


@dataclass
class Event:
    """A happening with participants (spans in clean text), dated when its clause or its article gives a date."""

    kind: str  # arrest | release | visit | attack | meeting | founding | election | death | other
    summary: str
    date: str | None
    participants: list[tuple[int, int]]  # mention spans
    start: int
    end: int
    negated: bool = False
    attributed_to: str | None = None
    # where `date` comes from: None when the text states it, 'article' when it is the article's own date
    # (a reported happening with no date of its own: 'X said', 'Y resigned'), 'context' when it is the day the
    # sentence before states ('Yesterday, X held primaries. Y won in Z.')
    date_source: str | None = None


@dataclass
class Claim:
    """A number said of an entity ('the 120,000-strong Hashd')."""

    subject: str  # surface text of the entity the number is about
    subject_span: tuple[int, int]
    quantity: str  # what is counted: fighters, attacks, members, ...
    value: float
    unit: str
    approx: str | None  # over | about | some | up to | nearly | None (exact)
    start: int
    end: int
    attributed_to: str | None = None


@dataclass
class Extraction:
    """Everything extraction found in one article's clean text."""

    mentions: list[Mention] = field(default_factory=list)
    aliases: list[AliasStatement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


@dataclass
class IngestReport:
    """What one `ingest` call did: per-file outcomes and totals."""

    added: list[str] = field(default_factory=list)  # sources stored
    unchanged: list[str] = field(default_factory=list)  # identical content already stored
    skipped: list[str] = field(default_factory=list)  # "path: reason" (unknown types)
    failed: list[str] = field(default_factory=list)  # "path: reason"
    warnings: list[str] = field(default_factory=list)  # "path: reason"
    articles: int = 0
    duplicates: int = 0

    @property
    def ok(self) -> bool:
        """Return True when no file failed."""
        return not self.failed
