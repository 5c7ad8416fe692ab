"""The file-level contract of an ingest engine: one file's bytes in, its documents cleaned and extracted out.

Three steps, so that the work between them can run anywhere:

1. `plan_file` (the driver, which has the store): load the file's bytes, and skip it when
   every document it holds is stored already (content hash), before any work is sent;
2. `prepare_file` then `extract_outcomes` (a worker, which needs no store): read the
   bytes into documents, clean them into articles, extract every article; a document
   whose content is stored is left out, and whatever goes wrong with one file or one
   document becomes its line in the outcome's report;
3. `store_outcome` (the driver, the only writer): store each document, and merge the
   outcome's report lines into the run's.

A `FileOutcome` pickles (documents, articles and extractions are plain dataclasses).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from linkchart.api.pipeline import store_document
from linkchart.ingest.read import ReadError, content_hashes, load_bytes, read_raw
from linkchart.ingest.run import PreparedDocument, failure, prepare_document
from linkchart.models import Article, Extraction, IngestReport
from linkchart.store.base import Store

Extractor = Callable[[list[Article]], list[Extraction]]
EXTRACT_CHUNK = 64  # articles handed to the extractor at once (the local pipeline's batch), a huge file's too


@dataclass
class FileWork:
    """One file to ingest as handed to a worker: its path, raw bytes, and the hashes of its content already stored."""

    path: str
    raw: bytes
    known: frozenset[str] = frozenset()


@dataclass
class FileOutcome:
    """One file read, cleaned and extracted: its documents (with one extraction list each) and its report lines."""

    path: str
    documents: list[PreparedDocument] = field(default_factory=list)
    extractions: list[list[Extraction | None]] = field(default_factory=list)
    report: IngestReport = field(default_factory=IngestReport)


def plan_file(store: Store, path: str, notice: str | None, report: IngestReport) -> FileWork | None:
    """Return the work of one listed file, or None when there is none: the file is skipped (`notice`),
    cannot be loaded, or every document it holds is stored already (each noted in `report`)."""
    if notice is not None:
        report.skipped.append(f"{path}: {notice}")
        return None
    try:
        raw = load_bytes(path)
    except ReadError as err:
        report.failed.append(str(err))
        return None
    hashes = content_hashes(path, raw)
    try:
        known = frozenset(h for _, h in hashes if store.document_by_hash(h) is not None)
    except Exception as err:  # the store cannot be read: storing will tell what is wrong with it
        report.failed.append(failure(path, "look up", err))
        return None
    if hashes and all(h in known for _, h in hashes):
        report.unchanged.extend(source for source, _ in hashes)
        return None
    return FileWork(path, raw, known)


def prepare_file(work: FileWork) -> FileOutcome:
    """Return the file's documents read from its bytes and cleaned into articles, those stored already left out;
    never raises (a problem is a line of the outcome's report)."""
    outcome = FileOutcome(work.path)
    report = outcome.report
    try:
        documents = read_raw(work.path, work.raw)
    except ReadError as err:
        report.failed.append(str(err))
        return outcome
    except Exception as err:  # a reader's bug on a strange file must not stop the batch
        report.failed.append(failure(work.path, "read", err))
        return outcome
    for doc in documents:
        report.warnings.extend(doc.warnings)
        if doc.sha256 in work.known:
            report.unchanged.append(doc.source)
            continue
        prepared = prepare_document(doc, report)
        if prepared is not None:
            outcome.documents.append(prepared)
    return outcome


def extract_outcomes(outcomes: Sequence[FileOutcome], extract: Extractor | None) -> None:
    """Fill in the extractions of every document of `outcomes`, all articles extracted together; returns nothing.

    When extracting them together fails, each document is extracted on its own, so that only
    the one that fails is dropped (with its line in its file's report).
    """
    documents = [d for o in outcomes for d in o.documents]
    try:
        found = _extract([a for d in documents for a in d.articles], extract)
    except Exception as err:
        if len(documents) == 1:  # no need to try it again on its own
            owner = next(o for o in outcomes if o.documents)
            owner.report.failed.append(failure(documents[0].document.source, "extract", err))
            owner.documents, owner.extractions = [], []
            return
        for outcome in outcomes:
            _extract_one_by_one(outcome, extract)
        return
    cursor = 0
    for outcome in outcomes:
        outcome.extractions = []
        for doc in outcome.documents:
            outcome.extractions.append(found[cursor : cursor + len(doc.articles)])
            cursor += len(doc.articles)


def _extract_one_by_one(outcome: FileOutcome, extract: Extractor | None) -> None:
    """Extract each document of `outcome` on its own, dropping (and reporting) those that fail."""
    kept: list[PreparedDocument] = []
    outcome.extractions = []
    for doc in outcome.documents:
        try:
            extractions = _extract(doc.articles, extract)
        except Exception as err:
            outcome.report.failed.append(failure(doc.document.source, "extract", err))
            continue
        kept.append(doc)
        outcome.extractions.append(extractions)
    outcome.documents = kept


def _extract(articles: list[Article], extract: Extractor | None) -> list[Extraction | None]:
    """Return one extraction per article (None each without an extractor); raise when the count is wrong."""
    if extract is None:
        return [None] * len(articles)
    found: list[Extraction | None] = []
    for start in range(0, len(articles), EXTRACT_CHUNK):
        chunk = articles[start : start + EXTRACT_CHUNK]
        got = list(extract(chunk))
        if len(got) != len(chunk):
            raise RuntimeError(f"{len(got)} extractions for {len(chunk)} articles")
        found.extend(got)
    return found


def store_outcome(store: Store, outcome: FileOutcome, report: IngestReport) -> None:
    """Store each document of `outcome` in its own transaction, as the local pipeline does (a document stored
    meanwhile is unchanged, one that cannot be stored is its line), and add the outcome's lines to `report`;
    returns nothing."""
    merge_report(report, outcome.report)
    for item, extractions in zip(outcome.documents, outcome.extractions, strict=True):
        store_document(store, item, extractions, report)


def merge_report(into: IngestReport, part: IngestReport) -> None:
    """Add the lines and counts of `part` to `into`; returns nothing."""
    into.added.extend(part.added)
    into.unchanged.extend(part.unchanged)
    into.skipped.extend(part.skipped)
    into.failed.extend(part.failed)
    into.warnings.extend(part.warnings)
    into.articles += part.articles
