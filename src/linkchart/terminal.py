"""Text safe to show on a terminal: what a document holds is printed, never obeyed.

A title, source name, snippet or alias comes from a document someone else wrote. Printed
raw, an escape sequence in it (`ESC]0;…BEL` sets the window title, `ESC[31m` colours the
rest of the screen, a C1 `CSI` does the same in one byte) or a bidi override (which
reorders what the reader sees) acts on the analyst's terminal. `visible` replaces every
such character by its Python escape (`\\x1b`, `\\u202e`), so it shows but does nothing;
`text` wraps the result in a rich `Text`, which never reads `[bold]`-style markup;
`markup` escapes it for a rich markup string. `json_safe` escapes the same characters
inside JSON text, losslessly (JSON's `\\uXXXX`); `for_stream` cleans data written to a
terminal and leaves it exact when it goes to a file or a pipe.
"""

from __future__ import annotations

import re
from typing import TextIO

from rich.markup import escape
from rich.text import Text

# C0 controls but tab and newline, DEL, C1 controls; the bidi embeddings, overrides, isolates
# and marks; line and paragraph separators; lone surrogates (undecodable bytes of a file name).
_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[{_CHARS}]")
_UNSAFE_ONE_LINE = re.compile(f"[{_CHARS}\t\n]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: object, one_line: bool = False) -> str:
    """Return `str(value)` with every control, escape and bidi character shown as its escape (`\\x1b`).

    Tabs and newlines are kept unless `one_line` is true.
    """
    return (_UNSAFE_ONE_LINE if one_line else _UNSAFE).sub(_escaped, str(value))


def text(value: object, style: str = "", one_line: bool = False) -> Text:
    """Return a rich `Text` of `visible(value)` in `style`: markup in it is printed as written."""
    return Text(visible(value, one_line), style=style)


def markup(value: object) -> str:
    """Return `visible(value)` escaped for use inside a rich markup string."""
    return escape(visible(value))


def json_safe(json_text: str) -> str:
    """Return JSON text with the unsafe characters inside its strings written as `\\uXXXX` (same data)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def for_stream(data: str, stream: TextIO) -> str:
    """Return `data` made visible (tabs and newlines kept) when `stream` is a terminal, else unchanged."""
    isatty = getattr(stream, "isatty", None)
    return visible(data) if isatty is not None and isatty() else data
