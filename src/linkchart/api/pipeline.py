"""The ingest pipeline: files → documents → articles → extractions → store.

Each stage is its own package (`ingest` reads and cleans, `extract` reads the text,
`store` keeps it); this module, above them all, runs them in order. Resolution runs
after it (`Workspace.ingest`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from linkchart.ingest.read import iter_files
from linkchart.ingest.run import PreparedDocument, prepare_document, read_documents
from linkchart.models import Article, Extraction, IngestReport
from linkchart.store.base import Store

ProgressHook = Callable[[str], None]
Extractor = Callable[[list[Article]], list[Extraction]]
# An engine other than this process (api/engines): given the listed (path, notice) files, it reads,
# cleans, extracts and stores them, adding its outcomes to the report and calling the hook per file.
FileEngine = Callable[[Store, list[tuple[str, str | None]], IngestReport, ProgressHook | None], object]


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    extract: Extractor | None = None,
    on_file: ProgressHook | None = None,
    batch_articles: int = 64,
    engine: FileEngine | None = None,
) -> IngestReport:
    """Return the report of ingesting every supported file under `paths` into `store`.

    A file that cannot be read is reported and skipped; a document already stored with
    the same content is left as it is; each document is stored in its own transaction, so
    a failure never loses what is already stored.
    """
    report = IngestReport()
    if engine is not None:
        engine(store, list(iter_files(list(paths))), report, on_file)
        return report
    pending: list[PreparedDocument] = []
    pending_articles = 0
    for path, notice in iter_files(list(paths)):
        for doc in read_documents(path, notice, report):
            if store.document_by_hash(doc.sha256) is not None:
                report.unchanged.append(doc.source)
                continue
            prepared = prepare_document(doc, report)
            if prepared is None:
                continue
            pending.append(prepared)
            pending_articles += len(prepared.articles)
        if pending_articles >= batch_articles:
            _flush(store, pending, extract, report)
            pending, pending_articles = [], 0
        if on_file is not None:
            on_file(path)
    _flush(store, pending, extract, report)
    return report


def _flush(store: Store, pending: list[PreparedDocument], extract: Extractor | None, report: IngestReport) -> None:
    """Extract the pending documents' articles in one batch and store each document."""
    if not pending:
        return
    all_articles = [a for p in pending for a in p.articles]
    extractions: list[Extraction | None]
    extractions = list(extract(all_articles)) if extract else [None] * len(all_articles)
    cursor = 0
    for item in pending:
        n = len(item.articles)
        mine = extractions[cursor : cursor + n]
        cursor += n
        try:
            store.add_document(item.document, item.articles, mine, list(item.fingerprints))
        except Exception as err:  # one bad document must not lose the others
            report.failed.append(f"{item.document.source}: could not store ({type(err).__name__}: {err})")
            continue
        report.added.append(item.document.source)
        report.articles += n
