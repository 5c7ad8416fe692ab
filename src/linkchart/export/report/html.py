"""The dossier as one self-contained HTML file: styles inline, pictures as inline SVG, no script, nothing fetched.

Every string from the store (names, quotes, titles, URLs) is escaped: document text is
shown, never rendered as HTML. Only http(s) URLs become links. The same page is what
the PDF renderer prints (its @page rules set A4 margins).
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from linkchart.export.report.base import Report
from linkchart.export.report.dossier import Dossier, Quote, RelationItem, Source
from linkchart.export.report.svg import TYPE_COLOURS, network_svg, timeline_svg

STYLE = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 Georgia, "Times New Roman", serif; color: #1a202c; margin: 0 auto; max-width: 190mm;
  padding: 8mm 6mm; background: #fff; }
h1 { font: 700 22pt/1.2 Helvetica, Arial, sans-serif; margin: 0 0 4px; }
h2 { font: 700 12pt Helvetica, Arial, sans-serif; text-transform: uppercase; letter-spacing: .05em; color: #2d3748;
  border-bottom: 2px solid #2d3748; padding-bottom: 2px; margin: 18px 0 8px; break-after: avoid; }
h3 { font: 700 10.5pt Helvetica, Arial, sans-serif; margin: 12px 0 4px; color: #2d3748; break-after: avoid; }
.meta, .caption, .muted { color: #4a5568; font: 9pt Helvetica, Arial, sans-serif; }
.tag { display: inline-block; font: 700 8.5pt Helvetica, Arial, sans-serif; color: #fff; background: #a0aec0;
  border-radius: 8px; padding: 1px 8px; margin-right: 4px; vertical-align: middle; }
.tag.list { background: #c53030; }
.mark { font: 8.5pt Helvetica, Arial, sans-serif; border-radius: 7px; padding: 0 6px; margin-left: 4px;
  background: #edf2f7; color: #2d3748; white-space: nowrap; }
.mark.negated { background: #fed7d7; color: #9b2c2c; font-weight: 700; }
.mark.reported { background: #e9d8fd; color: #553c9a; }
.mark.sources { background: #c6f6d5; color: #22543d; }
.mark.single { background: #fefcbf; color: #744210; }
.summary p { margin: 0 0 5px; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e2e8f0; padding: 3px 6px; }
th { font: 700 8.5pt Helvetica, Arial, sans-serif; text-transform: uppercase; color: #4a5568; }
figure { margin: 6px 0; break-inside: avoid; }
figure svg { width: 100%; height: auto; border: 1px solid #e2e8f0; }
.item { margin: 6px 0 8px; break-inside: avoid; }
.item .head { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; }
.item .head b { font-weight: 700; }
blockquote { margin: 3px 0 3px 10px; padding: 1px 8px; border-left: 3px solid #cbd5e0; font-style: italic;
  font-size: 9.5pt; }
sup a, sup { font: 7.5pt Helvetica, Arial, sans-serif; color: #2b6cb0; text-decoration: none; font-style: normal; }
.sources li { font-size: 9pt; margin-bottom: 3px; word-break: break-word; }
.sources .file { color: #4a5568; }
.sides { display: flex; gap: 10px; }
.sides > div { flex: 1; border: 1px solid #e2e8f0; padding: 4px 8px; }
.value { font: 700 11pt Helvetica, Arial, sans-serif; }
footer { margin-top: 20px; border-top: 1px solid #e2e8f0; padding-top: 4px; }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _safe_url(url: str | None) -> str | None:
    """Return the URL when it is plain http(s), else None (never a javascript: or data: link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _cite(q: Quote) -> str:
    return f'<sup><a href="#source-{q.source}">[{q.source}]</a></sup>'


def _quotes(quotes: list[Quote]) -> str:
    return "".join(f"<blockquote>“{_e(q.text)}” {_cite(q)}</blockquote>" for q in quotes)


def _sources_mark(independent: int, total: int) -> str:
    kind = "sources" if independent >= 2 else "single"
    text = f"{independent} independent source{'s' if independent != 1 else ''}"
    if total > independent:
        text += f" ({total} reports)"
    return f'<span class="mark {kind}">{_e(text)}</span>'


def _marks(negated: bool, attributed_to: str | None, hedged: bool, date: str | None) -> str:
    out = []
    if negated:
        out.append('<span class="mark negated">DENIED</span>')
    if attributed_to:
        out.append(f'<span class="mark reported">according to {_e(attributed_to)}</span>')
    if hedged:
        out.append('<span class="mark reported">alleged</span>')
    if date:
        out.append(f'<span class="mark">{_e(date)}</span>')
    return "".join(out)


def _relation(r: RelationItem) -> str:
    head = (f'<div class="head">{"→" if r.outgoing else "←"} {_e(r.label)} <b>{_e(r.other.name)}</b> '
            f'<span class="muted">({_e(r.other.type)})</span>'
            f"{_marks(r.negated, r.attributed_to, r.hedged, r.date)}"
            f"{_sources_mark(r.independent_sources, len(r.quotes))}</div>")
    return f'<div class="item">{head}{_quotes(r.quotes)}</div>'


def _source(s: Source) -> str:
    bits = [f"<b>{_e(s.title)}</b>" if s.title else f"<b>{_e(s.file)}</b>"]
    bits += [_e(x) for x in (s.outlet, s.byline, s.date) if x]
    url = _safe_url(s.url)
    link = f' <a href="{_e(url)}">{_e(url)}</a>' if url else (f" {_e(s.url)}" if s.url else "")
    return f'<li id="source-{s.number}">{", ".join(bits)}.{link} <span class="file">{_e(s.doc)}</span></li>'


def render_html(d: Dossier) -> str:
    """Return the dossier as a self-contained HTML document."""
    colour = TYPE_COLOURS.get(d.type, "#a0aec0")
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>Dossier: {_e(d.name)}</title>", '<meta name="generator" content="linkchart">',
           f"<style>{STYLE}</style></head><body>"]
    out.append(f'<header><h1>{_e(d.name)}</h1><span class="tag" style="background:{colour}">{_e(d.type)}</span>')
    out += [f'<span class="tag list" title="{_e(b.detail or "")}">listed: {_e(b.list_name)}</span>' for b in d.badges]
    out.append(f'<p class="meta">linkchart dossier · entity #{d.id} · {d.mentions} mentions in {d.documents} '
               f"documents · generated {_e(d.generated)}</p></header>")
    out.append('<section class="summary"><h2>Summary</h2>' + "".join(f"<p>{_e(s)}</p>" for s in d.summary)
               + "</section>")
    out.append("<section><h2>Names and aliases</h2><table><tr><th>name</th><th>seen</th><th>why it is this "
               "entity</th></tr>")
    for a in d.aliases:
        why = _e(a.reason or "")
        if a.evidence:
            why += f"<blockquote>“{_e(a.evidence)}”</blockquote>"
        out.append(f"<tr><td>{_e(a.alias)}</td><td>{a.count}×</td><td>{why}</td></tr>")
    out.append("</table></section>")
    n = d.network
    caption = f"{d.name} and {len(n.nodes)} linked entit{'ies' if len(n.nodes) != 1 else 'y'}"
    if n.left_out:
        caption += f" (the {len(n.nodes)} with most relations; {n.left_out} more in the list below)"
    out.append(f"<section><h2>Network</h2><figure>{network_svg(n)}<figcaption class=\"caption\">{_e(caption)}; "
               "dashed red: denied by the text.</figcaption></figure></section>")
    out.append(f"<section><h2>Timeline</h2><figure>{timeline_svg(d.events)}</figure>")
    for ev in d.events:
        people = ", ".join(p.name for p in ev.participants)
        out.append(f'<div class="item"><div class="head"><b>{_e(ev.date)}</b> {_e(ev.kind)}'
                   f"{_marks(ev.negated, ev.attributed_to, False, None)}"
                   f"{_sources_mark(ev.independent_sources, len(ev.quotes))}</div>"
                   f'<div>{_e(ev.summary)} <span class="muted">{_e(people)}</span></div>{_quotes(ev.quotes)}</div>')
    if not d.events:
        out.append('<p class="muted">No dated events.</p>')
    out.append("</section>")
    total = sum(len(v) for v in d.relations.values())
    out.append(f"<section><h2>Relations ({total})</h2>")
    for items in d.relations.values():
        out.append(f"<h3>{_e(items[0].predicate.replace('_', ' '))} ({len(items)})</h3>")
        out += [_relation(r) for r in items]
    if not total:
        out.append('<p class="muted">No relations found.</p>')
    out.append("</section>")
    out.append("<section><h2>Conflicts between sources</h2>")
    for c in d.conflicts:
        sides = "".join(
            f'<div><div class="value">{_e(s.value)}</div>'
            + (f'<span class="mark reported">according to {_e(s.attributed_to)}</span>' if s.attributed_to else "")
            + f"{_quotes(s.quotes)}</div>" for s in c.sides)
        out.append(f'<div class="item"><div class="head"><b>{_e(c.quantity)}</b> <span class="muted">'
                   f'{_e(c.kind)}</span></div><div class="sides">{sides}</div></div>')
    if not d.conflicts:
        out.append('<p class="muted">No disagreement between sources found.</p>')
    out.append("</section>")
    out.append('<section class="sources"><h2>Sources</h2><ol>' + "".join(_source(s) for s in d.sources)
               + "</ol></section>")
    out.append('<footer class="muted">Every fact above is quoted from the sources listed; independent sources count '
               "near-duplicate or syndicated copies and reposts by one outlet once.</footer></body></html>")
    return "\n".join(out)


class HtmlReport(Report):
    """One self-contained HTML file (inline styles and SVG pictures, no script)."""

    name = "html"
    suffix = ".html"
    media_type = "text/html; charset=utf-8"
    description = "self-contained HTML dossier"

    def render(self, dossier: Dossier) -> bytes:
        """Return the dossier as HTML (UTF-8)."""
        return render_html(dossier).encode("utf-8")
