"""Resolve date expressions ('On November 19', 'two months later', 'last Saturday') to ISO 8601.

Dates are as precise as the text allows: '2007', '2007-03' or '2007-03-26'; a span of years ('from 2006 to
2011', 'the 1980s') is an ISO 8601 interval, '2006/2011'. Expressions without a
year take it from an anchor (the article's publication date, or the last date the article stated);
relative expressions ('two months later', 'a month prior') shift a context date by the stated amount.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span

from linkchart import lexicon
from linkchart.extract.doctext import span_text

_DATES = lexicon.dates()
MONTHS = _DATES.months
WEEKDAYS = {name: i for i, name in enumerate(_DATES.weekdays)}
# number words of relative dates: 'two months later'; None for an unstated number ('a few days later')
NUMBER_WORDS = lexicon.quantities().date_numbers
UNIT_PRECISION = {"day": 3, "week": 3, "month": 2, "year": 1}

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# a full ISO date; 'YYYY-MM' alone is left to the short range below, as prose writes '2010-12' for 2010 to 2012
_RE_ISO = re.compile(rf"\b({_YEAR})-(\d\d)-(\d\d)\b")
_RE_MDY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR}))?\b", re.I)
_RE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?\b", re.I)
_RE_MY = re.compile(rf"\b({_MONTH})(?:\s+of)?,?\s+({_YEAR})\b", re.I)
_RE_MONTH = re.compile(rf"\b({_MONTH})\b", re.I)
_TO = r"\s*(?:-|–|—|to|and|until|through|till)\s*"
# spans of days or months: 'March 3-5, 2019', 'between March 3 and March 5', 'from 3 to 5 March', 'from March to
# May 2019', 'January 2004 to March 2006': an ISO 8601 interval
_RE_DAYS_MDY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}){_TO}(?:({_MONTH})\s+)?(\d{{1,2}})\b(?!\s*(?:{_MONTH}))"
                          rf"(?:,?\s+({_YEAR}))?", re.I)
_RE_DAYS_DMY = re.compile(rf"\b(\d{{1,2}})(?:\s+({_MONTH}))?{_TO}(\d{{1,2}})\s+({_MONTH})(?:,?\s+({_YEAR}))?", re.I)
_RE_MONTHS = re.compile(rf"\b({_MONTH})(?:\s+({_YEAR}))?{_TO}({_MONTH})(?:\s+({_YEAR}))?\b", re.I)
# a capitalised 'May' or 'March' is a month after a word of time ('in March', 'early May'), not the verb
_RE_MONTH_CUE = re.compile(
    r"\b(" + lexicon.alternation(w.rstrip("-") for w in _DATES.year_cues) + r"|to)[\s-]+(may|march)\b")
_RE_SHORT_DECADE = re.compile(r"(?:\bthe\s+|')([2-9]0)'?s\b", re.I)
_RE_YEAR = re.compile(rf"(?<![\d,.$£€])({_YEAR})(?!\d|,\d|\.\d)")
_RE_DIGIT = re.compile(r"\d")
_RE_RANGE = re.compile(rf"({_YEAR})\s*(?:-|–|—|to|and|until|through)\s*({_YEAR})\b", re.I)
_RE_SHORT_RANGE = re.compile(rf"\b({_YEAR})\s*[-–—]\s*(\d\d)\b(?!-)")  # '2010-12', '2006–11'
_RE_RELATIVE = re.compile(
    r"\b(" + lexicon.alternation(w for w, n in NUMBER_WORDS.items() if n is not None) + r"|\d+|"
    + lexicon.alternation(w for w, n in NUMBER_WORDS.items() if n is None) + r")"
    r"\s+(day|week|month|year)s?\s+(" + lexicon.alternation(_DATES.after + _DATES.before) + r")\b",
    re.I,
)
# words before a bare year that make it a date: 'in 2006', 'since 2006', 'mid-2006'
_RE_YEAR_CUE = re.compile(r"\b(" + lexicon.alternation(_DATES.year_cues) + r")\s*$")
_RE_NEXT_PREV = re.compile(
    r"\b(the\s+)?(following|next|previous|preceding|prior)\s+(day|week|month|year)\b", re.I
)
_RE_THIS_LAST = re.compile(r"\b(last|this|next|past)\s+(day|week|month|year)\b", re.I)
_RE_WEEKDAY = re.compile(r"\b(last|this|next|on)?\s*(" + "|".join(WEEKDAYS) + r")\b", re.I)
_RE_DECADE = re.compile(r"\b(1[89]\d0|20\d0)s\b")
# 'the same day', 'that year': the date the text last stated, at the unit's precision
_RE_SAME = re.compile(r"\b(?:the\s+same|that)\s+(day|week|month|year)\b", re.I)
_RE_LAST_NIGHT = re.compile(r"\blast\s+night\b", re.I)


def _parse_iso(value: str | None) -> tuple[dt.date, int] | None:
    """Return (date, precision 1..3) of an ISO date string, or None if it does not parse."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value.strip()[:10])
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return dt.date(y, mo, d), 1 + bool(m.group(2)) + bool(m.group(3))
    except ValueError:
        return None


