"""linkchart.terminal: what a document holds is shown on a terminal, never obeyed."""

from __future__ import annotations

import json
import os

from rich.console import Console

from linkchart.terminal import for_stream, json_safe, markup, text, visible

HOSTILE = "\x1b]0;pwned\x07 [bold]x[/bold] \x1b[31mred\x1b[0m \u202egnp.exe \x9b2J \x00\x08\r"


def rendered(value: object) -> str:
    """Return what rich writes to a colour terminal for `value`."""
    console = Console(force_terminal=True, color_system="truecolor", width=400, highlight=False)
    with console.capture() as captured:
        console.print(value)
    return captured.get()


def test_escapes_controls_and_bidi_are_shown_escaped() -> None:
    shown = visible(HOSTILE)
    assert shown == ("\\x1b]0;pwned\\x07 [bold]x[/bold] \\x1b[31mred\\x1b[0m \\u202egnp.exe \\x9b2J \\x00\\x08\\x0d")
    for raw in ("\x1b", "\x07", "\u202e", "\x9b", "\x00", "\r"):
        assert raw not in shown


def test_tabs_and_newlines_stay_unless_one_line() -> None:
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible("a\tb\nc", one_line=True) == "a\\x09b\\x0ac"
    assert visible("naïve – “quoted” ق") == "naïve – “quoted” ق"


def test_lone_surrogates_of_undecodable_file_names_are_shown() -> None:
    name = b"report-\xff.txt".decode("utf-8", "surrogateescape")
    assert visible(name) == "report-\\udcff.txt"
    visible(name).encode("utf-8")  # printable now


def test_rich_prints_markup_literally_and_obeys_no_escape() -> None:
    out = rendered(text(HOSTILE))
    assert "[bold]x[/bold]" in out and "\\x1b]0;pwned\\x07" in out
    assert "\x07" not in out and "]0;" not in out.replace("\\x1b]0;", "")
    assert "\x1b[31m" not in out and "\u202e" not in out
    marked = rendered(f"[bold]{markup('[link=https://example.invalid]x[/link]')}[/bold]")
    assert "[link=https://example.invalid]x[/link]" in marked
    assert "\x1b]8;" not in marked  # no hyperlink: the markup was not read


def test_json_stays_the_same_data() -> None:
    data = {"title": HOSTILE + "\ud800"}
    encoded = json_safe(json.dumps(data, ensure_ascii=False))
    assert json.loads(encoded) == data
    assert "\u202e" not in encoded and "\x9b" not in encoded and "\ud800" not in encoded


def test_data_is_made_visible_on_a_terminal_and_left_exact_in_a_file(tmp_path) -> None:
    primary, secondary = os.openpty()
    with os.fdopen(secondary, "w", encoding="utf-8") as tty, open(tmp_path / "out.txt", "w", encoding="utf-8") as f:
        assert for_stream(HOSTILE, tty) == visible(HOSTILE)
        assert for_stream(HOSTILE, f) == HOSTILE
    os.close(primary)


def test_a_search_snippet_shows_line_breaks_as_spaces_and_escapes_the_rest() -> None:
    from linkchart.cli import highlight_snippet

    shown = highlight_snippet("Vale\n\nmet \x1b[31m Oren", [(0, 4)]).plain
    assert shown == "  Vale  met \\x1b[31m Oren"
