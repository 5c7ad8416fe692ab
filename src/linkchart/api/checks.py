"""Checks of what a caller hands the API (ids, entity types, dates, names): refused with a message saying why.

The CLI and the web share them, so `entities --type BOGUS` and `GET /api/entities?type=BOGUS`
are refused alike; every refusal is an `InvalidInput` whose message lists what is valid.
"""

from __future__ import annotations

import datetime as dt
import re

from linkchart import lexicon

SQLITE_MAX_INT = 2**63 - 1  # ids are SQLite integers: anything larger cannot name a row
SHOWN_CHARS = 60  # how much of a refused input a message repeats
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_UNWRITABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # controls, and lone surrogates (not UTF-8)


class InvalidInput(ValueError):
    """The caller's input is refused; the message says why and what would be accepted."""


def shown(value: str, limit: int = SHOWN_CHARS) -> str:
    """Return `repr(value)` cut to about `limit` characters (a message never echoes a long input whole)."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + f"… ({len(value):,} characters)"


def is_row_id(value: int) -> bool:
    """Return True when `value` can be the id of a stored row (1 … 2^63-1)."""
    return 0 < value <= SQLITE_MAX_INT


def entity_types() -> tuple[str, ...]:
    """Return the entity types an entity can have (PERSON, ORG, GPE, LOC, FAC, EVENT), in the lexicon's order."""
    return lexicon.labels().actors


def check_type(type_: str) -> str:
    """Return the entity type `type_` in capitals; raise InvalidInput when there is no such type."""
    wanted = type_.strip().upper()
    if wanted not in entity_types():
        raise InvalidInput(f"unknown entity type {shown(type_)} (valid: {', '.join(entity_types())})")
    return wanted


def check_date(value: str, what: str = "date") -> str:
    """Return the date `value` (YYYY, YYYY-MM or YYYY-MM-DD, a real calendar day); raise InvalidInput."""
    match = _DATE.fullmatch(value.strip())
    if match:
        year, month, day = match.groups()
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
            return match.group()
        except ValueError:
            pass
    raise InvalidInput(f"bad {what} {shown(value)}: use YYYY, YYYY-MM or YYYY-MM-DD with a real month (01-12) "
                       "and day (e.g. 2019, 2019-12, 2019-12-31)")


def check_writable(value: str, what: str = "name") -> str:
    """Return `value` when it can be stored as a name; raise InvalidInput for control characters or lone surrogates.

    (A lone surrogate is a byte that was not UTF-8, carried through a command line or JSON `\\ud800`.)
    """
    if _UNWRITABLE.search(value):
        raise InvalidInput(f"the {what} {shown(value)} holds control characters or bytes that are not UTF-8")
    return value


def check_name(value: str, what: str = "name", max_chars: int = 300) -> str:
    """Return `value` with its whitespace collapsed; raise InvalidInput when empty, too long or not writable."""
    name = " ".join(check_writable(value, what).split())
    if not name:
        raise InvalidInput(f"empty {what}")
    if len(name) > max_chars:
        raise InvalidInput(f"the {what} is {len(name):,} characters long (at most {max_chars})")
    return name


def check_query(value: str, max_chars: int = 1000) -> str:
    """Return a search query unchanged; raise InvalidInput when too long or not UTF-8 (lone surrogates)."""
    if re.search("[\ud800-\udfff]", value):
        raise InvalidInput(f"the query {shown(value)} holds bytes that are not UTF-8")
    if len(value) > max_chars:
        raise InvalidInput(f"the query is {len(value):,} characters long (at most {max_chars})")
    return value