def _fmt(day: dt.date, precision: int) -> str:
    """Return `day` as ISO text cut to `precision` (1 year, 2 month, 3 day)."""
    return day.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]]


def _shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """Return `day` moved by `amount` units (negative moves back)."""
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit == "week":
        return day + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "year" else 1)
    total = day.year * 12 + day.month - 1 + months
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def resolve_range(expression: str, anchor: str | None = None) -> tuple[str, str] | None:
    """Return (start, end) years of a span such as 'from 2006 to 2011' or '2006-2011', else None."""
    m = _RE_RANGE.search(expression)
    if m:
        start, end = m.group(1), m.group(2)
    else:
        short = _RE_SHORT_RANGE.search(expression)
        if not short:
            return None
        start, end = short.group(1), short.group(1)[:2] + short.group(2)
    if int(end) <= int(start):
        return None
    return start, end


def is_relative(expression: str) -> bool:
    """Return True when the expression is relative to a previously stated date ('two months later')."""
    return bool(_RE_RELATIVE.search(expression) or _RE_NEXT_PREV.search(expression))


def is_deictic(expression: str) -> bool:
    """Return True when the expression counts from the day it was written ('last week', 'on Tuesday')."""
    return bool(_RE_THIS_LAST.search(expression) or _RE_WEEKDAY.search(expression) or _RE_WEEKEND.search(expression)
                or re.search(r"\b(yesterday|today|tonight|ago)\b", expression, re.I)
                or _RE_LAST_NIGHT.search(expression))


_RE_RECENT_WEEK = re.compile(r"\b(last|this|past)\s+(week|weekend)\b", re.I)
_RE_RECENT_DAY = re.compile(r"\b(yesterday|last\s+night)\b", re.I)
_RE_WEEKEND = re.compile(r"\b(last|this|past)\s+weekend\b", re.I)
_SATURDAY = 5


def _weekend(day: dt.date, which: str) -> str | None:
    """Return the month of the weekend 'last weekend' or 'this weekend' names, written on `day`, or None when its
    Saturday and Sunday lie in two months (a weekend is no ISO date)."""
    back = (day.weekday() - _SATURDAY) % 7  # days since the last Saturday (0 on a Saturday)
    if which == "this":
        saturday = day - dt.timedelta(days=back) if back <= 1 else day + dt.timedelta(days=7 - back)
    else:  # 'last weekend' written on a weekend is the one before
        saturday = day - dt.timedelta(days=back + 7 if back <= 1 else back)
    sunday = saturday + dt.timedelta(days=1)
    return _fmt(saturday, 2) if saturday.month == sunday.month else None


def names_a_recent_day(text: str) -> bool:
    """Return True when `text` tells of a day near the one it was written ('last Saturday', 'on Friday',
    'yesterday', 'this week'): news, not a background piece ('today', 'this year' and 'ago' do not count)."""
    return bool(_RE_WEEKDAY.search(text) or _RE_RECENT_WEEK.search(text) or _RE_RECENT_DAY.search(text))


