"""The dossier's pictures, drawn as SVG text offline: the entity's network and the timeline of its events.

Hand-written SVG (no plotting library, no browser): deterministic, small, and it embeds in
HTML as it is and in Markdown as a data: URI. Every label is XML-escaped.

The network puts the entity in the middle and its neighbours on the two sides of an
ellipse, so each label reads outward horizontally and labels stack without overlapping;
links to the entity carry their predicates. The timeline is a dated axis with one dot
per event (hollow when only the year is known) and labels stacked in lanes so none
overlaps another.
"""

from __future__ import annotations

import math
from html import escape

from linkchart.export.report.dossier import EventItem, Network

TYPE_COLOURS = {"PERSON": "#2b6cb0", "ORG": "#c05621", "GPE": "#2f855a", "LOC": "#38a169", "FAC": "#6b46c1",
                "EVENT": "#b7791f", "NORP": "#718096"}
OTHER_COLOUR = "#a0aec0"
FONT = "font-family=\"Helvetica, Arial, sans-serif\""
CHAR_WIDTH = 0.56  # average glyph width as a share of the font size (Helvetica-like faces)
LABEL_CHARS = 30
SIDE_SPAN = math.radians(140)  # each side of the ellipse spans this much, centred on the horizontal


def _text(x: float, y: float, text: str, size: float = 11, anchor: str = "start", weight: str = "normal",
          fill: str = "#1a202c", halo: bool = True) -> str:
    """Return an SVG text element (escaped), with a white halo so it stays legible over lines."""
    stroke = ' stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"' if halo else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}"{stroke} {FONT}>{escape(text)}</text>')


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def text_width(text: str, size: float) -> float:
    """Return the estimated width of a label in pixels."""
    return len(text) * size * CHAR_WIDTH


def _legend(types: list[str], x: float, y: float) -> list[str]:
    """Return the type legend as a row of dots and names."""
    out = []
    for t in types:
        out.append(f'<circle cx="{x + 5:.1f}" cy="{y - 4:.1f}" r="5" fill="{TYPE_COLOURS.get(t, OTHER_COLOUR)}"/>')
        out.append(_text(x + 14, y, t, 10, halo=False, fill="#4a5568"))
        x += 24 + text_width(t, 10)
    return out


def network_svg(net: Network, width: int = 720, height: int = 480) -> str:
    """Return the network picture: the entity in the middle, its neighbours on the two sides, links labelled."""
    cx, cy = width / 2, (height - 24) / 2
    rx, ry = width * 0.27, (height - 24) * 0.42
    n = len(net.nodes)
    right = math.ceil(n / 2)
    pos: dict[int, tuple[float, float, float]] = {net.center.id: (cx, cy, 0.0)}
    for i, node in enumerate(net.nodes):
        side, k, count = (0, i, right) if i < right else (1, i - right, n - right)
        step = SIDE_SPAN / max(count, 1)
        offset = -SIDE_SPAN / 2 + step * (k + 0.5)
        angle = offset if side == 0 else math.pi - offset
        pos[node.id] = (cx + rx * math.cos(angle), cy + ry * math.sin(angle), angle)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="{escape(net.center.name)} and its network">',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    labels = []
    for link in sorted(net.links, key=lambda lk: net.center.id in (lk.a, lk.b)):
        if link.a not in pos or link.b not in pos:
            continue
        (x1, y1, _), (x2, y2, _) = pos[link.a], pos[link.b]
        spoke = net.center.id in (link.a, link.b)
        colour = "#e53e3e" if link.negated else ("#718096" if spoke else "#cbd5e0")
        dash = ' stroke-dasharray="5 4"' if link.negated else ""
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                     f'stroke-width="{1.6 if spoke else 1}"{dash}/>')
        if spoke:
            far = (x2, y2) if link.a == net.center.id else (x1, y1)
            lx, ly = cx + (far[0] - cx) * 0.58, cy + (far[1] - cy) * 0.58
            labels.append(_text(lx, ly + 3, _short(", ".join(link.labels), 34), 9, "middle", fill="#4a5568"))
    parts += labels
    for node in net.nodes:
        x, y, angle = pos[node.id]
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{TYPE_COLOURS.get(node.type, OTHER_COLOUR)}" '
                     f'stroke="#ffffff" stroke-width="1.5"/>')
        outward = math.cos(angle) >= 0
        parts.append(_text(x + (11 if outward else -11), y + 4, _short(node.name), 11, "start" if outward else "end"))
    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="13" fill="{TYPE_COLOURS.get(net.center.type, OTHER_COLOUR)}" '
                 f'stroke="#1a202c" stroke-width="2.5"/>')
    parts.append(_text(cx, cy + 30, _short(net.center.name, 40), 13, "middle", "bold"))
    types = sorted({net.center.type, *(x.type for x in net.nodes)})
    parts += _legend(types, 10, height - 8)
    if net.left_out:
        parts.append(_text(width - 10, height - 8, f"and {net.left_out} more linked entities (see relations)", 10,
                           "end", halo=False, fill="#4a5568"))
    if not net.nodes:
        parts.append(_text(cx, cy - 30, "no relations found", 12, "middle", fill="#718096"))
    parts.append("</svg>")
    return "\n".join(parts)


