"""The ingest stage as a whole: files → documents → articles → extractions → store."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from linkchart.ingest.articles import build_articles
from linkchart.ingest.dedupe import fingerprint
from linkchart.ingest.read import ReadError, iter_files, read_file
from linkchart.models import Article, Document, Extraction, IngestReport
from linkchart.store.base import Store

ProgressHook = Callable[[str], None]


@dataclass
class PreparedDocument:
    """A document read and cleaned, waiting for extraction and storage."""

    document: Document
    articles: list[Article]


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    extract: Callable[[list[Article]], list[Extraction]] | None = None,
    on_file: ProgressHook | None = None,
    batch_articles: int = 64,
) -> IngestReport:
    """Return the report of ingesting every supported file under `paths` into `store`.

    A file that cannot be read is reported and skipped; each document is stored in its
    own transaction, so a failure never loses what is already stored.
    """
    report = IngestReport()
    pending: list[PreparedDocument] = []
    pending_articles = 0
    for path, notice in iter_files(list(paths)):
        if notice is not None:
            report.skipped.append(f"{path}: {notice}")
            _tick(on_file, path)
            continue
        try:
            documents = read_file(path)
        except ReadError as err:
            report.failed.append(str(err))
            _tick(on_file, path)
            continue
        for doc in documents:
            report.warnings.extend(doc.warnings)
            prepared = _prepare(store, doc, report)
            if prepared is None:
                continue
            pending.append(prepared)
            pending_articles += len(prepared.articles)
        if pending_articles >= batch_articles:
            _flush(store, pending, extract, report)
            pending, pending_articles = [], 0
        _tick(on_file, path)
    _flush(store, pending, extract, report)
    return report


def _prepare(store: Store, doc: Document, report: IngestReport) -> PreparedDocument | None:
    """Return the document cleaned into articles, or None when it is already stored unchanged."""
    if store.document_by_hash(doc.sha256) is not None:
        report.unchanged.append(doc.source)
        return None
    try:
        articles = build_articles(doc)
    except Exception as err:  # a cleaning bug must not stop the batch
        report.failed.append(f"{doc.source}: could not clean text ({type(err).__name__}: {err})")
        return None
    if not articles:
        report.failed.append(f"{doc.source}: no text left after removing boilerplate")
        return None
    return PreparedDocument(doc, articles)


def _flush(
    store: Store,
    pending: list[PreparedDocument],
    extract: Callable[[list[Article]], list[Extraction]] | None,
    report: IngestReport,
) -> None:
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
        fingerprints = [fingerprint(a.text) for a in item.articles]
        try:
            store.add_document(item.document, item.articles, mine, fingerprints)
        except Exception as err:  # one bad document must not lose the others
            report.failed.append(f"{item.document.source}: could not store ({type(err).__name__}: {err})")
            continue
        report.added.append(item.document.source)
        report.articles += n


def _tick(hook: ProgressHook | None, path: str) -> None:
    if hook is not None:
        hook(path)
