"""Find boilerplate lines: page furniture that is not part of the reporting.

Boilerplate stays in the original text; `clean.clean_region` just leaves these lines
out of the clean text. Judgements are made from general signals, never from a list of
known sentences:

* a cue table (`LINE_CUES`, regexes as data in `lexicon/boilerplate.yaml`) for lines that are furniture on their own:
  share buttons, advertisement markers, reading time, cookie banners, language pickers,
  'Related:' / 'Read more' links, captions ending in a credit (a picture credit on a line of its own,
  'Image Credit: AP', stays: its names are kept as photographers and agencies; so does a one-line caption
  ending in a labelled credit, 'The dock. (photo credit: AP)', whose names are kept without facts);
* blocks that grow from a cue: a subscription / donation pitch ('Dear Reader', a price
  'for $5 a month', 'support our journalism') runs on over its bullets and sign-off;
  a list cue ('Related Content', 'You may also like') runs on over short title-like
  lines, and one that closes a page ('See more from this author', in the second half of the
  article: a sidebar pasted into the middle of a text does not close it) takes the rest of the
  article (teased headlines and their opening paragraphs); a caption credit set far right
  ('   (AFP)') takes its caption lines with it;
* repetition: a short line printed twice in a row is a duplicate (the second copy goes),
  a run of such doubled lines is a tag / navigation list (all copies go), and a short
  line printed three or more times in the document is furniture.

The rules lean conservative: a prose paragraph that merely mentions 'subscribe' or
'cookies' in a sentence stays.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from linkchart import lexicon


@dataclass(frozen=True)
class Line:
    """One line of the original: `[start, end)` without its line break; `nl` is the break's offset."""

    start: int
    end: int
    nl: int | None  # offset of the '\n' ending the line (None at the end of the region)


def split_lines(original: str, start: int, end: int) -> list[Line]:
    """Return the lines of `original[start:end]` with absolute offsets (a trailing '\\r' is excluded)."""
    lines: list[Line] = []
    pos = start
    while pos < end:
        nl = original.find("\n", pos, end)
        stop = end if nl < 0 else nl
        text_end = stop - 1 if stop > pos and original[stop - 1] == "\r" else stop
        lines.append(Line(pos, text_end, None if nl < 0 else nl))
        pos = stop + 1
    return lines


_I = re.IGNORECASE
_PATTERNS = lexicon.boilerplate()

# A line matching one of these (after stripping) is furniture by itself.
LINE_CUES: dict[str, re.Pattern[str]] = {
    cue.name: re.compile(cue.pattern, _I if cue.ignore_case else 0) for cue in _PATTERNS.line_cues
}
# A line matching this opens a list of links that runs on over title-like lines.
LIST_CUE = re.compile(_PATTERNS.list_cue, _I)
PAGE_END_CUE = re.compile(_PATTERNS.page_end_cue, _I)
# Strong pitch cues: one of these makes a line a pitch; a greeting opens a pitch block.
PITCH_OPENER = re.compile(_PATTERNS.pitch_opener, _I)
PITCH_STRONG = re.compile(_PATTERNS.pitch_strong, _I)
# Weak pitch words: they keep a pitch block going, never start one.
PITCH_WEAK = re.compile(_PATTERNS.pitch_weak, _I)
SIGNATURE = re.compile(_PATTERNS.signature, _I)
# Lowercase pieces of text every match of `PITCH_STRONG` contains, one per alternative.
_PITCH_HINT = re.compile("|".join(re.escape(hint) for hint in _PATTERNS.pitch_hints))
# Characters that match an ASCII letter under re.IGNORECASE without lowering to it ('ı', 'ſ', ...).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
CLOSING = re.compile(_PATTERNS.closing, _I)
# A picture credit on a line of its own ('Image Credit: AP') stays in the text: extraction keeps its names.
CREDIT_LINE = re.compile(_PATTERNS.credit_lines["photographer"], _I)
# So does a caption ending in a labelled credit ('The dock. (photo credit: AP)'): its names are kept, no facts.
CAPTION_CREDIT = re.compile(_PATTERNS.caption_credit, _I)

