"""The `linkchart` command: parses arguments, calls `linkchart.api`, prints with rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from linkchart.api import (
    DEFAULT_DB,
    ENGINES,
    Ambiguous,
    EngineUnavailable,
    EntityMatch,
    IngestReport,
    InvalidInput,
    ListingView,
    NotFound,
    RelationView,
    StoreUnavailable,
    Workspace,
    sample_corpus_path,
)
from linkchart.terminal import for_stream, json_safe, markup, visible
from linkchart.terminal import text as safe

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # one problem, one line, however long

DbOption = Annotated[
    str, typer.Option("--db", envvar="LINKCHART_DB", help="Store: a SQLite file, or postgresql://USER@HOST/DB.")
]
PROGRESS_MIN_FILES = 4
NEIGHBOR_FORMATS = ("table", "json", "gexf")
MAX_ROWS = 1_000_000  # a bound on --limit/--mentions: SQLite takes no integer beyond 2^63


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files and folders (default: the sample corpus).")] = None,
    db: DbOption = DEFAULT_DB,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    processes: Annotated[int | None, typer.Option("--processes", "-j", help="Extraction processes.")] = None,
    engine: Annotated[str, typer.Option("--engine", help=f"Where to read and extract: {' or '.join(ENGINES)}.")
                      ] = "local",
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster of --engine ray (else RAY_ADDRESS, "
                                                "else a local one).")] = None,
) -> None:
    """Ingest files and folders (txt, md, html, pdf, jsonl) into the store.

    Exit status: 0 every file stored (or already stored), 1 some files refused or nothing to
    ingest, 2 the run itself failed (the line says why; what was done before is kept), 130
    interrupted.
    """
    targets = paths or [str(sample_corpus_path())]
    if engine not in ENGINES:
        _fail(f"unknown --engine {engine!r} ({' or '.join(ENGINES)})", code=2)
    report = IngestReport()
    stage = "open"  # what the run was doing, for the line that says it failed
    ws: Workspace | None = None
    stopped: str | None = None

    def on_stage(name: str) -> None:
        nonlocal stage
        stage = name

    try:
        ws = Workspace(db, processes=processes, engine=engine, address=address)
        stage = "ingest"
        _ingest_with_progress(ws, targets, quiet, report, on_stage=on_stage)
    except KeyboardInterrupt:
        stopped = "interrupted; what was stored before is kept"
    except EngineUnavailable as exc:  # Ray missing or its cluster unreachable: its own line says it all
        stopped = str(exc)
    except Exception as exc:  # the run itself, not one file (those are in the report): say so in one line
        stopped = _run_failure(stage, db, exc)
    try:
        _print_problems(report)
        if not quiet:
            _print_ingest_summary(ws, report)
    finally:
        if ws is not None:
            ws.close()
    if stopped is not None:
        err.print(safe(f"error: {stopped}", style="red"))
        raise typer.Exit(130 if stopped.startswith("interrupted") else 2)
    if not report.ok:
        raise typer.Exit(1)


def _run_failure(stage: str, db: str, exc: Exception) -> str:
    """Return the one line saying why an ingest run failed at `stage` (open, ingest, resolving)."""
    reason = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
    if isinstance(exc, StoreUnavailable):
        return str(exc)
    if stage == "open":
        return f"cannot open the store {db}: {reason}"
    if stage == "resolving":
        return (f"entity resolution failed ({reason}); the stored documents are kept and the next "
                "'linkchart ingest' or 'linkchart resolve' resolves them")
    return f"ingest stopped ({reason}); what was stored before is kept"


def _ingest_with_progress(ws: Workspace, targets: list[str], quiet: bool, report: IngestReport | None = None,
                          on_stage: Callable[[str], None] | None = None) -> IngestReport:
    """Return the ingest report (outcomes also go into `report`), showing a progress bar when there are enough
    files and, unless `quiet`, a line when entity resolution starts."""
    from linkchart.ingest.read import iter_files

    def stage(name: str) -> None:
        if on_stage is not None:
            on_stage(name)
        if not quiet and name == "resolving":
            err.print(safe("resolving entities…", style="dim"))

    total = sum(1 for _ in iter_files(targets))
    if quiet or total < PROGRESS_MIN_FILES:
        return ws.ingest(targets, report=report, on_stage=stage)
    columns = (TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=total)
        return ws.ingest(targets, on_file=lambda p: progress.update(task, advance=1, description=Path(p).name),
                         report=report, on_stage=stage)


def _print_problems(report: IngestReport) -> None:
    """Print one line per skipped, failed or warned file on stderr."""
    for line in report.skipped:
        err.print(safe(f"skipped {line}", style="dim"))
    for line in report.warnings:
        err.print(safe(f"warning {line}", style="yellow"))
    for line in report.failed:
        err.print(safe(f"error {line}", style="red"))


def _print_ingest_summary(ws: Workspace | None, report: IngestReport) -> None:
    """Print the summary table of one ingest run and, when it can be read, of the store."""
    table = Table(title="ingest summary", show_header=False)
    table.add_row("files added", str(len(report.added)))
    table.add_row("files unchanged (already stored)", str(len(report.unchanged)))
    table.add_row("files skipped", str(len(report.skipped)))
    table.add_row("files failed", str(len(report.failed)))
    table.add_row("articles added", str(report.articles))
    try:
        stats = ws.stats() if ws is not None else None
        due = ws.resolution_due() if ws is not None else False
    except Exception:  # the store failed under the run: the run's lines are still worth printing
        stats = None
    if stats is not None:
        table.add_row("store: documents / articles", f"{stats.get('documents', 0)} / {stats.get('articles', 0)}")
        langs = stats.get("languages", {})
        table.add_row("store: languages", ", ".join(f"{k} {v}" for k, v in sorted(langs.items())) or "-")
        table.add_row("store: near-duplicate articles", str(stats.get("duplicates", 0)))
        table.add_row("store: entities", str(stats.get("entities", 0)) + (" (resolution due)" if due else ""))
    out.print(table)


# ---- opening the store, and the user's mistakes ------------------------------------------------
@contextmanager
def _workspace(db: str) -> Iterator[Workspace]:
    """Yield a workspace on the existing store `db` (never made here: only `ingest` and `demo` create one).

    What the user got wrong ends the command with a clear answer: a store that does not exist
    or cannot be opened, and refused input (bad type, date, name) → exit 2; a name that
    nothing goes by (with close names) or that several entities go by (listed) → exit 1.
    """
    try:
        ws = Workspace(db, extract=False, create=False)
    except StoreUnavailable as e:
        _fail(str(e), code=2)
    with ws:
        try:
            yield ws
        except Ambiguous as e:
            _print_candidates(e)
            raise typer.Exit(1) from None
        except NotFound as e:
            _fail(str(e), suggestions=e.suggestions)
        except InvalidInput as e:
            _fail(str(e), code=2)


def _print_candidates(e: Ambiguous) -> None:
    """Print on stderr the entities an ambiguous name may stand for: id, name, type, mentions."""
    err.print(safe(f"error: {e}", style="red"))
    table = Table("id", "name", "type", "mentions", title="candidates")
    for c in e.candidates:
        table.add_row(f"#{c.id}", safe(c.name), safe(c.type), str(c.mentions))
    err.print(table)


def _match_text(m: EntityMatch) -> str:
    """Return a close name as offered: 'Khazali (#1 Qais al-Khazali, 92)'."""
    entity = f"#{m.id}" if m.matched == m.name else f"#{m.id} {m.name}"
    return f"{m.matched} ({entity}, {m.score:.0f})"


def _note_other_meanings(ws: Workspace, *names: str) -> None:
    """Print on stderr the other entities a name also stands for, when a read picked the most mentioned one."""
    for name in names:
        if name.strip().startswith("#"):
            continue
        others = ws.candidates(name)[1:]
        if others:
            listed = "; ".join(f"#{c.id} {c.name} ({c.type}, {c.mentions} mentions)" for c in others[:5])
            err.print(safe(f"note: {name!r} also names {listed} (use #ID to pick one)", style="dim"))


@app.command()
def resolve(db: DbOption = DEFAULT_DB) -> None:
    """Resolve all the stored mentions into entities again, re-applying the analysts' decisions."""
    with _workspace(db) as ws:
        try:
            count = ws.resolve(full=True)
        except Exception as exc:  # one line, not a traceback; the entities stored before are kept
            _fail(f"entity resolution failed ({type(exc).__name__}: {' '.join(str(exc).split())}); "
                  "the entities stored before are kept", code=2)
    out.print(f"resolved {count} entities")


