"""Find boilerplate lines: page furniture that is not part of the reporting.

Boilerplate stays in the original text; `clean.clean_region` just leaves these lines
out of the clean text. Judgements are made from general signals, never from a list of
known sentences:

* a cue table (`LINE_CUES`, regexes as data) for lines that are furniture on their own:
  share buttons, advertisement markers, reading time, cookie banners, language pickers,
  'Related:' / 'Read more' links, photo credits and captions ending in a credit;
* blocks that grow from a cue: a subscription / donation pitch ('Dear Reader', a price
  'for $5 a month', 'support our journalism') runs on over its bullets and sign-off;
  a list cue ('Related Content', 'You may also like') runs on over short title-like
  lines; a caption credit set far right ('   (AFP)') takes its caption lines with it;
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

# A line matching one of these (after stripping) is furniture by itself.
LINE_CUES: dict[str, re.Pattern[str]] = {
    "share": re.compile(
        r"(share|tweet|e-?mail|print|pin( it)?|whatsapp|facebook|twitter|linkedin|reddit|telegram|"
        r"copy link|comments?|\d+ comments?|share (this|on) .{0,30}|follow us( on .{0,30})?)[:!]?",
        _I,
    ),
    "advertisement": re.compile(
        r"(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|"
        r"advertisement\s*[-–—:]\s*.{0,40})",
        _I,
    ),
    "reading_time": re.compile(r"(\d+|one|two|three|four|five)[\s-]*min(ute)?s?\.?( read(ing time)?)?\.?", _I),
    "cookies": re.compile(
        r"(.{0,200}\b(we use cookies|(this|our) (web)?site uses cookies|(agree|consent) to (the|our) use of cookies|"
        r"cookie (policy|settings|preferences|notice))"
        r"\b.{0,200}|cookies?( settings| preferences| policy)?|accept( all)?( cookies)?|reject( all)?|"
        r"i agree|got it|ok(ay)?|manage (cookie )?(settings|preferences|options))[.!]?",
        _I,
    ),
    "language_picker": re.compile(r"(select|choose|change) (your )?language\s*:?", _I),
    "site_nav": re.compile(
        r"(skip to (main )?content|sign in|log ?in|sign up|register|menu|search|close|back to top|"
        r"home|subscribe( now| today)?|newsletter|print edition|e-?paper)",
        _I,
    ),
    "more_from": re.compile(
        r"(see|read|view|more) (more )?(from|by|stories from|articles from|articles by) (this|the) "
        r"(author|writer|contributor|columnist)|about the author",
        _I,
    ),
    "related_link": re.compile(
        r"(related|read more|read also|also read|see also|more on this|watch)(\s*[:»>|]\s*|\s+[-–—]\s+)\S.*", _I
    ),
    "bracket_link": re.compile(r"\[\s*(read|see|watch|listen|click|sign up|subscribe|related)\b[^\]]*\]", _I),
    "photo_credit": re.compile(
        r"(.{0,400}\(\s*(photo|image|picture|video)( credit)?s?\s*:[^)]{1,80}\)|"
        r".{0,400}\b(image|photo|picture)\s+credits?\s*:\s*[^.]{1,60}|"
        r"(photo|photograph|picture|image|credit|photo credit)s?\s*:\s*.{1,80}|"
        r"image result for .{1,100})",
        _I,
    ),
    "caption_credit": re.compile(
        # a caption: '<sentence>. <credit>' where the credit is an agency or 'Name/Outlet'
        r".{10,400}[.!?)]\s+("
        r"AP|AFP|Reuters|EPA|Getty Images|Associated Press|Xinhua|Anadolu( Agency)?|Bloomberg|"
        r"Shutterstock|Wikimedia Commons|WANA|UPI|TASS|Sipa|Alamy|"
        r"([A-Z][\w’'.-]+ ){1,3}for (The )?[A-Z][\w ]{2,40}|"
        r"([A-Z][\w’'.-]+ ?){1,4}/ ?(The )?[A-Z][\w .]{1,40}|"
        r"\(?(Photo|Image|Picture)( by)?:? [^.]{2,60}\)?"
        r")"
    ),
    "attribution": re.compile(
        r"([-–—]\s*)?with inputs from .{1,60}|.{1,60} contributed to this report\.?|source\s*[»:›]\s*\S.{0,60}",
        _I,
    ),
    "updated": re.compile(
        r"(last )?(updated|published|posted|modified)\s*(:|on)?\s*"
        r"(\w{3,9}\.? \d{1,2},? \d{4}|\d{1,2} \w{3,9},? \d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}).{0,25}",
        _I,
    ),
    "page_number": re.compile(r"(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?", _I),
    "html": re.compile(r"<\s*/?\s*(img|iframe|script|div|figure|span|a|p|br)\b.*", _I),
    "bullet_nav": re.compile(r"([^|•·]{1,30}\s*[|•·]\s*){2,}[^|•·]{1,30}"),
}

# A line matching one of these opens a list of links that runs on over title-like lines.
LIST_CUE = re.compile(
    r"(related( content| articles| stories| posts| news| coverage)?|read more|more stories|more news|"
    r"you (may|might) (also )?(like|be interested( in)?|enjoy)|recommended( for you| reading)?|"
    r"most (read|popular|viewed|shared)|trending( now)?|editor'?s picks|see also|also read|"
    r"top stories|latest( news| stories)?|don'?t miss|more (stories|articles) from .{1,40}|"
    r"(see|read|view) more (from|by|on|about) this (author|writer|contributor|columnist|topic|subject))\s*:?",
    _I,
)

# Strong pitch cues: one of these makes a line a pitch; a greeting opens a pitch block.
PITCH_OPENER = re.compile(r"(dear (reader|readers|friend|friends|subscriber|supporter)s?)\s*[,:!]?", _I)
PITCH_STRONG = re.compile(
    r"\bfor (just |only )?[$€£]\s?\d+([.,]\d\d)?\s*(a|per|/|each)\s*(month|year|week)|"
    r"[$€£]\s?\d+([.,]\d\d)?\s*(a|per|/)\s*(month|year|week)|"
    r"\bsubscribe (now|today|here|to (our|the) (newsletter|paper|magazine))|^subscribe\b|"
    r"\b(support|fund) (our|independent|quality|the) (journalism|reporting|newsroom|work)|"
    r"\bbecome an? (member|subscriber|supporter|patron|premium)|"
    r"\bsign up (for|to) (our|the) (free )?(newsletter|daily|weekly)|"
    r"\bclick here\b|\bads?-free\b|\balready a (subscriber|member)|\bdonate (now|today)|"
    r"\bmake a (donation|contribution)|\byou will (receive|get) access\b|"
    r"\bupgrade your (experience|account|subscription)",
    _I,
)
# Weak pitch words: they keep a pitch block going, never start one.
PITCH_WEAK = re.compile(
    r"\b(subscri\w*|paywall|journalism|our readers|loyal readers|partner|premium|ads?\b|member\w*|"
    r"donat\w*|support us|help us|thank you|access|epaper|magazine|newsletter|independent)",
    _I,
)
SIGNATURE = re.compile(
    r"^[A-Z][\w’'.-]+( [A-Z][\w’'.-]+){0,3},\s*(.{0,40}\b)?(CEO|CFO|COO|editor|publisher|founder|president|"
    r"director|chairman|chairwoman|chair|owner|managing editor|editor-in-chief)\b.{0,60}$",
    _I,
)
# Lowercase pieces of text every match of `PITCH_STRONG` contains, one per alternative (keep in step).
_PITCH_HINTS = (
    "$", "€", "£", "subscribe", "support ", "fund ", "become a", "sign up ", "click here", "-free",
    "already a ", "donate ", "make a ", "you will ", "upgrade your ",
)  # fmt: skip
_PITCH_HINT = re.compile("|".join(re.escape(hint) for hint in _PITCH_HINTS))
# Characters that match an ASCII letter under re.IGNORECASE without lowering to it ('ı', 'ſ', ...).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
CLOSING = re.compile(r"(thank you|thanks|sincerely|best regards|with gratitude)\s*[,.!]?", _I)

# A credit set far right after a wide gap: 'Embassy in Brussels.        (AFP)'.
FAR_RIGHT_CREDIT = re.compile(r"\S.*\s{3,}\(\s*[A-Z][\w .&/-]{0,30}\)\s*$")

LANGUAGE_NAMES = frozenset(
    "english français francais español espanol deutsch italiano português portugues русский "
    "العربية عربي فارسی فارسي türkçe turkce עברית 中文 日本語 한국어 kurdî kurdi کوردی اردو हिन्दी "
    "nederlands polski svenska dansk norsk suomi ελληνικά українська "
    # pickers also list languages by their English names
    "arabic farsi persian french spanish german italian portuguese russian turkish hebrew chinese "
    "japanese korean kurdish urdu hindi dutch polish swedish danish norwegian finnish greek ukrainian".split()
)

TERMINAL = ".!?…"
SMALL_WORDS = frozenset(
    "a an and as at but by de del der for from in into of on or the to van von vs with al el bin ibn".split()
)
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


def boilerplate_lines(original: str, start: int, end: int) -> set[int]:
    """Return absolute start offsets of lines in original[start:end] judged boilerplate."""
    return set(_boilerplate_lines(original, start, end))


@lru_cache(maxsize=4)
def _boilerplate_lines(original: str, start: int, end: int) -> frozenset[int]:
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
        elif LIST_CUE.fullmatch(text):
            drop.update(_list_block(texts, i))
        elif LINE_CUES["language_picker"].fullmatch(text):
            drop.update(_language_run(texts, i))
        elif FAR_RIGHT_CREDIT.match(raw[i]):
            drop.update(_caption_back(texts, blank_before, i))
        elif _cue_kind(text) or _is_pitch_line(text):
            drop.add(i)
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