def resolve_date(expression: str, anchor: str | None, context: str | None = None) -> str | None:
    """Return the ISO date (as precise as the text allows) an expression denotes, or None if undated.

    `anchor` is the publication date, used for deictic expressions ('last Saturday', 'last year') and
    to complete dates without a year. Relative expressions ('two months later', 'a month prior') shift
    `context` (the last date the text stated) or, when it is missing, the anchor.
    """
    text = " ".join(expression.split())
    anchor_d = _parse_iso(anchor)
    context_d = _parse_iso(context) or anchor_d

    m = _RE_ISO.search(text)
    if m:
        return "-".join(m.groups())
    rng = resolve_range(text)
    if rng:  # 'from 2006 to 2011': an ISO 8601 interval of years, like a decade
        return f"{rng[0]}/{rng[1]}"
    days = _day_span(text, anchor_d)
    if days:
        return days
    m = _RE_MDY.search(text) or _RE_DMY.search(text)
    if m:
        if m.re is _RE_MDY:
            month, day, year = _month_number(m.group(1)), int(m.group(2)), m.group(3)
        else:
            day, month, year = int(m.group(1)), _month_number(m.group(2)), m.group(3)
        if year:
            return _safe(int(year), month, day)
        if anchor_d:
            return _year_for(anchor_d[0], month, day, precision=anchor_d[1])
        if context_d and context_d[1] == 3:
            return _year_after(context_d[0], month, day)  # an undated article's story goes on from its last date
        return None
    m = _RE_MY.search(text)
    if m:
        return f"{int(m.group(2)):04d}-{_month_number(m.group(1)):02d}"
    m = _RE_RELATIVE.search(text)
    if m and context_d:
        amount = NUMBER_WORDS.get(m.group(1).lower(), None) if not m.group(1).isdigit() else int(m.group(1))
        unit = m.group(2).lower()
        if amount is None:
            return None
        direction = -1 if m.group(3).lower() in _DATES.before else 1
        if m.group(3).lower() == "ago" and not anchor_d:
            return None  # 'four years ago' counts from the article's date; without it, from no other date
        base_for = anchor_d if m.group(3).lower() == "ago" else context_d
        base, prec = base_for
        return _fmt(_shift(base, direction * amount, unit), min(prec, UNIT_PRECISION[unit]))
    m = _RE_NEXT_PREV.search(text)
    if m and context_d:
        unit = m.group(3).lower()
        direction = 1 if m.group(2).lower() in {"following", "next"} else -1
        base, prec = context_d
        return _fmt(_shift(base, direction, unit), min(prec, UNIT_PRECISION[unit]))
    m = _RE_SAME.search(text)
    if m and context_d and context_d is not anchor_d:
        unit = m.group(1).lower()
        base, prec = context_d
        if unit != "week" and prec >= UNIT_PRECISION[unit]:  # 'the same day' needs a day; a week is no ISO date
            return _fmt(base, UNIT_PRECISION[unit])
    m = _RE_DECADE.search(text)
    if m:  # 'in the 1980s': the decade as an ISO 8601 interval of years
        return f"{m.group(1)}/{int(m.group(1)) + 9}"
    m = _RE_SHORT_DECADE.search(text)
    if m:  # "the '80s": a decade of the last century
        return f"19{m.group(1)}/19{int(m.group(1)) + 9}"
    m = _RE_YEAR.search(text)
    if m:
        return m.group(1)
    if not anchor_d:
        return None
    base, prec = anchor_d
    lowered = text.lower()
    if (re.search(r"\byesterday\b", lowered) or _RE_LAST_NIGHT.search(lowered)) and prec == 3:
        return _fmt(base - dt.timedelta(days=1), 3)
    if re.search(r"\b(today|tonight|this morning|this evening)\b", lowered) and prec == 3:
        return _fmt(base, 3)
    m = _RE_WEEKEND.search(lowered)
    if m and prec == 3:
        return _weekend(base, m.group(1))
    m = _RE_THIS_LAST.search(lowered)
    if m:
        unit = m.group(2)
        direction = 0 if m.group(1) == "this" else (1 if m.group(1) == "next" else -1)
        if unit in {"day", "week"} and prec < 3:
            return None
        if unit == "week":  # a week is not an ISO date: its month when the whole week lies in one
            monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=direction)
            sunday = monday + dt.timedelta(days=6)
            return _fmt(monday, 2) if monday.month == sunday.month else None
        return _fmt(_shift(base, direction, unit), min(prec, UNIT_PRECISION[unit]))
    m = _RE_WEEKDAY.search(lowered)
    if m and prec == 3:
        target = WEEKDAYS[m.group(2)]
        back = (base.weekday() - target) % 7
        if m.group(1) == "next":
            return _fmt(base + dt.timedelta(days=(target - base.weekday()) % 7 or 7), 3)
        if m.group(1) == "last" and back == 0:
            back = 7
        return _fmt(base - dt.timedelta(days=back), 3)
    m = _RE_MONTH.search(text)
    if m and m.group(1)[0].isupper() and (m.group(1).lower() not in {"may", "march"} or _RE_MONTH_CUE.search(lowered)):
        month = _month_number(m.group(1))
        return _fmt(dt.date(_year_for(base, month, 1, as_year=True, precision=prec), month, 1), 2)
    return None


