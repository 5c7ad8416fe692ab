"""PostgreSQL back end of the `Store` interface (psycopg 3), for a team sharing one case.

The tables are SQLite's (`migrations/postgres`), and rows are built by the same helpers as
SQLite's (`sqlite._ExtractionRows`, `sqlite._mention_row`), so both back ends answer with
the same values. Differences that a caller could see are none by design:

- every write is one transaction that first locks the `store_version` row, so writers are
  serialised as SQLite's `BEGIN IMMEDIATE` serialises them: two processes ingesting into
  one database at once lose nothing and duplicate nothing, and a reader (any other
  connection) sees all of a document's rows or none;
- full-text search indexes the tokens SQLite's FTS5 would (`store.fulltext` builds the
  `tsvector`/`tsquery` literals and the snippet), so hits, snippets and highlights have
  the same shape; `rank` is minus `ts_rank` (lower is better, as bm25);
- bulk writes (entity replacement) use COPY.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

import psycopg
from psycopg.rows import dict_row

from linkchart.models import Article, Document, Extraction, OffsetMap, Paragraph
from linkchart.store.base import (
    DECISION_KINDS,
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
from linkchart.store.fulltext import snippet, tsquery_literal, tsvector_literal
from linkchart.store.postgres_migrate import migrate_postgres
from linkchart.store.sqlite import (
    _ALIAS_STATEMENT_COLUMNS,
    _ARTICLE_COLUMNS,
    _CLAIM_COLUMNS,
    _CLOSE,
    _EVENT_COLUMNS,
    _JOIN_SOURCE,
    _MENTION_COLUMNS,
    _OPEN,
    _PAIR_COLUMNS,
    _RELATION_COLUMNS,
    _STATS_QUERY,
    _SURFACE_COLUMNS,
    EDGE_COLUMNS,
    LIFTED_COLUMNS,
    NEAR_DUPLICATE_CANDIDATES,
    RESOLUTION_MENTIONS,
    RESOLUTION_STATEMENTS,
    SCREENING_COLUMNS,
    SCREENING_OF_ALL,
    SCREENING_OF_ENTITY,
    _alias_statement_row,
    _clean_sentences,
    _ExtractionRows,
    _first_match,
    _highlights,
    _mention_row,
    _now,
    _pair,
    _relation_row,
    _surface_row,
    _surface_values,
    check_verdict,
    claim_resolution,
    edge_columns,
    edge_row,
    finish_graph_update,
    lifted_columns,
    lifted_row,
    query_terms,
    region_order,
    screening_row,
    screening_values,
)

_SNIPPET_TOKENS = 16
_RESOLVE_LOCK = 0x7265736F  # advisory lock id held while entities are resolved ('reso')


def is_postgres_url(url: str) -> bool:
    """Return True when `url` names a PostgreSQL database (postgresql:// or postgres://)."""
    return url.startswith(("postgresql://", "postgres://"))


def _connect(url: str) -> psycopg.Connection[dict[str, Any]]:
    """Return an autocommit connection to `url`, creating the database when it does not exist yet."""
    try:
        return psycopg.connect(url, autocommit=True, row_factory=dict_row)
    except psycopg.OperationalError as exc:
        if "does not exist" not in str(exc):
            raise
    info = psycopg.conninfo.conninfo_to_dict(url)
    name = info.get("dbname")
    if not name:
        raise StoreError(f"{url}: names no database")
    maintenance = psycopg.conninfo.make_conninfo(url, dbname="postgres")
    with psycopg.connect(maintenance, autocommit=True) as admin:
        try:
            admin.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(str(name))))
        except (psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
            pass  # another process created it first (at the same moment: a unique violation in pg_database)
    return psycopg.connect(url, autocommit=True, row_factory=dict_row)


class PostgresStore(Store):
    """A `Store` in one PostgreSQL database; safe to share between threads (one connection, one lock)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.RLock()
        self._writing = 0  # `_write` blocks open (nested ones: the store's write lock is held already)
        self._batch: _Batch | None = None  # inside `add_documents`: what its documents leave to its end
        self._conn = _connect(url)
        try:
            # Snippets and folds are computed in Python; the server only compares strings.
            self._conn.execute("SET client_encoding TO 'UTF8'")
            migrate_postgres(self._conn)
        except BaseException:
            self._conn.close()
            raise

    # --- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection; returns nothing."""
        with self._lock:
            self._conn.close()

    @contextmanager
    def _write(self, bump: bool = True) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        """Run the block in one transaction holding the store's write lock; bump the version when `bump`.

        Nested in another write, the block is a savepoint of its transaction (the lock is held already); in
        `add_documents`, not even that (a refused document refuses the batch) and the bump is left to its end.
        """
        with self._lock:
            batch = self._batch
            with nullcontext() if batch is not None else self._conn.transaction():
                if not self._writing:
                    self._conn.execute("SELECT value FROM meta WHERE key = 'store_version' FOR UPDATE")
                self._writing += 1
                try:
                    yield self._conn
                finally:
                    self._writing -= 1
                if bump and batch is not None:
                    batch.bumps += 1
                elif bump:
                    self._conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'store_version'")

    @contextmanager
    def resolving(self) -> Iterator[None]:
        """Hold the database's resolution lock for the block (one resolver at a time across processes)."""
        with self._lock:
            self._conn.execute("SELECT pg_advisory_lock(%s)", (_RESOLVE_LOCK,))
            try:
                yield
            finally:
                self._conn.execute("SELECT pg_advisory_unlock(%s)", (_RESOLVE_LOCK,))

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the write lock for the block: other writers wait; the block's reads and writes are one
        transaction (its writes nest as savepoints), committed at its end, rolled back on an exception."""
        with self._write(bump=False):
            yield

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Run the block's reads in one repeatable-read transaction (one state of the store), unless a
        transaction is open already (under `exclusive()`, which no writer can change)."""
        with self._lock:
            if self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                yield
                return
            with self._conn.transaction():
                self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield

    def _mark_resolution_due(self, conn: psycopg.Connection[Any], ahead: int = 1) -> None:
        """Record in the current write transaction that resolution must follow it (see migration 0004): due at the
        version `ahead` writes on (in `add_documents`, at its end)."""
        if self._batch is not None:
            self._batch.due = True
            return
        conn.execute(
            """UPDATE pending SET due = (SELECT value + %s FROM meta WHERE key = 'store_version'),
                                  since = CASE WHEN due > done THEN since ELSE %s END
               WHERE task = 'resolve'""",
            (ahead, _now()),
        )

    def add_documents(
        self,
        batch: Sequence[tuple[Document, list[Article], list[Extraction | None], list[NearDuplicateKey | None]]],
    ) -> list[int]:
        """Store several documents as `add_document` does, all in one transaction; return their ids in order.

        Fewer round trips than one by one: the extracted rows of all documents are copied at the end, one
        COPY per table, and the version and the resolution mark are written once (as the documents one by one
        would have left them); a refused row stores none of the batch (`StoreError`).
        """
        with self.exclusive():
            self._batch = _Batch()
            try:
                ids = [self.add_document(doc, articles, extractions, fps) for doc, articles, extractions, fps in batch]
                self._finish_batch(self._batch)
                return ids
            finally:
                self._batch = None

    def _finish_batch(self, batch: _Batch) -> None:
        """Copy the batch's pending rows and write its version bumps and resolution mark; returns nothing."""
        self._copy_pending(batch)
        self._batch = None
        if batch.due:
            self._mark_resolution_due(self._conn, ahead=batch.bumps)
        if batch.bumps:
            self._conn.execute("UPDATE meta SET value = value + %s WHERE key = 'store_version'", (batch.bumps,))

    def _copy_pending(self, batch: _Batch) -> None:
        """Copy the extracted rows the batch holds into their tables, one COPY each; returns nothing."""
        try:
            for (table, columns), rows in batch.rows.items():
                with self._conn.cursor().copy(f"COPY {table} (article_id, {columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        except (psycopg.IntegrityError, psycopg.DataError) as exc:
            raise StoreError(f"batch of documents not stored: {exc}") from exc
        batch.rows.clear()

    def _read(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()  # type: ignore[arg-type]

    def version(self) -> int:
        """Return the store version, a counter incremented by every write."""
        return int(self._read("SELECT value FROM meta WHERE key = 'store_version'")[0]["value"])

    @staticmethod
    def _recount(conn: psycopg.Connection[Any], entity_ids: list[int] | None = None) -> None:
        """Recompute `entities.mentions`/`documents` (of the given entities, or all) from the links."""
        if entity_ids is not None and not entity_ids:
            return
        only = "WHERE me.entity_id = ANY(%s)" if entity_ids is not None else ""
        params: tuple[Any, ...] = (list(entity_ids),) if entity_ids is not None else ()
        conn.execute(f"UPDATE entities SET mentions = 0, documents = 0 {only.replace('me.entity_id', 'id')}", params)
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
                if if_new and conn.execute("SELECT 1 FROM documents WHERE sha256 = %s", (doc.sha256,)).fetchone():
                    return None
                old = conn.execute("SELECT id FROM documents WHERE source = %s", (doc.source,)).fetchone()
                if old is not None:
                    self._delete(conn, old["id"])
                doc_id = self._insert_document(conn, doc)
                for article, extraction, fp in zip(articles, extractions, fingerprints, strict=True):
                    article_id = self._insert_article(conn, doc_id, article, fp)
                    if extraction is not None:
                        self._insert_extraction(conn, article_id, doc.text, article, extraction)
                self._mark_resolution_due(conn)
                return doc_id
        except (psycopg.IntegrityError, psycopg.DataError, ValueError, TypeError) as exc:
            raise StoreError(f"{doc.source}: not stored: {exc}") from exc

    def _delete(self, conn: psycopg.Connection[Any], doc_id: int) -> None:
        if self._batch is not None:  # the document may be one of the batch: its rows are stored first
            self._copy_pending(self._batch)
        named = [
            r["entity_id"]
            for r in conn.execute(
                """SELECT DISTINCT me.entity_id FROM articles a
                   JOIN mentions m ON m.article_id = a.id
                   JOIN mention_entity me ON me.mention_id = m.id
                   WHERE a.document_id = %s""",
                (doc_id,),
            ).fetchall()
        ]
        conn.execute(
            """UPDATE articles SET duplicate_of = NULL, similarity = NULL
               WHERE duplicate_of IN (SELECT id FROM articles WHERE document_id = %s)
                 AND document_id <> %s""",
            (doc_id, doc_id),
        )
        conn.execute("DELETE FROM documents WHERE id = %s", (doc_id,))
        conn.execute("UPDATE resolver_state SET value = 0 WHERE key = 'valid'")  # its clusters lost mentions
        conn.execute("UPDATE graph_state SET value = 0 WHERE key = 'incremental'")  # its edges are kept still
        self._recount(conn, named)

    @staticmethod
    def _insert_document(conn: psycopg.Connection[Any], doc: Document) -> int:
        row = conn.execute(
            """INSERT INTO documents (source, sha256, kind, title, date, url, outlet, encoding,
                                      warnings, page_starts, text, added_at)
               VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""",
            (doc.source, doc.sha256, doc.kind, doc.title, doc.date, doc.url, doc.outlet, doc.encoding,
             json.dumps(doc.warnings), json.dumps(doc.page_starts), doc.text, _now()),
        ).fetchone()
        return int(row["id"])

    def _insert_article(
        self, conn: psycopg.Connection[Any], doc_id: int, article: Article, fp: NearDuplicateKey | None
    ) -> int:
        if fp is not None and not isinstance(fp, NearDuplicateKey):
            raise TypeError(f"not a near-duplicate key: {type(fp).__name__}")
        duplicate = self._near_duplicate(conn, fp, set()) if fp is not None else None
        bands = fp.band_keys if fp is not None else ()
        # the article and its band keys in one statement (one round trip)
        row = conn.execute(
            """WITH a AS (INSERT INTO articles (document_id, idx, title, byline, date, language, url, outlet,
                                                orig_start, orig_end, words, text, offsets, paragraphs,
                                                fingerprint, duplicate_of, similarity, search, date_inferred)
                          VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector, %s)
                          RETURNING id),
                    b AS (INSERT INTO article_bands (band, key, article_id)
                          SELECT k.band, k.key, a.id FROM a, unnest(%s::int[], %s::bigint[]) AS k(band, key))
               SELECT id FROM a""",
            (doc_id, article.index, article.title, article.byline, article.date, article.language, article.url,
             article.outlet, article.start, article.end, len(article.text.split()), article.text,
             json.dumps(article.offsets.to_json()),
             json.dumps([[p.start, p.end, p.language] for p in article.paragraphs]),
             fp.signature if fp is not None else None,
             duplicate[0] if duplicate else None, duplicate[1] if duplicate else None,
             tsvector_literal(article.title, article.text), article.date_inferred,
             [band for band, _ in bands], [key for _, key in bands]),
        ).fetchone()
        return int(row["id"])

    def _insert_extraction(
        self, conn: psycopg.Connection[Any], article_id: int, original: str, article: Article, ex: Extraction
    ) -> None:
        rows = _ExtractionRows(original, article.offsets, article.text)
        for table, columns, items, build in (
            ("mentions", _MENTION_COLUMNS, ex.mentions, rows.mention),
            ("alias_statements", _ALIAS_STATEMENT_COLUMNS, ex.aliases, rows.alias_statement),
            ("relations", _RELATION_COLUMNS, ex.relations, rows.relation),
            ("events", _EVENT_COLUMNS, ex.events, rows.event),
            ("claims", _CLAIM_COLUMNS, ex.claims, rows.claim),
        ):
            if items and self._batch is not None:  # copied at the end of the batch
                self._batch.rows[table, columns].extend((article_id, *build(item)) for item in items)
            elif items:
                with conn.cursor().copy(f"COPY {table} (article_id, {columns}) FROM STDIN") as copy:
                    for item in items:
                        copy.write_row((article_id, *build(item)))

    def delete_document(self, source: str) -> bool:
        """Delete a document and everything extracted from it; return whether it existed."""
        with self._write() as conn:
            row = conn.execute("SELECT id FROM documents WHERE source = %s", (source,)).fetchone()
            if row is not None:
                self._delete(conn, row["id"])
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
                id=r["id"], source=r["source"], sha256=r["sha256"], kind=r["kind"], title=r["title"],
                date=r["date"], url=r["url"], outlet=r["outlet"], encoding=r["encoding"],
                warnings=json.loads(r["warnings"]), page_starts=json.loads(r["page_starts"]),
                added_at=r["added_at"], articles=int(r["n"]),
            )
            for r in rows
        ]

    def document_by_hash(self, sha256: str) -> DocumentRow | None:
        """Return the earliest stored document with this content hash, or None."""
        rows = self._document_rows("WHERE d.sha256 = %s ORDER BY d.id LIMIT 1", (sha256,))
        return rows[0] if rows else None

    def document_by_source(self, source: str) -> DocumentRow | None:
        """Return the stored document with this source, or None."""
        rows = self._document_rows("WHERE d.source = %s", (source,))
        return rows[0] if rows else None

    def document_rows(self) -> list[DocumentRow]:
        """Return every stored document, ordered by source."""
        return self._document_rows('ORDER BY d.source COLLATE "C"', ())

    def document_text(self, source: str) -> str:
        """Return the original decoded text of a document; raises KeyError if unknown."""
        rows = self._read("SELECT text FROM documents WHERE source = %s", (source,))
        if not rows:
            raise KeyError(source)
        return str(rows[0]["text"])

    @staticmethod
    def _article_row(r: dict[str, Any]) -> ArticleRow:
        return ArticleRow(
            id=r["id"], document_id=r["document_id"], source=r["source"], index=r["idx"], title=r["title"],
            byline=r["byline"], date=r["date"], language=r["language"], words=r["words"],
            duplicate_of=r["duplicate_of"], similarity=r["similarity"], start=r["orig_start"], end=r["orig_end"],
            url=r["url"], outlet=r["outlet"], date_inferred=r["date_inferred"],
        )

    def documents(self) -> list[ArticleRow]:
        """Return one row per stored article (without text), ordered by source and index."""
        rows = self._read(
            f"""SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN documents d ON d.id = a.document_id
                ORDER BY d.source COLLATE "C", a.idx"""
        )
        return [self._article_row(r) for r in rows]

    def undated_articles(self) -> list[ArticleRow]:
        """Return the stored articles (without text) with no date, stated or inferred, that repeat no earlier
        article, ordered by source and index."""
        rows = self._read(
            f"""SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN documents d ON d.id = a.document_id
                WHERE a.date IS NULL AND a.duplicate_of IS NULL ORDER BY d.source COLLATE "C", a.idx"""
        )
        return [self._article_row(r) for r in rows]

    def article(self, article_id: int) -> ArticleRow:
        """Return an article with clean text, offset map, paragraphs and original text."""
        rows = self._read(
            f"""SELECT {_ARTICLE_COLUMNS}, a.text, a.offsets, a.paragraphs, d.text AS original
                FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = %s""",
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

    def duplicate_count(self) -> int:
        """Return how many stored articles are near-duplicates of another."""
        return int(self._read("SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL")[0]["n"])

    def stats(self) -> dict[str, Any]:
        """Return counts: documents, articles, languages {code: n}, duplicates, extractions, entities."""
        row = self._read(_STATS_QUERY)[0]
        counts: dict[str, Any] = {name: int(value) for name, value in row.items()}
        counts["duplicates"] = self.duplicate_count()
        counts["languages"] = {
            r["language"]: int(r["n"])
            for r in self._read(
                'SELECT language, count(*) AS n FROM articles GROUP BY language ORDER BY 2 DESC, language COLLATE "C"'
            )
        }
        return counts

    # --- search and duplicates -------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Return articles matching every word of `query`, best first; any user input is safe."""
        terms = query_terms(query)
        tsquery = tsquery_literal(terms)
        if not tsquery or limit <= 0:
            return []
        # the best `limit` are ranked first; only their rows are read (see SQLiteStore.search). The matches are
        # found through the GIN index even when a common word matches most articles: a sequential scan
        # decompresses every article's tsvector to test it, and each match's once more to rank it (at 20,000
        # articles 360 → 80 ms for a word in a fifth of them, 460 → 280 ms for one in nearly all)
        with self._lock, self._conn.transaction():
            self._conn.execute("SET LOCAL enable_seqscan = off")
            rows = self._read(
                """SELECT a.id, d.source, a.title, a.date, a.text, a.offsets, best.score
                   FROM (SELECT a.id, ts_rank(a.search, q) AS score
                         FROM articles a, CAST(%s AS tsquery) AS q
                         WHERE a.search @@ q
                         ORDER BY score DESC, a.id
                         LIMIT %s) best
                   JOIN articles a ON a.id = best.id
                   JOIN documents d ON d.id = a.document_id
                   ORDER BY best.score DESC, a.id""",
                (tsquery, limit),
            )
            self._conn.execute("SET LOCAL enable_seqscan = on")  # for the rest of an enclosing transaction
        hits = []
        for r in rows:
            marked = snippet(r["text"], terms, _OPEN, _CLOSE, _SNIPPET_TOKENS)
            plain, spans = _highlights(marked)
            start = end = None
            found = _first_match(r["text"], terms)
            if found is not None:
                start, end = OffsetMap.from_json(json.loads(r["offsets"])).span(*found)
            hits.append(
                SearchHit(
                    article_id=r["id"], source=r["source"], title=r["title"], date=r["date"],
                    snippet=marked.replace(_OPEN, "[").replace(_CLOSE, "]"), snippet_text=plain, highlights=spans,
                    start=start, end=end, rank=-float(r["score"]),
                )
            )
        return hits

    @staticmethod
    def _near_duplicate(
        conn: psycopg.Connection[Any], fp: NearDuplicateKey, exclude: set[int]
    ) -> tuple[int, float] | None:
        keys = fp.band_keys
        if not keys:
            return None
        # the candidates sharing most bands are the most similar: see SQLiteStore._near_duplicate
        rows = conn.execute(
            """SELECT a.id, a.fingerprint
               FROM (SELECT b.article_id, count(*) AS shared FROM article_bands b
                     JOIN unnest(%s::int[], %s::bigint[]) AS k(band, key) ON b.band = k.band AND b.key = k.key
                     GROUP BY b.article_id ORDER BY shared DESC, b.article_id LIMIT %s) c
               JOIN articles a ON a.id = c.article_id ORDER BY c.shared DESC, a.id""",
            ([band for band, _ in keys], [key for _, key in keys], NEAR_DUPLICATE_CANDIDATES),
        ).fetchall()
        best: tuple[int, float] | None = None
        for r in rows:
            if r["id"] in exclude or r["fingerprint"] is None:
                continue
            score = fp.similarity(bytes(r["fingerprint"]))
            if score >= fp.threshold and (best is None or score > best[1]):
                best = (r["id"], score)
        return best

    def find_near_duplicate(
        self, fp: NearDuplicateKey, *, exclude: set[int] | None = None
    ) -> tuple[int, float] | None:
        """Return (article id, similarity) of the most similar stored article ≥ `fp.threshold`, or None."""
        with self._lock:
            return self._near_duplicate(self._conn, fp, exclude or set())

    # --- extractions -----------------------------------------------------------------
    def _extraction_rows(self, table: str, order: str, article_id: int | None) -> list[dict[str, Any]]:
        where = "WHERE x.article_id = %s" if article_id is not None else ""
        params = (article_id,) if article_id is not None else ()
        return self._read(
            f"SELECT x.*, d.source FROM {table} x {_JOIN_SOURCE} {where} ORDER BY x.article_id, {order}", params
        )

    def mentions(self, article_id: int | None = None) -> list[MentionRow]:
        """Return stored mentions (of one article, or all), in text order."""
        return [_mention_row(r) for r in self._extraction_rows("mentions", 'x.start, x."end", x.id', article_id)]

    def alias_statements(self, article_id: int | None = None) -> list[AliasStatementRow]:
        """Return stored alias statements (of one article, or all), in text order."""
        return [
            AliasStatementRow(
                id=r["id"], article_id=r["article_id"], source=r["source"], name=r["name"], alias=r["alias"],
                kind=r["kind"], start=r["orig_start"], end=r["orig_end"], sentence=r["sentence"],
                name_span=_pair(r["name_start"], r["name_end"]), alias_span=_pair(r["alias_start"], r["alias_end"]),
            )
            for r in self._extraction_rows("alias_statements", "x.orig_start, x.id", article_id)
        ]

    def relations(self, article_id: int | None = None) -> list[RelationRow]:
        """Return stored relations (of one article, or all), in text order."""
        return [_relation_row(r) for r in self._extraction_rows("relations", "x.evidence_start, x.id", article_id)]

    def events(self, article_id: int | None = None) -> list[EventRow]:
        """Return stored events (of one article, or all), in text order."""
        return [
            EventRow(
                id=r["id"], article_id=r["article_id"], source=r["source"], kind=r["kind"], summary=r["summary"],
                date=r["date"], participants=[(s, e) for s, e in json.loads(r["participants"])],
                negated=bool(r["negated"]), attributed_to=r["attributed_to"], evidence_start=r["evidence_start"],
                evidence_end=r["evidence_end"], evidence=r["evidence_text"], date_source=r["date_source"],
            )
            for r in self._extraction_rows("events", "x.evidence_start, x.id", article_id)
        ]

    def claims(self, article_id: int | None = None) -> list[ClaimRow]:
        """Return stored claims (of one article, or all), in text order."""
        return [
            ClaimRow(
                id=r["id"], article_id=r["article_id"], source=r["source"], subject=r["subject_text"],
                subject_span=(r["subject_start"], r["subject_end"]), quantity=r["quantity"], value=r["value"],
                unit=r["unit"], approx=r["approx"], attributed_to=r["attributed_to"],
                evidence_start=r["evidence_start"], evidence_end=r["evidence_end"], evidence=r["evidence_text"],
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

        `resolver` replaces the kept resolver state (without it, that state is marked invalid).

        With `based_on` (the input they were resolved from), store them only if no write changed
        that input since, and mark that resolution done; return whether they were stored (True
        also when another resolver stored the resolution of that same input meanwhile).
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
        except (psycopg.IntegrityError, psycopg.DataError) as exc:
            raise StoreError(f"entities not stored: {exc}") from exc

    @staticmethod
    def _insert_entities(conn: psycopg.Connection[Any], entities: list[EntityRow], aliases: list[EntityAliasRow],
                         mention_links: list[tuple[int, int]]) -> None:
        """Insert entities, their aliases and mention links (in the caller's transaction)."""
        cur = conn.cursor()
        with cur.copy("COPY entities (id, name, type, description, folded) FROM STDIN") as copy:
            for e in entities:
                copy.write_row((e.id, e.name, e.type, e.description, e.name.lower()))
        with cur.copy(
            """COPY entity_aliases (entity_id, alias, count, reason, evidence, folded, name_key,
                                    reason_pass, reason_evidence) FROM STDIN"""
        ) as copy:
            for a in aliases:
                copy.write_row((a.entity_id, a.alias, a.count, a.reason, a.evidence, a.alias.lower(),
                                a.name_key, a.reason_pass,
                                None if a.reason_evidence is None else json.dumps(a.reason_evidence)))
        with cur.copy("COPY mention_entity (mention_id, entity_id) FROM STDIN") as copy:
            for link in mention_links:
                copy.write_row(link)

    @staticmethod
    def _write_resolver(conn: psycopg.Connection[Any], resolver: ResolverRows | None,
                        removed: list[int] | None) -> None:
        """Write the kept resolver state: all of it (`removed` None), or in place of the clusters `removed`."""
        if resolver is None:
            conn.execute("UPDATE resolver_state SET value = 0 WHERE key = 'valid'")
            return
        if removed is None:
            conn.execute("""TRUNCATE resolver_articles, resolver_clusters, resolver_keys, resolver_names,
                                     resolver_matches, resolver_surfaces, resolver_margins""")
            conn.execute("INSERT INTO resolver_articles (article_id) SELECT id FROM articles")
            conn.execute("UPDATE resolver_state SET value = %s WHERE key = 'next_cluster'", (resolver.next_cluster,))
        else:
            conn.execute("DELETE FROM resolver_clusters WHERE cluster = ANY(%s)", (removed,))
            conn.execute("DELETE FROM resolver_keys WHERE cluster = ANY(%s)", (sorted({*removed, *resolver.rekeyed}),))
            conn.execute("DELETE FROM resolver_surfaces WHERE cluster = ANY(%s)",
                         (sorted({*removed, *resolver.rekeyed}),))
            conn.execute("""INSERT INTO resolver_articles (article_id) SELECT unnest(%s::bigint[])
                            ON CONFLICT DO NOTHING""", (resolver.articles,))
            conn.execute("UPDATE resolver_state SET value = greatest(value, %s) WHERE key = 'next_cluster'",
                         (resolver.next_cluster,))
        if removed is not None:  # all of it was truncated above
            mentions = [m for m, _ in resolver.clusters]
            conn.execute("DELETE FROM resolver_clusters WHERE mention_id = ANY(%s)", (mentions,))
        cur = conn.cursor()
        with cur.copy("COPY resolver_clusters (mention_id, cluster) FROM STDIN") as copy:
            for row in resolver.clusters:
                copy.write_row(row)
        keys = list(resolver.keys)  # made once when a full resolution makes them as they are read
        conn.execute("""INSERT INTO resolver_keys (key, cluster) SELECT * FROM unnest(%s::text[], %s::bigint[])
                        ON CONFLICT DO NOTHING""",
                     ([k for k, _ in keys], [c for _, c in keys]))
        del keys
        margins = sorted(resolver.margins.items())
        conn.execute("""INSERT INTO resolver_margins (key, margin) SELECT * FROM unnest(%s::text[], %s::bigint[])
                        ON CONFLICT (key) DO UPDATE SET margin = excluded.margin""",
                     ([k for k, _ in margins], [m for _, m in margins]))
        conn.execute("INSERT INTO resolver_names (name) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
                     (resolver.names,))
        if removed is None or resolver.surfaces:  # a full resolution's are made as they are read: no length
            columns = _SURFACE_COLUMNS.split(", ")
            cur.executemany(
                f"""INSERT INTO resolver_surfaces ({_SURFACE_COLUMNS}) VALUES ({', '.join(['%s'] * len(columns))})
                    ON CONFLICT (cluster, surface) DO UPDATE SET
                    {', '.join(f'{c} = excluded.{c}' for c in columns[2:])}""",
                (_surface_values(r) for r in resolver.surfaces))
        conn.execute(
            """INSERT INTO resolver_matches (a, b, score, features)
               SELECT * FROM unnest(%s::text[], %s::text[], %s::float8[], %s::text[])
               ON CONFLICT (a, b) DO UPDATE SET score = excluded.score, features = excluded.features""",
            ([m[0] for m in resolver.matches], [m[1] for m in resolver.matches], [m[2] for m in resolver.matches],
             [json.dumps(m[3]) for m in resolver.matches]))
        conn.execute("UPDATE resolver_state SET value = 1 WHERE key = 'valid'")

    def surface_rows(self, keys: Iterable[str] = (), clusters: Iterable[int] = ()) -> list[SurfaceRow]:
        """Return the kept names (migration 0014) with one of the transliteration `keys` or in one of `clusters`."""
        rows = self._read(f"""SELECT {_SURFACE_COLUMNS} FROM resolver_surfaces
                              WHERE name_key = ANY(%s) OR cluster = ANY(%s)""",
                          (sorted(set(keys)), sorted(set(clusters))))
        return sorted((_surface_row(r) for r in rows), key=lambda r: (r.cluster, r.first_article, r.first_start,
                                                                      r.surface))

    def attach_mentions(self, links: list[tuple[int, int]], entities: list[EntityRow], aliases: list[EntityAliasRow],
                        resolver: ResolverRows, based_on: IncrementalInput) -> bool:
        """Link new mentions to existing entities, replacing those entities' rows and aliases (see `Store`)."""
        try:
            with self._write() as conn:
                if (claimed := claim_resolution(conn, based_on)) is not None:
                    return claimed  # the input changed since, or another resolver stored this very input
                self._attach(conn, links, entities, aliases, resolver)
                return True
        except (psycopg.IntegrityError, psycopg.DataError) as exc:
            raise StoreError(f"entities not stored: {exc}") from exc

    def _attach(self, conn: psycopg.Connection[Any], links: list[tuple[int, int]], entities: list[EntityRow],
                aliases: list[EntityAliasRow], resolver: ResolverRows) -> None:
        """Write the rows of `attach_mentions` in the caller's transaction."""
        ids = [e.id for e in entities]
        old_types = {r["id"]: r["type"] for r in conn.execute(
            "SELECT id, type FROM entities WHERE id = ANY(%s)", (ids,))}
        old_names = {r["folded"] for r in conn.execute(
            "SELECT DISTINCT folded FROM entity_aliases WHERE entity_id = ANY(%s)", (ids,))}
        conn.execute("DELETE FROM entity_aliases WHERE entity_id = ANY(%s)", (ids,))
        conn.cursor().executemany(
            "UPDATE entities SET name = %s, type = %s, description = %s, folded = %s WHERE id = %s",
            [(e.name, e.type, e.description, e.name.lower(), e.id) for e in entities])
        self._insert_entities(conn, [], aliases, links)
        pending = attach_pending_rows(old_types, old_names, entities, aliases)
        pending += [("article", str(a)) for a in resolver.articles]
        conn.cursor().executemany("INSERT INTO graph_pending (kind, value) VALUES (%s, %s) "
                                  "ON CONFLICT DO NOTHING", pending)
        self._write_resolver(conn, resolver, [])
        conn.execute(
            """UPDATE entities SET mentions = mentions + c.n, documents = documents + c.d
               FROM (SELECT me.entity_id AS id, count(*) AS n, count(DISTINCT a.document_id) AS d
                     FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                     JOIN articles a ON a.id = m.article_id
                     WHERE me.entity_id = ANY(%s) AND m.article_id = ANY(%s)
                     GROUP BY me.entity_id) AS c
               WHERE c.id = entities.id""", (ids, resolver.articles))

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
                old_links = {r["mention_id"]: r["entity_id"] for r in conn.execute(
                    "SELECT mention_id, entity_id FROM mention_entity WHERE entity_id = ANY(%s)", (removed,))}
                old_types = {r["id"]: r["type"] for r in conn.execute(
                    "SELECT id, type FROM entities WHERE id = ANY(%s)", (removed,))}
                old_names = {r["folded"] for r in conn.execute(
                    "SELECT DISTINCT folded FROM entity_aliases WHERE entity_id = ANY(%s)", (removed,))}
                conn.execute("DELETE FROM entities WHERE id = ANY(%s)", (removed,))
                self._insert_entities(conn, entities, aliases, mention_links)
                moved, pending = graph_pending_rows(old_links, old_types, old_names, entities, aliases,
                                                    mention_links)
                pending += [("article", str(r["article_id"])) for r in conn.execute(
                    "SELECT DISTINCT article_id FROM mentions WHERE id = ANY(%s)", (sorted(moved),))]
                if pending:
                    conn.cursor().executemany("INSERT INTO graph_pending (kind, value) VALUES (%s, %s) "
                                              "ON CONFLICT DO NOTHING", pending)
                self._write_resolver(conn, resolver, removed)
                self._recount(conn, [e.id for e in entities])
                if attached is not None:
                    self._attach(conn, attached.links, attached.entities, attached.aliases, attached.resolver)
                return True
        except (psycopg.IntegrityError, psycopg.DataError) as exc:
            raise StoreError(f"entities not stored: {exc}") from exc

    def incremental_input(self) -> IncrementalInput | None:
        """Return the new articles, decisions and pending state read in one transaction (None: state invalid)."""
        with self._snapshot():
            if not self._read("SELECT value FROM resolver_state WHERE key = 'valid'")[0]["value"]:
                return None
            state = self._read("SELECT due, done FROM pending WHERE task = 'resolve'")[0]
            articles = self._articles_not_in("resolver_articles")
            following = self._read("SELECT value FROM resolver_state WHERE key = 'next_cluster'")[0]["value"]
            return IncrementalInput(articles, self.decisions(), int(state["due"]), int(state["done"]), int(following))

    def _articles_not_in(self, table: str) -> list[int]:
        """Return the ids of the articles not in `table` (resolver_articles or graph_articles: some of the articles,
        by `article_id`), in order; read inside a snapshot.

        Ids come from a sequence, but two writers may commit out of order: an article below the largest id of
        `table` may still be missing from it. When `table` holds as many rows as there are articles up to its
        largest id (it holds no other: a deleted article leaves it too), none is; the new ones are then those
        above it, found by the index instead of an anti-join over every article (0.2 s at 100,000)."""
        held = self._read(f"SELECT max(article_id) AS top, count(*) AS n FROM {table}")[0]
        top = held["top"]
        below = self._read("SELECT count(*) AS n FROM articles WHERE id <= %s", (top,))[0]["n"] if top else -1
        if below == held["n"]:
            return [r["id"] for r in self._read("SELECT id FROM articles WHERE id > %s ORDER BY id", (top,))]
        return [r["id"] for r in self._read(
            f"""SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM {table} x WHERE x.article_id = a.id)
                ORDER BY id""")]

    def clusters_by_key(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """Return the clusters of the kept resolver state filed under each of `keys` (keys with none left out)."""
        out: dict[str, list[int]] = {}
        for r in self._read("SELECT key, cluster FROM resolver_keys WHERE key = ANY(%s)", (sorted(set(keys)),)):
            out.setdefault(r["key"], []).append(r["cluster"])
        return out

    def count_margins(self, keys: Iterable[str]) -> dict[str, int]:
        """Return the kept margin of each count decision of `keys` (keys without one left out)."""
        rows = self._read("SELECT key, margin FROM resolver_margins WHERE key = ANY(%s)", (sorted(set(keys)),))
        return {r["key"]: r["margin"] for r in rows}

    def region(self, articles: Iterable[int], clusters: Iterable[int]) -> Region:
        """Return the mentions of `articles` and of `clusters`, with the alias statements of their articles."""
        with self._snapshot():
            select = f"""SELECT x.*, d.source, rc.cluster AS cluster FROM mentions x {_JOIN_SOURCE}
                         LEFT JOIN resolver_clusters rc ON rc.mention_id = x.id"""
            # two reads, each by its index (one read with OR scans every mention)
            found = {r["id"]: r for r in self._read(f"{select} WHERE x.article_id = ANY(%s)", (sorted(set(articles)),))}
            found.update((r["id"], r) for r in self._read(
                f"{select} WHERE x.id IN (SELECT mention_id FROM resolver_clusters WHERE cluster = ANY(%s))",
                (sorted(set(clusters)),)))
            rows = list(found.values())
            mentions = region_order(_mention_row(r) for r in rows)
            statements = [_alias_statement_row(r) for r in self._read(
                f"""SELECT x.*, d.source FROM alias_statements x {_JOIN_SOURCE} WHERE x.article_id = ANY(%s)
                    ORDER BY x.article_id, x.orig_start, x.id""", (sorted({m.article_id for m in mentions}),))]
        return Region(mentions, statements, {r["id"]: r["cluster"] for r in rows if r["cluster"] is not None})

    def alias_meanings(self, aliases: Iterable[str]) -> list[AliasStatementRow]:
        """Return the first stored alias statement of each distinct kind, name and alias written as one of `aliases`."""
        rows = self._read(f"""SELECT x.*, d.source FROM alias_statements x {_JOIN_SOURCE}
                              WHERE x.id IN (SELECT min(id) FROM alias_statements WHERE alias = ANY(%s)
                                             GROUP BY kind, name, alias)""", (sorted(set(aliases)),))
        return sorted((_alias_statement_row(r) for r in rows), key=lambda st: st.id)

    def first_described(self, cluster: int, descriptions: Iterable[str]) -> dict[str, int]:
        """Return the first article giving each of `descriptions` to a mention of the kept `cluster` (see `Store`)."""
        return {r["description"]: r["first"] for r in self._read(
            """SELECT m.description, min(m.article_id) AS first FROM resolver_clusters rc
               JOIN mentions m ON m.id = rc.mention_id
               WHERE rc.cluster = %s AND m.description IS NOT NULL AND m.description = ANY(%s)
               GROUP BY m.description""", (cluster, sorted(set(descriptions))))}

    def cluster_names(self, clusters: Iterable[int]) -> dict[int, set[str]]:
        """Return the distinct mention texts of each of `clusters` in the kept resolver state."""
        out: dict[int, set[str]] = {}
        for r in self._read("""SELECT DISTINCT rc.cluster, m.text FROM resolver_clusters rc
                               JOIN mentions m ON m.id = rc.mention_id WHERE rc.cluster = ANY(%s)""",
                            (sorted(set(clusters)),)):
            out.setdefault(r["cluster"], set()).add(r["text"])
        return out

    def matcher_verdicts(self, names: Iterable[str]) -> tuple[set[str], list[tuple[str, str, float, list[str]]]]:
        """Return which of `names` the kept name matcher judged, and the matched pairs among those."""
        wanted = sorted(set(names))
        known = {r["name"] for r in self._read("SELECT name FROM resolver_names WHERE name = ANY(%s)", (wanted,))}
        matches = [(r["a"], r["b"], r["score"], json.loads(r["features"])) for r in self._read(
            "SELECT a, b, score, features FROM resolver_matches WHERE a = ANY(%s)", (wanted,))]
        return known, [m for m in matches if m[1] in known]

    def resolution_input(self) -> ResolutionInput:
        """Return the mentions, alias statements and decisions, and the pending state, read in one transaction."""
        with self._snapshot():
            state = self._read("SELECT due, done FROM pending WHERE task = 'resolve'")[0]
            return ResolutionInput(self.mentions(), self.alias_statements(), self.decisions(),
                                   int(state["due"]), int(state["done"]))

    def read_resolution(
        self, consume: Callable[[Iterator[ResolutionMention]], Consumed],
    ) -> tuple[Consumed, ResolutionInput]:
        """Return what `consume` makes of the mentions, streamed in article and text order through a server-side
        cursor, and the alias statements, decisions and pending state, all read in one transaction (see `Store`)."""
        with self._snapshot():
            state = self._read("SELECT due, done FROM pending WHERE task = 'resolve'")[0]
            with self._lock, self._conn.cursor("resolution_mentions", row_factory=psycopg.rows.tuple_row) as cur:
                cur.itersize = 20000
                cur.execute(RESOLUTION_MENTIONS)
                consumed = consume(map(ResolutionMention._make, cur))
                cur.execute(RESOLUTION_STATEMENTS)
                statements = resolution_statements(cur)
            return consumed, ResolutionInput([], statements, self.decisions(),  # type: ignore[arg-type]
                                             int(state["due"]), int(state["done"]))

    def resolution_due(self) -> bool:
        """Return True when a write changed what resolution reads since the last resolution was stored."""
        return bool(self._read("SELECT due > done AS due FROM pending WHERE task = 'resolve'")[0]["due"])

    def aliases_without_name_key(self) -> list[str]:
        """Return the distinct aliases stored without a name key (rows of an older database), sorted."""
        rows = self._read("SELECT DISTINCT alias FROM entity_aliases WHERE name_key IS NULL")
        return sorted(r["alias"] for r in rows)

    def set_alias_name_keys(self, keys: dict[str, str]) -> None:
        """Store the name key of each alias in `keys` where it is missing; the store version stays."""
        if not keys:
            return
        with self._write(bump=False) as conn:
            conn.cursor().executemany(
                "UPDATE entity_aliases SET name_key = %s WHERE folded = %s AND alias = %s AND name_key IS NULL",
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
        where, params = ("WHERE entity_id = %s", (entity_id,)) if entity_id is not None else ("", ())
        rows = self._read(
            f"""SELECT entity_id, alias, count, reason, evidence, name_key, reason_pass, reason_evidence
                FROM entity_aliases {where} ORDER BY entity_id, count DESC, alias COLLATE "C" """,
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
        with self._lock:
            cur = self._conn.cursor(row_factory=psycopg.rows.tuple_row)
            return [(r[0], r[1]) for r in cur.execute("SELECT mention_id, entity_id FROM mention_entity ORDER BY 1")]

    def entity(self, entity_id: int) -> EntityRow | None:
        """Return the entity with this id, or None."""
        rows = self._read("SELECT id, name, type, description FROM entities WHERE id = %s", (entity_id,))
        return EntityRow(rows[0]["id"], rows[0]["name"], rows[0]["type"], rows[0]["description"]) if rows else None

    def entities_named(self, name: str) -> list[EntityRow]:
        """Return the entities whose canonical name equals `name` ignoring case (`str.lower`), by id."""
        return [
            EntityRow(r["id"], r["name"], r["type"], r["description"])
            for r in self._read(
                "SELECT id, name, type, description FROM entities WHERE folded = %s ORDER BY id", (name.lower(),)
            )
        ]

    def entity_by_alias(self, alias: str) -> list[tuple[int, int]]:
        """Return (entity id, count) of every alias equal to `alias` ignoring case (`str.lower`), by entity id."""
        rows = self._read(
            'SELECT entity_id, count FROM entity_aliases WHERE folded = %s ORDER BY entity_id, alias COLLATE "C"',
            (alias.lower(),),
        )
        return [(r["entity_id"], r["count"]) for r in rows]

    def entity_by_name_key(self, key: str) -> list[tuple[int, int]]:
        """Return (entity id, count) of every alias whose name key is `key` (none for ''), by entity id."""
        if not key:
            return []
        rows = self._read(
            'SELECT entity_id, count FROM entity_aliases WHERE name_key = %s ORDER BY entity_id, alias COLLATE "C"',
            (key,),
        )
        return [(r["entity_id"], r["count"]) for r in rows]

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
            where.append("type = %s")
            params.append(type_)
        if ids is not None:
            wanted = sorted(set(ids))
            if not wanted:
                return []
            where.append("id = ANY(%s)")
            params.append(wanted)
        return self._summaries(where, params, limit)

    def entity_neighbours(self, entity_id: int, limit: int | None = None) -> list[EntitySummary]:
        """Return the entities sharing a kept edge with an entity, most mentioned first (at most `limit`)."""
        return self._summaries(["""id IN (SELECT object FROM entity_edges WHERE subject = %s
                                         UNION SELECT subject FROM entity_edges WHERE object = %s)""", "id != %s"],
                               [entity_id, entity_id, entity_id], limit)

    def entity_neighbour_count(self, entity_id: int) -> int:
        """Return how many entities share a kept edge with an entity."""
        row = self._read("""SELECT count(*) AS n FROM (SELECT object AS other FROM entity_edges WHERE subject = %s
                                                     UNION SELECT subject FROM entity_edges WHERE object = %s) o
                            WHERE other != %s""", (entity_id, entity_id, entity_id))
        return int(row[0]["n"])

    def _summaries(self, where: list[str], params: list[Any], limit: int | None) -> list[EntitySummary]:
        """Return the summaries of the entities matching `where` (ANDed), ordered as `entity_summaries`."""
        sql = f"""SELECT id, name, type, mentions, documents FROM entities
                  {'WHERE ' + ' AND '.join(where) if where else ''}
                  ORDER BY mentions DESC, documents DESC, name COLLATE "C", id LIMIT %s"""
        with self._lock:
            rows = self._conn.execute(sql, (*params, limit if limit and limit > 0 else None)).fetchall()
            out = [EntitySummary(r["id"], r["name"], r["type"], r["mentions"], r["documents"]) for r in rows]
            by_id = {row.id: row for row in out}
            if out:
                for r in self._conn.execute(
                    """SELECT entity_id, alias FROM entity_aliases WHERE entity_id = ANY(%s)
                       ORDER BY entity_id, count DESC, alias COLLATE "C" """,
                    ([row.id for row in out],),
                ):
                    by_id[r["entity_id"]].aliases.append(r["alias"])
        return out

    def entity_mentions(self, entity_id: int, limit: int | None = None) -> list[MentionRow]:
        """Return the mentions linked to an entity, by source and original start, with their sentence text.

        `sentence` is None when the mention has no sentence span. At most `limit` rows when given.
        """
        # with the kept list of its documents (schema 7) and a limit, the first `limit` documents by source
        # hold the first `limit` mentions: a much-named entity's other mentions are not read
        kept = limit is not None and limit >= 0 and self.graph_version() == self.version()
        scope = ("""JOIN (SELECT document_id FROM entity_documents WHERE entity_id = %s ORDER BY source LIMIT %s) k
                    ON k.document_id = a.document_id""" if kept else "")
        params = (entity_id, limit) if kept else ()
        rows = self._read(
            f"""WITH picked AS (
                   SELECT m.*, d.source, d.id AS doc_id
                   FROM mention_entity me
                   JOIN mentions m ON m.id = me.mention_id
                   JOIN articles a ON a.id = m.article_id {scope}
                   JOIN documents d ON d.id = a.document_id
                   WHERE me.entity_id = %s
                   ORDER BY d.source COLLATE "C", m.orig_start, m.article_id, m.start, m."end", m.id
                   LIMIT %s)
               SELECT p.*,
                      CASE WHEN p.sentence_start IS NULL OR p.sentence_end IS NULL THEN NULL
                           WHEN p.sentence_end <= p.sentence_start THEN ''
                           ELSE substr(d.text, p.sentence_start + 1, p.sentence_end - p.sentence_start)
                      END AS sentence
               FROM picked p JOIN documents d ON d.id = p.doc_id
               ORDER BY p.source COLLATE "C", p.orig_start, p.article_id, p.start, p."end", p.id""",
            (*params, entity_id, limit if limit is not None and limit >= 0 else None),
        )
        mentions = [_mention_row(r, sentence=r["sentence"]) for r in rows]
        wanted = sorted({m.article_id for m in mentions if m.sentence})
        articles = {
            r["id"]: (r["text"], OffsetMap.from_json(json.loads(r["offsets"])))
            for r in self._read("SELECT id, text, offsets FROM articles WHERE id = ANY(%s)", (wanted,))
        } if wanted else {}
        return _clean_sentences(mentions, articles)

    def entity_articles(self, entity_id: int) -> list[tuple[str, int]]:
        """Return the distinct (document source, article id) pairs an entity is mentioned in, ordered."""
        rows = self._read(
            """SELECT DISTINCT d.source COLLATE "C" AS source, a.id
               FROM mention_entity me
               JOIN mentions m ON m.id = me.mention_id
               JOIN articles a ON a.id = m.article_id
               JOIN documents d ON d.id = a.document_id
               WHERE me.entity_id = %s
               ORDER BY 1, 2""",
            (entity_id,),
        )
        return [(r["source"], r["id"]) for r in rows]

    def entity_documents(self, entity_id: int, limit: int | None = None,
                         offset: int = 0) -> tuple[int, list[tuple[str, list[int]]]]:
        """Return how many documents mention an entity, and a page of them: (source, article ids), by source."""
        with self._snapshot():
            if self.graph_current():
                return self._kept_entity_documents(entity_id, limit, offset)
        # one statement (one state of the store, one round trip): the kept list of the entity's documents
        # (schema 7) when the kept graph is current, else its documents found through its mentions
        rows = self._read(
            """WITH kept AS (SELECT (SELECT value FROM meta WHERE key = 'graph_version') =
                                    (SELECT value FROM meta WHERE key = 'store_version') AS yes),
                    docs AS (SELECT e.source COLLATE "C" AS source, e.document_id AS doc_id
                             FROM entity_documents e WHERE (SELECT yes FROM kept) AND e.entity_id = %(e)s
                             UNION ALL
                             SELECT DISTINCT d.source COLLATE "C", d.id
                             FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                             JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
                             WHERE NOT (SELECT yes FROM kept) AND me.entity_id = %(e)s),
                    page AS (SELECT * FROM docs ORDER BY 1 LIMIT %(limit)s OFFSET %(offset)s)
               SELECT t.n AS total, x.source, x.id
               FROM (SELECT count(*) AS n FROM docs) t
               LEFT JOIN (SELECT page.source, a.id FROM page JOIN articles a ON a.document_id = page.doc_id
                          WHERE EXISTS (SELECT 1 FROM mentions m JOIN mention_entity me ON me.mention_id = m.id
                                        WHERE m.article_id = a.id AND me.entity_id = %(e)s)) x ON true
               ORDER BY 2, 3""",
            {"e": entity_id, "limit": limit if limit is not None and limit >= 0 else None, "offset": max(offset, 0)},
        )
        grouped: dict[str, list[int]] = {}
        for r in rows:
            if r["source"] is not None:
                grouped.setdefault(r["source"], []).append(r["id"])
        return int(rows[0]["total"]), list(grouped.items())

    def _kept_entity_documents(self, entity_id: int, limit: int | None,
                               offset: int) -> tuple[int, list[tuple[str, list[int]]]]:
        """Return `entity_documents` from the kept list of the entity's documents (the kept graph is current).

        Counted and paged apart: one statement read and sorted every document of a much-named entity
        (37k at 100k articles, 0.3-0.4 s) and planned parallel workers for its unused branch.
        """
        total = self._read("SELECT count(*) AS n FROM entity_documents WHERE entity_id = %s", (entity_id,))[0]["n"]
        rows = self._read(
            """SELECT page.source, a.id
               FROM (SELECT source COLLATE "C" AS source, document_id FROM entity_documents WHERE entity_id = %(e)s
                     ORDER BY source COLLATE "C" LIMIT %(limit)s OFFSET %(offset)s) page
               JOIN articles a ON a.document_id = page.document_id
               WHERE EXISTS (SELECT 1 FROM mentions m JOIN mention_entity me ON me.mention_id = m.id
                             WHERE m.article_id = a.id AND me.entity_id = %(e)s)
               ORDER BY 1, 2""",
            {"e": entity_id, "limit": limit if limit is not None and limit >= 0 else None, "offset": max(offset, 0)},
        )
        grouped: dict[str, list[int]] = {}
        for r in rows:
            grouped.setdefault(r["source"], []).append(r["id"])
        return int(total), list(grouped.items())

    # --- the entity graph kept by the store (schema 7) --------------------------------
    def entity_mention_texts(self, entity_ids: Sequence[int]) -> list[tuple[int, str, int, int, str, str | None]]:
        """Return (entity id, document source, original start, original end, text, refers_to) of the mentions
        linked to these entities, each entity's by mention id."""
        rows = self._read(
            """SELECT me.entity_id, d.source, m.orig_start, m.orig_end, m.text, m.refers_to FROM mention_entity me
               JOIN mentions m ON m.id = me.mention_id
               JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
               WHERE me.entity_id = ANY(%s) ORDER BY m.id""", (sorted(set(entity_ids)),))
        return [(r["entity_id"], r["source"], r["orig_start"], r["orig_end"], r["text"], r["refers_to"])
                for r in rows]

    def linked_spans(self, article_ids: Sequence[int]) -> list[tuple[str, int, int, int]]:
        """Return (document source, original start, original end, entity id) of the linked mentions of articles."""
        rows = self._read(
            """SELECT d.source, m.orig_start, m.orig_end, me.entity_id FROM mentions m
               JOIN mention_entity me ON me.mention_id = m.id
               JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
               WHERE m.article_id = ANY(%s)""", (list(article_ids),))
        return [(r["source"], r["orig_start"], r["orig_end"], r["entity_id"]) for r in rows]

    def relations_in(self, article_ids: Sequence[int]) -> list[RelationRow]:
        """Return the stored relations of these articles, in the order of `relations()`."""
        rows = self._read(
            f"""SELECT x.*, d.source FROM relations x {_JOIN_SOURCE} WHERE x.article_id = ANY(%s)
                ORDER BY x.article_id, x.evidence_start, x.id""", (sorted(set(article_ids)),))
        return [_relation_row(r) for r in rows]

    def graph_current(self) -> bool:
        """Return whether the kept entity graph is of the current store version, in one read."""
        rows = self._read("""SELECT (SELECT value FROM meta WHERE key = 'graph_version')
                                  = (SELECT value FROM meta WHERE key = 'store_version') AS current""")
        return bool(rows[0]["current"])

    def graph_version(self) -> int:
        """Return the store version the kept entity graph was computed at (-1 when never)."""
        rows = self._read("SELECT value FROM meta WHERE key = 'graph_version'")
        return int(rows[0]["value"]) if rows else -1

    def replace_entity_graph(self, version: int, edges: Iterable[EntityEdgeRow],
                             metrics: Iterable[EntityMetricsRow], rows: Iterable[LiftedRow] | None = None) -> bool:
        """Keep these entity edges and metrics as the graph of store version `version`; return whether stored."""
        with self._write(bump=False) as conn:
            if conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()["value"] != version:
                return False
            conn.execute("DELETE FROM entity_edges")
            conn.execute("DELETE FROM entity_metrics")
            conn.execute("TRUNCATE graph_rows, graph_articles, graph_pending")
            if rows is not None:
                with conn.cursor() as cur, cur.copy(f"COPY graph_rows ({LIFTED_COLUMNS}) FROM STDIN") as copy:
                    for r in rows:
                        copy.write_row(lifted_columns(r))
                conn.execute("INSERT INTO graph_articles (article_id) SELECT id FROM articles")
            conn.execute("UPDATE graph_state SET value = %s WHERE key = 'incremental'", (int(rows is not None),))
            conn.execute("UPDATE graph_state SET value = %s WHERE key = 'metrics_version'", (version,))
            conn.execute("UPDATE graph_state SET value = 0 WHERE key = 'metrics_changed'")
            with conn.cursor() as cur:
                with cur.copy(f"COPY entity_edges ({EDGE_COLUMNS}, more) FROM STDIN") as copy:
                    for e in edges:
                        copy.write_row(edge_columns(e))
                with cur.copy("COPY entity_metrics (entity_id, degree, betweenness, pagerank, community) "
                              "FROM STDIN") as copy:
                    for m in metrics:
                        copy.write_row((m.entity_id, m.degree, m.betweenness, m.pagerank, m.community))
            conn.execute("DELETE FROM entity_documents")
            conn.execute("""INSERT INTO entity_documents (entity_id, source, document_id)
                            SELECT DISTINCT me.entity_id, d.source, d.id
                            FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                            JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id""")
            conn.execute("UPDATE meta SET value = %s WHERE key = 'graph_version'", (version,))
            return True

    def source_rows(self, article_ids: Iterable[int]) -> list[tuple[ArticleRow, str | None, str | None]]:
        """Return these articles (without text), each with its document's outlet and URL, by id."""
        return [(self._article_row(r), r["doc_outlet"], r["doc_url"]) for r in self._read(
            f"""SELECT {_ARTICLE_COLUMNS}, d.outlet AS doc_outlet, d.url AS doc_url
                FROM articles a JOIN documents d ON d.id = a.document_id WHERE a.id = ANY(%s) ORDER BY a.id""",
            (sorted(set(article_ids)),))]

    def graph_work(self) -> GraphWork | None:
        """Return what keeping the graph has to redo since it was last kept (None: keep it whole)."""
        with self._snapshot():
            state = {r["key"]: r["value"] for r in self._read("SELECT key, value FROM graph_state")}
            if not state["incremental"]:
                return None
            version = self._read("SELECT value FROM meta WHERE key = 'store_version'")[0]["value"]
            pending: dict[str, list[str]] = {}
            for r in self._read("SELECT kind, value FROM graph_pending ORDER BY kind, value"):
                pending.setdefault(r["kind"], []).append(r["value"])
            articles = {int(a) for a in pending.get("article", [])}
            articles.update(self._articles_not_in("graph_articles"))
            return GraphWork(int(version), sorted(articles), [int(e) for e in pending.get("entity", [])],
                             [int(e) for e in pending.get("type", [])], pending.get("name", []),
                             int(state["metrics_version"]), int(state["metrics_changed"]), pending_grown(pending))

    def edge_count(self, at_most: int) -> int:
        """Return how many edges are kept, counting no further than `at_most` (see `Store`)."""
        return int(self._read("SELECT count(*) AS n FROM (SELECT 1 FROM entity_edges LIMIT %s) e", (at_most,))[0]["n"])

    def lifted_articles_named(self, names: Iterable[str]) -> set[int]:
        """Return the articles of the lifted rows whose subject or object was looked up by one of `names`."""
        wanted = sorted(set(names))
        return {r["article_id"] for r in self._read(
            """SELECT article_id FROM graph_rows WHERE subject_name = ANY(%s)
               UNION SELECT article_id FROM graph_rows WHERE object_name = ANY(%s)""", (wanted, wanted))}

    def lifted_pairs(self, articles: Iterable[int] = (), entities: Iterable[int] = ()) -> set[tuple[Any, Any]]:
        """Return the (subject, object) pairs of the lifted rows of `articles` and of those at `entities`."""
        wanted, at = sorted(set(articles)), sorted(set(entities))
        rows = self._read("SELECT DISTINCT subject, object FROM graph_rows WHERE article_id = ANY(%s)", (wanted,))
        if at:
            rows += self._read("""SELECT DISTINCT subject, object FROM graph_rows WHERE subject = ANY(%s)
                                  UNION SELECT DISTINCT subject, object FROM graph_rows WHERE object = ANY(%s)""",
                               (at, at))
        return {(r["subject"], r["object"]) for r in rows}

    def pair_relations(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[LiftedRow, RelationRow]]:
        """Return the lifted rows with one of these (subject, object) pairs and their relations, by rank."""
        wanted = sorted(set(pairs))
        if not wanted:
            return []
        rows = self._read(
            f"""SELECT {_PAIR_COLUMNS}, x.*, d.source FROM graph_rows g
                JOIN unnest(%s::bigint[], %s::bigint[]) AS p (s, o) ON g.subject = p.s AND g.object = p.o
                JOIN relations x ON x.id = g.relation_id {_JOIN_SOURCE} ORDER BY g.rank""",
            ([s for s, _ in wanted], [o for _, o in wanted]))
        return [(lifted_row(r), _relation_row(r)) for r in rows]

    def update_entity_graph(self, version: int, change: GraphChange) -> bool:
        """Write an incremental change of the kept graph as the graph of store version `version`."""
        with self._write(bump=False) as conn:
            if conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()["value"] != version:
                return False
            conn.execute("DELETE FROM graph_rows WHERE article_id = ANY(%s)", (change.articles,))
            with conn.cursor() as cur:
                if change.rows:
                    with cur.copy(f"COPY graph_rows ({LIFTED_COLUMNS}) FROM STDIN") as copy:
                        for r in change.rows:
                            copy.write_row(lifted_columns(r))
                conn.execute("""INSERT INTO graph_articles (article_id) SELECT unnest(%s::bigint[])
                                ON CONFLICT DO NOTHING""", (change.articles,))
                conn.execute("""DELETE FROM entity_edges e USING unnest(%s::bigint[], %s::bigint[]) AS p (s, o)
                                WHERE e.subject = p.s AND e.object = p.o""",
                             ([s for s, _ in change.pairs], [o for _, o in change.pairs]))
                if change.edges:
                    with cur.copy(f"COPY entity_edges ({EDGE_COLUMNS}, more) FROM STDIN") as copy:
                        for e in change.edges:
                            copy.write_row(edge_columns(e))
            touched = sorted(set(change.entities) | {x for pair in change.pairs for x in pair})
            conn.execute("""DELETE FROM entity_metrics WHERE entity_id = ANY(%s)
                            AND entity_id NOT IN (SELECT id FROM entities)""", (touched,))
            conn.execute("""INSERT INTO entity_metrics (entity_id, degree, betweenness, pagerank)
                            SELECT id, 0, 0.0, 0.0 FROM entities WHERE id = ANY(%s) ON CONFLICT DO NOTHING""",
                         (touched,))
            conn.execute("""UPDATE entity_metrics m SET degree = (
                                SELECT count(*) FROM (SELECT object FROM entity_edges
                                                      WHERE subject = m.entity_id AND negated = 0
                                                      UNION SELECT subject FROM entity_edges
                                                      WHERE object = m.entity_id AND negated = 0) AS n)
                            WHERE m.entity_id = ANY(%s)""", (touched,))
            changed_entities = sorted(set(change.entities))
            conn.execute("DELETE FROM entity_documents WHERE entity_id = ANY(%s)", (changed_entities,))
            conn.execute("""INSERT INTO entity_documents (entity_id, source, document_id)
                            SELECT DISTINCT me.entity_id, d.source, d.id
                            FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                            JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
                            WHERE me.entity_id = ANY(%s)""", (changed_entities,))
            grown = sorted(set(change.grown) - set(change.entities))
            if grown:  # only mentions added: the documents of the articles lifted again join theirs
                conn.execute("""INSERT INTO entity_documents (entity_id, source, document_id)
                                SELECT DISTINCT me.entity_id, d.source, d.id
                                FROM mention_entity me JOIN mentions m ON m.id = me.mention_id
                                JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id
                                WHERE me.entity_id = ANY(%s) AND m.article_id = ANY(%s)
                                ON CONFLICT DO NOTHING""", (grown, change.articles))
            finish_graph_update(conn, len(change.pairs), bool(change.entities or grown), version, mark="%s")
            return True

    def graph_links(self) -> list[tuple[int, int, bool]]:
        """Return (subject, object, negated) of every kept edge, by id."""
        return [(r["subject"], r["object"], bool(r["negated"]))
                for r in self._read("SELECT subject, object, negated FROM entity_edges ORDER BY id")]

    def replace_entity_metrics(self, version: int, metrics: Iterable[EntityMetricsRow]) -> bool:
        """Keep these metrics as those of the kept graph of store version `version`."""
        with self._write(bump=False) as conn:
            if conn.execute("SELECT value FROM meta WHERE key = 'graph_version'").fetchone()["value"] != version:
                return False
            conn.execute("DELETE FROM entity_metrics")
            with conn.cursor() as cur, cur.copy("COPY entity_metrics (entity_id, degree, betweenness, pagerank, "
                                                "community) FROM STDIN") as copy:
                for m in metrics:
                    copy.write_row((m.entity_id, m.degree, m.betweenness, m.pagerank, m.community))
            conn.execute("UPDATE graph_state SET value = %s WHERE key = 'metrics_version'", (version,))
            conn.execute("UPDATE graph_state SET value = 0 WHERE key = 'metrics_changed'")
            return True

    def graph_metrics_state(self) -> tuple[int, int]:
        """Return (the graph version the kept global metrics were computed at, the graph version kept now)."""
        with self._snapshot():
            metrics = self._read("SELECT value FROM graph_state WHERE key = 'metrics_version'")[0]["value"]
            graph = self._read("SELECT value FROM meta WHERE key = 'graph_version'")
            return int(metrics), int(graph[0]["value"]) if graph else -1

    def kept_edges(self, after: int = -1, limit: int = 1000) -> list[EntityEdgeRow]:
        """Return up to `limit` kept edges (whole) with ids above `after`, by id."""
        return [edge_row(r) for r in self._read(
            f"SELECT {EDGE_COLUMNS}, more FROM entity_edges WHERE id > %s ORDER BY id LIMIT %s", (after, limit))]

    def entity_edges(self, entity_ids: Iterable[int], within: bool = False,
                     whole: bool = True) -> list[EntityEdgeRow]:
        """Return the kept edges at these entities (`within`: with both ends among them), by id."""
        wanted = sorted(set(entity_ids))
        columns = EDGE_COLUMNS + (", more" if whole else "")
        if within:
            sql = f"SELECT {columns} FROM entity_edges WHERE subject = ANY(%s) AND object = ANY(%s) ORDER BY id"
        else:
            sql = f"""SELECT {columns} FROM entity_edges WHERE subject = ANY(%s)
                      UNION SELECT {columns} FROM entity_edges WHERE object = ANY(%s) ORDER BY id"""
        return [edge_row(r) for r in self._read(sql, (wanted, wanted))]

    def entity_edges_to(self, entity_id: int, others: Iterable[int], whole: bool = True) -> list[EntityEdgeRow]:
        """Return the kept edges between an entity and any of `others` (either direction), by id."""
        wanted = sorted(set(others))
        columns = EDGE_COLUMNS + (", more" if whole else "")
        sql = f"""SELECT {columns} FROM entity_edges WHERE subject = %s AND object = ANY(%s)
                  UNION SELECT {columns} FROM entity_edges WHERE object = %s AND subject = ANY(%s) ORDER BY id"""
        return [edge_row(r) for r in self._read(sql, (entity_id, wanted, entity_id, wanted))]

    def entity_edge_page(self, entity_id: int, predicate: str | None = None, limit: int | None = None,
                         offset: int = 0, whole: bool = True) -> tuple[int, list[EntityEdgeRow]]:
        """Return how many kept edges an entity has (of one predicate) and a page of them, by predicate, date,
        most evidence, id (text in code-point order, as SQLite and Python sort it)."""
        columns = EDGE_COLUMNS + (", more" if whole else "")
        at = "(subject = %s OR object = %s)" + (" AND predicate = %s" if predicate is not None else "")
        params = [entity_id, entity_id, *([predicate] if predicate is not None else [])]
        with self._snapshot():
            total = self._read(f"SELECT count(*) AS n FROM entity_edges WHERE {at}", params)[0]["n"]
            rows = self._read(
                f"""SELECT {columns} FROM entity_edges WHERE {at}
                    ORDER BY predicate COLLATE "C", coalesce(date, '') COLLATE "C", evidence_count DESC, id
                    LIMIT %s OFFSET %s""", [*params, limit, max(offset, 0)])
        return int(total), [edge_row(r) for r in rows]

    def entity_edge_ends(self, entity_ids: Iterable[int], within: bool = False) -> list[tuple[int, int, int, bool]]:
        """Return (id, subject, object, negated) of the kept edges at (`within`: among) these entities, by id."""
        wanted = sorted(set(entity_ids))
        if within:
            sql = "SELECT id, subject, object, negated FROM entity_edges WHERE subject = ANY(%s) AND object = ANY(%s)"
        else:
            sql = """SELECT id, subject, object, negated FROM entity_edges WHERE subject = ANY(%s)
                     UNION SELECT id, subject, object, negated FROM entity_edges WHERE object = ANY(%s)"""
        rows = self._read(sql + " ORDER BY id", (wanted, wanted))
        return [(r["id"], r["subject"], r["object"], bool(r["negated"])) for r in rows]

    def entity_metrics(self, entity_ids: Iterable[int] | None = None) -> dict[int, EntityMetricsRow]:
        """Return the kept metrics of these entities (of every entity when None), by entity id."""
        select = "SELECT entity_id, degree, betweenness, pagerank, community FROM entity_metrics"
        rows = (self._read(select) if entity_ids is None
                else self._read(f"{select} WHERE entity_id = ANY(%s)", (sorted(set(entity_ids)),)))
        return {r["entity_id"]: EntityMetricsRow(r["entity_id"], r["degree"], r["betweenness"], r["pagerank"],
                                                 r["community"]) for r in rows}

    def add_decision(self, kind: str, args: dict[str, Any]) -> int:
        """Record an analyst's decision (merge | split | rename | reject); return its id."""
        if kind not in DECISION_KINDS:
            raise ValueError(f"unknown decision kind {kind!r}; expected one of {', '.join(DECISION_KINDS)}")
        with self._write() as conn:
            row = conn.execute(
                "INSERT INTO decisions (kind, args, created_at) VALUES (%s, %s, %s) RETURNING id",
                (kind, json.dumps(args, ensure_ascii=False, sort_keys=True), _now()),
            ).fetchone()
            self._mark_resolution_due(conn)
            return int(row["id"])

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
            conn.execute("DELETE FROM screening_matches WHERE list_source = %s", (list_source,))
            with conn.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO screening_matches ({SCREENING_COLUMNS}) VALUES ({', '.join(['%s'] * 15)})",
                    [screening_values(list_source, m) for m in matches],
                )

    def screening_matches(self, entity_id: int | None = None) -> list[ScreeningMatchRow]:
        """Return the matches of one entity (or all), by entity then best score; each set to its current entity."""
        if entity_id is not None:
            rows = self._read(SCREENING_OF_ENTITY, (entity_id, entity_id, entity_id))
        else:
            rows = self._read(SCREENING_OF_ALL)
        return [screening_row(r) for r in rows]

    def screening_match(self, match_id: int) -> ScreeningMatchRow | None:
        """Return the stored match with this id, or None."""
        rows = self._read("SELECT *, entity_id AS current FROM screening_matches WHERE id = %s", (match_id,))
        return screening_row(rows[0]) if rows else None

    def add_screening_decision(self, verdict: str, list_source: str, entry_id: str, entity_name: str,
                               note: str | None = None) -> int:
        """Record an analyst's verdict (confirm | reject) on a list entry for an entity name; return its id."""
        check_verdict(verdict)
        with self._write() as conn:
            row = conn.execute(
                """INSERT INTO screening_decisions (verdict, list_source, entry_id, entity_name, entity_folded, note,
                                                    created_at) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id""",
                (verdict, list_source, entry_id, entity_name, entity_name.lower(), note, _now()),
            ).fetchone()
            return int(row["id"])

    def screening_decisions(self) -> list[ScreeningDecisionRow]:
        """Return all screening verdicts in the order they were made."""
        return [
            ScreeningDecisionRow(r["id"], r["verdict"], r["list_source"], r["entry_id"], r["entity_name"], r["note"],
                                 r["created_at"])
            for r in self._read("SELECT * FROM screening_decisions ORDER BY id")
        ]


class _Batch:
    """What the documents of one `add_documents` leave to its end: extracted rows per (table, columns), version
    bumps and whether resolution became due."""

    def __init__(self) -> None:
        self.rows: defaultdict[tuple[str, str], list[tuple[Any, ...]]] = defaultdict(list)
        self.bumps = 0
        self.due = False
