"""The Python API of linkchart: the CLI, the web app and the tests all go through it.

    from linkchart.api import Workspace
    with Workspace("linkchart.db") as ws:
        report = ws.ingest(["reports/"])
        for hit in ws.search("Khazali"):
            print(hit.source, hit.snippet)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from linkchart.models import Article, Extraction, IngestReport
from linkchart.store.sqlite import SQLiteStore

DEFAULT_DB = "linkchart.db"


def sample_corpus_path() -> Path:
    """Return the folder of the bundled sample corpus."""
    return Path(str(resources.files("linkchart") / "sample"))


class Workspace:
    """One analyst's store and everything that can be asked of it."""

    def __init__(self, db: str | Path = DEFAULT_DB, extract: bool = True) -> None:
        self.db = str(db)
        self.store = SQLiteStore(self.db)
        self._extract_enabled = extract
        self._nlp: Any = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    # ---- ingest -------------------------------------------------------------------
    def ingest(
        self, paths: Iterable[str] | None = None, on_file: Callable[[str], None] | None = None
    ) -> IngestReport:
        """Return the report of ingesting files/folders (the sample corpus when none given)."""
        from linkchart.ingest.run import ingest_paths

        targets = list(paths) if paths else [str(sample_corpus_path())]
        extract = self._extract if self._extract_enabled else None
        report = ingest_paths(self.store, targets, extract=extract, on_file=on_file)
        if report.added and self._extract_enabled:
            self.resolve()
        report.duplicates = sum(1 for row in self.store.documents() if row.duplicate_of is not None)
        return report

    def _extract(self, articles: list[Article]) -> list[Extraction]:
        from linkchart.extract.pipeline import extract_many

        if self._nlp is None:
            from linkchart.extract.nlp import load_pipeline

            self._nlp = load_pipeline()
        items = [(a.text, a.english_spans(), a.date) for a in articles]
        return extract_many(items, self._nlp)

    def resolve(self) -> None:
        """Resolve stored mentions into entities and re-apply the analysts' decisions."""
        from linkchart.resolve.cluster import resolve_store

        resolve_store(self.store)

    # ---- documents and search -----------------------------------------------------
    def documents(self) -> list[Any]:
        """Return one row per stored article (source, title, date, language, words, duplicate_of)."""
        return self.store.documents()

    def search(self, query: str, limit: int = 20) -> list[Any]:
        """Return full-text hits with highlighted snippets and original-file offsets."""
        return self.store.search(query, limit=limit)

    def stats(self) -> dict[str, Any]:
        """Return counts of documents, articles, languages and duplicates."""
        return self.store.stats()

    # ---- export -------------------------------------------------------------------
    def export_json(self) -> dict[str, Any]:
        """Return the whole store as a `linkchart/1` JSON object."""
        from linkchart.export.json import export_linkchart

        return export_linkchart(self.store)
