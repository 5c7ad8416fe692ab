"""SQLite back end of the `Store` interface (WAL mode, FTS5 search, LSH duplicate lookup)."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from linkchart.models import (
    AliasStatement,
    Article,
    Claim,
    Document,
    Event,
    Extraction,
    Mention,
    OffsetMap,
    Paragraph,
    Relation,
)
from linkchart.store.base import (
    DECISION_KINDS,
    EDGE_HEAD,
    SCREENING_VERDICTS,
    AliasStatementRow,
    ArticleRow,
    Attachment,
    ClaimRow,
    Consumed,
    DecisionRow,
    DocumentRow,
    EntityAliasRow,
    EntityEdgeRow,
    EntityMetricsRow,
    EntityRow,
    EntitySummary,
    EventRow,
    GraphChange,
    GraphWork,
    IncrementalInput,
    LiftedRow,
    MentionRow,
    NearDuplicateKey,
    Region,
    RelationRow,
    ResolutionInput,
    ResolutionMention,
    ResolverRows,
    ScreeningDecisionRow,
    ScreeningMatchRow,
    SearchHit,
    Store,
    StoreError,
    SurfaceRow,
    attach_pending_rows,
    graph_pending_rows,
    pending_grown,
    resolution_statements,
)
from linkchart.store.migrate import migrate

# Snippet markers: control characters that do not occur in cleaned text, replaced by
# '[' / ']' for `SearchHit.snippet` and turned into spans for `SearchHit.highlights`.
_OPEN, _CLOSE = "\x02", "\x03"
NEAR_DUPLICATE_CANDIDATES = 32  # fingerprints compared per new article, most shared bands first
_SNIPPET_TOKENS = 16

_ARTICLE_COLUMNS = """
    a.id, a.document_id, d.source, a.idx, a.title, a.byline, a.date, a.language, a.words,
    a.duplicate_of, a.similarity, a.orig_start, a.orig_end, a.url, a.outlet, a.date_inferred
"""
_JOIN_SOURCE = "JOIN articles a ON a.id = x.article_id JOIN documents d ON d.id = a.document_id"
# what a full resolution reads of each mention, in the order of `mentions()` (`Store.read_resolution`)
RESOLUTION_MENTIONS = """SELECT id, article_id, text, label, role, description, refers_to FROM mentions
                         ORDER BY article_id, start, "end", id"""
RESOLUTION_STATEMENTS = """SELECT id, article_id, name, alias, kind, sentence FROM alias_statements
                           ORDER BY article_id, orig_start, id"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _pair(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else (start, end)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _fold(text: str) -> tuple[str, list[int]]:
    """Return `text` case- and diacritic-folded, and for each folded char its index in `text`."""
    if text.isascii():  # (most articles: folding them a character at a time was most of a search's time)
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = ch.lower() if ch.isascii() else _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def query_terms(query: str) -> list[tuple[str, bool]]:
    """Return the user's query as (term, is_prefix) pairs: whitespace-separated, no empty terms.

    A trailing '*' asks for a prefix match; terms without a letter or digit are dropped.
    """
    # Control characters and lone surrogates become separators: a NUL would cut the MATCH
    # string short, a surrogate cannot be encoded for SQLite.
    query = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in query)
    terms = []
    for raw in query.split():
        prefix = raw.endswith("*")
        term = raw.rstrip("*")
        if any(ch.isalnum() for ch in term):
            terms.append((term, prefix))
    return terms


def fts_match(terms: list[tuple[str, bool]]) -> str:
    """Return an FTS5 MATCH expression requiring every term, each quoted as a phrase.

    Quoting makes FTS syntax in user input ('al-Khazali', quotes, parentheses, AND/NEAR)
    literal; the tokenizer splits the phrase the same way it split the indexed text.
    """
    return " ".join('"' + term.replace('"', '""') + '"' + ("*" if prefix else "") for term, prefix in terms)


def _first_match(text: str, terms: list[tuple[str, bool]]) -> tuple[int, int] | None:
    """Return clean `[start, end)` of the earliest occurrence of any term, ignoring case/diacritics."""
    folded, index = _fold(text)
    best: tuple[int, int] | None = None
    for term, prefix in terms:
        words = re.findall(r"[^\W_]+", _fold(term)[0])
        if not words:
            continue
        pattern = r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words))
        pattern += r"[^\W_]*" if prefix else r"(?![^\W_])"
        match = re.search(pattern, folded)
        if match and match.end() > match.start() and (best is None or match.start() < best[0]):
            best = (index[match.start()], index[match.end() - 1] + 1)
    return best


def _highlights(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the snippet without markers and the spans the markers enclosed."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos, opened = 0, None
    for ch in marked:
        if ch == _OPEN:
            opened = pos
        elif ch == _CLOSE:
            if opened is not None:
                spans.append((opened, pos))
            opened = None
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), spans


# Columns of the extraction tables after `article_id`, in the order `_ExtractionRows` builds them;
# every statement ends with its evidence sentence (original start, end and text).
_MENTION_COLUMNS = """start, "end", orig_start, orig_end, text, label, sentence_start, sentence_end, role,
                      description, refers_to"""
_ALIAS_STATEMENT_COLUMNS = """name, alias, kind, name_start, name_end, alias_start, alias_end, orig_start,
                              orig_end, sentence"""
_RELATION_COLUMNS = """subject_text, subject_start, subject_end, predicate, object_text, object_start, object_end,
                       rule, negated, attributed_to, hedged, date, evidence_start, evidence_end, evidence_text"""
_EVENT_COLUMNS = """kind, summary, date, participants, negated, attributed_to, evidence_start, evidence_end,
                    evidence_text, date_source"""
_CLAIM_COLUMNS = """subject_text, subject_start, subject_end, quantity, value, unit, approx, attributed_to,
                    evidence_start, evidence_end, evidence_text"""


# One count per table, in the order `stats` reports them.
_STATS_QUERY = """SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM articles) AS articles,
       (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM alias_statements) AS alias_statements,
       (SELECT count(*) FROM relations) AS relations, (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM entities) AS entities,
       (SELECT count(*) FROM decisions) AS decisions"""


class _ExtractionRows:
    """Builds the table rows of one article's extraction, its clean-text spans mapped to the original.

    An evidence's offsets point into the original (the reader marks them there); its text is
    the clean article's, where the cleaner rejoined words hyphenated across lines, dropped PDF
    running headers and page breaks, and repaired mojibake.
    """

    def __init__(self, original: str, offsets: OffsetMap, clean: str) -> None:
        self.original = original
        self.offsets = offsets
        self.clean = clean

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        """Return a clean-text span as a span of the original text."""
        return self.offsets.span(*span)

    def optional_span(self, span: tuple[int, int] | None) -> tuple[int | None, int | None]:
        """Return a clean-text span in the original text, or (None, None) for no span."""
        return (None, None) if span is None else self.span(span)

    def evidence(self, start: int, end: int) -> tuple[int, int, str]:
        """Return the original start and end of the clean-text sentence `[start, end)`, and its clean text."""
        s, e = self.span((start, end))
        return s, e, self.clean[start:end]

    def mention(self, m: Mention) -> tuple[Any, ...]:
        """Return the row of a mention (columns `_MENTION_COLUMNS`)."""
        sentence = (m.sentence_start, m.sentence_end) if m.sentence_end > m.sentence_start else None
        return (m.start, m.end, *self.span((m.start, m.end)), m.text, m.label, *self.optional_span(sentence),
                m.role, m.description, m.refers_to)

    def alias_statement(self, a: AliasStatement) -> tuple[Any, ...]:
        """Return the row of an alias statement (columns `_ALIAS_STATEMENT_COLUMNS`)."""
        return (a.name, a.alias, a.kind, *self.optional_span(a.name_span), *self.optional_span(a.alias_span),
                *self.evidence(a.start, a.end))

    def relation(self, r: Relation) -> tuple[Any, ...]:
        """Return the row of a relation (columns `_RELATION_COLUMNS`)."""
        return (r.subject, *self.span(r.subject_span), r.predicate, r.object, *self.span(r.object_span), r.rule,
                int(r.negated), r.attributed_to, int(r.hedged), r.date, *self.evidence(r.start, r.end))

    def event(self, v: Event) -> tuple[Any, ...]:
        """Return the row of an event (columns `_EVENT_COLUMNS`); participants as JSON original spans."""
        participants = json.dumps([list(self.span(p)) for p in v.participants])
        return (v.kind, v.summary, v.date, participants, int(v.negated), v.attributed_to,
                *self.evidence(v.start, v.end), v.date_source)

    def claim(self, c: Claim) -> tuple[Any, ...]:
        """Return the row of a numeric claim (columns `_CLAIM_COLUMNS`)."""
        return (c.subject, *self.span(c.subject_span), c.quantity, float(c.value), c.unit, c.approx, c.attributed_to,
                *self.evidence(c.start, c.end))


