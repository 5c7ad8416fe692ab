"""Tests for linkchart.ingest.tagstrip: visible text of HTML at any depth."""

from __future__ import annotations

from linkchart.ingest.tagstrip import plain_text

DROP = ("script", "style", "nav", "head")
BLOCKS = ("p", "div", "li", "br", "h1")


def test_blocks_become_paragraphs_and_dropped_elements_go() -> None:
    html = (
        "<html><head><title>T</title><style>p {}</style></head><body><nav>Home | About</nav>"
        "<h1>Port talks</h1><p>First  paragraph,\n wrapped &amp; escaped.</p><script>var x = '<p>';</script>"
        "<ul><li>one</li><li>two<br>three</li></ul></body></html>"
    )
    assert plain_text(html, DROP, BLOCKS) == "Port talks\n\nFirst paragraph, wrapped & escaped.\n\none\n\ntwo\n\nthree"


def test_depth_costs_nothing() -> None:
    depth = 50_000
    html = "<body>" + "<div><span>" * depth + "Deep words." + "</span></div>" * depth + "<p>After.</p></body>"
    assert plain_text(html, DROP, BLOCKS) == "Deep words.\n\nAfter."


def test_unclosed_and_broken_markup() -> None:
    assert plain_text("<p>one<p>two <b>bold</i> <script>never closed", DROP, BLOCKS) == "one\n\ntwo bold"
