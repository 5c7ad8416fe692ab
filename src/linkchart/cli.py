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

from linkchart.api import DEFAULT_DB, Workspace, sample_corpus_path
from linkchart.models import IngestReport

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite store file.")]
PROGRESS_MIN_FILES = 4


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files and folders (default: the sample corpus).")] = None,
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Ingest files and folders (txt, md, html, pdf, jsonl) into the store."""
    targets = paths or [str(sample_corpus_path())]
    with Workspace(db) as ws:
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
        err.print(f"[dim]skipped[/] {line}", highlight=False, markup=True)
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
        out.print(highlight_snippet(hit.snippet))


def highlight_snippet(snippet: str) -> Text:
    """Return a rich Text of a snippet whose matches are wrapped in [ and ] markers."""
    from linkchart.store.base import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN

    text = Text("  ")
    rest = snippet
    while HIGHLIGHT_OPEN in rest:
        before, _, after = rest.partition(HIGHLIGHT_OPEN)
        match, _, rest = after.partition(HIGHLIGHT_CLOSE)
        text.append(before)
        text.append(match, style="bold reverse")
    text.append(rest)
    return text


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (linkchart/1)")] = "json",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write ('-' for stdout).")] = "-",
) -> None:
    """Export the store (linkchart/1 JSON)."""
    if fmt != "json":
        err.print(f"error: unknown export format {fmt!r} (known: json)")
        raise typer.Exit(2)
    with Workspace(db, extract=False) as ws:
        data = ws.export_json()
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output == "-":
        sys.stdout.write(text + "\n")
    else:
        Path(output).write_text(text, encoding="utf-8")
        err.print(f"wrote {output}: {len(data.get('documents', []))} documents, "
                  f"{len(data.get('entities', []))} entities, {len(data.get('relations', []))} relations")


@app.command()
def demo(
    db: DbOption = DEFAULT_DB,
    query: Annotated[str, typer.Option("--query", help="Query whose top hits are shown.")] = "Khazali",
) -> None:
    """Ingest the bundled sample corpus (if not yet) and print a summary and top search hits."""
    with Workspace(db) as ws:
        report = _ingest_with_progress(ws, [str(sample_corpus_path())], quiet=False)
        _print_problems(report)
        _print_ingest_summary(ws, report)
        out.print(f"\n[bold]top hits for {query!r}[/]")
        _print_hits(ws.search(query, limit=5))


if __name__ == "__main__":
    app()