def shown_date(date: str | None, inferred: str | None) -> str:
    """Return an article's date as listed: an inferred date says so ('2019-11 (inferred)'), a missing one is ''."""
    if not date:
        return ""
    return f"{date} (inferred)" if inferred else date


@app.command()
def documents(db: DbOption = DEFAULT_DB) -> None:
    """List stored articles: source, title, date, language, words, duplicate-of."""
    with _workspace(db) as ws:
        rows = ws.documents()
    table = Table("id", "source", "#", "title", "date", "lang", "words", "duplicate of")
    for r in rows:
        dup = f"{r.duplicate_of} ({r.similarity:.2f})" if r.duplicate_of is not None else ""
        table.add_row(str(r.id), safe(Path(r.source).name), str(r.index), safe(r.title or ""),
                      safe(shown_date(r.date, r.date_inferred)), safe(r.language), str(r.words), dup)
    out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=MAX_ROWS)] = 10,
) -> None:
    """Full-text search with highlighted snippets, source and original offsets."""
    with _workspace(db) as ws:
        hits = ws.search(query, limit=limit)
    if not hits:
        out.print(safe(f"no match for {query!r}"))
        return
    _print_hits(hits)


def _print_hits(hits: list) -> None:
    """Print search hits with their highlighted snippets."""
    for hit in hits:
        head = safe(f"{Path(hit.source).name} [{hit.start}:{hit.end}]", style="bold")
        if hit.title:
            head.append_text(safe(f"  {hit.title}", style="cyan"))
        if hit.date:
            head.append_text(safe(f"  {hit.date}", style="dim"))
        out.print(head)
        out.print(highlight_snippet(hit.snippet_text, hit.highlights))