# A credit set far right after a wide gap: 'Embassy in Brussels.        (AFP)'.
FAR_RIGHT_CREDIT = re.compile(r"\S.*\s{3,}\(\s*[A-Z][\w .&/-]{0,30}\)\s*$")

# Language names as language pickers list them (native and English names).
LANGUAGE_NAMES = lexicon.languages().names

TERMINAL = ".!?…"
SMALL_WORDS = lexicon.grammar().small_words
CLOSERS = "\"'”’»)]"
DATE_LINE = re.compile(r"[\w,. ]{0,12}\d{1,4}[\w,. :/-]{0,24}")  # 'June 3, 2021', '03.06.2021'
SHORT = 80  # longest line still judged 'short' (a tag, a button, a title)
BULLETS = "•·▪●◦‣-–—*"


def _strip(original: str, line: Line) -> str:
    return original[line.start : line.end].strip()


def _cue_kind(text: str) -> str | None:
    """Return the name of the `LINE_CUES` entry the whole line matches, if any."""
    for kind, pattern in LINE_CUES.items():
        if pattern.fullmatch(text):
            return kind
    return None


def _pitch_block(texts: list[str], i: int) -> list[int]:
    """Return the indexes (into `texts`, non-blank lines) of the pitch starting at line `i`."""
    block = [i]
    closed = False
    for j in range(i + 1, min(len(texts), i + 30)):
        t = texts[j]
        if SIGNATURE.match(t):
            block.append(j)
            closed = True
            continue
        if closed:
            break
        if CLOSING.fullmatch(t):
            block.append(j)
            closed = True
            continue
        if _continues_pitch(t):
            block.append(j)
            continue
        break
    return block


def _strong_pitch(text: str) -> bool:
    """Return True when `text` holds a `PITCH_STRONG` cue (the regex runs only where a hint of one is found)."""
    if _FOLDS_TO_ASCII.search(text) is None:
        if _PITCH_HINT.search(text.lower()) is None:
            return False
    return PITCH_STRONG.search(text) is not None


def _continues_pitch(text: str) -> bool:
    """Return True when a line can sit inside a pitch: a cue, a bullet, or a short non-sentence line."""
    if _strong_pitch(text) or text[0] in BULLETS:
        return True
    if len(text) <= SHORT:
        return bool(PITCH_WEAK.search(text)) or not _body_like(text)
    return len(PITCH_WEAK.findall(text)) >= 2


def _body_like(text: str) -> bool:
    """Return True when a short line reads like a sentence of reporting: a full stop and eight or more words."""
    return text[-1] in TERMINAL and len(text.split()) >= 8 and not PITCH_WEAK.search(text)


