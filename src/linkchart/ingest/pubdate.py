"""Publication dates stated in an article's header lines ('Published: Nov. 18, 2019 10:27').

Only lines that *are* a date (optionally with a label, a byline, a weekday or a time
zone around it) count; a date inside a body sentence ('In June 2003, ...') does not.
Every part of the result comes from the text: nothing defaults to today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from linkchart import lexicon

_MONTHS = lexicon.dates().months

# Month names are matched capitalised or upper case only, so 'march' or 'may' in running
# text are not months; a lowercase letter may precede them ('ValoriNovember 16, 2019' is a
# byline glued to its date).
_MONTH_RE = "|".join(sorted({form for m in _MONTHS for form in (m.capitalize(), m.upper())}, key=len, reverse=True))
_MON = rf"(?:(?<![A-Za-z])|(?<=[a-z]))(?P<mon>{_MONTH_RE})\b\.?"
_TIME = r"(?:\s*(?:,|at|@|-|–|—)?\s*(?P<hh>\d{1,2}):(?P<mm>\d{2})(?::\d{2})?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

_PATTERNS: list[re.Pattern[str]] = [
    re.compile(
        r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
    ),
    re.compile(rf"{_MON}\s*{_DAY},?\s+(?P<year>\d{{4}})(?!\d){_TIME}"),
    re.compile(rf"(?<!\d){_DAY}\s+{_MON},?\s+(?P<year>\d{{4}})(?!\d){_TIME}"),
    # US order: 11/7/19 is 7 November 2019.
    re.compile(rf"(?<![\d/])(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})/(?P<year>\d{{4}}|\d{{2}})(?![\d/]){_TIME}"),
]
_MONTH_YEAR = re.compile(rf"{_MON}\s+(?P<year>\d{{4}})(?!\d)")

_LABEL = re.compile(
    r"^\s*(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on)?|dated?|on)\s*:?\s*",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"^\s*(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)
# What may precede a date on a byline line: 'By Jane Roe, John Doe and Ann Poe On '.
_BYLINE_LEAD = re.compile(r"^\s*By\s+(?:[A-Z][\w.'’-]*,?\s*(?:(?:and|&)\s+)?){1,12}(?:[|,–—-]\s*)?$")
# 'WASHINGTON, Nov. 18, 2019 — ' or 'Beirut, 20 November 2019:' opening a paragraph.
_DATELINE_LEAD = re.compile(r"^[A-Z][\w.'’ -]{1,30},\s*$")
_DATELINE_TAIL = re.compile(r"^\s*(?:[-–—:|]|\(\w[\w ]*\)\s*[-–—])")
# Words and marks that may stand around a date on a date line: time zones, weekdays, 'at', '|'.
_NOISE_WORDS = lexicon.dates().dateline_noise | frozenset("|-–—•·")
_MAX_LINE = 90
_MAX_EXTRA_WORDS = 4
_HEADER_LINES = 15


@dataclass
class _Found:
    iso: str
    start: int
    end: int


def _two_digit_year(year: str) -> int:
    """Return a four-digit year for a two- or four-digit year string."""
    value = int(year)
    if len(year) == 2:
        value += 2000 if value < 70 else 1900
    return value


def _hour(hh: str, ampm: str | None) -> int:
    """Return the 24-hour hour of `hh` with an optional am/pm marker."""
    hour = int(hh)
    if ampm and ampm[0] in "pP" and hour < 12:
        hour += 12
    elif ampm and ampm[0] in "aA" and hour == 12:
        hour = 0
    return hour


def _iso(m: re.Match[str]) -> str | None:
    """Return the ISO string of a full-date match, or None when it is no real date."""
    groups = m.groupdict()
    month = _MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["month"])
    year = _two_digit_year(groups["year"])
    try:
        day = dt.date(year, month, int(groups["day"]))
    except ValueError:
        return None
    if not 1900 <= year <= 2100:
        return None
    if groups.get("hh") is None:
        return day.isoformat()
    hour, minute = _hour(groups["hh"], groups.get("ampm")), int(groups["mm"])
    if hour > 23 or minute > 59:
        return day.isoformat()
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, iso) for every full date (year, month and day) stated in `text`."""
    found: list[_Found] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            iso = _iso(m)
            if iso and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(_Found(iso, m.start(), m.end()))
    return sorted((f.start, f.end, f.iso) for f in found)