def year_of(date: str) -> float:
    """Return an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as a fractional year (the middle of what it states)."""
    bits = [int(b) for b in date.split("/")[0].split("-")[:3] if b.isdigit()]  # a span of years: its start
    if len(bits) == 1:
        return bits[0] + 0.5
    if len(bits) == 2:
        return bits[0] + (bits[1] - 0.5) / 12
    return bits[0] + (bits[1] - 1) / 12 + (bits[2] - 0.5) / 365


def timeline_svg(events: list[EventItem], width: int = 720, max_lanes: int = 14) -> str:
    """Return the timeline plot: a dated axis, a dot per event, labels stacked in lanes so none overlaps."""
    dated = sorted((e for e in events if e.date and e.date[:4].isdigit()), key=lambda e: e.date)
    left, right, lane_h, size = 20, width - 20, 15, 10
    if not dated:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 40" width="{width}" height="40">'
                + _text(width / 2, 24, "no dated events", 12, "middle", fill="#718096") + "</svg>")
    lo = math.floor(year_of(dated[0].date))
    hi = math.floor(year_of(dated[-1].date)) + 1
    span = max(hi - lo, 1)

    def x_of(date: str) -> float:
        return left + (year_of(date) - lo) / span * (right - left)

    lane_ends: list[float] = []
    placed: list[tuple[EventItem, float, int | None, str]] = []
    for e in dated:
        x = x_of(e.date)
        label = _short(f"{e.date} {e.kind}", 28)
        w = text_width(label, size)
        start = min(max(x - 3, left), right - w)  # the label starts at its dot, kept inside the plot
        lane = next((i for i, end in enumerate(lane_ends) if end < start - 6), None)
        if lane is None and len(lane_ends) < max_lanes:
            lane = len(lane_ends)
            lane_ends.append(0.0)
        if lane is not None:
            lane_ends[lane] = start + w
        placed.append((e, start, lane, label))
    lanes = max(len(lane_ends), 1)
    axis_y = 16 + lanes * lane_h + 8
    height = axis_y + 34
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" aria-label="timeline of events">',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
             f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="#4a5568" stroke-width="1.2"/>']
    step = max(1, math.ceil(span / 12))
    for year in range(lo, hi + 1, step):
        x = left + (year - lo) / span * (right - left)
        parts.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="#4a5568"/>')
        parts.append(_text(x, axis_y + 18, str(year), 10, "middle", halo=False, fill="#4a5568"))
    hidden = 0
    for e, start, lane, label in placed:
        x = x_of(e.date)
        colour = "#e53e3e" if e.negated else "#2b6cb0"
        precise = len(e.date) >= 7
        if lane is not None:
            y = 16 + lane * lane_h
            parts.append(f'<line x1="{x:.1f}" y1="{y + 3:.1f}" x2="{x:.1f}" y2="{axis_y:.1f}" stroke="#cbd5e0"/>')
            parts.append(_text(start, y, label, size, fill="#e53e3e" if e.negated else "#1a202c"))
        else:
            hidden += 1
        fill = colour if precise else "#ffffff"
        parts.append(f'<circle cx="{x:.1f}" cy="{axis_y}" r="4.5" fill="{fill}" stroke="{colour}" stroke-width="1.8"/>')
    if hidden:
        parts.append(_text(right, height - 4, f"{hidden} more events in the list below", 10, "end", halo=False,
                           fill="#4a5568"))
    parts.append(_text(left, height - 4, "● dated to the month or day   ○ year only", 10, halo=False, fill="#4a5568"))
    parts.append("</svg>")
    return "\n".join(parts)