def highlight_snippet(text: str, highlights: list[tuple[int, int]], style: str = "bold reverse",
                      indent: str = "  ") -> Text:
    """Return a rich Text of a snippet on one line with its matches (offsets into `text`) in `style`.

    Control and escape characters are shown escaped (`linkchart.terminal`), piece by piece, so
    the highlights stay on the words they mark.
    """
    text = text.replace("\n", " ").replace("\t", " ")  # a snippet's line breaks are spaces, one for one
    out = Text(indent)
    at = 0
    for s, e in sorted(highlights):
        if s < at or e <= s:
            continue
        out.append(visible(text[at:s], one_line=True))
        out.append(visible(text[s:e], one_line=True), style=style)
        at = e
    out.append(visible(text[at:], one_line=True))
    return out


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (linkchart/1), gexf, graphml, neo4j, ftm "
                                                           "(FollowTheMoney) or csv")] = "json",
    output: Annotated[str, typer.Option("--output", "-o", help="File to write ('-' for stdout); csv writes "
                                                               "FILE-entities.csv, FILE-relations.csv, "
                                                               "FILE-events.csv.")] = "-",
) -> None:
    """Export the store: linkchart/1 JSON, GEXF or GraphML (Gephi), Cypher (Neo4j), FollowTheMoney, or CSV tables."""
    from linkchart.export import exporters

    known = exporters()
    if fmt not in known:
        _fail(f"unknown export format {fmt!r} (known: {', '.join(known)})", code=2)
    with _workspace(db) as ws:
        if output == "-":
            sys.stdout.write(for_stream(ws.export(fmt), sys.stdout))
            return
        # each file written as the format computes it (a streaming format never holds the whole text)
        for path, pieces in _export_paths(output, known[fmt].suffix, ws.export_pieces(fmt)).items():
            size = 0
            with path.open("w", encoding="utf-8", newline="") as f:
                for piece in pieces:
                    f.write(piece)
                    size += len(piece.encode("utf-8"))
            err.print(safe(f"wrote {path} ({known[fmt].description}, {size:,} bytes)"))


