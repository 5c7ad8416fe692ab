"""The ingest stage up to the store: files → documents → articles with their fingerprints.

What happens next (extraction, storing, resolution) is `linkchart.api.pipeline`'s: this
stage knows nothing of the store. Whatever goes wrong with one file (a `ReadError`, or a
bug a strange file brings out in a reader or the cleaner) becomes that file's one line in
the report; it never raises.
"""

from __future__ import annotations

from dataclasses import dataclass

from linkchart.ingest.articles import build_articles
from linkchart.ingest.dedupe import Fingerprint, article_fingerprint
from linkchart.ingest.read import ReadError, display_path, read_file
from linkchart.models import Article, Document, IngestReport

MAX_REASON = 300  # characters of an exception's message kept in a report line


def failure(source: str, what: str, err: BaseException) -> str:
    """Return the one-line report of `err` stopping `what` for `source`: 'source: could not … (Type: message)'."""
    message = " ".join(str(err).split())
    if len(message) > MAX_REASON:
        message = message[:MAX_REASON] + "…"
    return f"{source}: could not {what} ({type(err).__name__}{': ' + message if message else ''})"


@dataclass
class PreparedDocument:
    """A document read and cleaned, waiting for extraction and storage."""

    document: Document
    articles: list[Article]
    fingerprints: list[Fingerprint]  # one per article, for the store's near-duplicate lookup


def read_documents(path: str, notice: str | None, report: IngestReport) -> list[Document]:
    """Return the documents read from one file, or none when it was skipped or failed (noted in `report`).

    `notice` is why `ingest.read.iter_files` skips the file, if it does.
    """
    if notice is not None:
        report.skipped.append(f"{display_path(path)}: {notice}")
        return []
    try:
        documents = read_file(path)
    except ReadError as err:
        report.failed.append(str(err))
        return []
    except Exception as err:  # a reader's bug on a strange file must not stop the batch
        report.failed.append(failure(display_path(path), "read", err))
        return []
    for doc in documents:
        report.warnings.extend(doc.warnings)
    return documents


def prepare_document(doc: Document, report: IngestReport) -> PreparedDocument | None:
    """Return the document cleaned into articles, or None when nothing is left of it (noted in `report`)."""
    try:
        articles = build_articles(doc)
        if not articles:
            report.failed.append(f"{doc.source}: no text left after removing boilerplate")
            return None
        return PreparedDocument(doc, articles, [article_fingerprint(a.text) for a in articles])
    except Exception as err:  # a cleaning bug must not stop the batch
        report.failed.append(failure(doc.source, "clean text", err))
        return None