def _wal_mode(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch `conn`'s database to WAL, waiting up to `timeout` seconds for another process opening it at the same
    moment: the switch needs the database to itself and SQLite answers 'database is locked' at once, without
    waiting as other statements do. Returns nothing."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SQLiteStore(Store):
    """A `Store` in one SQLite file; safe to share between threads (one connection, one lock)."""

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._exclusive = False  # inside `exclusive()`: writes become savepoints of its transaction
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE in _write), so a
        # read-then-write sequence holds the write lock from the start.
        self._conn = sqlite3.connect(
            str(path), timeout=timeout, isolation_level=None, check_same_thread=False
        )
        try:
            self._conn.row_factory = sqlite3.Row
            _wal_mode(self._conn, timeout)
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            # 64 MB of page cache, not 2: a batch of articles dirties thousands of pages of the near-duplicate
            # band index (random keys), which would otherwise be spilled and read again within the transaction
            self._conn.execute("PRAGMA cache_size=-65536")
            migrate(self._conn)
            self._fill_folded_names()
        except BaseException:
            self._conn.close()
            raise

    # --- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection; returns nothing."""
        with self._lock:
            self._conn.close()

    def pragma(self, name: str) -> Any:
        """Return the value of a read-only PRAGMA such as journal_mode or user_version."""
        if not re.fullmatch(r"[a-z_]+", name):
            raise ValueError(f"bad pragma name {name!r}")
        with self._lock:
            return self._conn.execute(f"PRAGMA {name}").fetchone()[0]

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction that also bumps the store version."""
        with self._derived_write() as conn:
            yield conn
            conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'store_version'")

    @contextmanager
    def _derived_write(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction that leaves the store version as it is.

        For columns derived from stored rows only (what a reader sees does not change).
        """
        with self._lock:
            if self._exclusive:  # inside `exclusive()`: a savepoint of its transaction
                self._conn.execute("SAVEPOINT write")
                try:
                    yield self._conn
                    self._conn.execute("RELEASE write")
                except BaseException:
                    self._conn.execute("ROLLBACK TO write")
                    self._conn.execute("RELEASE write")
                    raise
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the write lock for the block: other writers wait (threads on the lock, processes on SQLite's
        busy timeout); the block's writes and reads are one transaction, committed at its end."""
        with self._lock:
            if self._exclusive:
                yield
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._exclusive = True
            try:
                yield
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            finally:
                self._exclusive = False

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """Run the block's reads in one read transaction (one consistent state of the store)."""
        with self._lock:
            if self._conn.in_transaction:
                yield self._conn
                return
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    @staticmethod
    def _mark_resolution_due(conn: sqlite3.Connection) -> None:
        """Record in the current write transaction that resolution must follow it (see migration 0004)."""
        conn.execute(
            """UPDATE pending SET due = (SELECT value + 1 FROM meta WHERE key = 'store_version'),
                                  since = CASE WHEN due > done THEN since ELSE ? END
               WHERE task = 'resolve'""",
            (_now(),),
        )

    def _fill_folded_names(self) -> None:
        """Compute `folded` of entity and alias rows that lack it (a database from before schema 2).

        Name keys are the resolver's: `set_alias_name_keys` fills those. Returns nothing.
        """
        with self._lock:
            if not self._conn.execute(
                """SELECT 1 WHERE EXISTS (SELECT 1 FROM entities WHERE folded IS NULL)
                      OR EXISTS (SELECT 1 FROM entity_aliases WHERE folded IS NULL)"""
            ).fetchone():
                return
            with self._derived_write() as conn:
                names = conn.execute("SELECT id, name FROM entities WHERE folded IS NULL").fetchall()
                conn.executemany("UPDATE entities SET folded = ? WHERE id = ?", [(r[1].lower(), r[0]) for r in names])
                aliases = conn.execute("SELECT rowid, alias FROM entity_aliases WHERE folded IS NULL").fetchall()
                conn.executemany(
                    "UPDATE entity_aliases SET folded = ? WHERE rowid = ?", [(r[1].lower(), r[0]) for r in aliases]
                )

    @staticmethod
    def _recount(conn: sqlite3.Connection, entity_ids: list[int] | None = None) -> None:
        """Recompute `entities.mentions`/`documents` (of the given entities, or all) from the links."""
        if entity_ids is not None and not entity_ids:
            return
        only = f"WHERE me.entity_id IN ({','.join('?' * len(entity_ids))})" if entity_ids is not None else ""
        params = tuple(entity_ids or ())
        conn.execute(
            f"UPDATE entities SET mentions = 0, documents = 0 {only.replace('me.entity_id', 'id')}", params
        )
        conn.execute(
            f"""UPDATE entities SET mentions = c.n, documents = c.d
                FROM (SELECT me.entity_id AS id, count(*) AS n, count(DISTINCT a.document_id) AS d
                      FROM mention_entity me
                      JOIN mentions m ON m.id = me.mention_id
                      JOIN articles a ON a.id = m.article_id
                      {only}
                      GROUP BY me.entity_id) AS c
                WHERE c.id = entities.id""",
            params,
        )

    def _read(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def version(self) -> int:
        """Return the store version, a counter incremented by every write."""
        return int(self._read("SELECT value FROM meta WHERE key = 'store_version'")[0][0])

    # --- documents and articles ------------------------------------------------------
    def _add_document(
        self,
        doc: Document,
        articles: list[Article],
        extractions: list[Extraction | None],
        fingerprints: list[NearDuplicateKey | None],
        if_new: bool,
    ) -> int | None:
        """Return the id of the document stored with its articles and extractions (None: same content stored)."""
        if not len(articles) == len(extractions) == len(fingerprints):
            raise ValueError("articles, extractions and fingerprints must have the same length")
        try:
            with self._write() as conn:
                if if_new and conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (doc.sha256,)).fetchone():
                    return None
                old = conn.execute("SELECT id FROM documents WHERE source = ?", (doc.source,)).fetchone()
                if old is not None:
                    self._delete(conn, old[0])
                doc_id = self._insert_document(conn, doc)
                for article, extraction, fp in zip(articles, extractions, fingerprints, strict=True):
                    article_id = self._insert_article(conn, doc_id, article, fp)
                    if extraction is not None:
                        self._insert_extraction(conn, article_id, doc.text, article, extraction)
                self._mark_resolution_due(conn)
                return doc_id
        except (sqlite3.IntegrityError, sqlite3.InterfaceError, ValueError, TypeError) as exc:
            raise StoreError(f"{doc.source}: not stored: {exc}") from exc

    def _delete(self, conn: sqlite3.Connection, doc_id: int) -> None:
        # The entities named in the document lose those mentions: their counts follow.
        named = [
            r[0]
            for r in conn.execute(
                """SELECT DISTINCT me.entity_id FROM articles a
                   JOIN mentions m ON m.article_id = a.id
                   JOIN mention_entity me ON me.mention_id = m.id
                   WHERE a.document_id = ?""",
                (doc_id,),
            )
        ]
        # Later articles that were duplicates of this document's articles stop being so;
        # ON DELETE SET NULL alone would leave their similarity behind.
        conn.execute(
            """UPDATE articles SET duplicate_of = NULL, similarity = NULL
               WHERE duplicate_of IN (SELECT id FROM articles WHERE document_id = ?)
                 AND document_id <> ?""",
            (doc_id, doc_id),
        )
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        conn.execute("UPDATE resolver_state SET value = 0 WHERE key = 'valid'")  # its clusters lost mentions
        conn.execute("UPDATE graph_state SET value = 0 WHERE key = 'incremental'")  # its edges are kept still
        self._recount(conn, named)

    def _insert_document(self, conn: sqlite3.Connection, doc: Document) -> int:
        cur = conn.execute(
            """INSERT INTO documents (source, sha256, kind, title, date, url, outlet, encoding,
                                      warnings, page_starts, text, added_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                doc.source,
                doc.sha256,
                doc.kind,
                doc.title,
                doc.date,
                doc.url,
                doc.outlet,
                doc.encoding,
                json.dumps(doc.warnings),
                json.dumps(doc.page_starts),
                doc.text,
                _now(),
            ),
        )
        return int(cur.lastrowid or 0)

    def _insert_article(
        self, conn: sqlite3.Connection, doc_id: int, article: Article, fp: NearDuplicateKey | None
    ) -> int:
        if fp is not None and not isinstance(fp, NearDuplicateKey):
            raise TypeError(f"not a near-duplicate key: {type(fp).__name__}")
        duplicate = self._near_duplicate(conn, fp, set()) if fp is not None else None
        cur = conn.execute(
            """INSERT INTO articles (document_id, idx, title, byline, date, language, url, outlet,
                                     orig_start, orig_end, words, text, offsets, paragraphs,
                                     fingerprint, duplicate_of, similarity, date_inferred)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                doc_id,
                article.index,
                article.title,
                article.byline,
                article.date,
                article.language,
                article.url,
                article.outlet,
                article.start,
                article.end,
                len(article.text.split()),
                article.text,
                json.dumps(article.offsets.to_json()),
                json.dumps([[p.start, p.end, p.language] for p in article.paragraphs]),
                fp.signature if fp is not None else None,
                duplicate[0] if duplicate else None,
                duplicate[1] if duplicate else None,
                article.date_inferred,
            ),
        )
        article_id = int(cur.lastrowid or 0)
        if fp is not None:
            conn.executemany(
                "INSERT INTO article_bands (band, key, article_id) VALUES (?, ?, ?)",
                [(band, key, article_id) for band, key in fp.band_keys],
            )
        return article_id

    def _insert_extraction(
        self, conn: sqlite3.Connection, article_id: int, original: str, article: Article, ex: Extraction
    ) -> None:
        rows = _ExtractionRows(original, article.offsets, article.text)
        for table, columns, items, build in (
            ("mentions", _MENTION_COLUMNS, ex.mentions, rows.mention),
            ("alias_statements", _ALIAS_STATEMENT_COLUMNS, ex.aliases, rows.alias_statement),
            ("relations", _RELATION_COLUMNS, ex.relations, rows.relation),
            ("events", _EVENT_COLUMNS, ex.events, rows.event),
            ("claims", _CLAIM_COLUMNS, ex.claims, rows.claim),
        ):
            if items:
                conn.executemany(
                    f"INSERT INTO {table} (article_id, {columns}) VALUES (?{', ?' * (columns.count(',') + 1)})",
                    [(article_id, *build(item)) for item in items],
                )

    def delete_document(self, source: str) -> bool:
        """Delete a document and everything extracted from it; return whether it existed."""
        with self._write() as conn:
            row = conn.execute("SELECT id FROM documents WHERE source = ?", (source,)).fetchone()
            if row is not None:
                self._delete(conn, row[0])
                self._mark_resolution_due(conn)
            return row is not None

    def _document_rows(self, where: str, params: tuple[Any, ...]) -> list[DocumentRow]:
        rows = self._read(
            f"""SELECT d.id, d.source, d.sha256, d.kind, d.title, d.date, d.url, d.outlet, d.encoding,
                       d.warnings, d.page_starts, d.added_at,
                       (SELECT count(*) FROM articles a WHERE a.document_id = d.id) AS n
                FROM documents d {where}""",
            params,
        )
        return [
            DocumentRow(
                id=r["id"],
                source=r["source"],
                sha256=r["sha256"],
                kind=r["kind"],
                title=r["title"],
                date=r["date"],
                url=r["url"],
                outlet=r["outlet"],
                encoding=r["encoding"],
                warnings=json.loads(r["warnings"]),
                page_starts=json.loads(r["page_starts"]),
                added_at=r["added_at"],
                articles=r["n"],
            )
            for r in rows
        ]

    def document_by_hash(self, sha256: str) -> DocumentRow | None:
        """Return the earliest stored document with this content hash, or None."""
        rows = self._document_rows("WHERE d.sha256 = ? ORDER BY d.id LIMIT 1", (sha256,))
        return rows[0] if rows else None

    def document_by_source(self, source: str) -> DocumentRow | None:
        """Return the stored document with this source, or None."""
        rows = self._document_rows("WHERE d.source = ?", (source,))
        return rows[0] if rows else None

    def document_rows(self) -> list[DocumentRow]:
        """Return every stored document, ordered by source."""
        return self._document_rows("ORDER BY d.source", ())

    def document_text(self, source: str) -> str:
        """Return the original decoded text of a document; raises KeyError if unknown."""
        rows = self._read("SELECT text FROM documents WHERE source = ?", (source,))
        if not rows:
            raise KeyError(source)
        return str(rows[0][0])

    @staticmethod
    def _article_row(r: sqlite3.Row) -> ArticleRow:
        return ArticleRow(
            id=r["id"],
            document_id=r["document_id"],
            source=r["source"],
            index=r["idx"],
            title=r["title"],
            byline=r["byline"],
            date=r["date"],
            language=r["language"],
            words=r["words"],
            duplicate_of=r["duplicate_of"],
            similarity=r["similarity"],
            start=r["orig_start"],
            end=r["orig_end"],
            url=r["url"],
            outlet=r["outlet"],
            date_inferred=r["date_inferred"],
        )

    def documents(self) -> list[ArticleRow]:
        """Return one row per stored article (without text), ordered by source and index."""
        rows = self._read(
            f"""SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN documents d ON d.id = a.document_id
                ORDER BY d.source, a.idx"""
        )
        return [self._article_row(r) for r in rows]

    def undated_articles(self) -> list[ArticleRow]:
        """Return the stored articles (without text) with no date, stated or inferred, that repeat no earlier
        article, ordered by source and index."""
        rows = self._read(
            f"""SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN documents d ON d.id = a.document_id
                WHERE a.date IS NULL AND a.duplicate_of IS NULL ORDER BY d.source, a.idx"""
        )
        return [self._article_row(r) for r in rows]

    def article(self, article_id: int) -> ArticleRow:
        """Return an article with clean text, offset map, paragraphs and original text."""
        rows = self._read(
            f"""SELECT {_ARTICLE_COLUMNS}, a.text, a.offsets, a.paragraphs, d.text AS original
                FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = ?""",
            (article_id,),
        )
        if not rows:
            raise KeyError(article_id)
        r = rows[0]
        row = self._article_row(r)
        row.text = r["text"]
        row.offsets = OffsetMap.from_json(json.loads(r["offsets"]))
        row.paragraphs = [Paragraph(s, e, lang) for s, e, lang in json.loads(r["paragraphs"])]
        row.original = r["original"]
        return row

    def stats(self) -> dict[str, Any]:
        """Return counts: documents, articles, languages {code: n}, duplicates, extractions, entities."""
        row = self._read(_STATS_QUERY)[0]
        counts: dict[str, Any] = {name: int(row[name]) for name in row.keys()}
        counts["duplicates"] = self.duplicate_count()
        counts["languages"] = {
            r[0]: r[1]
            for r in self._read(
                "SELECT language, count(*) FROM articles GROUP BY language ORDER BY 2 DESC, 1"
            )
        }
        return counts

    def duplicate_count(self) -> int:
        """Return how many stored articles are near-duplicates of another."""
        return int(self._read("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")[0][0])

    # --- search and duplicates -------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Return articles matching every word of `query`, best first; any user input is safe."""
        terms = query_terms(query)
        if not terms or limit <= 0:
            return []
        # the best `limit` are ranked first; only they are read and get a snippet (a common name
        # matches most of a large store: reading every match's row cost 2-4× the ranking)
        rows = self._read(
            """WITH best AS (SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts
                             WHERE articles_fts MATCH ?4 ORDER BY score, rowid LIMIT ?5)
               SELECT a.id, d.source, a.title, a.date, a.text, a.offsets,
                      snippet(articles_fts, 1, ?1, ?2, '…', ?3) AS snip, best.score AS score
               FROM best CROSS JOIN articles_fts ON articles_fts.rowid = best.id
               JOIN articles a ON a.id = best.id
               JOIN documents d ON d.id = a.document_id
               WHERE articles_fts MATCH ?4
               ORDER BY best.score, a.id""",
            (_OPEN, _CLOSE, _SNIPPET_TOKENS, fts_match(terms), limit),
        )
        hits = []
        for r in rows:
            plain, spans = _highlights(r["snip"] or "")
            snippet = r["snip"].replace(_OPEN, "[").replace(_CLOSE, "]") if r["snip"] else ""
            start = end = None
            found = _first_match(r["text"], terms)
            if found is not None:
                start, end = OffsetMap.from_json(json.loads(r["offsets"])).span(*found)
            hits.append(
                SearchHit(
                    article_id=r["id"],
                    source=r["source"],
                    title=r["title"],
                    date=r["date"],
                    snippet=snippet,
                    snippet_text=plain,
                    highlights=spans,
                    start=start,
                    end=end,
                    rank=float(r["score"]),
                )
            )
        return hits

    def _near_duplicate(
        self, conn: sqlite3.Connection, fp: NearDuplicateKey, exclude: set[int]
    ) -> tuple[int, float] | None:
        keys = fp.band_keys
        if not keys:
            return None
        values = ", ".join("(?, ?)" for _ in keys)
        params = [v for pair in keys for v in pair]
        # the candidates sharing most bands are the most similar: checking the best few keeps a
        # pile of near-identical articles (a wire story in 500 outlets) from making ingest quadratic.
        # They are counted from the band index alone; only the chosen few article rows are read.
        # The keys are joined as a table (CROSS JOIN: one index range per key, read from the covering
        # index), not ORed: an OR of 32 terms collects rowids and reads each band row again.
        rows = conn.execute(
            f"""WITH k(band, key) AS (VALUES {values})
                SELECT a.id, a.fingerprint
                FROM (SELECT b.article_id, COUNT(*) AS shared
                      FROM k CROSS JOIN article_bands b ON b.band = k.band AND b.key = k.key
                      GROUP BY b.article_id ORDER BY shared DESC, b.article_id LIMIT ?) c
                JOIN articles a ON a.id = c.article_id ORDER BY c.shared DESC, a.id""",
            [*params, NEAR_DUPLICATE_CANDIDATES],
        ).fetchall()
        best: tuple[int, float] | None = None
        for article_id, other in rows:
            if article_id in exclude or other is None:
                continue
            score = fp.similarity(other)
            if score >= fp.threshold and (best is None or score > best[1]):
                best = (article_id, score)
        return best

    def find_near_duplicate(
        self, fp: NearDuplicateKey, *, exclude: set[int] | None = None
    ) -> tuple[int, float] | None:
        """Return (article id, similarity) of the most similar stored article ≥ `fp.threshold`, or None.

        Ties go to the earliest article.
        """
        with self._lock:
            return self._near_duplicate(self._conn, fp, exclude or set())

    # --- extractions -----------------------------------------------------------------
    def _extraction_rows(self, table: str, order: str, article_id: int | None) -> list[sqlite3.Row]:
        where = "WHERE x.article_id = ?" if article_id is not None else ""
        params = (article_id,) if article_id is not None else ()
        return self._read(
            f"SELECT x.*, d.source FROM {table} x {_JOIN_SOURCE} {where} ORDER BY x.article_id, {order}",
            params,
        )

    def mentions(self, article_id: int | None = None) -> list[MentionRow]:
        """Return stored mentions (of one article, or all), in text order."""
        return [
            _mention_row(r)
            for r in self._extraction_rows("mentions", 'x.start, x."end", x.id', article_id)
        ]

    def alias_statements(self, article_id: int | None = None) -> list[AliasStatementRow]:
        """Return stored alias statements (of one article, or all), in text order."""
        return [_alias_statement_row(r)
                for r in self._extraction_rows("alias_statements", "x.orig_start, x.id", article_id)]

    def relations(self, article_id: int | None = None) -> list[RelationRow]:
        """Return stored relations (of one article, or all), in text order."""
        return [_relation_row(r) for r in self._extraction_rows("relations", "x.evidence_start, x.id", article_id)]


    def events(self, article_id: int | None = None) -> list[EventRow]:
        """Return stored events (of one article, or all), in text order."""
        return [
            EventRow(
                id=r["id"],
                article_id=r["article_id"],
                source=r["source"],
                kind=r["kind"],
                summary=r["summary"],
                date=r["date"],
                participants=[(s, e) for s, e in json.loads(r["participants"])],
                negated=bool(r["negated"]),
                attributed_to=r["attributed_to"],
                evidence_start=r["evidence_start"],
                evidence_end=r["evidence_end"],
                evidence=r["evidence_text"],
                date_source=r["date_source"],
            )
            for r in self._extraction_rows("events", "x.evidence_start, x.id", article_id)
        ]

    def claims(self, article_id: int | None = None) -> list[ClaimRow]:
        """Return stored claims (of one article, or all), in text order."""
        return [
            ClaimRow(
                id=r["id"],
                article_id=r["article_id"],
                source=r["source"],
                subject=r["subject_text"],
                subject_span=(r["subject_start"], r["subject_end"]),
                quantity=r["quantity"],
                value=r["value"],
                unit=r["unit"],
                approx=r["approx"],
                attributed_to=r["attributed_to"],
                evidence_start=r["evidence_start"],
                evidence_end=r["evidence_end"],
                evidence=r["evidence_text"],
            )
            for r in self._extraction_rows("claims", "x.evidence_start, x.id", article_id)
        ]

    # --- resolution and curation -----------------------------------------------------
    def replace_entities(
        self,
        entities: list[EntityRow],
        aliases: list[EntityAliasRow],
        mention_links: list[tuple[int, int]],
        based_on: ResolutionInput | None = None,
        resolver: ResolverRows | None = None,
    ) -> bool:
        """Replace all entities, their aliases and (mention id, entity id) links in one transaction.

        With `based_on` (the input they were resolved from), store them only if no write changed
        that input since, and mark that resolution done; return whether they were stored (True
        also when another resolver stored the resolution of that same input meanwhile).
        `resolver` replaces the kept resolver state (without it, that state is marked invalid).
        Raises `StoreError` (keeping the previous entities) when a row is refused, e.g. a
        link to an unknown mention or entity.
        """
        try:
            with self._write() as conn:
                if based_on is not None:
                    if (claimed := claim_resolution(conn, based_on)) is not None:
                        return claimed  # the input changed since, or another resolver stored this very input
                conn.execute("DELETE FROM mention_entity")
                conn.execute("DELETE FROM entity_aliases")
                conn.execute("DELETE FROM entities")
                conn.execute("UPDATE graph_state SET value = 0 WHERE key = 'incremental'")
                self._insert_entities(conn, entities, aliases, mention_links)
                self._write_resolver(conn, resolver, None)
                self._recount(conn)
                return True
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"entities not stored: {exc}") from exc

    @staticmethod
    def _insert_entities(conn: sqlite3.Connection, entities: list[EntityRow], aliases: list[EntityAliasRow],
                         mention_links: list[tuple[int, int]]) -> None:
        """Insert entities, their aliases and mention links (in the caller's transaction)."""
        conn.executemany(
            "INSERT INTO entities (id, name, type, description, folded) VALUES (?, ?, ?, ?, ?)",
            [(e.id, e.name, e.type, e.description, e.name.lower()) for e in entities],
        )
        conn.executemany(
            """INSERT INTO entity_aliases (entity_id, alias, count, reason, evidence, folded, name_key,
                                           reason_pass, reason_evidence)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (  # made as written: a full resolution's aliases are made as they are read (`cluster.MadeRows`)
                (a.entity_id, a.alias, a.count, a.reason, a.evidence, a.alias.lower(), a.name_key,
                 a.reason_pass, None if a.reason_evidence is None else json.dumps(a.reason_evidence))
                for a in aliases
            ),
        )
        conn.executemany(
            "INSERT INTO mention_entity (mention_id, entity_id) VALUES (?, ?)", mention_links
        )

    @staticmethod
    def _write_resolver(conn: sqlite3.Connection, resolver: ResolverRows | None, removed: list[int] | None) -> None:
        """Write the kept resolver state: all of it (`removed` None), or in place of the clusters `removed`."""
        if resolver is None:
            conn.execute("UPDATE resolver_state SET value = 0 WHERE key = 'valid'")
            return
        if removed is None:
            for table in ("resolver_articles", "resolver_clusters", "resolver_keys", "resolver_names",
                          "resolver_matches"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM resolver_surfaces")
            conn.execute("DELETE FROM resolver_margins")
            conn.execute("INSERT INTO resolver_articles (article_id) SELECT id FROM articles")
            conn.execute("UPDATE resolver_state SET value = ? WHERE key = 'next_cluster'", (resolver.next_cluster,))
        else:
            for part in chunks(removed):
                marks = ",".join("?" * len(part))
                conn.execute(f"DELETE FROM resolver_clusters WHERE cluster IN ({marks})", part)
            for part in chunks(sorted({*removed, *resolver.rekeyed})):
                conn.execute(f"DELETE FROM resolver_keys WHERE cluster IN ({','.join('?' * len(part))})", part)
                conn.execute(f"DELETE FROM resolver_surfaces WHERE cluster IN ({','.join('?' * len(part))})", part)
            conn.executemany("INSERT OR IGNORE INTO resolver_articles (article_id) VALUES (?)",
                             [(a,) for a in resolver.articles])
            conn.execute("UPDATE resolver_state SET value = max(value, ?) WHERE key = 'next_cluster'",
                         (resolver.next_cluster,))
        conn.executemany("INSERT OR REPLACE INTO resolver_clusters (mention_id, cluster) VALUES (?, ?)",
                         resolver.clusters)
        conn.executemany("INSERT OR IGNORE INTO resolver_keys (key, cluster) VALUES (?, ?)", resolver.keys)
        conn.executemany(f"INSERT OR REPLACE INTO resolver_surfaces ({_SURFACE_COLUMNS}) VALUES ({'?, ' * 11}?)",
                         (_surface_values(r) for r in resolver.surfaces))
        conn.executemany("INSERT OR REPLACE INTO resolver_margins (key, margin) VALUES (?, ?)",
                         sorted(resolver.margins.items()))
        conn.executemany("INSERT OR IGNORE INTO resolver_names (name) VALUES (?)", ((n,) for n in resolver.names))
        conn.executemany("INSERT OR REPLACE INTO resolver_matches (a, b, score, features) VALUES (?, ?, ?, ?)",
                         ((a, b, score, json.dumps(f)) for a, b, score, f in resolver.matches))
        conn.execute("UPDATE resolver_state SET value = 1 WHERE key = 'valid'")

    def surface_rows(self, keys: Iterable[str] = (), clusters: Iterable[int] = ()) -> list[SurfaceRow]:
        """Return the kept names (migration 0014) with one of the transliteration `keys` or in one of `clusters`."""
        found: dict[tuple[int, str], SurfaceRow] = {}
        for column, values in (("name_key", sorted(set(keys))), ("cluster", sorted(set(clusters)))):
            for part in chunks(values):
                for r in self._read(f"""SELECT {_SURFACE_COLUMNS} FROM resolver_surfaces
                                        WHERE {column} IN ({','.join('?' * len(part))})""", part):
                    row = _surface_row(r)
                    found[(row.cluster, row.surface)] = row
        return sorted(found.values(), key=lambda r: (r.cluster, r.first_article, r.first_start, r.surface))

    def attach_mentions(self, links: list[tuple[int, int]], entities: list[EntityRow], aliases: list[EntityAliasRow],
                        resolver: ResolverRows, based_on: IncrementalInput) -> bool:
        """Link new mentions to existing entities, replacing those entities' rows and aliases (see `Store`)."""
        try:
            with self._write() as conn:
                if (claimed := claim_resolution(conn, based_on)) is not None:
                    return claimed  # the input changed since, or another resolver stored this very input
                self._attach(conn, links, entities, aliases, resolver)
                return True
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"entities not stored: {exc}") from exc

    def _attach(self, conn: sqlite3.Connection, links: list[tuple[int, int]], entities: list[EntityRow],
                aliases: list[EntityAliasRow], resolver: ResolverRows) -> None:
        """Write the rows of `attach_mentions` in the caller's transaction."""
        ids = [e.id for e in entities]
        marks = ",".join("?" * len(ids))
        old_types = dict(conn.execute(f"SELECT id, type FROM entities WHERE id IN ({marks})", ids).fetchall())
        old_names = {r[0] for r in conn.execute(
            f"SELECT DISTINCT folded FROM entity_aliases WHERE entity_id IN ({marks})", ids)}
        conn.execute(f"DELETE FROM entity_aliases WHERE entity_id IN ({marks})", ids)
        conn.executemany("UPDATE entities SET name = ?, type = ?, description = ?, folded = ? WHERE id = ?",
                         [(e.name, e.type, e.description, e.name.lower(), e.id) for e in entities])
        self._insert_entities(conn, [], aliases, links)
        pending = attach_pending_rows(old_types, old_names, entities, aliases)
        pending += [("article", str(a)) for a in resolver.articles]
        conn.executemany("INSERT OR IGNORE INTO graph_pending (kind, value) VALUES (?, ?)", pending)
        self._write_resolver(conn, resolver, [])
        new = ",".join("?" * len(resolver.articles))
        conn.execute(
            f"""UPDATE entities SET mentions = mentions + c.n, documents = documents + c.d
                FROM (SELECT me.entity_id AS id, count(*) AS n, count(DISTINCT a.document_id) AS d
                      FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                      JOIN articles a ON a.id = m.article_id
                      WHERE me.entity_id IN ({marks}) AND m.article_id IN ({new})
                      GROUP BY me.entity_id) AS c
                WHERE c.id = entities.id""", [*ids, *resolver.articles])

    def update_entities(
        self,
        removed: list[int],
        entities: list[EntityRow],
        aliases: list[EntityAliasRow],
        mention_links: list[tuple[int, int]],
        resolver: ResolverRows,
        based_on: IncrementalInput,
        attached: Attachment | None = None,
    ) -> bool:
        """Replace the clusters `removed` (their entities, links and resolver rows) by the given ones, in one
        transaction, only if no write changed the input since `based_on` was read; return whether stored (see
        `Store`)."""
        try:
            with self._write() as conn:
                if (claimed := claim_resolution(conn, based_on)) is not None:
                    return claimed  # the input changed since, or another resolver stored this very input
                old_links: dict[int, int] = {}
                old_types: dict[int, str] = {}
                old_names: set[str] = set()
                for part in chunks(removed):
                    marks = ",".join("?" * len(part))
                    old_links.update(conn.execute(
                        f"SELECT mention_id, entity_id FROM mention_entity WHERE entity_id IN ({marks})", part))
                    old_types.update(conn.execute(f"SELECT id, type FROM entities WHERE id IN ({marks})", part))
                    old_names.update(r[0] for r in conn.execute(
                        f"SELECT DISTINCT folded FROM entity_aliases WHERE entity_id IN ({marks})", part))
                    conn.execute(f"DELETE FROM entities WHERE id IN ({marks})", part)
                self._insert_entities(conn, entities, aliases, mention_links)
                moved, pending = graph_pending_rows(old_links, old_types, old_names, entities, aliases,
                                                    mention_links)
                for part in chunks(sorted(moved)):
                    pending += [("article", str(r[0])) for r in conn.execute(
                        f"SELECT DISTINCT article_id FROM mentions WHERE id IN ({','.join('?' * len(part))})", part)]
                conn.executemany("INSERT OR IGNORE INTO graph_pending (kind, value) VALUES (?, ?)", pending)
                self._write_resolver(conn, resolver, removed)
                self._recount(conn, [e.id for e in entities])
                if attached is not None:
                    self._attach(conn, attached.links, attached.entities, attached.aliases, attached.resolver)
                return True
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"entities not stored: {exc}") from exc

    def incremental_input(self) -> IncrementalInput | None:
        """Return the new articles, decisions and pending state read in one transaction (None: state invalid)."""
        with self._snapshot() as conn:
            if not conn.execute("SELECT value FROM resolver_state WHERE key = 'valid'").fetchone()[0]:
                return None
            due, done = conn.execute("SELECT due, done FROM pending WHERE task = 'resolve'").fetchone()
            # one writer at a time and AUTOINCREMENT ids: the articles a stored resolution read are all those up
            # to the largest it read (a deleted one invalidates the state), so the new ones follow it
            articles = [r[0] for r in conn.execute(
                """SELECT id FROM articles WHERE id > (SELECT coalesce(max(article_id), 0) FROM resolver_articles)
                   ORDER BY id""")]
            following = conn.execute("SELECT value FROM resolver_state WHERE key = 'next_cluster'").fetchone()[0]
            return IncrementalInput(articles, self.decisions(), int(due), int(done), int(following))

    def clusters_by_key(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """Return the clusters of the kept resolver state filed under each of `keys` (keys with none left out)."""
        out: dict[str, list[int]] = {}
        for part in chunks(sorted(set(keys))):
            for r in self._read(f"SELECT key, cluster FROM resolver_keys WHERE key IN ({','.join('?' * len(part))})",
                                part):
                out.setdefault(r[0], []).append(r[1])
        return out

    def count_margins(self, keys: Iterable[str]) -> dict[str, int]:
        """Return the kept margin of each count decision of `keys` (keys without one left out)."""
        out: dict[str, int] = {}
        for part in chunks(sorted(set(keys))):
            marks = ",".join("?" * len(part))
            out.update(self._read(f"SELECT key, margin FROM resolver_margins WHERE key IN ({marks})", part))
        return out

    def region(self, articles: Iterable[int], clusters: Iterable[int]) -> Region:
        """Return the mentions of `articles` and of `clusters`, with the alias statements of their articles."""
        select = f"""SELECT x.*, d.source, rc.cluster AS cluster FROM mentions x {_JOIN_SOURCE}
                     LEFT JOIN resolver_clusters rc ON rc.mention_id = x.id"""
        rows: dict[int, Any] = {}
        with self._snapshot() as conn:
            for part in chunks(sorted(set(articles))):
                for r in conn.execute(f"{select} WHERE x.article_id IN ({','.join('?' * len(part))})", part):
                    rows[r["id"]] = r
            for part in chunks(sorted(set(clusters))):
                for r in conn.execute(f"""{select} WHERE x.id IN (SELECT mention_id FROM resolver_clusters
                                                                   WHERE cluster IN ({','.join('?' * len(part))}))""",
                                      part):
                    rows[r["id"]] = r
            mentions = region_order(_mention_row(r) for r in rows.values())
            statements = []
            for part in chunks(sorted({m.article_id for m in mentions})):
                statements += [_alias_statement_row(r) for r in conn.execute(
                    f"""SELECT x.*, d.source FROM alias_statements x {_JOIN_SOURCE}
                        WHERE x.article_id IN ({','.join('?' * len(part))})""", part)]
        statements.sort(key=lambda st: (st.article_id, st.start, st.id))
        return Region(mentions, statements, {i: r["cluster"] for i, r in rows.items() if r["cluster"] is not None})

    def alias_meanings(self, aliases: Iterable[str]) -> list[AliasStatementRow]:
        """Return the first stored alias statement of each distinct kind, name and alias written as one of `aliases`."""
        out = []
        for part in chunks(sorted(set(aliases))):
            out += [_alias_statement_row(r) for r in self._read(
                f"""SELECT x.*, d.source FROM alias_statements x {_JOIN_SOURCE}
                    WHERE x.id IN (SELECT min(id) FROM alias_statements WHERE alias IN ({','.join('?' * len(part))})
                                   GROUP BY kind, name, alias)""", part)]
        return sorted(out, key=lambda st: st.id)

    def first_described(self, cluster: int, descriptions: Iterable[str]) -> dict[str, int]:
        """Return the first article giving each of `descriptions` to a mention of the kept `cluster` (see `Store`)."""
        wanted = sorted(set(descriptions))
        return {r[0]: r[1] for r in self._read(
            # the few mentions giving those descriptions (migration 0022), not every mention of the cluster
            f"""SELECT m.description, min(m.article_id) FROM mentions m CROSS JOIN resolver_clusters rc
                WHERE m.description IS NOT NULL AND m.description IN ({','.join('?' * len(wanted))})
                  AND rc.mention_id = m.id AND rc.cluster = ? GROUP BY m.description""",
            [*wanted, cluster])} if wanted else {}

    def cluster_names(self, clusters: Iterable[int]) -> dict[int, set[str]]:
        """Return the distinct mention texts of each of `clusters` in the kept resolver state."""
        out: dict[int, set[str]] = {}
        for part in chunks(sorted(set(clusters))):
            for r in self._read(f"""SELECT DISTINCT rc.cluster, m.text FROM resolver_clusters rc
                                    JOIN mentions m ON m.id = rc.mention_id
                                    WHERE rc.cluster IN ({','.join('?' * len(part))})""", part):
                out.setdefault(r[0], set()).add(r[1])
        return out

    def matcher_verdicts(self, names: Iterable[str]) -> tuple[set[str], list[tuple[str, str, float, list[str]]]]:
        """Return which of `names` the kept name matcher judged, and the matched pairs among those."""
        known: set[str] = set()
        matches = []
        wanted = sorted(set(names))
        for part in chunks(wanted):
            marks = ",".join("?" * len(part))
            known.update(r[0] for r in self._read(f"SELECT name FROM resolver_names WHERE name IN ({marks})", part))
            matches += [(r[0], r[1], r[2], json.loads(r[3])) for r in self._read(
                f"SELECT a, b, score, features FROM resolver_matches WHERE a IN ({marks})", part)]
        return known, [m for m in matches if m[1] in known]

    def resolution_input(self) -> ResolutionInput:
        """Return the mentions, alias statements and decisions, and the pending state, read in one transaction."""
        with self._snapshot() as conn:
            due, done = conn.execute("SELECT due, done FROM pending WHERE task = 'resolve'").fetchone()
            return ResolutionInput(self.mentions(), self.alias_statements(), self.decisions(), int(due), int(done))

    def read_resolution(
        self, consume: Callable[[Iterator[ResolutionMention]], Consumed],
    ) -> tuple[Consumed, ResolutionInput]:
        """Return what `consume` makes of the mentions, streamed in article and text order, and the alias
        statements, decisions and pending state, all read in one transaction (see `Store`)."""
        with self._snapshot() as conn:
            due, done = conn.execute("SELECT due, done FROM pending WHERE task = 'resolve'").fetchone()
            cursor = conn.execute(RESOLUTION_MENTIONS)
            cursor.row_factory = None  # plain tuples: one per mention, dropped as soon as it is read
            consumed = consume(map(ResolutionMention._make, cursor))
            cursor.close()
            conn.execute("PRAGMA shrink_memory")  # the mention pages read once: their cache goes before clustering
            statements = resolution_statements(conn.execute(RESOLUTION_STATEMENTS).fetchall())
            return consumed, ResolutionInput([], statements, self.decisions(), int(due), int(done))  # type: ignore[arg-type]

    def resolution_due(self) -> bool:
        """Return True when a write changed what resolution reads since the last resolution was stored."""
        return bool(self._read("SELECT due > done FROM pending WHERE task = 'resolve'")[0][0])

    def aliases_without_name_key(self) -> list[str]:
        """Return the distinct aliases stored without a name key (rows of an older database), sorted."""
        return [r[0] for r in self._read("SELECT DISTINCT alias FROM entity_aliases WHERE name_key IS NULL ORDER BY 1")]

    def set_alias_name_keys(self, keys: dict[str, str]) -> None:
        """Store the name key of each alias in `keys` where it is missing; the store version stays."""
        if not keys:
            return
        with self._derived_write() as conn:
            conn.executemany(
                "UPDATE entity_aliases SET name_key = ? WHERE folded = ? AND alias = ? AND name_key IS NULL",
                [(key, alias.lower(), alias) for alias, key in keys.items()],
            )

    def entities(self) -> list[EntityRow]:
        """Return all entities, ordered by id."""
        return [
            EntityRow(r["id"], r["name"], r["type"], r["description"])
            for r in self._read("SELECT id, name, type, description FROM entities ORDER BY id")
        ]

    def entity_aliases(self, entity_id: int | None = None) -> list[EntityAliasRow]:
        """Return entity aliases (of one entity, or all), ordered by entity and most frequent first."""
        where, params = ("WHERE entity_id = ?", (entity_id,)) if entity_id is not None else ("", ())
        rows = self._read(
            f"""SELECT entity_id, alias, count, reason, evidence, name_key, reason_pass, reason_evidence
                FROM entity_aliases {where} ORDER BY entity_id, count DESC, alias""",
            params,
        )
        return [
            EntityAliasRow(
                r["entity_id"], r["alias"], r["count"], r["reason"], r["evidence"], r["name_key"],
                reason_pass=r["reason_pass"],
                reason_evidence=None if r["reason_evidence"] is None else json.loads(r["reason_evidence"]),
            )
            for r in rows
        ]

    def mention_links(self) -> list[tuple[int, int]]:
        """Return all (mention id, entity id) links, ordered by mention."""
        return [
            (r[0], r[1]) for r in self._read("SELECT mention_id, entity_id FROM mention_entity ORDER BY 1")
        ]

    def entity(self, entity_id: int) -> EntityRow | None:
        """Return the entity with this id, or None."""
        rows = self._read("SELECT id, name, type, description FROM entities WHERE id = ?", (entity_id,))
        return EntityRow(rows[0][0], rows[0][1], rows[0][2], rows[0][3]) if rows else None

    def entities_named(self, name: str) -> list[EntityRow]:
        """Return the entities whose canonical name equals `name` ignoring case (`str.lower`), by id."""
        return [
            EntityRow(r[0], r[1], r[2], r[3])
            for r in self._read(
                "SELECT id, name, type, description FROM entities WHERE folded = ? ORDER BY id", (name.lower(),)
            )
        ]

    def entity_by_alias(self, alias: str) -> list[tuple[int, int]]:
        """Return (entity id, count) of every alias equal to `alias` ignoring case (`str.lower`), by entity id."""
        rows = self._read(
            "SELECT entity_id, count FROM entity_aliases WHERE folded = ? ORDER BY entity_id, alias",
            (alias.lower(),),
        )
        return [(r[0], r[1]) for r in rows]

    def entity_by_name_key(self, key: str) -> list[tuple[int, int]]:
        """Return (entity id, count) of every alias whose name key is `key` (none for ''), by entity id."""
        if not key:
            return []
        rows = self._read(
            "SELECT entity_id, count FROM entity_aliases WHERE name_key = ? ORDER BY entity_id, alias", (key,)
        )
        return [(r[0], r[1]) for r in rows]

    def entity_summaries(
        self, type_: str | None = None, limit: int | None = None, ids: Iterable[int] | None = None
    ) -> list[EntitySummary]:
        """Return entities with mention/document counts and aliases: most mentioned, then most documents, name, id.

        Only of type `type_` and only the ids in `ids` when given; at most `limit` rows when
        `limit` is positive. Reads the counts kept with the entities and the answer's aliases.
        """
        where: list[str] = []
        params: list[Any] = []
        if type_ is not None:
            where.append("type = ?")
            params.append(type_)
        if ids is not None:
            wanted = sorted(set(ids))
            if not wanted:
                return []
            where.append(f"id IN ({','.join('?' * len(wanted))})")
            params.extend(wanted)
        return self._summaries(where, params, limit)

    def entity_neighbours(self, entity_id: int, limit: int | None = None) -> list[EntitySummary]:
        """Return the entities sharing a kept edge with an entity, most mentioned first (at most `limit`)."""
        return self._summaries(["""id IN (SELECT object FROM entity_edges WHERE subject = ?
                                         UNION SELECT subject FROM entity_edges WHERE object = ?)""", "id != ?"],
                               [entity_id, entity_id, entity_id], limit)

    def entity_neighbour_count(self, entity_id: int) -> int:
        """Return how many entities share a kept edge with an entity."""
        row = self._read("""SELECT count(*) FROM (SELECT object AS other FROM entity_edges WHERE subject = ?
                                                UNION SELECT subject FROM entity_edges WHERE object = ?)
                            WHERE other != ?""", (entity_id, entity_id, entity_id))
        return int(row[0][0])

    def _summaries(self, where: list[str], params: list[Any], limit: int | None) -> list[EntitySummary]:
        """Return the summaries of the entities matching `where` (ANDed), ordered as `entity_summaries`."""
        sql = f"""SELECT id, name, type, mentions, documents FROM entities
                  {'WHERE ' + ' AND '.join(where) if where else ''}
                  ORDER BY mentions DESC, documents DESC, name, id LIMIT ?"""
        with self._lock:
            rows = self._conn.execute(sql, (*params, limit if limit and limit > 0 else -1)).fetchall()
            out = [EntitySummary(r[0], r[1], r[2], r[3], r[4]) for r in rows]
            by_id = {row.id: row for row in out}
            for chunk in range(0, len(out), 500):
                batch = [row.id for row in out[chunk : chunk + 500]]
                for r in self._conn.execute(
                    f"""SELECT entity_id, alias FROM entity_aliases
                        WHERE entity_id IN ({','.join('?' * len(batch))})
                        ORDER BY entity_id, count DESC, alias""",
                    batch,
                ):
                    by_id[r[0]].aliases.append(r[1])
        return out

    def entity_mentions(self, entity_id: int, limit: int | None = None) -> list[MentionRow]:
        """Return the mentions linked to an entity, by source and original start, with their sentence text.

        `sentence` is None when the mention has no sentence span. At most `limit` rows when given.
        """
        # with the kept list of its documents (schema 7) and a limit, the first `limit` documents by source
        # hold the first `limit` mentions: a much-named entity's other mentions are not read
        kept = limit is not None and limit >= 0 and self.graph_version() == self.version()
        # (CROSS JOIN fixes SQLite's join order: documents → their articles → mentions → the entity's links)
        linked = ("""(SELECT document_id FROM entity_documents WHERE entity_id = ? ORDER BY source LIMIT ?) k
                     CROSS JOIN articles a ON a.document_id = k.document_id
                     CROSS JOIN mentions m ON m.article_id = a.id
                     CROSS JOIN mention_entity me ON me.mention_id = m.id""" if kept else
                  """mention_entity me JOIN mentions m ON m.id = me.mention_id
                     JOIN articles a ON a.id = m.article_id""")
        params = (entity_id, limit) if kept else ()
        rows = self._read(
            f"""WITH picked AS (
                   SELECT m.*, d.source, d.id AS doc_id
                   FROM {linked}
                   JOIN documents d ON d.id = a.document_id
                   WHERE me.entity_id = ?
                   ORDER BY d.source, m.orig_start, m.article_id, m.start, m."end", m.id
                   LIMIT ?)
               SELECT p.*,
                      CASE WHEN p.sentence_start IS NULL OR p.sentence_end IS NULL THEN NULL
                           WHEN p.sentence_end <= p.sentence_start THEN ''
                           ELSE substr(d.text, p.sentence_start + 1, p.sentence_end - p.sentence_start)
                      END AS sentence
               FROM picked p JOIN documents d ON d.id = p.doc_id
               ORDER BY p.source, p.orig_start, p.article_id, p.start, p."end", p.id""",
            (*params, entity_id, limit if limit is not None and limit >= 0 else -1),
        )
        mentions = [_mention_row(r, sentence=r["sentence"]) for r in rows]
        wanted = sorted({m.article_id for m in mentions if m.sentence})
        articles = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            articles.update(
                (r["id"], (r["text"], OffsetMap.from_json(json.loads(r["offsets"]))))
                for r in self._read(f"SELECT id, text, offsets FROM articles WHERE id IN ({','.join('?' * len(part))})",
                                    part)
            )
        return _clean_sentences(mentions, articles)

    def entity_articles(self, entity_id: int) -> list[tuple[str, int]]:
        """Return the distinct (document source, article id) pairs an entity is mentioned in, ordered."""
        rows = self._read(
            """SELECT DISTINCT d.source, a.id
               FROM mention_entity me
               JOIN mentions m ON m.id = me.mention_id
               JOIN articles a ON a.id = m.article_id
               JOIN documents d ON d.id = a.document_id
               WHERE me.entity_id = ?
               ORDER BY d.source, a.id""",
            (entity_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def entity_documents(self, entity_id: int, limit: int | None = None,
                         offset: int = 0) -> tuple[int, list[tuple[str, list[int]]]]:
        """Return how many documents mention an entity, and a page of them: (source, article ids), by source."""
        with self._snapshot() as conn:
            kept = conn.execute("SELECT (SELECT value FROM meta WHERE key = 'graph_version') = "
                                "(SELECT value FROM meta WHERE key = 'store_version')").fetchone()[0]
            if kept:  # the kept list of the entity's documents (schema 7)
                docs = "SELECT source, document_id AS doc_id FROM entity_documents WHERE entity_id = ?"
            else:
                docs = """SELECT DISTINCT d.source AS source, d.id AS doc_id
                          FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                          JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
                          WHERE me.entity_id = ?"""
            total = conn.execute(f"SELECT COUNT(*) FROM ({docs})", (entity_id,)).fetchone()[0]
            page = conn.execute(
                f"""WITH docs AS ({docs} ORDER BY source LIMIT ? OFFSET ?)
                    SELECT docs.source, a.id FROM docs JOIN articles a ON a.document_id = docs.doc_id
                    WHERE EXISTS (SELECT 1 FROM mentions m JOIN mention_entity me ON me.mention_id = m.id
                                  WHERE m.article_id = a.id AND me.entity_id = ?)
                    ORDER BY docs.source, a.id""",
                (entity_id, limit if limit is not None and limit >= 0 else -1, max(offset, 0), entity_id),
            ).fetchall()
        grouped: dict[str, list[int]] = {}
        for source, article_id in page:
            grouped.setdefault(source, []).append(article_id)
        return int(total), list(grouped.items())

    # --- the entity graph kept by the store (schema 7) --------------------------------
    def entity_mention_texts(self, entity_ids: Sequence[int]) -> list[tuple[int, str, int, int, str, str | None]]:
        """Return (entity id, document source, original start, original end, text, refers_to) of the mentions
        linked to these entities, each entity's by mention id."""
        out: list[tuple[int, str, int, int, str, str | None]] = []
        for chunk in chunks(sorted(set(entity_ids))):
            out += [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in self._read(
                f"""SELECT me.entity_id, d.source, m.orig_start, m.orig_end, m.text, m.refers_to
                    FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                    JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
                    WHERE me.entity_id IN ({','.join('?' * len(chunk))}) ORDER BY m.id""", chunk)]
        return out

    def linked_spans(self, article_ids: Sequence[int]) -> list[tuple[str, int, int, int]]:
        """Return (document source, original start, original end, entity id) of the linked mentions of articles."""
        out: list[tuple[str, int, int, int]] = []
        for chunk in chunks(article_ids):
            out += [(r[0], r[1], r[2], r[3]) for r in self._read(
                f"""SELECT d.source, m.orig_start, m.orig_end, me.entity_id FROM mentions m
                    JOIN mention_entity me ON me.mention_id = m.id
                    JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
                    WHERE m.article_id IN ({','.join('?' * len(chunk))})""", chunk)]
        return out

    def relations_in(self, article_ids: Sequence[int]) -> list[RelationRow]:
        """Return the stored relations of these articles, in the order of `relations()`."""
        out: list[RelationRow] = []
        for chunk in chunks(sorted(set(article_ids))):
            out += [_relation_row(r) for r in self._read(
                f"""SELECT x.*, d.source FROM relations x {_JOIN_SOURCE}
                    WHERE x.article_id IN ({','.join('?' * len(chunk))})
                    ORDER BY x.article_id, x.evidence_start, x.id""", chunk)]
        return out

    def graph_current(self) -> bool:
        """Return whether the kept entity graph is of the current store version, in one read."""
        rows = self._read("""SELECT (SELECT value FROM meta WHERE key = 'graph_version')
                                  = (SELECT value FROM meta WHERE key = 'store_version')""")
        return bool(rows[0][0])

    def graph_version(self) -> int:
        """Return the store version the kept entity graph was computed at (-1 when never)."""
        rows = self._read("SELECT value FROM meta WHERE key = 'graph_version'")
        return int(rows[0][0]) if rows else -1

    def replace_entity_graph(self, version: int, edges: Iterable[EntityEdgeRow],
                             metrics: Iterable[EntityMetricsRow], rows: Iterable[LiftedRow] | None = None) -> bool:
        """Keep these entity edges and metrics as the graph of store version `version`; return whether stored."""
        with self._derived_write() as conn:
            if conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()[0] != version:
                return False
            conn.execute("DELETE FROM entity_edges")
            conn.execute("DELETE FROM entity_metrics")
            conn.execute("DELETE FROM graph_rows")
            conn.execute("DELETE FROM graph_articles")
            conn.execute("DELETE FROM graph_pending")
            if rows is not None:
                conn.executemany(f"INSERT INTO graph_rows ({LIFTED_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 (lifted_columns(r) for r in rows))
                conn.execute("INSERT INTO graph_articles (article_id) SELECT id FROM articles")
            conn.execute("UPDATE graph_state SET value = ? WHERE key = 'incremental'", (int(rows is not None),))
            conn.execute("UPDATE graph_state SET value = ? WHERE key = 'metrics_version'", (version,))
            conn.execute("UPDATE graph_state SET value = 0 WHERE key = 'metrics_changed'")
            conn.executemany(
                f"INSERT INTO entity_edges ({EDGE_COLUMNS}, more) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (edge_columns(e) for e in edges),
            )
            conn.executemany(
                """INSERT INTO entity_metrics (entity_id, degree, betweenness, pagerank, community)
                   VALUES (?, ?, ?, ?, ?)""",
                ((m.entity_id, m.degree, m.betweenness, m.pagerank, m.community) for m in metrics),
            )
            conn.execute("DELETE FROM entity_documents")
            conn.execute("""INSERT INTO entity_documents (entity_id, source, document_id)
                            SELECT DISTINCT me.entity_id, d.source, d.id
                            FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                            JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id""")
            conn.execute("UPDATE meta SET value = ? WHERE key = 'graph_version'", (version,))
            return True

    def source_rows(self, article_ids: Iterable[int]) -> list[tuple[ArticleRow, str | None, str | None]]:
        """Return these articles (without text), each with its document's outlet and URL, by id."""
        out = []
        for part in chunks(sorted(set(article_ids))):
            out += [(self._article_row(r), r["doc_outlet"], r["doc_url"]) for r in self._read(
                f"""SELECT {_ARTICLE_COLUMNS}, d.outlet AS doc_outlet, d.url AS doc_url
                    FROM articles a JOIN documents d ON d.id = a.document_id
                    WHERE a.id IN ({','.join('?' * len(part))}) ORDER BY a.id""", part)]
        return out

    def graph_work(self) -> GraphWork | None:
        """Return what keeping the graph has to redo since it was last kept (None: keep it whole)."""
        with self._snapshot() as conn:
            state = dict(conn.execute("SELECT key, value FROM graph_state").fetchall())
            if not state["incremental"]:
                return None
            version = conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()[0]
            pending: dict[str, list[str]] = {}
            for kind, value in conn.execute("SELECT kind, value FROM graph_pending ORDER BY kind, value"):
                pending.setdefault(kind, []).append(value)
            articles = {int(a) for a in pending.get("article", [])}
            articles.update(r[0] for r in conn.execute(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM graph_articles)"))
            return GraphWork(int(version), sorted(articles), [int(e) for e in pending.get("entity", [])],
                             [int(e) for e in pending.get("type", [])], pending.get("name", []),
                             int(state["metrics_version"]), int(state["metrics_changed"]), pending_grown(pending))

    def edge_count(self, at_most: int) -> int:
        """Return how many edges are kept, counting no further than `at_most` (see `Store`)."""
        return int(self._read("SELECT count(*) AS n FROM (SELECT 1 FROM entity_edges LIMIT ?)", (at_most,))[0]["n"])

    def lifted_articles_named(self, names: Iterable[str]) -> set[int]:
        """Return the articles of the lifted rows whose subject or object was looked up by one of `names`."""
        out: set[int] = set()
        for part in chunks(sorted(set(names))):
            marks = ",".join("?" * len(part))
            out.update(r[0] for r in self._read(
                f"""SELECT article_id FROM graph_rows WHERE subject_name IN ({marks})
                    UNION SELECT article_id FROM graph_rows WHERE object_name IN ({marks})""", part * 2))
        return out

    def lifted_pairs(self, articles: Iterable[int] = (), entities: Iterable[int] = ()) -> set[tuple[Any, Any]]:
        """Return the (subject, object) pairs of the lifted rows of `articles` and of those at `entities`."""
        out: set[tuple[Any, Any]] = set()
        for part in chunks(sorted(set(articles))):
            out.update((r[0], r[1]) for r in self._read(
                f"SELECT DISTINCT subject, object FROM graph_rows WHERE article_id IN ({','.join('?' * len(part))})",
                part))
        for part in chunks(sorted(set(entities))):
            marks = ",".join("?" * len(part))
            out.update((r[0], r[1]) for r in self._read(
                f"""SELECT DISTINCT subject, object FROM graph_rows WHERE subject IN ({marks})
                    UNION SELECT DISTINCT subject, object FROM graph_rows WHERE object IN ({marks})""", part * 2))
        return out

    def pair_relations(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[LiftedRow, RelationRow]]:
        """Return the lifted rows with one of these (subject, object) pairs and their relations, by rank."""
        out: list[tuple[LiftedRow, RelationRow]] = []
        with self._snapshot() as conn:
            for s, o in sorted(set(pairs)):
                out += [(lifted_row(r), _relation_row(r)) for r in conn.execute(
                    f"""SELECT {_PAIR_COLUMNS}, x.*, d.source FROM graph_rows g
                        JOIN relations x ON x.id = g.relation_id {_JOIN_SOURCE}
                        WHERE g.subject = ? AND g.object = ?""", (s, o))]
        out.sort(key=lambda pair: pair[0].rank)
        return out

    def update_entity_graph(self, version: int, change: GraphChange) -> bool:
        """Write an incremental change of the kept graph as the graph of store version `version`."""
        with self._derived_write() as conn:
            if conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()[0] != version:
                return False
            for part in chunks(change.articles):
                marks = ",".join("?" * len(part))
                conn.execute(f"DELETE FROM graph_rows WHERE article_id IN ({marks})", part)
            conn.executemany(f"INSERT INTO graph_rows ({LIFTED_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                             [lifted_columns(r) for r in change.rows])
            conn.executemany("INSERT OR IGNORE INTO graph_articles (article_id) VALUES (?)",
                             [(a,) for a in change.articles])
            conn.executemany("DELETE FROM entity_edges WHERE subject = ? AND object = ?", change.pairs)
            conn.executemany(f"INSERT INTO entity_edges ({EDGE_COLUMNS}, more) VALUES ({','.join('?' * 12)})",
                             [edge_columns(e) for e in change.edges])
            touched = sorted(set(change.entities) | {x for pair in change.pairs for x in pair})
            for part in chunks(touched):
                marks = ",".join("?" * len(part))
                conn.execute(f"DELETE FROM entity_metrics WHERE entity_id IN ({marks})"
                             f" AND entity_id NOT IN (SELECT id FROM entities)", part)
                conn.execute(f"""INSERT OR IGNORE INTO entity_metrics (entity_id, degree, betweenness, pagerank)
                                 SELECT id, 0, 0.0, 0.0 FROM entities WHERE id IN ({marks})""", part)
                conn.execute(f"""UPDATE entity_metrics SET degree = (
                                     SELECT count(*) FROM (SELECT object FROM entity_edges
                                                           WHERE subject = entity_id AND negated = 0
                                                           UNION SELECT subject FROM entity_edges
                                                           WHERE object = entity_id AND negated = 0))
                                 WHERE entity_id IN ({marks})""", part)
            for part in chunks(sorted(set(change.entities))):
                marks = ",".join("?" * len(part))
                conn.execute(f"DELETE FROM entity_documents WHERE entity_id IN ({marks})", part)
                conn.execute(f"""INSERT INTO entity_documents (entity_id, source, document_id)
                                 SELECT DISTINCT me.entity_id, d.source, d.id
                                 FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                                 JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
                                 WHERE me.entity_id IN ({marks})""", part)
            grown = sorted(set(change.grown) - set(change.entities))
            for part in chunks(grown):  # only mentions added: the documents of the articles lifted again join theirs
                for articles in chunks(change.articles):
                    conn.execute(f"""INSERT OR IGNORE INTO entity_documents (entity_id, source, document_id)
                                     SELECT DISTINCT me.entity_id, d.source, d.id
                                     FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                                     JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
                                     WHERE me.entity_id IN ({','.join('?' * len(part))})
                                     AND m.article_id IN ({','.join('?' * len(articles))})""", [*part, *articles])
            finish_graph_update(conn, len(change.pairs), bool(change.entities or grown), version)
            return True

    def graph_links(self) -> list[tuple[int, int, bool]]:
        """Return (subject, object, negated) of every kept edge, by id."""
        return [(r[0], r[1], bool(r[2])) for r in self._read("SELECT subject, object, negated FROM entity_edges "
                                                             "ORDER BY id")]

    def replace_entity_metrics(self, version: int, metrics: Iterable[EntityMetricsRow]) -> bool:
        """Keep these metrics as those of the kept graph of store version `version`."""
        with self._derived_write() as conn:
            if conn.execute("SELECT value FROM meta WHERE key = 'graph_version'").fetchone()[0] != version:
                return False
            conn.execute("DELETE FROM entity_metrics")
            conn.executemany("""INSERT INTO entity_metrics (entity_id, degree, betweenness, pagerank, community)
                                VALUES (?, ?, ?, ?, ?)""",
                             ((m.entity_id, m.degree, m.betweenness, m.pagerank, m.community) for m in metrics))
            conn.execute("UPDATE graph_state SET value = ? WHERE key = 'metrics_version'", (version,))
            conn.execute("UPDATE graph_state SET value = 0 WHERE key = 'metrics_changed'")
            return True

    def graph_metrics_state(self) -> tuple[int, int]:
        """Return (the graph version the kept global metrics were computed at, the graph version kept now)."""
        with self._snapshot() as conn:
            metrics = conn.execute("SELECT value FROM graph_state WHERE key = 'metrics_version'").fetchone()[0]
            graph = conn.execute("SELECT value FROM meta WHERE key = 'graph_version'").fetchone()
            return int(metrics), int(graph[0]) if graph else -1

    def kept_edges(self, after: int = -1, limit: int = 1000) -> list[EntityEdgeRow]:
        """Return up to `limit` kept edges (whole) with ids above `after`, by id."""
        return [edge_row(r) for r in self._read(
            f"SELECT {EDGE_COLUMNS}, more FROM entity_edges WHERE id > ? ORDER BY id LIMIT ?", (after, limit))]

    def entity_edges(self, entity_ids: Iterable[int], within: bool = False,
                     whole: bool = True) -> list[EntityEdgeRow]:
        """Return the kept edges at these entities (`within`: with both ends among them), by id."""
        columns = EDGE_COLUMNS + (", more" if whole else "")
        return [edge_row(r) for r in self._edges_at(columns, entity_ids, within)]

    def _edges_at(self, columns: str, entity_ids: Iterable[int], within: bool) -> list[sqlite3.Row]:
        """Return `columns` of the kept edges at (`within`: among) these entities, by id."""
        wanted = sorted(set(entity_ids))
        keep = set(wanted)
        found: dict[int, sqlite3.Row] = {}
        for chunk in chunks(wanted):
            marks = ",".join("?" * len(chunk))
            if within:  # both ends among them: the subject in this chunk, the object anywhere among them
                sql = f"SELECT {columns} FROM entity_edges WHERE subject IN ({marks})"
                if len(wanted) <= 500:
                    sql += f" AND object IN ({marks})"
                    chunk = chunk + wanted
                rows = [r for r in self._read(sql, chunk) if r["object"] in keep]
            else:
                rows = self._read(f"""SELECT {columns} FROM entity_edges WHERE subject IN ({marks})
                                      UNION SELECT {columns} FROM entity_edges WHERE object IN ({marks})""", chunk * 2)
            found.update((r["id"], r) for r in rows)
        return [r for _, r in sorted(found.items())]

    def entity_edges_to(self, entity_id: int, others: Iterable[int], whole: bool = True) -> list[EntityEdgeRow]:
        """Return the kept edges between an entity and any of `others` (either direction), by id."""
        columns = EDGE_COLUMNS + (", more" if whole else "")
        found: dict[int, EntityEdgeRow] = {}
        for chunk in chunks(sorted(set(others))):
            marks = ",".join("?" * len(chunk))
            found.update((r["id"], edge_row(r)) for r in self._read(
                f"""SELECT {columns} FROM entity_edges WHERE subject = ? AND object IN ({marks})
                    UNION ALL SELECT {columns} FROM entity_edges WHERE object = ? AND subject IN ({marks})""",
                [entity_id, *chunk, entity_id, *chunk]))
        return [e for _, e in sorted(found.items())]

    def entity_edge_page(self, entity_id: int, predicate: str | None = None, limit: int | None = None,
                         offset: int = 0, whole: bool = True) -> tuple[int, list[EntityEdgeRow]]:
        """Return how many kept edges an entity has (of one predicate) and a page of them, by predicate, date,
        most evidence, id."""
        columns = EDGE_COLUMNS + (", more" if whole else "")
        at = "(subject = ? OR object = ?)" + (" AND predicate = ?" if predicate is not None else "")
        params = [entity_id, entity_id, *([predicate] if predicate is not None else [])]
        with self._snapshot() as conn:
            total = conn.execute(f"SELECT count(*) FROM entity_edges WHERE {at}", params).fetchone()[0]
            # the page's ids first (from the columns the order needs), then their rows
            rows = conn.execute(
                f"""WITH page AS (SELECT id, predicate, coalesce(date, '') AS day, evidence_count FROM entity_edges
                                  WHERE {at} ORDER BY predicate, day, evidence_count DESC, id LIMIT ? OFFSET ?)
                    SELECT {', '.join('e.' + c.strip() for c in columns.split(','))}
                    FROM page CROSS JOIN entity_edges e ON e.id = page.id
                    ORDER BY page.predicate, page.day, page.evidence_count DESC, page.id""",
                [*params, limit if limit is not None else -1, max(offset, 0)]).fetchall()
        return int(total), [edge_row(r) for r in rows]

    def entity_edge_ends(self, entity_ids: Iterable[int], within: bool = False) -> list[tuple[int, int, int, bool]]:
        """Return (id, subject, object, negated) of the kept edges at (`within`: among) these entities, by id."""
        rows = self._edges_at("id, subject, object, negated", entity_ids, within)
        return [(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def entity_metrics(self, entity_ids: Iterable[int] | None = None) -> dict[int, EntityMetricsRow]:
        """Return the kept metrics of these entities (of every entity when None), by entity id."""
        select = "SELECT entity_id, degree, betweenness, pagerank, community FROM entity_metrics"
        if entity_ids is None:
            rows = self._read(select)
        else:
            rows = []
            for chunk in chunks(sorted(set(entity_ids))):
                rows += self._read(f"{select} WHERE entity_id IN ({','.join('?' * len(chunk))})", chunk)
        return {r[0]: EntityMetricsRow(r[0], r[1], r[2], r[3], r[4]) for r in rows}

    def add_decision(self, kind: str, args: dict[str, Any]) -> int:
        """Record an analyst's decision (merge | split | rename | reject); return its id."""
        if kind not in DECISION_KINDS:
            raise ValueError(f"unknown decision kind {kind!r}; expected one of {', '.join(DECISION_KINDS)}")
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO decisions (kind, args, created_at) VALUES (?, ?, ?)",
                (kind, json.dumps(args, ensure_ascii=False, sort_keys=True), _now()),
            )
            self._mark_resolution_due(conn)
            return int(cur.lastrowid or 0)

    def decisions(self) -> list[DecisionRow]:
        """Return all decisions in the order they were made."""
        return [
            DecisionRow(r["id"], r["kind"], json.loads(r["args"]), r["created_at"])
            for r in self._read("SELECT id, kind, args, created_at FROM decisions ORDER BY id")
        ]

    # --- screening -------------------------------------------------------------------
    def replace_screening(self, list_source: str, matches: list[ScreeningMatchRow]) -> None:
        """Replace every stored match of the list `list_source` with `matches` in one transaction."""
        with self._write() as conn:
            conn.execute("DELETE FROM screening_matches WHERE list_source = ?", (list_source,))
            conn.executemany(
                f"INSERT INTO screening_matches ({SCREENING_COLUMNS}) VALUES ({', '.join('?' * 15)})",
                [screening_values(list_source, m) for m in matches],
            )

    def screening_matches(self, entity_id: int | None = None) -> list[ScreeningMatchRow]:
        """Return the matches of one entity (or all), by entity then best score; each set to its current entity."""
        if entity_id is not None:
            rows = self._read(SCREENING_OF_ENTITY.replace("%s", "?"), (entity_id, entity_id, entity_id))
        else:
            rows = self._read(SCREENING_OF_ALL)
        return [screening_row(dict(r)) for r in rows]

    def screening_match(self, match_id: int) -> ScreeningMatchRow | None:
        """Return the stored match with this id, or None."""
        rows = self._read("SELECT *, entity_id AS current FROM screening_matches WHERE id = ?", (match_id,))
        return screening_row(dict(rows[0])) if rows else None

    def add_screening_decision(self, verdict: str, list_source: str, entry_id: str, entity_name: str,
                               note: str | None = None) -> int:
        """Record an analyst's verdict (confirm | reject) on a list entry for an entity name; return its id."""
        check_verdict(verdict)
        with self._write() as conn:
            cur = conn.execute(
                """INSERT INTO screening_decisions (verdict, list_source, entry_id, entity_name, entity_folded, note,
                                                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (verdict, list_source, entry_id, entity_name, entity_name.lower(), note, _now()),
            )
            return int(cur.lastrowid or 0)

    def screening_decisions(self) -> list[ScreeningDecisionRow]:
        """Return all screening verdicts in the order they were made."""
        return [
            ScreeningDecisionRow(r["id"], r["verdict"], r["list_source"], r["entry_id"], r["entity_name"], r["note"],
                                 r["created_at"])
            for r in self._read("SELECT * FROM screening_decisions ORDER BY id")
        ]


# Screening rows, shared with the PostgreSQL back end ('%s' placeholders; SQLite swaps in '?').
SCREENING_COLUMNS = """list_source, entry_id, entry_name, entry_schema, programs, authority, source_url, matched_name,
                       name, entity_name, entity_folded, entity_id, score, reasons, screened_at"""
_SCREENING_NAMES = "SELECT folded, entity_id FROM entity_aliases UNION SELECT folded, id FROM entities"
SCREENING_OF_ENTITY = """SELECT m.*, CAST(%s AS BIGINT) AS current FROM screening_matches m
    WHERE m.entity_folded IN (SELECT folded FROM entity_aliases WHERE entity_id = %s
                              UNION SELECT folded FROM entities WHERE id = %s)
    ORDER BY m.score DESC, m.id"""
SCREENING_OF_ALL = f"""SELECT m.*, x.entity_id AS current FROM screening_matches m
    JOIN ({_SCREENING_NAMES}) x ON x.folded = m.entity_folded
    ORDER BY x.entity_id, m.score DESC, m.id"""


def check_verdict(verdict: str) -> None:
    """Raise ValueError unless `verdict` is a screening verdict (confirm | reject); returns nothing."""
    if verdict not in SCREENING_VERDICTS:
        raise ValueError(f"unknown screening verdict {verdict!r}; expected one of {', '.join(SCREENING_VERDICTS)}")


def screening_values(list_source: str, m: ScreeningMatchRow) -> tuple[Any, ...]:
    """Return the column values of a match, in `SCREENING_COLUMNS` order, stored under `list_source`."""
    return (list_source, m.entry_id, m.entry_name, m.entry_schema, json.dumps(m.programs, ensure_ascii=False),
            m.authority, m.source_url, m.matched_name, m.name, m.entity_name, m.entity_name.lower(), m.entity_id,
            float(m.score), json.dumps(m.reasons, ensure_ascii=False), m.screened_at or _now())


def screening_row(r: dict[str, Any]) -> ScreeningMatchRow:
    """Return a stored match (with its current entity in `current`) as a `ScreeningMatchRow`."""
    return ScreeningMatchRow(
        id=r["id"], list_source=r["list_source"], entry_id=r["entry_id"], entry_name=r["entry_name"],
        entry_schema=r["entry_schema"], programs=json.loads(r["programs"]), authority=r["authority"],
        source_url=r["source_url"], matched_name=r["matched_name"], name=r["name"], entity_name=r["entity_name"],
        entity_id=r["current"], score=float(r["score"]), reasons=json.loads(r["reasons"]),
        screened_at=r["screened_at"],
    )


def _clean_sentences(mentions: list[MentionRow], articles: dict[int, tuple[str, OffsetMap]]) -> list[MentionRow]:
    """Return the mentions with their sentence in clean text where their article (clean text, offset map) is given.

    As with evidence: words hyphenated across lines rejoined, PDF running headers dropped,
    mojibake repaired. A sentence no clean character stands for keeps its original text.
    """
    for m in mentions:
        found = articles.get(m.article_id)
        if not m.sentence or found is None or m.sentence_start is None or m.sentence_end is None:
            continue
        start, end = found[1].clean_span(m.sentence_start, m.sentence_end)
        if end > start:
            m.sentence = found[0][start:end]
    return mentions


def _alias_statement_row(r: Any) -> AliasStatementRow:
    """Return a stored alias statement row (joined with its document's source) as an `AliasStatementRow`."""
    return AliasStatementRow(
        id=r["id"],
        article_id=r["article_id"],
        source=r["source"],
        name=r["name"],
        alias=r["alias"],
        kind=r["kind"],
        start=r["orig_start"],
        end=r["orig_end"],
        sentence=r["sentence"],
        name_span=_pair(r["name_start"], r["name_end"]),
        alias_span=_pair(r["alias_start"], r["alias_end"]),
    )


def chunks(values: Sequence[Any], size: int = 500) -> Iterator[list[Any]]:
    """Yield `values` in lists of at most `size` (for IN lists within SQLite's parameter limit)."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


_SURFACE_COLUMNS = ("cluster, surface, name_key, type, scoped, first_article, first_start, mentions, labels, roles, "
                    "titled, descriptions")


def _surface_values(r: SurfaceRow) -> tuple[Any, ...]:
    """Return the column values of a kept name, in `_SURFACE_COLUMNS` order."""
    return (r.cluster, r.surface, r.name_key, r.type, int(r.scoped), r.first_article, r.first_start, r.mentions,
            json.dumps(r.labels), json.dumps(r.roles), json.dumps(r.titled), json.dumps(r.descriptions))


def _surface_row(r: Any) -> SurfaceRow:
    """Return a stored `resolver_surfaces` row as a `SurfaceRow`."""
    return SurfaceRow(r["cluster"], r["surface"], r["name_key"], r["type"], bool(r["scoped"]), r["first_article"],
                      r["first_start"], r["mentions"], json.loads(r["labels"]), json.loads(r["roles"]),
                      json.loads(r["titled"]), json.loads(r["descriptions"]))


def finish_graph_update(conn: Any, pairs: int, entities: bool, version: int, mark: str = "?") -> None:
    """Within the write that updated the kept graph: clear the pending work, count the `pairs` of entities whose
    edges were written again towards the metrics' recompute, carry the metrics over when nothing changed
    (`entities` says whether any entity did), and set the graph's version; `mark` is the driver's placeholder."""
    conn.execute("DELETE FROM graph_pending")
    graph = conn.execute("SELECT value FROM meta WHERE key = 'graph_version'").fetchone()["value"]
    conn.execute(f"UPDATE graph_state SET value = value + {mark} WHERE key = 'metrics_changed'", (pairs,))
    if not pairs and not entities:  # the metrics describe this version too, if they did the last
        conn.execute(f"UPDATE graph_state SET value = {mark} WHERE key = 'metrics_version' AND value = {mark}",
                     (version, graph))
    conn.execute(f"UPDATE meta SET value = {mark} WHERE key = 'graph_version'", (version,))

def claim_resolution(conn: Any, based_on: IncrementalInput) -> bool | None:
    """Within a write transaction, mark the resolution of `based_on` as stored and return None when no write changed
    the input since it was read; else return what storing returns: False (the input changed), True (another resolver
    already stored the resolution of this very input)."""
    state = conn.execute("SELECT due, done FROM pending WHERE task = 'resolve'").fetchone()
    if state["due"] != based_on.due:
        return False
    if state["done"] != based_on.done:
        return True
    conn.execute("UPDATE pending SET done = due, since = NULL WHERE task = 'resolve'")
    return None



def region_order(mentions: Iterable[MentionRow]) -> list[MentionRow]:
    """Return mentions in the order `Store.mentions` gives them (article, clean start, clean end, id)."""
    return sorted(mentions, key=lambda m: (m.article_id, m.clean_start, m.clean_end, m.id))


def _relation_row(r: Any) -> RelationRow:
    """Return a stored relation row (joined with its document's source) as a `RelationRow`."""
    return RelationRow(
        id=r["id"],
        article_id=r["article_id"],
        source=r["source"],
        subject=r["subject_text"],
        subject_span=(r["subject_start"], r["subject_end"]),
        predicate=r["predicate"],
        object=r["object_text"],
        object_span=(r["object_start"], r["object_end"]),
        rule=r["rule"],
        negated=bool(r["negated"]),
        attributed_to=r["attributed_to"],
        hedged=bool(r["hedged"]),
        date=r["date"],
        evidence_start=r["evidence_start"],
        evidence_end=r["evidence_end"],
        evidence=r["evidence_text"],
    )


def edge_columns(e: EntityEdgeRow) -> tuple[Any, ...]:
    """Return the `entity_edges` column values of an edge (schema 7)."""
    evidence = [list(x) for x in e.evidence]
    head = {"rules": e.rules, "evidence": evidence[:EDGE_HEAD]}
    more = {"evidence": evidence[EDGE_HEAD:], "dates": [list(x) for x in e.dates]}
    return (e.id, e.subject, e.predicate, e.object, int(e.negated), e.attributed_to, int(e.hedged), e.date,
            e.independent_sources, len(e.evidence), json.dumps(head, ensure_ascii=False),
            json.dumps(more, ensure_ascii=False))


LIFTED_COLUMNS = "relation_id, article_id, rank, subject, object, subject_name, object_name"
_PAIR_COLUMNS = "g.relation_id, g.rank, g.subject, g.object, g.subject_name, g.object_name"  # x.* gives article_id


def lifted_columns(r: LiftedRow) -> tuple[Any, ...]:
    """Return the `graph_rows` column values of a lifted relation row (schema 12)."""
    return (r.relation_id, r.article_id, r.rank, r.subject, r.object, r.subject_name, r.object_name)


def lifted_row(r: Any) -> LiftedRow:
    """Return a `graph_rows` row (a mapping by column name) as a `LiftedRow`."""
    return LiftedRow(r["relation_id"], r["article_id"], r["rank"], r["subject"], r["object"], r["subject_name"],
                     r["object_name"])


EDGE_COLUMNS = "id, subject, predicate, object, negated, attributed_to, hedged, date, independent_sources, " \
               "evidence_count, head"


def edge_row(r: Any) -> EntityEdgeRow:
    """Return an `entity_edges` row (a mapping by column name; `more` read or not) as an `EntityEdgeRow`.

    Without `more`, `evidence` holds the first EDGE_HEAD evidences and `dates` is empty; `evidence_count`
    counts them all.
    """
    head = json.loads(r["head"])
    evidence = head["evidence"]
    dates: list[Any] = []
    more = r.get("more") if isinstance(r, dict) else (r["more"] if "more" in r.keys() else None)
    if more is not None:
        rest = json.loads(more)
        evidence = evidence + rest["evidence"]
        dates = rest["dates"]
    return EntityEdgeRow(r["id"], r["subject"], r["predicate"], r["object"], bool(r["negated"]), r["attributed_to"],
                         bool(r["hedged"]), r["date"], r["independent_sources"], head["rules"],
                         [tuple(x) for x in evidence], [(x[0], x[1]) for x in dates],
                         r["evidence_count"])


def _mention_row(r: sqlite3.Row, sentence: str | None = None) -> MentionRow:
    """Return a stored mention row (joined with its document's source) as a `MentionRow`."""
    return MentionRow(
        id=r["id"],
        article_id=r["article_id"],
        source=r["source"],
        clean_start=r["start"],
        clean_end=r["end"],
        start=r["orig_start"],
        end=r["orig_end"],
        text=r["text"],
        label=r["label"],
        sentence_start=r["sentence_start"],
        sentence_end=r["sentence_end"],
        role=r["role"],
        description=r["description"],
        refers_to=r["refers_to"],
        sentence=sentence,
    )