T = TypeVar("T")


def _export_paths(output: str, suffix: str, files: dict[str, T]) -> dict[Path, T]:
    """Return where each file of an export goes: OUTPUT itself, or OUTPUT-<part><suffix> for a multi-file format."""
    if list(files) == [""]:
        return {Path(output): files[""]}
    target = Path(output)
    if target.is_dir():
        return {target / f"{part}{suffix}": text for part, text in files.items()}
    stem = target.name[: -len(suffix)] if target.name.endswith(suffix) else target.name
    return {target.with_name(f"{stem}-{part}{suffix}"): text for part, text in files.items()}


@app.command()
def report(
    name: Annotated[str, typer.Argument(help="Entity name or alias.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="html (one self-contained file), md or pdf")] = "html",
    output: Annotated[str | None, typer.Option("--output", "-o", help="File to write (default: the entity's "
                                                                      "name with the format's ending).")] = None,
) -> None:
    """Dossier on an entity: names and why each was merged, summary, network and timeline pictures, relations
    with quoted evidence, conflicts, footnoted sources."""
    from linkchart.api import NotFound
    from linkchart.export.report import ReportError, reports

    known = reports()
    if fmt not in known:
        err.print(f"error: unknown report format {fmt!r} (known: {', '.join(known)})")
        raise typer.Exit(2)
    with _workspace(db) as ws:
        try:
            dossier = ws.dossier(name)
            data = known[fmt].render(dossier)
        except (NotFound, ReportError) as e:
            _fail(safe(str(e)))
    target = Path(output) if output else Path(_file_name(dossier.name) + known[fmt].suffix)
    target.write_bytes(data)
    err.print(safe(f"wrote {target} ({known[fmt].description}, {len(data):,} bytes)"))


def _file_name(name: str) -> str:
    """Return a file name made of an entity's name (letters, digits, '-' and '_' only)."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name).strip("_") or "dossier"


@app.command()
def demo(
    db: DbOption = DEFAULT_DB,
    query: Annotated[str, typer.Option("--query", help="Query whose top hits are shown.")] = "Khazali",
    serve_page: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the web page afterwards.")] = True,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
) -> None:
    """Ingest the bundled sample corpus (if not yet), print a summary and top hits, then serve the page."""
    with Workspace(db) as ws:
        report = _ingest_with_progress(ws, [str(sample_corpus_path())], quiet=False)
        _print_problems(report)
        _print_ingest_summary(ws, report)
        out.print(f"\n[bold]top hits for {markup(repr(query))}[/]")
        _print_hits(ws.search(query, limit=5))
    if serve_page:
        serve(db=db, host=host, port=port)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to bind (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Another Host name the page may be opened by (repeatable; e.g. a reverse proxy's).")
    ] = None,
) -> None:
    """Serve the JSON API (documented at /docs) and the web page; prints the curation token."""
    from linkchart.web.app import ServeError
    from linkchart.web.app import serve as run_server

    try:
        run_server(db, host=host, port=port, allow_hosts=allow_host or ())
    except StoreUnavailable as e:
        _fail(str(e), code=2)
    except ServeError as e:
        _fail(str(e))


def _fail(message: str, code: int = 1, suggestions: list[EntityMatch] | None = None) -> NoReturn:
    """Print the error (and the close names, 'did you mean') on stderr and end the command with `code`."""
    err.print(safe(f"error: {message}", style="red"))
    if suggestions:
        err.print(safe("did you mean: " + "; ".join(_match_text(m) for m in suggestions), style="yellow"))
    raise typer.Exit(code)


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, GPE, LOC, FAC or EVENT")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, max=MAX_ROWS, help="Rows (0: all).")] = 30,
    rank: Annotated[str, typer.Option("--rank", help="mentions, or centrality (PageRank), pagerank, betweenness, "
                                                     "degree")] = "mentions",
    predicate: Annotated[list[str] | None, typer.Option("--predicate", "-p", help="Centrality over relations of "
                                                        "this predicate only (repeatable).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Centrality over relations dated from D.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Centrality over relations dated up to D.")] = None,
    min_sources: Annotated[int, typer.Option("--min-sources", help="Centrality over relations with at least N "
                                                                   "independent sources.")] = 1,
) -> None:
    """List entities ranked by mentions and documents (or by centrality), with type and aliases."""
    if rank != "mentions":
        _entities_by_centrality(db, type_, limit, rank, predicate, date_from, date_to, min_sources)
        return
    with _workspace(db) as ws:
        rows = ws.entities(type_, limit)
    table = Table("id", "name", "type", "mentions", "docs", "aliases")
    for r in rows:
        others = [a for a in r.aliases if a != r.name]
        table.add_row(str(r.id), safe(r.name), safe(r.type), str(r.mentions), str(r.documents),
                      safe(", ".join(others)))
    out.print(table)


def _entities_by_centrality(db: str, type_: str | None, limit: int, rank: str, predicates: list[str] | None,
                            date_from: str | None, date_to: str | None, min_sources: int) -> None:
    """Print entities ranked by a centrality over the relations that pass the filter."""
    by = "pagerank" if rank == "centrality" else rank
    if by not in ("pagerank", "betweenness", "degree"):
        err.print(f"error: unknown --rank {rank!r} (mentions, centrality, pagerank, betweenness or degree)")
        raise typer.Exit(2)
    with _workspace(db) as ws:
        rows = ws.centrality(by, type_, limit, ws.graph_filter(predicates, date_from, date_to, min_sources))
    table = Table("id", "name", "type", "mentions", "degree", "betw.", "PageRank", "comm.",
                  title=f"entities by {'PageRank' if by == 'pagerank' else by}")
    for r in rows:
        community = "" if r.community is None else str(r.community)
        table.add_row(str(r.id), Text(r.name), r.type, str(r.mentions), str(r.degree), f"{r.betweenness:.3f}",
                      f"{r.pagerank:.4f}", community)
    out.print(table)


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="Entity name, alias or #ID.")],
    db: DbOption = DEFAULT_DB,
    mentions: Annotated[int, typer.Option("--mentions", "-m", min=0, max=MAX_ROWS,
                                          help="Mentions to print (0: all).")] = 50,
) -> None:
    """Profile of an entity: aliases and why each was merged, description, documents, mentions."""
    with _workspace(db) as ws:
        p = ws.profile(name, mentions=mentions or None)
        _note_other_meanings(ws, name)
    out.print(safe(f"{p.name}  ({p.type}, entity #{p.id})", style="bold"))
    if p.description:
        out.print(safe(f"  {p.description}", style="italic"))
    for listing in p.listed:
        line = safe(f"  {listing.badge}", style="bold red")
        line.append_text(safe(f"  match #{listing.id}, {listing.status}: '{listing.name}' ~ '{listing.matched_name}' "
                              f"({listing.score:.2f})", style="dim"))
        out.print(line)
    table = Table("alias", "count", "why it belongs", title="aliases")
    for a in p.aliases:
        why = a.reason or ""
        if a.evidence:
            why += f"\n  “{' '.join(a.evidence.split())}”"
        table.add_row(safe(a.alias), str(a.count), safe(why))
    out.print(table)
    out.print(safe(f"documents ({len(p.documents)}): " + ", ".join(Path(d.source).name for d in p.documents)))
    shown = f", the first {len(p.mentions)}" if len(p.mentions) < p.mention_count else ""
    out.print(Text(f"mentions ({p.mention_count}{shown}):", style="bold"))
    for m in p.mentions:
        line = safe(f"  {Path(m.doc).name} [{m.start}:{m.end}] ", style="dim")
        line.append_text(_marked(m.sentence, m.text))
        out.print(line)


def _marked(sentence: str, mention: str) -> Text:
    """Return the sentence (control characters escaped) with the first occurrence of the mention in bold."""
    i = sentence.find(mention)
    marks = [(i, i + len(mention))] if i >= 0 and mention else []
    return highlight_snippet(sentence, marks, style="bold yellow", indent="")


def _curate(action: str, *args: str, db: str) -> None:
    """Run one curation step; print the entity it leaves. A refused step stores nothing (`Workspace`)."""
    with _workspace(db) as ws:
        result = getattr(ws, action)(*args)
    done = safe(f"{action}: done")
    if result is not None:
        done.append_text(safe(f" → {result.name} (entity #{result.id})"))
    out.print(done)


@app.command()
def merge(a: str, b: str, db: DbOption = DEFAULT_DB) -> None:
    """Merge entity B into entity A (names or #IDs; kept as a decision, re-applied after every re-ingest)."""
    _curate("merge", a, b, db=db)


@app.command()
def split(entity: str, alias: str, db: DbOption = DEFAULT_DB) -> None:
    """Split the mentions named ALIAS off ENTITY (a name or #ID) into an entity of their own."""
    _curate("split", entity, alias, db=db)


@app.command()
def rename(entity: str, name: str, db: DbOption = DEFAULT_DB) -> None:
    """Give ENTITY (a name or #ID) a new canonical NAME."""
    _curate("rename", entity, name, db=db)


@app.command()
def reject(entity: str, db: DbOption = DEFAULT_DB) -> None:
    """Reject ENTITY (a name or #ID; junk or not an actor): it disappears from lists, graphs and exports."""
    _curate("reject", entity, db=db)


@app.command()
def screen(
    list_path: Annotated[str | None, typer.Option(
        "--list", "-l", help="The list: a folder with OFAC's sdn.csv and alt.csv, or a FollowTheMoney JSON-lines "
                             "file (OpenSanctions).")] = None,
    threshold: Annotated[float | None, typer.Option("--threshold", "-t", help="Least name score of a match "
                                                    "(default: the resolver's merge threshold).")] = None,
    confirm: Annotated[int | None, typer.Option("--confirm", help="Confirm the match with this id.")] = None,
    reject_match: Annotated[int | None, typer.Option("--reject", help="Reject the match with this id.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why (kept with --confirm or --reject).")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Screen people and organisations against a sanctions list (offline); list, confirm or reject the matches."""
    if sum(x is not None for x in (list_path, confirm, reject_match)) > 1:
        _fail("give one of --list, --confirm and --reject", code=2)
    with _workspace(db) as ws:
        if list_path is not None:
            result = ws.screen(list_path, threshold)
            err.print(safe(f"screened {result.screened:,} people and organisations against {result.list_source} "
                           f"({result.entries:,} entries) in {result.seconds:.1f} s: {len(result.matches)} matches"))
            rows = result.matches
        elif confirm is not None or reject_match is not None:
            verdict, match_id = ("confirm", confirm) if confirm is not None else ("reject", reject_match)
            listing = ws.decide_listing(int(match_id or 0), verdict, note)
            out.print(safe(f"{verdict}: match #{listing.id} → {listing.status} "
                           f"({listing.entity.name if listing.entity else listing.name}: {listing.badge})"))
            return
        else:
            rows = ws.listings()
    _print_listings(rows)


def _print_listings(rows: list[ListingView]) -> None:
    """Print screening matches as a table: id, entity, list entry, names matched, score, status, reasons."""
    table = Table("id", "entity", "listed as", "names", "score", "status", "why", title="screening matches")
    for r in rows:
        entity = f"#{r.entity.id} {r.entity.name}" if r.entity else r.name
        table.add_row(str(r.id), safe(entity), safe(f"{r.badge.removeprefix('listed: ')}\n{r.entry_name}"),
                      safe(f"{r.name} ~ {r.matched_name}"), f"{r.score:.2f}", r.status, safe("; ".join(r.reasons)))
    out.print(table)


def _relation_line(r: RelationView) -> Text:
    """Return one relation as a line: subject predicate object, date, modality (document text made visible)."""
    line = Text()
    line.append_text(safe(r.subject.name, style="bold"))
    line.append_text(safe(f" {'NOT ' if r.negated else ''}{r.predicate} ", style="red" if r.negated else "cyan"))
    line.append_text(safe(r.object.name, style="bold"))
    if r.date:
        line.append_text(safe(f"  {r.date}", style="dim"))
    if r.attributed_to:
        line.append_text(safe(f"  according to {r.attributed_to}", style="magenta"))
    if r.hedged:
        line.append("  (alleged)", style="magenta")
    if r.rules and all(rule.endswith("_former") for rule in r.rules):
        line.append("  (former)", style="yellow")  # every reading names the role as a past one ('former leader')
    line.append(f"  {_sources_note(r.evidence_count or len(r.evidence), r.independent_sources)}", style="green")
    return line


def _sources_note(evidences: int, independent: int) -> str:
    """Return '3 sources, 2 independent' (or '1 source')."""
    note = f"{evidences} source{'s' if evidences != 1 else ''}"
    return note + (f", {independent} independent" if evidences > 1 else "")


def _evidence_lines(evidence: list, limit: int = 3) -> None:
    for e in evidence[:limit]:
        out.print(safe(f"    “{' '.join(e.text.split())}”", style="italic"),
                  safe(f" — {Path(e.doc).name} [{e.start}:{e.end}]", style="dim"))
        if e.attributed_to or e.hedged:  # this source reports or hedges what another may state outright
            said = f"according to {e.attributed_to}" if e.attributed_to else ""
            out.print(safe("      " + ", ".join(x for x in (said, "hedged" if e.hedged else "") if x), style="dim"))
        if e.referent:  # the sentence names one side only through a pronoun or description
            out.print(safe(f"      refers back to “{e.referent}” [{e.referent_start}:{e.referent_end}]", style="dim"))
    if len(evidence) > limit:
        out.print(Text(f"    … and {len(evidence) - limit} more sources", style="dim"))


@app.command()
def relations(
    name: Annotated[str, typer.Argument(help="Entity name, alias or #ID.")],
    db: DbOption = DEFAULT_DB,
    predicate: Annotated[str | None, typer.Option("--predicate", "-p")] = None,
) -> None:
    """Typed relations of an entity with quoted evidence, source, date, attribution and negation."""
    with _workspace(db) as ws:
        rels = ws.relations(name, predicate)
        _note_other_meanings(ws, name)
        if not rels:
            out.print("no relations")
        for r in rels:
            out.print(_relation_line(r))
            _evidence_lines(r.evidence)


@app.command()
def timeline(
    name: Annotated[str | None, typer.Argument(help="Entity name, alias or #ID (default: the whole corpus).")] = None,
    db: DbOption = DEFAULT_DB,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
) -> None:
    """Dated events in order, each with its evidence; then, without --from/--to, the undated ones.

    A date marked '(article)' is the date of the article that reports the happening, which states none of its own.
    """
    with _workspace(db) as ws:
        events = ws.timeline(name, date_from, date_to)
        if name is not None:
            _note_other_meanings(ws, name)
        for i, ev in enumerate(events):
            if ev.date is None and (i == 0 or events[i - 1].date is not None):
                out.print(safe("Undated", style="bold underline"))
            shown = ev.date or "undated"
            if ev.date_source == "article":
                shown += " (article)"
            line = safe(f"{shown:<10} ", style="bold")
            line.append_text(safe(f"{ev.kind:<10} ", style="cyan"))
            line.append_text(safe(ev.summary, one_line=True))
            parts = ", ".join(p.name for p in ev.participants)
            if parts:
                line.append_text(safe(f"  [{parts}]", style="dim"))
            if ev.attributed_to:
                line.append_text(safe(f"  according to {ev.attributed_to}", style="magenta"))
            line.append(f"  {_sources_note(len(ev.evidence), ev.independent_sources)}", style="green")
            out.print(line)
            _evidence_lines(ev.evidence, limit=2)


@app.command()
def path(
    a: str, b: str, db: DbOption = DEFAULT_DB,
    max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=8)] = 4,
) -> None:
    """The shortest chains of relations linking two entities (names, aliases or #IDs), each hop with its evidence."""
    with _workspace(db) as ws:
        found = ws.path(a, b, max_hops=max_hops)
        paths = found.paths
        _note_other_meanings(ws, a, b)
        if found.partial:
            out.print(safe(f"search stopped: too many entities around {a!r} and {b!r} to look further"))
        elif not paths:
            out.print(safe(f"no path of at most {max_hops} hops between {a!r} and {b!r}"))
        for i, hops in enumerate(paths, start=1):
            out.print(Text(f"path {i} ({len(hops)} hops)", style="bold underline"))
            for hop in hops:
                out.print(_relation_line(hop.relation))
                _evidence_lines(hop.relation.evidence, limit=1)


@app.command()
def neighbors(
    name: str, db: DbOption = DEFAULT_DB,
    depth: Annotated[int, typer.Option("--depth", min=1, max=5)] = 1,
    fmt: Annotated[str, typer.Option("--format", help="table, json or gexf")] = "table",
) -> None:
    """Ego network of an entity (name, alias or #ID) as a table (or --format json / gexf on stdout)."""
    if fmt not in NEIGHBOR_FORMATS:
        _fail(f"unknown format {fmt!r} (valid: {', '.join(NEIGHBOR_FORMATS)})", code=2)
    with _workspace(db) as ws:
        if fmt == "gexf":
            sys.stdout.write(for_stream(ws.neighbors_gexf(name, depth), sys.stdout))
            return
        graph = ws.neighbors(name, depth)
        _note_other_meanings(ws, name)
        nodes, rels = graph.nodes, graph.edges
        if fmt == "json":
            data = {"nodes": [{"id": n.id, "name": n.name, "type": n.type, "mentions": n.mentions} for n in nodes],
                    "edges": [{"subject": r.subject.id, "predicate": r.predicate, "object": r.object.id,
                               "negated": r.negated, "attributed_to": r.attributed_to,
                               "evidence": [e.text for e in r.evidence]} for r in rels]}
            sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")
            return
        table = Table("entity", "type", "mentions", "relations")
        for n in nodes:
            mine = [r for r in rels if n.id in (r.subject.id, r.object.id)]
            labels = sorted({("NOT " if r.negated else "") + r.predicate for r in mine})
            table.add_row(safe(n.name), safe(n.type), str(n.mentions), safe(", ".join(labels)))
        out.print(table)


@app.command()
def conflicts(db: DbOption = DEFAULT_DB) -> None:
    """Numbers and dates on which sources disagree, side by side with their evidence."""
    with _workspace(db) as ws:
        found = ws.conflicts()
        if not found:
            out.print("no conflicts between sources")
        for c in found:
            entity = c.entity.name if c.entity else "?"
            out.print(safe(f"{entity} — {c.quantity}: {c.note}", style="bold"))
            for claim in c.claims:
                value = f"{claim.value:,.0f}" if isinstance(claim.value, float) else str(claim.value)
                out.print(safe(f"  {claim.approx + ' ' if claim.approx else ''}{value} {claim.unit}", style="cyan"))
                _evidence_lines(claim.evidence, limit=1)


if __name__ == "__main__":
    app()
