"""Credit lines: bylines and picture credits name authors, photographers and agencies, and state no facts.

A paragraph that is a credit line ('By Jane Roe', 'Reporting by Jane Roe in Oslo', 'Image Credit: AP') is
read for its mentions only; each person in it is recorded with the role the line gives (author,
photographer), each organisation as an agency, so a profile can say where the name came from.

A picture caption ending in a labelled credit ('Jane Roe at the dock. (photo credit: VALLEY NEWS)') is read
the same way: the names of the caption are people and places shown in a picture, the names of the credit
its photographers and agencies. A credit's text is names by its nature: a piece of it that the model leaves
out (a name in capitals) is kept as an agency.
"""

from __future__ import annotations

import re

from linkchart import lexicon
from linkchart.models import Mention

_LINES = {role: re.compile(p, re.IGNORECASE) for role, p in lexicon.boilerplate().credit_lines.items()}
_CAPTION = re.compile(lexicon.boilerplate().caption_credit, re.IGNORECASE)
CREDIT_SEPARATORS = re.compile(r"\s*(?:/|,|;|\band\b|&)\s*")  # between the names of one credit ('AP/Jane Roe')
CAPTION_DESCRIPTION = "named in a picture caption"
MAX_CREDIT = 200  # longest paragraph still read as a credit line
CREDITED = {"PERSON": None, "ORG": "agency"}  # label -> role (None: the line's own role)


_MONTH_WORDS = "|".join(sorted(lexicon.dates().months, key=len, reverse=True))
# 'KELM, March 9 (Reuters) - ', 'Kelm, 9 March 2025 — ', 'KELM (AP) - ': a place, a date with its month named,
# an agency
_DAY = rf"(?:(?i:{_MONTH_WORDS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?i:{_MONTH_WORDS})\.?)(?:,?\s+\d{{4}})?"  # 'March 9, 2025'
_DATELINE = re.compile(
    rf"[A-Z][\w.'’ -]{{1,30}},\s*{_DAY}(?:\s*\(\w+(?: \w+){{0,2}}\))?\s*[-–—]\s"  # 'Kelm, 9 March 2025 — '
    r"|[A-Z][A-Z.'’ -]{1,30}(?:,[^\n()–—]{1,30}?)?\s*\(\w+(?: \w+){0,2}\)\s*[-–—]\s")  # 'KELM (Reuters) - '


def dateline_length(text: str) -> int:
    """Return the length of the dateline that opens `text` ('KELM, March 9 (Reuters) - '), 0 when none: the place
    where a report was filed and the agency that filed it take no part in what it reports."""
    found = _DATELINE.match(text)
    return found.end() if found else 0


def credit_role(text: str) -> str | None:
    """Return the role a credit line gives the people it names ('author', 'photographer'), or None when
    `text` is not a credit line."""
    line = text.strip()
    if len(line) > MAX_CREDIT or "\n" in line:
        return None
    for role, pattern in _LINES.items():
        if pattern.match(line):
            return role
    return None


def credit_mentions(found: list[Mention], role: str) -> list[Mention]:
    """Return the mentions of a credit line with their roles set: people take the line's role, organisations
    are agencies, and each says so in its description; places ('Reporting by X in Oslo') keep none."""
    for m in found:
        if m.label in CREDITED:
            m.role = CREDITED[m.label] or role
            m.description = f"{m.role} (named in a credit line)"  # what a profile shows of a byline-only name
    return found


def caption_credit(text: str) -> tuple[int, int] | None:
    """Return where the credit of a picture caption starts and ends in `text` ('(photo credit: AP)' after the
    caption's sentence), or None when `text` is no caption ending in a labelled credit."""
    line = text.rstrip()
    if len(line) > MAX_CREDIT + 400 or "\n" in line.strip():
        return None
    m = _CAPTION.match(line)
    return (m.start("credit"), m.end("credit")) if m else None


def caption_mentions(found: list[Mention], text: str, credit: tuple[int, int], offset: int) -> list[Mention]:
    """Return the mentions of a captioned picture (`text` at `offset`, its credit at `credit` in `text`): those of
    the caption described as named in a caption, those of the credit as photographers and agencies, and each
    piece of the credit no mention covers as an agency."""
    a = credit[0] + offset
    out = []
    for m in found:
        if m.start >= a:
            if m.label in CREDITED:
                m.role = CREDITED[m.label] or "photographer"
                m.description = f"{m.role} (named in a credit line)"
        else:
            m.description = m.description or CAPTION_DESCRIPTION
        out.append(m)
    pos = credit[0]
    for piece in CREDIT_SEPARATORS.split(text[credit[0]:credit[1]]):
        start = text.find(piece, pos) if piece else -1
        if start < 0:
            continue
        pos = start + len(piece)
        s, e = start + offset, start + len(piece) + offset
        if not any(ch.isupper() for ch in piece) or any(m.start < e and s < m.end for m in found):
            continue
        out.append(Mention(s, e, piece, "ORG", offset, offset + len(text), role="agency",
                           description="agency (named in a credit line)"))
    return out