def _headline_case(text: str) -> bool:
    """Return True for a line in headline case: nearly every word capitalised, small words aside."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 3 or len(text) > 250 or text.rstrip(CLOSERS)[-1:] == ".":
        return False
    big = [w for w in words if w.lower() not in SMALL_WORDS]
    return sum(w[0].isupper() for w in big) >= 0.9 * len(big)


def _list_block(texts: list[str], i: int) -> list[int]:
    """Return the indexes of a link list opened by the cue at line `i` (cue included).

    The list ends at another cue line ('Advertisement'): what follows that is a new block.
    """
    block = [i]
    for j in range(i + 1, min(len(texts), i + 16)):
        text = texts[j]
        if _cue_kind(text) or LIST_CUE.fullmatch(text):
            break
        if DATE_LINE.fullmatch(text) or _headline_case(text):
            block.append(j)
            continue
        if len(text) > 120 or text.rstrip(CLOSERS)[-1:] in (".", "!"):
            break  # a sentence: the list is over
        block.append(j)
    return block


def _caption_back(texts: list[str], blank_before: list[bool], i: int) -> list[int]:
    """Return line `i` (a far-right credit) and the caption lines above it in the same block."""
    block = [i]
    j = i
    while j > 0 and not blank_before[j] and len(block) < 8:
        prev = texts[j - 1]
        if prev[-1] in TERMINAL:
            break
        block.append(j - 1)
        j -= 1
    return block


def _repeated(texts: list[str]) -> set[int]:
    """Return indexes of doubled short lines (see module docstring) and of short lines seen 3+ times."""
    out: set[int] = set()
    doubled = [
        k
        for k in range(1, len(texts))
        if texts[k] == texts[k - 1] and len(texts[k]) <= SHORT and texts[k][-1] not in TERMINAL
    ]
    runs: list[list[int]] = []
    for k in doubled:
        if runs and k - runs[-1][-1] <= 2:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        if len(run) >= 2:
            out.update(idx for k in run for idx in (k - 1, k))
        else:
            out.add(run[0])  # a heading printed twice: the second copy goes
    counts = Counter(t for t in texts if len(t) <= 40 and t[-1] not in TERMINAL)
    out.update(k for k, t in enumerate(texts) if counts.get(t, 0) >= 3)
    return out


def _language_run(texts: list[str], i: int) -> list[int]:
    """Return the picker cue at `i` plus the language names listed after it."""
    block = [i]
    for j in range(i + 1, min(len(texts), i + 40)):
        names = [w.strip(",|/·•") for w in texts[j].split()]
        if not names or not all(n.lower() in LANGUAGE_NAMES for n in names if n):
            break
        block.append(j)
    return block


def boilerplate_lines(original: str, start: int, end: int, one_article: bool = True) -> set[int]:
    """Return absolute start offsets of lines in original[start:end] judged boilerplate. `one_article`: the region
    is one article, so a cue that closes a page closes it; the splitter, which asks about a whole document that
    may hold several, says False (the cue then closes no more than its own list)."""
    return set(_boilerplate_lines(original, start, end, one_article))


@lru_cache(maxsize=4)
def _boilerplate_lines(original: str, start: int, end: int, one_article: bool) -> frozenset[int]:
    """Return `boilerplate_lines` (cached: the splitter and the cleaner both ask about a whole one-article text)."""
    lines = [ln for ln in split_lines(original, start, end) if _strip(original, ln)]
    texts = [_strip(original, ln) for ln in lines]
    raw = [original[ln.start : ln.end] for ln in lines]
    blank_before = [
        k == 0 or lines[k - 1].nl is None or _gap_is_blank(original, lines[k - 1], lines[k]) for k in range(len(lines))
    ]
    drop: set[int] = _repeated(texts)
    for i, text in enumerate(texts):
        if i in drop:
            continue
        if PITCH_OPENER.fullmatch(text):
            drop.update(_pitch_block(texts, i))
        elif one_article and PAGE_END_CUE.fullmatch(text) and lines[i].start - start > (end - start) / 2:
            drop.update(range(i, len(texts)))  # teasers of other pages run to the end of the article
        elif LIST_CUE.fullmatch(text):
            drop.update(_list_block(texts, i))
        elif LINE_CUES["language_picker"].fullmatch(text):
            drop.update(_language_run(texts, i))
        elif FAR_RIGHT_CREDIT.match(raw[i]):
            drop.update(_caption_back(texts, blank_before, i))
        elif _cue_kind(text) or _is_pitch_line(text):
            drop.add(i)
    drop -= {k for k, text in enumerate(texts) if CREDIT_LINE.match(text) or CAPTION_CREDIT.match(text)}
    return frozenset(lines[k].start for k in drop)


def _is_pitch_line(text: str) -> bool:
    """Return True for a standalone pitch line: a strong cue in a short line, or two cues in any line."""
    if not _strong_pitch(text):
        return False
    strong = len(PITCH_STRONG.findall(text))
    return strong >= 2 or len(text) <= 160 or len(PITCH_WEAK.findall(text)) >= 2


def _gap_is_blank(original: str, prev: Line, nxt: Line) -> bool:
    """Return True when only whitespace lies between two non-blank lines and it spans a blank line."""
    return original.count("\n", prev.end, nxt.start) >= 2