def _day_span(text: str, anchor: tuple[dt.date, int] | None) -> str | None:
    """Return the ISO 8601 interval of a span of days or months ('March 3-5, 2019' → '2019-03-03/2019-03-05',
    'from March to May 2019' → '2019-03/2019-05'), or None when the text states none or its year is unknown."""
    m = _RE_DAYS_MDY.search(text)
    if m:
        months = (_month_number(m.group(1)), _month_number(m.group(3) or m.group(1)))
        return _span(months, (int(m.group(2)), int(m.group(4))), (None, m.group(5)), anchor)
    m = _RE_DAYS_DMY.search(text)
    if m:
        months = (_month_number(m.group(2) or m.group(4)), _month_number(m.group(4)))
        return _span(months, (int(m.group(1)), int(m.group(3))), (None, m.group(5)), anchor)
    m = _RE_MONTHS.search(text)
    if m and (m.group(4) or anchor) and (m.group(1)[0].isupper() and m.group(3)[0].isupper()):
        return _span((_month_number(m.group(1)), _month_number(m.group(3))), None, (m.group(2), m.group(4)), anchor)
    return None


def _span(months: tuple[int, int], days: tuple[int, int] | None, years: tuple[str | None, str | None],
          anchor: tuple[dt.date, int] | None) -> str | None:
    """Return 'start/end' of a span from its months, days (None: whole months) and the years the text states."""
    if years[1]:
        end_year = int(years[1])
    elif anchor:
        end_year = _year_for(anchor[0], months[1], 1, as_year=True, precision=anchor[1])
    else:
        return None
    start_year = int(years[0]) if years[0] else end_year - ((months[0], days[0] if days else 0) >
                                                          (months[1], days[1] if days else 0))
    if days is None:
        if (start_year, months[0]) >= (end_year, months[1]):
            return None
        return f"{start_year:04d}-{months[0]:02d}/{end_year:04d}-{months[1]:02d}"
    start, end = _safe(start_year, months[0], days[0]), _safe(end_year, months[1], days[1])
    if start is None or end is None or len(start) < 10 or len(end) < 10 or start >= end:
        return None
    return f"{start}/{end}"


