"""The ingest pipeline: files → documents → articles → extractions → store.

Each stage is its own package (`ingest` reads and cleans, `extract` reads the text,
`store` keeps it); this module, above them all, runs them in order. Resolution runs
after it (`Workspace.ingest`).

Every file is on its own: whatever goes wrong while reading, cleaning, extracting or
storing one file becomes that file's one line in the report and the batch goes on, and
every document is stored in its own transaction, so what was done is kept. Articles are
extracted in batches of a bounded size, a huge file's too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from linkchart.ingest.read import SUPPORTED, display_path, iter_files
from linkchart.ingest.run import PreparedDocument, failure, prepare_document, read_documents
from linkchart.models import Article, Extraction, IngestReport
from linkchart.store.base import Store, StoreError

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
    report: IngestReport | None = None,
    engine: FileEngine | None = None,
) -> IngestReport:
    """Return the report of ingesting every supported file under `paths` into `store`.

    A file that cannot be read, cleaned, extracted or stored is reported and the others
    go on; a document already stored with the same content is left as it is. A given
    path that does not exist, or that holds no supported file, is reported as failed.
    Outcomes are added to `report` as they happen (a new report when none is given), so
    a caller whose run is cut short still knows what was done. With an `engine` (see
    `linkchart.api.engines`), the files are listed here and read, cleaned and extracted by it.
    """
    report = report if report is not None else IngestReport()
    batch = _Batch(store, extract, report, batch_articles)
    if engine is not None:  # the files are listed here, then handed to the engine, which ticks them off
        batch.files = []
    listing_hook = on_file if engine is None else None
    for target in paths:
        target = os.fspath(target)
        try:
            _ingest_target(target, batch, report, listing_hook)
        except Exception as err:  # e.g. a path the system refuses (an embedded NUL): the others go on
            report.failed.append(failure(display_path(target), "list", err))
    if engine is not None and batch.files:
        engine(store, batch.files, report, on_file)
    batch.flush()
    return report


def _ingest_target(target: str, batch: _Batch, report: IngestReport, on_file: ProgressHook | None) -> None:
    """Queue the files of one given path (file or folder) into `batch`; note a path with nothing to ingest."""
    if not os.path.lexists(target):
        report.failed.append(f"{display_path(target)}: no such file or folder")
        if on_file is not None:
            on_file(target)
        return
    supported = 0
    for path, notice in iter_files([target]):
        if notice is not None and path == target:  # named, not found while walking a folder
            report.failed.append(f"{display_path(path)}: {notice}")
        else:
            supported += notice is None
            _ingest_file(path, notice, batch, report)
        if on_file is not None:
            on_file(path)
    if supported == 0 and os.path.isdir(target):
        kinds = ", ".join(sorted(k.lstrip(".") for k in SUPPORTED))
        report.failed.append(f"{display_path(target)}: no file to ingest in this folder (supported: {kinds})")


def _ingest_file(path: str, notice: str | None, batch: _Batch, report: IngestReport) -> None:
    """Read and clean one file's documents into `batch` (their failures noted in `report`); never raises."""
    if batch.files is not None:  # another engine reads it
        batch.files.append((path, notice))
        return
    for doc in read_documents(path, notice, report):
        try:
            if batch.store.document_by_hash(doc.sha256) is not None:
                report.unchanged.append(doc.source)
                continue
        except Exception as err:  # the store cannot be read: the run will say so when it stores
            report.failed.append(failure(doc.source, "look up", err))
            continue
        prepared = prepare_document(doc, report)
        if prepared is not None:
            batch.add(prepared)


class _Batch:
    """Documents waiting for extraction, extracted together and stored one by one."""

    def __init__(self, store: Store, extract: Extractor | None, report: IngestReport, size: int) -> None:
        self.store = store
        self.extract = extract
        self.report = report
        self.size = max(1, size)  # articles extracted at once
        self.pending: list[PreparedDocument] = []
        self.articles = 0
        self.files: list[tuple[str, str | None]] | None = None  # listed for another engine (`ingest_paths`)

    def add(self, prepared: PreparedDocument) -> None:
        """Queue a document; extract and store the queue once it holds `size` articles."""
        self.pending.append(prepared)
        self.articles += len(prepared.articles)
        if self.articles >= self.size:
            self.flush()

    def flush(self) -> None:
        """Extract the queued documents' articles and store each document; a failure costs its document only.

        A document another run stored meanwhile is not extracted again. When extracting the
        whole queue fails, each document is extracted on its own, so that only the one that
        fails is refused.
        """
        pending = [p for p in self.pending if not self._stored_meanwhile(p)]
        self.pending, self.articles = [], 0
        if not pending:
            return
        try:
            extractions = self._extract([a for p in pending for a in p.articles])
        except Exception as err:
            if len(pending) == 1:
                self.report.failed.append(failure(pending[0].document.source, "extract", err))
                return
            for item in pending:
                self._extract_and_store(item)
            return
        cursor = 0
        for item in pending:
            n = len(item.articles)
            self._store(item, extractions[cursor : cursor + n])
            cursor += n

    def _stored_meanwhile(self, item: PreparedDocument) -> bool:
        """Return True (noting it unchanged) when another run stored the document's content since it was read."""
        try:
            stored = self.store.document_by_hash(item.document.sha256) is not None
        except Exception:  # storing it will tell what is wrong with the store
            return False
        if stored:
            self.report.unchanged.append(item.document.source)
        return stored

    def _extract_and_store(self, item: PreparedDocument) -> None:
        """Extract one document's articles and store it, or note why not."""
        try:
            extractions = self._extract(item.articles)
        except Exception as err:
            self.report.failed.append(failure(item.document.source, "extract", err))
            return
        self._store(item, extractions)

    def _extract(self, articles: list[Article]) -> list[Extraction | None]:
        """Return one extraction per article (None each without an extractor), `size` articles at a time."""
        if self.extract is None:
            return [None] * len(articles)
        out: list[Extraction | None] = []
        for start in range(0, len(articles), self.size):
            chunk = articles[start : start + self.size]
            found = list(self.extract(chunk))
            if len(found) != len(chunk):
                raise RuntimeError(f"{len(found)} extractions for {len(chunk)} articles")
            out.extend(found)
        return out

    def _store(self, item: PreparedDocument, extractions: list[Extraction | None]) -> None:
        """Store one document with its extractions unless its content was stored meanwhile; note the outcome."""
        store_document(self.store, item, extractions, self.report)


def store_document(store: Store, item: PreparedDocument, extractions: list[Extraction | None],
                   report: IngestReport) -> None:
    """Store one document with its extractions unless its content was stored meanwhile; note the outcome in
    `report` (added, unchanged, or its failure line); never raises. Every engine stores through it."""
    source = item.document.source
    try:
        stored = store.add_document_if_new(item.document, item.articles, extractions, list(item.fingerprints))
    except StoreError as err:  # a refused row: the message names the document
        report.failed.append(" ".join(str(err).split()))
        return
    except Exception as err:  # one bad document must not lose the others
        report.failed.append(failure(source, "store", err))
        return
    if stored is None:  # another run stored the same content since we looked
        report.unchanged.append(source)
        return
    report.added.append(source)
    report.articles += len(item.articles)
