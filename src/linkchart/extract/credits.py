"""Credit lines: bylines and picture credits name authors, photographers and agencies, and state no facts.

A paragraph that is a credit line ('By Jane Roe', 'Reporting by Jane Roe in Oslo', 'Image Credit: AP') is
read for its mentions only; each person in it is recorded with the role the line gives (author,
photographer), each organisation as an agency, so a profile can say where the name came from.
"""

from __future__ import annotations

import re

from linkchart import lexicon
from linkchart.models import Mention

_LINES = {role: re.compile(p, re.IGNORECASE) for role, p in lexicon.boilerplate().credit_lines.items()}
MAX_CREDIT = 200  # longest paragraph still read as a credit line
CREDITED = {"PERSON": None, "ORG": "agency"}  # label -> role (None: the line's own role)


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
