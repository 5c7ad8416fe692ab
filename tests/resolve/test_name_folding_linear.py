"""Name folding stays linear on long inputs (issue #10 item 4): no quadratic regex, no quadratic loop.

A regex like `[aeiou]+llah$` tries every vowel of a long vowel run as a start and scans
the run each time; a loop that slices a string once per title copies it once per title.
Work is counted (Python calls), not timed; a 1,000,000-character name must fold at all.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linkchart.resolve import names

# shapes that made folding quadratic: vowel runs not followed by '-llah', capitals, titles in a row
SHAPES: dict[str, Callable[[int], str]] = {
    "vowel run": lambda n: "Q" + "a" * (n - 2) + "r",
    "vowel run then -llah": lambda n: "Nasr" + "ou" * ((n - 8) // 2) + "llah",
    "capitals": lambda n: "A" * n,
    "dotted letters": lambda n: "a." * (n // 2),
    "titles in a row": lambda n: "Dr " * (n // 3) + "Tarifi",
    "vowel pairs": lambda n: "ei" * (n // 2),
    "many words": lambda n: "Tarifi " * (n // 7),
}


def _fold_all(name: str) -> None:
    names.normalize(name)
    names.strip_titles(name)
    names.name_key(name)
    names.name_kind(name)
    names.org_core(name)


def _clear() -> None:
    for f in (names.normalize, names.strip_titles, names._name_tokens, names.name_key, names._name_parts,
              names._parse, names._folds, names.name_kind, names.org_core, names.is_acronym):
        f.cache_clear()


def _calls(name: str) -> int:
    _clear()
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        _fold_all(name)
    finally:
        sys.setprofile(None)
    return count


@given(st.text(alphabet="aeiouylhns", max_size=30))
def test_linking_vowel_rule_equals_the_regex_it_replaces(s: str) -> None:
    assert names._linking_vowel(s) == re.sub(r"[aeiou]+llah$", "allah", s)


@given(st.lists(st.sampled_from(["Dr", "Sheikh", "Tarifi", "al-Nadimi", "-", " "]), max_size=8))
def test_strip_titles_matches_stripping_one_title_at_a_time(words: list[str]) -> None:
    name = " ".join(words)
    expected = name.strip()
    while (m := re.match(names._TITLE_RE.pattern, expected, re.IGNORECASE)) and expected[m.end():].strip():
        expected = expected[m.end():].lstrip()
    assert names.strip_titles(name) == expected


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_ten_times_the_input_is_about_ten_times_the_calls(shape: str) -> None:
    small, large = _calls(SHAPES[shape](2_000)), _calls(SHAPES[shape](20_000))
    assert large <= 12 * small + 1_000, (shape, small, large)


def test_names_of_a_million_characters_fold() -> None:
    # run apart, so that a regression fails (a quadratic rule would take hours) instead of hanging the suite
    code = ("from linkchart.resolve import names\n"
            "for make in (lambda n: 'Q' + 'a' * n + 'r', lambda n: 'A' * n, lambda n: 'Dr ' * (n // 3) + 'Tarifi',\n"
            "             lambda n: 'Nasr' + 'o' * n + 'llah'):\n"
            "    name = make(1_000_000)\n"
            "    print(names.name_key(name), names.name_kind(name) or '-', names.strip_titles(name)[:6])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True)
    assert done.stdout.splitlines() == ["kar - Qaaaaa", "a - AAAAAA", "tarifi person Tarifi", "nasrala - Nasroo"]