def _month_year(text: str) -> str | None:
    """Return 'YYYY-MM' when `text` is exactly a month and a year ('June 2003'), else None."""
    m = _MONTH_YEAR.fullmatch(text.strip().rstrip(".,"))
    if not m:
        return None
    year = int(m.group("year"))
    return f"{year:04d}-{_MONTHS[m.group('mon').lower()]:02d}" if 1900 <= year <= 2100 else None


def _extra_words(text: str) -> int:
    """Return how many words of `text` are not date noise (weekday, am/pm, time zone)."""
    words = [w.strip(",.()[]") for w in text.split()]
    return sum(1 for w in words if w and w.lower() not in _NOISE_WORDS and not w.isdigit())


def _is_reading_time(text: str) -> bool:
    """Return True for '3 minute read' style remainders."""
    return re.fullmatch(r"\W*\d+\s*min(?:ute)?s?\.?(?:\s+read)?\W*", text, re.IGNORECASE) is not None


def date_of_line(line: str) -> str | None:
    """Return the ISO date a header line consists of ('Updated: Nov. 18, 2019 8:17 PM'), or None.

    The line must be short and the date must be nearly all of it once a label
    ('Published:'), a leading byline ('By Jane Roe On'), weekday, time zone or a
    'CITY, <date> —' dateline lead are set aside.
    """
    text = line.strip()
    if not text or len(text) > _MAX_LINE:
        return None
    body = _LABEL.sub("", text, count=1)
    dates = find_dates(body)
    if not dates:
        return _month_year(body)
    start, end, iso = dates[0]
    before, after = body[:start], body[end:]
    if re.search(r"\bOn\s*$", before):
        before = before[: before.rindex("On")]
    if _BYLINE_LEAD.match(before):
        before = ""
    if _DATELINE_LEAD.match(before) and _DATELINE_TAIL.match(after):
        return iso
    rest = f"{before} {after}"
    if _extra_words(rest) <= _MAX_EXTRA_WORDS and not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", rest):
        return iso
    return iso if _is_reading_time(after) and not before.strip() else None


def dateline_lead_date(text: str) -> str | None:
    """Return the date of a 'CITY, <date> (Agency) —' dateline that opens a paragraph running on with the lead
    ('ORLAND, June 12, 2024 (Reuters) - Police detained ...'), or None."""
    dates = find_dates(text[:_MAX_LINE])
    if not dates:
        return None
    start, end, iso = dates[0]
    return iso if _DATELINE_LEAD.match(text[:start]) and _DATELINE_TAIL.match(text[end:]) else None


def is_updated_line(line: str) -> bool:
    """Return True when the line is labelled as an update time ('Updated: ...')."""
    return _UPDATED.match(line) is not None


def find_publication_date(text: str) -> str | None:
    """Return the ISO publication date stated in an article's header/dateline text, or None (never today's date).

    Looks at the first non-blank lines only: a line that is a date, or a 'CITY, <date> —'
    dateline opening the lead paragraph (which stays body text); a publication date is
    preferred over an 'Updated:' one when both are stated.
    """
    updated: str | None = None
    lines = [ln for ln in text.splitlines() if ln.strip()][:_HEADER_LINES]
    for line in lines:
        iso = date_of_line(line) or dateline_lead_date(line.strip())
        if iso is None:
            continue
        if not is_updated_line(line):
            return iso
        updated = updated or iso
    return updated