def _safe(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def _year_after(context: dt.date, month: int, day: int) -> str | None:
    """Return the first month/day on or after `context`, the last full date an article without a date of its own
    stated: 'On January 31, 2017, X appeared in court. On October 24, the prosecutor ...' is 2017-10-24."""
    for year in (context.year, context.year + 1):
        found = _safe(year, month, day)
        if found is not None and found >= context.isoformat():
            return found
    return None


def _year_for(anchor: dt.date, month: int, day: int, as_year: bool = False, precision: int = 3) -> Any:
    """Return the date (or its year) of month/day nearest before the anchor: news reports the past.

    An anchor known to the year only (`precision` 1) gives its own year: any month of it may be meant.
    """
    year = anchor.year
    if precision == 1:
        return year if as_year else _safe(year, month, day)
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        candidate = dt.date(year, month, 1)
    # a month more than ~a month after the anchor is most likely last year's
    if (candidate - anchor).days > 31:
        year -= 1
    if as_year:
        return year
    return _safe(year, month, day)


def sentence_dates(sent: Span, anchor: str | None, previous: str | None,
                   ents: Sequence[Span] | None = None) -> list[tuple[Span | None, str]]:
    """Return (date expression, ISO date) for each date the sentence states, in text order; `ents` are
    `sent.ents` when the caller has them at hand."""
    memo = sent.doc.user_data.setdefault("linkchart_sentence_dates", {})  # relations, then the next span's context
    key = (sent.start, anchor, previous)
    if key not in memo:
        memo[key] = _sentence_dates(sent, anchor, previous, sent.ents if ents is None else ents)
    return list(memo[key])


def _sentence_dates(sent: Span, anchor: str | None, previous: str | None,
                    ents: Sequence[Span]) -> list[tuple[Span | None, str]]:
    found: list[tuple[Span | None, str]] = []
    covered: list[tuple[int, int]] = []
    for ent in ents:
        if not is_date_expression(ent):
            continue
        text = ent.text
        if text.lower() in {"may", "march"} and ent.start > sent.start:
            text = f"{ent.doc[ent.start - 1].text} {text}"  # 'in March' is the month, 'March' alone may be the verb
        if _occasion(ent):
            continue  # 'during Friday prayers': a weekly occasion, not a day
        # 'the period 2006-2011' / 'from 2006 to 2011': include a leading 'from' for the range
        # 'arrested in 2012 and freed two years later': a relative date counts from the sentence's last date
        value = resolve_date(text, anchor, context=found[-1][1] if found else previous)
        if value is None and re.fullmatch(r"(?:the\s+)?(?:summer|winter|spring|autumn|fall)", text, re.I):
            continue
        if value:
            found.append((ent, value))
            covered.append((ent.start_char, ent.end_char))
    # the small model sometimes leaves a bare year untagged ('in 2006' as CARDINAL or nothing)
    sent_text = span_text(sent)  # spaCy joins the tokens' text at each access
    if _RE_DIGIT.search(sent_text):  # each pattern below needs a digit: most sentences have none
        # ... and a day of a month too ('as early as October 7'): the sentence's date, if no tagged one says more
        for m in (*_RE_MDY.finditer(sent_text), *_RE_DMY.finditer(sent_text)):
            start = sent.start_char + m.start()
            if any(a <= start < b or start <= a < start + len(m.group(0)) for a, b in covered) \
                    or not m.group(0)[:1].isupper() and not m.group(0)[:1].isdigit():
                continue
            value = resolve_date(m.group(0), anchor, context=found[-1][1] if found else previous)
            if value:
                found.append((None, value))
                covered.append((start, start + len(m.group(0))))
        for m in _RE_YEAR.finditer(sent_text):
            start = sent.start_char + m.start()
            if any(a <= start < b for a, b in covered):
                continue
            before = sent_text[max(0, m.start() - 12): m.start()].lower()
            if _RE_YEAR_CUE.search(before):
                found.append((None, m.group(1)))
    found.sort(key=lambda x: x[0].start_char if x[0] is not None else 10**9)
    return found


def is_date_expression(ent: Span) -> bool:
    """Return True for a date expression: a DATE mention, or a TIME mention that names its day ('Friday night',
    'last night')."""
    return ent.label_ == "DATE" or ent.label_ == "TIME" and is_deictic(ent.text)


def _occasion(ent: Span) -> bool:
    """Return True when a date expression is a weekday naming a recurring occasion: a weekday modifying a noun
    other than a part of the day ('Friday prayers', 'Sunday mass'; not 'Friday night')."""
    words = [t for t in ent if t.lower_ not in {"the", "on", "last", "this", "next"}]
    if len(words) != 1 or words[0].lower_ not in WEEKDAYS:
        return False
    day = words[0]
    if day.dep_ not in {"compound", "nmod", "amod"} or day.head.i == day.i or day.head.i in {t.i for t in ent}:
        return False
    return day.head.pos_ in {"NOUN", "PROPN"} and day.head.lower_ not in _DATES.day_parts \
        and day.head.lemma_.lower() not in _DATES.day_parts


def sentence_date(sent: Span, anchor: str | None, previous: str | None) -> str | None:
    """Return the date a sentence's facts happened, or None when the sentence states no date.

    The sentence's own DATE expressions are resolved in order; relative ones ('two months later')
    against `previous` (the last date stated before this sentence) or else the `anchor`
    (the article's publication date).
    """
    dates = sentence_dates(sent, anchor, previous)
    return dates[0][1] if dates else None


def last_stated_date(span: Span, anchor: str | None, previous: str | None) -> str | None:
    """Return the last date stated in `span` (sentence by sentence), or `previous` when it states none.

    Pass the result as `context_date` to the extraction of the next span so that 'two months later'
    at the start of a paragraph resolves against the paragraph before.
    """
    for sent in span.sents:
        dates = sentence_dates(sent, anchor, previous)
        if dates:
            previous = dates[-1][1]
    return previous
