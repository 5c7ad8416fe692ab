"""The dossier as one Markdown file, pictures embedded as SVG data: URIs.

Document text is escaped for Markdown: every punctuation character that Markdown or
inline HTML would act on is backslash-escaped, so a quote holding `<script>` or
`[link](javascript:…)` shows as text in any renderer.
"""

from __future__ import annotations

import base64
import re

from linkchart.export.report.base import Report
from linkchart.export.report.dossier import Dossier, Quote
from linkchart.export.report.svg import network_svg, timeline_svg

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")


def md_escape(text: object) -> str:
    """Return text with Markdown's and HTML's active characters escaped and whitespace on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _image(alt: str, svg: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"![{md_escape(alt)}](data:image/svg+xml;base64,{data})"


def _quotes(quotes: list[Quote], indent: str = "") -> list[str]:
    return [f"{indent}> “{md_escape(q.text)}” [^{q.source}]" for q in quotes]


def _sources(independent: int, total: int) -> str:
    text = f"{independent} independent source{'s' if independent != 1 else ''}"
    return text + (f" ({total} reports)" if total > independent else "")


def _marks(negated: bool, attributed_to: str | None, hedged: bool, date: str | None) -> str:
    bits = (["**DENIED**"] if negated else []) + ([f"according to {md_escape(attributed_to)}"] if attributed_to else [])
    bits += (["alleged"] if hedged else []) + ([md_escape(date)] if date else [])
    return (" · " + " · ".join(bits)) if bits else ""


def render_markdown(d: Dossier) -> str:
    """Return the dossier as Markdown."""
    out = [f"# {md_escape(d.name)}", "",
           f"*{md_escape(d.type)}* · linkchart dossier · entity \\#{d.id} · {d.mentions} mentions in "
           f"{d.documents} documents · generated {md_escape(d.generated)}"]
    if d.badges:
        out.append("Screening: " + ", ".join(f"**listed: {md_escape(b.list_name)}**" for b in d.badges))
    out += ["", "## Summary", ""] + [line for s in d.summary for line in (md_escape(s), "")]
    out += ["", "## Names and aliases", "", "| name | seen | why it is this entity |", "| --- | --- | --- |"]
    for a in d.aliases:
        why = md_escape(a.reason or "") + (f" — “{md_escape(a.evidence)}”" if a.evidence else "")
        out.append(f"| {md_escape(a.alias)} | {a.count}× | {why} |")
    out += ["", "## Network", "", _image(f"{d.name} and its network", network_svg(d.network)), ""]
    out += ["## Timeline", "", _image("timeline of events", timeline_svg(d.events)), ""]
    for ev in d.events:
        people = ", ".join(md_escape(p.name) for p in ev.participants)
        out.append(f"- **{md_escape(ev.date)}** {md_escape(ev.kind)}{_marks(ev.negated, ev.attributed_to, False, None)}"
                   f" · {_sources(ev.independent_sources, len(ev.quotes))}: {md_escape(ev.summary)}"
                   + (f" ({people})" if people else ""))
        out += ["", *_quotes(ev.quotes, "  "), ""]
    total = sum(len(v) for v in d.relations.values())
    out += ["", f"## Relations ({total})", ""]
    for items in d.relations.values():
        out += [f"### {md_escape(items[0].predicate.replace('_', ' '))} ({len(items)})", ""]
        for r in items:
            out.append(f"- {'→' if r.outgoing else '←'} {md_escape(r.label)} **{md_escape(r.other.name)}** "
                       f"({md_escape(r.other.type)}){_marks(r.negated, r.attributed_to, r.hedged, r.date)} · "
                       f"{_sources(r.independent_sources, len(r.quotes))}")
            out += ["", *_quotes(r.quotes, "  "), ""]
    out += ["## Conflicts between sources", ""]
    for c in d.conflicts:
        out.append(f"- **{md_escape(c.quantity)}** ({md_escape(c.kind)})")
        for s in c.sides:
            who = f" according to {md_escape(s.attributed_to)}" if s.attributed_to else ""
            out += [f"  - {md_escape(s.value)}{who}", "", *_quotes(s.quotes, "    "), ""]
    if not d.conflicts:
        out.append("No disagreement between sources found.")
    out += ["", "## Sources", ""]
    for s in d.sources:
        bits = [md_escape(x) for x in (s.title or s.file, s.outlet, s.byline, s.date) if x]
        where = f" <{s.url}>" if s.url and re.fullmatch(r"https?://[^\s<>]+", s.url) else ""
        out.append(f"[^{s.number}]: {', '.join(bits)}.{where} `{s.doc.replace('`', '')}`")
    return "\n".join(out) + "\n"


class MarkdownReport(Report):
    """One Markdown file; pictures embedded as SVG data: URIs, sources as footnotes."""

    name = "md"
    suffix = ".md"
    media_type = "text/markdown; charset=utf-8"
    description = "Markdown dossier"

    def render(self, dossier: Dossier) -> bytes:
        """Return the dossier as Markdown (UTF-8)."""
        return render_markdown(dossier).encode("utf-8")
