"""The numbers a name carries: 'District 211', 'Robert III', 'World War I', 'Route 66'.

A number in a name tells one thing of a series from another: a school district from its neighbour,
a king from his father, one war or road from the next. Transliteration keys drop digits and fold
'III' to 'i' like any doubled letter, so 'Robert II' and 'Robert III' would share a key; the resolver
and the matcher read the numbers here and keep names whose numbers differ apart.

A Roman numeral counts only after the first word, in capitals, with no full stop after it: 'V.' in
'Anna V. Petrova' is an initial. A one-letter numeral ('I', 'V', 'X') counts only as the last word
('World War I', 'Pius V'), where an initial would stand before the surname.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = re.compile(r"\d+")
# a Roman numeral up to 39 as a word of its own, not followed by a full stop (an initial)
_ROMAN = re.compile(r"(?<=\s)(X{0,3}(?:IX|IV|V?I{0,3}))(?=$|[\s,;:)])")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_value(numeral: str) -> int:
    """Return the value of a Roman numeral made of I, V and X ('XIV' → 14)."""
    total = 0
    for i, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


@lru_cache(maxsize=100_000)
def _numbers_at(name: str) -> tuple[tuple[int, int], ...]:
    """Return (offset, value) of each number written in `name`, in order."""
    text = name.strip()
    found: list[tuple[int, int]] = [(m.start(), int(m.group())) for m in _DIGITS.finditer(text)]
    for m in _ROMAN.finditer(text):
        numeral = m.group(1)
        if not numeral or (len(numeral) == 1 and m.end() != len(text)):
            continue  # an empty match, or one letter inside the name: an initial ('John V Smith')
        found.append((m.start(), _roman_value(numeral)))
    return tuple(sorted(found))


def name_numbers(name: str) -> tuple[int, ...]:
    """Return the numbers written in `name`, in order: its digit runs and its Roman numerals after the first word
    ('Township District 211' → (211,), 'Louis XIII' → (13,), 'Anna V. Petrova' → ())."""
    return tuple(value for _, value in _numbers_at(name))


def series_numbers(name: str) -> tuple[int, ...]:
    """Return the numbers of `name` after its first word: the number of one of a series ('District 211', 'Louis
    XIII'), not a house number or a year before the name ('10 Varn Street', '1985 Tarn Cup'), which a text may
    leave out of the same name."""
    return tuple(value for at, value in _numbers_at(name) if at > 0)


def numbers_differ(a: str, b: str) -> bool:
    """Return True when both names carry numbers and not the same ones: two of a series ('District 211' and
    'District 214', 'Robert II' and 'Robert III'), never one thing. A name without a number may be either."""
    x, y = name_numbers(a), name_numbers(b)
    return bool(x) and bool(y) and x != y
