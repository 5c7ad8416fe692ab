"""The `linkchart` command: parses arguments, calls `linkchart.api`, prints with rich."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from linkchart.api import DEFAULT_DB, IngestReport, RelationView, Workspace, sample_corpus_path

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # one problem, one line, however long

DbOption = Annotated[
    str, typer.Option("--db", envvar="LINKCHART_DB", help="Store: a SQLite file, or postgresql://USER@HOST/DB.")
]
PROGRESS_MIN_FILES = 4


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files and folders (default: the sample corpus).")] = None,
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    processes: Annotated[int | None, typer.Option("--processes", "-j", help="Extraction processes.")] = None,
) -> None:
    """Ingest files and folders (txt, md, html, pdf, jsonl) into the store."""
    targets = paths or [str(sample_corpus_path())]
    with Workspace(db, processes=processes) as ws:
        report = _ingest_with_progress(ws, targets, quiet)
        _print_problems(report)
        if not quiet:
            _print_ingest_summary(ws, report)
    if not report.ok:
        raise typer.Exit(1)


def _ingest_with_progress(ws: Workspace, targets: list[str], quiet: bool) -> IngestReport:
    """Return the ingest report, showing a progress bar when there are enough files."""
    from linkchart.ingest.read import iter_files

    total = sum(1 for _ in iter_files(targets))
    if quiet or total < PROGRESS_MIN_FILES:
        return ws.ingest(targets)
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=total)
        return ws.ingest(targets, on_file=lambda p: progress.update(task, advance=1, description=Path(p).name))


def _print_problems(report: IngestReport) -> None:
    """Print one line per skipped, failed or warned file on stderr."""
    for line in report.skipped:
        err.print(Text(f"skipped {line}", style="dim"))
    for line in report.warnings:
        err.print(Text(f"warning {line}", style="yellow"))
    for line in report.failed:
        err.print(Text(f"error {line}", style="red"))


def _print_ingest_summary(ws: Workspace, report: IngestReport) -> None:
    """Print the summary table of one ingest run and of the store."""
    stats = ws.stats()
    table = Table(title="ingest summary", show_header=False)
    table.add_row("files added", str(len(report.added)))
    table.add_row("files unchanged (already stored)", str(len(report.unchanged)))
    table.add_row("files skipped", str(len(report.skipped)))
    table.add_row("files failed", str(len(report.failed)))
    table.add_row("articles added", str(report.articles))
    table.add_row("store: documents / articles", f"{stats.get('documents', 0)} / {stats.get('articles', 0)}")
    langs = stats.get("languages", {})
    table.add_row("store: languages", ", ".join(f"{k} {v}" for k, v in sorted(langs.items())) or "-")
    table.add_row("store: near-duplicate articles", str(stats.get("duplicates", 0)))
    out.print(table)


@app.command()
def documents(db: DbOption = DEFAULT_DB) -> None:
    """List stored articles: source, title, date, language, words, duplicate-of."""
    with Workspace(db, extract=False) as ws:
        rows = ws.documents()
    table = Table("id", "source", "#", "title", "date", "lang", "words", "duplicate of")
    for r in rows:
        dup = f"{r.duplicate_of} ({r.similarity:.2f})" if r.duplicate_of is not None else ""
        table.add_row(str(r.id), Path(r.source).name, str(r.index), Text(r.title or ""), r.date or "",
                      r.language, str(r.words), dup)
    out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 10,
) -> None:
    """Full-text search with highlighted snippets, source and original offsets."""
    with Workspace(db, extract=False) as ws:
        hits = ws.search(query, limit=limit)
    if not hits:
        out.print(f"no match for {query!r}")
        return
    _print_hits(hits)


def _print_hits(hits: list) -> None:
    """Print search hits with their highlighted snippets."""
    for hit in hits:
        head = Text(f"{Path(hit.source).name} [{hit.start}:{hit.end}]", style="bold")
        if hit.title:
            head.append(f"  {hit.title}", style="cyan")
        if hit.date:
            head.append(f"  {hit.date}", style="dim")
        out.print(head)
        out.print(highlight_snippet(hit.snippet_text, hit.highlights))


def highlight_snippet(text: str, highlights: list[tuple[int, int]]) -> Text:
    """Return a rich Text of a snippet with its matches in reverse video."""
    out = Text("  " + " ".join(text.split("\n")))
    for s, e in highlights:
        out.stylize("bold reverse", s + 2, e + 2)
    return out


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (linkchart/1), gexf, graphml or neo4j")] = "json",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write ('-' for stdout).")] = "-",
) -> None:
    """Export the store: linkchart/1 JSON, GEXF or GraphML (Gephi), or a Cypher script (Neo4j)."""
    from linkchart.export import exporters

    known = exporters()
    if fmt not in known:
        err.print(f"error: unknown export format {fmt!r} (known: {', '.join(known)})")
        raise typer.Exit(2)
    with Workspace(db, extract=False) as ws:
        text = ws.export(fmt)
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        err.print(f"wrote {output} ({known[fmt].description}, {len(text.encode('utf-8')):,} bytes)")


@app.command()
def demo(
    db: DbOption = DEFAULT_DB,
    query: Annotated[str, typer.Option("--query", help="Query whose top hits are shown.")] = "Khazali",
    serve_page: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the web page afterwards.")] = True,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
) -> None:
    """Ingest the bundled sample corpus (if not yet), print a summary and top hits, then serve the page."""
    with Workspace(db) as ws:
        report = _ingest_with_progress(ws, [str(sample_corpus_path())], quiet=False)
        _print_problems(report)
        _print_ingest_summary(ws, report)
        out.print(f"\n[bold]top hits for {query!r}[/]")
        _print_hits(ws.search(query, limit=5))
    if serve_page:
        serve(db=db, host=host, port=port)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to bind (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
) -> None:
    """Serve the JSON API (documented at /docs) and the web page; prints the curation token."""
    from linkchart.web.app import serve as run_server

    if "://" not in db and not Path(db).exists():  # a database URL is checked by connecting
        _fail(f"{db}: no such store (run 'linkchart ingest' or 'linkchart demo' first)")
    run_server(db, host=host, port=port)


def _fail(message: str) -> None:
    err.print(Text(f"error: {message}", style="red"))
    raise typer.Exit(1)


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, GPE, LOC, FAC or EVENT")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 30,
) -> None:
    """List entities ranked by mentions and documents, with type and aliases."""
    with Workspace(db, extract=False) as ws:
        rows = ws.entities(type_, limit)
    table = Table("id", "name", "type", "mentions", "docs", "aliases")
    for r in rows:
        others = [a for a in r.aliases if a != r.name]
        table.add_row(str(r.id), Text(r.name), r.type, str(r.mentions), str(r.documents), Text(", ".join(others)))
    out.print(table)


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="Entity name or alias.")],
    db: DbOption = DEFAULT_DB,
    mentions: Annotated[int, typer.Option("--mentions", "-m", help="Mentions to print (0: all).")] = 50,
) -> None:
    """Profile of an entity: aliases and why each was merged, description, documents, mentions."""
    from linkchart.api import NotFound

    with Workspace(db, extract=False) as ws:
        try:
            p = ws.profile(name, mentions=mentions or None)
        except NotFound as e:
            _fail(str(e))
    out.print(Text(f"{p.name}  ({p.type}, entity {p.id})", style="bold"))
    if p.description:
        out.print(Text(f"  {p.description}", style="italic"))
    table = Table("alias", "count", "why it belongs", title="aliases")
    for a in p.aliases:
        why = a.reason or ""
        if a.evidence:
            why += f"\n  “{' '.join(a.evidence.split())}”"
        table.add_row(Text(a.alias), str(a.count), Text(why))
    out.print(table)
    out.print(Text(f"documents ({len(p.documents)}): " + ", ".join(Path(d.source).name for d in p.documents)))
    shown = f", the first {len(p.mentions)}" if len(p.mentions) < p.mention_count else ""
    out.print(Text(f"mentions ({p.mention_count}{shown}):", style="bold"))
    for m in p.mentions:
        line = Text(f"  {Path(m.doc).name} [{m.start}:{m.end}] ", style="dim")
        line.append_text(_marked(m.sentence, m.text))
        out.print(line)


def _marked(sentence: str, mention: str) -> Text:
    """Return the sentence with the first occurrence of the mention in bold."""
    text = Text(sentence)
    i = sentence.find(mention)
    if i >= 0:
        text.stylize("bold yellow", i, i + len(mention))
    return text


def _curate(action: str, *args: str, db: str) -> None:
    from linkchart.api import NotFound

    with Workspace(db) as ws:
        try:
            result = getattr(ws, action)(*args)
        except NotFound as e:
            _fail(str(e))
        out.print(f"{action}: done" + (f" → {result.name} (entity {result.id})" if result is not None else ""))


@app.command()
def merge(a: str, b: str, db: DbOption = DEFAULT_DB) -> None:
    """Merge entity B into entity A (kept as a decision, re-applied after every re-ingest)."""
    _curate("merge", a, b, db=db)


@app.command()
def split(entity: str, alias: str, db: DbOption = DEFAULT_DB) -> None:
    """Split the mentions named ALIAS off ENTITY into an entity of their own."""
    _curate("split", entity, alias, db=db)


@app.command()
def rename(entity: str, name: str, db: DbOption = DEFAULT_DB) -> None:
    """Give ENTITY a new canonical NAME."""
    _curate("rename", entity, name, db=db)


@app.command()
def reject(entity: str, db: DbOption = DEFAULT_DB) -> None:
    """Reject ENTITY (junk or not an actor): it disappears from lists, graphs and exports."""
    _curate("reject", entity, db=db)


def _relation_line(r: RelationView) -> Text:
    """Return one relation as a line: subject predicate object, date, modality."""
    line = Text()
    line.append(r.subject.name, style="bold")
    line.append(f" {'NOT ' if r.negated else ''}{r.predicate} ", style="red" if r.negated else "cyan")
    line.append(r.object.name, style="bold")
    if r.date:
        line.append(f"  {r.date}", style="dim")
    if r.attributed_to:
        line.append(f"  according to {r.attributed_to}", style="magenta")
    if r.hedged:
        line.append("  (alleged)", style="magenta")
    return line


def _evidence_lines(evidence: list, limit: int = 3) -> None:
    for e in evidence[:limit]:
        out.print(Text(f"    “{' '.join(e.text.split())}”", style="italic"),
                  Text(f" — {Path(e.doc).name} [{e.start}:{e.end}]", style="dim"))
    if len(evidence) > limit:
        out.print(Text(f"    … and {len(evidence) - limit} more sources", style="dim"))


@app.command()
def relations(
    name: Annotated[str, typer.Argument(help="Entity name or alias.")],
    db: DbOption = DEFAULT_DB,
    predicate: Annotated[str | None, typer.Option("--predicate", "-p")] = None,
) -> None:
    """Typed relations of an entity with quoted evidence, source, date, attribution and negation."""
    from linkchart.api import NotFound

    with Workspace(db, extract=False) as ws:
        try:
            rels = ws.relations(name, predicate)
        except NotFound as e:
            _fail(str(e))
        if not rels:
            out.print("no relations")
        for r in rels:
            out.print(_relation_line(r))
            _evidence_lines(r.evidence)


@app.command()
def timeline(
    name: Annotated[str | None, typer.Argument(help="Entity (default: the whole corpus).")] = None,
    db: DbOption = DEFAULT_DB,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
) -> None:
    """Dated events in order, each with its evidence."""
    from linkchart.api import NotFound

    with Workspace(db, extract=False) as ws:
        try:
            events = ws.timeline(name, date_from, date_to)
        except NotFound as e:
            _fail(str(e))
        for ev in events:
            line = Text(f"{ev.date:<10} ", style="bold")
            line.append(f"{ev.kind:<10} ", style="cyan")
            line.append(ev.summary)
            parts = ", ".join(p.name for p in ev.participants)
            if parts:
                line.append(f"  [{parts}]", style="dim")
            if ev.attributed_to:
                line.append(f"  according to {ev.attributed_to}", style="magenta")
            out.print(line)
            _evidence_lines(ev.evidence, limit=2)


@app.command()
def path(
    a: str, b: str, db: DbOption = DEFAULT_DB,
    max_hops: Annotated[int, typer.Option("--max-hops")] = 4,
) -> None:
    """The shortest chains of relations linking two entities, each hop with its evidence."""
    from linkchart.api import NotFound

    with Workspace(db, extract=False) as ws:
        try:
            paths = ws.path(a, b, max_hops=max_hops).paths
        except NotFound as e:
            _fail(str(e))
        if not paths:
            out.print(f"no path of at most {max_hops} hops between {a!r} and {b!r}")
        for i, hops in enumerate(paths, start=1):
            out.print(Text(f"path {i} ({len(hops)} hops)", style="bold underline"))
            for hop in hops:
                out.print(_relation_line(hop.relation))
                _evidence_lines(hop.relation.evidence, limit=1)


@app.command()
def neighbors(
    name: str, db: DbOption = DEFAULT_DB,
    depth: Annotated[int, typer.Option("--depth")] = 1,
    fmt: Annotated[str, typer.Option("--format", help="table, json or gexf")] = "table",
) -> None:
    """Ego network of an entity as a table (or --format json / gexf on stdout)."""
    from linkchart.api import NotFound

    with Workspace(db, extract=False) as ws:
        try:
            if fmt == "gexf":
                sys.stdout.write(ws.neighbors_gexf(name, depth))
                return
            graph = ws.neighbors(name, depth)
        except NotFound as e:
            _fail(str(e))
        nodes, rels = graph.nodes, graph.edges
        if fmt == "json":
            data = {"nodes": [{"id": n.id, "name": n.name, "type": n.type, "mentions": n.mentions} for n in nodes],
                    "edges": [{"subject": r.subject.id, "predicate": r.predicate, "object": r.object.id,
                               "negated": r.negated, "attributed_to": r.attributed_to,
                               "evidence": [e.text for e in r.evidence]} for r in rels]}
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
            return
        table = Table("entity", "type", "mentions", "relations")
        for n in nodes:
            mine = [r for r in rels if n.id in (r.subject.id, r.object.id)]
            labels = sorted({("NOT " if r.negated else "") + r.predicate for r in mine})
            table.add_row(Text(n.name), n.type, str(n.mentions), ", ".join(labels))
        out.print(table)


@app.command()
def conflicts(db: DbOption = DEFAULT_DB) -> None:
    """Numbers and dates on which sources disagree, side by side with their evidence."""
    with Workspace(db, extract=False) as ws:
        found = ws.conflicts()
        if not found:
            out.print("no conflicts between sources")
        for c in found:
            entity = c.entity.name if c.entity else "?"
            out.print(Text(f"{entity} — {c.quantity}: {c.note}", style="bold"))
            for claim in c.claims:
                value = f"{claim.value:,.0f}" if isinstance(claim.value, float) else str(claim.value)
                out.print(Text(f"  {claim.approx + ' ' if claim.approx else ''}{value} {claim.unit}", style="cyan"))
                _evidence_lines(claim.evidence, limit=1)


if __name__ == "__main__":
    app()
