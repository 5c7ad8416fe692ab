-- linkchart PostgreSQL schema 1: the tables of SQLite schema 3 (linkchart/store/migrations),
-- with PostgreSQL types. Ids are identity columns and never reused, so a decision naming an
-- article id cannot come to mean a different row after re-ingest. Offsets named orig_*
-- point into documents.text (the decoded original); start/end without prefix in
-- `mentions` point into articles.text (clean). JSON columns hold text, as in SQLite, so
-- both back ends hand the same strings to the same row builders.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
-- store_version: bumped by every write, so graph caches know when to rebuild. Writers
-- lock this row first (SELECT ... FOR UPDATE), so writes are serialised as in SQLite.
INSERT INTO meta (key, value) VALUES ('store_version', 0);

CREATE TABLE documents (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      TEXT NOT NULL UNIQUE CHECK (source <> ''),
    sha256      TEXT NOT NULL CHECK (sha256 <> ''),
    kind        TEXT NOT NULL,
    title       TEXT,
    date        TEXT,
    url         TEXT,
    outlet      TEXT,
    encoding    TEXT,
    warnings    TEXT NOT NULL DEFAULT '[]',
    page_starts TEXT NOT NULL DEFAULT '[]',
    text        TEXT NOT NULL,
    added_at    TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents (sha256);

CREATE TABLE articles (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id  BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL CHECK (idx >= 0),
    title        TEXT,
    byline       TEXT,
    date         TEXT,
    language     TEXT NOT NULL CHECK (language <> ''),
    url          TEXT,
    outlet       TEXT,
    orig_start   INTEGER NOT NULL CHECK (orig_start >= 0),
    orig_end     INTEGER NOT NULL,
    words        INTEGER NOT NULL CHECK (words >= 0),
    text         TEXT NOT NULL,
    offsets      TEXT NOT NULL,
    paragraphs   TEXT NOT NULL DEFAULT '[]',
    fingerprint  BYTEA,
    duplicate_of BIGINT REFERENCES articles (id) ON DELETE SET NULL,
    similarity   DOUBLE PRECISION CHECK (similarity IS NULL OR (similarity >= 0 AND similarity <= 1)),
    -- full-text index: title (weight A) and text (weight D), folded and tokenised by the
    -- store (linkchart.store.postgres.search_document) the way SQLite's unicode61 tokenizer does
    search       TSVECTOR NOT NULL,
    UNIQUE (document_id, idx),
    CHECK (orig_end >= orig_start)
);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
CREATE INDEX articles_language ON articles (language);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    key        BIGINT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_bands_key ON article_bands (band, key);
CREATE INDEX article_bands_article ON article_bands (article_id);

CREATE TABLE mentions (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    orig_start     INTEGER NOT NULL,
    orig_end       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    label          TEXT NOT NULL,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    role           TEXT,
    description    TEXT,
    CHECK ("end" >= start AND orig_end >= orig_start)
);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE alias_statements (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    alias       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    orig_start  INTEGER NOT NULL,
    orig_end    INTEGER NOT NULL,
    name_start  INTEGER,
    name_end    INTEGER,
    alias_start INTEGER,
    alias_end   INTEGER,
    sentence    TEXT NOT NULL
);
CREATE INDEX alias_statements_article ON alias_statements (article_id);

CREATE TABLE relations (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    subject_text   TEXT NOT NULL,
    subject_start  INTEGER NOT NULL,
    subject_end    INTEGER NOT NULL,
    predicate      TEXT NOT NULL,
    object_text    TEXT NOT NULL,
    object_start   INTEGER NOT NULL,
    object_end     INTEGER NOT NULL,
    rule           TEXT NOT NULL,
    negated        INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    attributed_to  TEXT,
    hedged         INTEGER NOT NULL DEFAULT 0 CHECK (hedged IN (0, 1)),
    date           TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL
);
CREATE INDEX relations_article ON relations (article_id);
CREATE INDEX relations_predicate ON relations (predicate);

CREATE TABLE events (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    summary        TEXT NOT NULL,
    date           TEXT,
    participants   TEXT NOT NULL DEFAULT '[]',
    negated        INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    attributed_to  TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (date);

CREATE TABLE claims (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id     BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    subject_text   TEXT NOT NULL,
    subject_start  INTEGER NOT NULL,
    subject_end    INTEGER NOT NULL,
    quantity       TEXT NOT NULL,
    value          DOUBLE PRECISION NOT NULL,
    unit           TEXT NOT NULL,
    approx         TEXT,
    attributed_to  TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL
);
CREATE INDEX claims_article ON claims (article_id);

-- Resolution output: replaced wholesale by the resolver. folded is Python's str.lower()
-- of the name (PostgreSQL's lower() depends on the collation); name_key the resolver's key.
CREATE TABLE entities (
    id          BIGINT PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    description TEXT,
    folded      TEXT,
    mentions    INTEGER NOT NULL DEFAULT 0,
    documents   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_folded ON entities (folded);
CREATE INDEX entities_rank ON entities (mentions DESC, documents DESC, name, id);

CREATE TABLE entity_aliases (
    entity_id       BIGINT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias           TEXT NOT NULL,
    count           INTEGER NOT NULL DEFAULT 1,
    reason          TEXT,
    evidence        TEXT,
    folded          TEXT,
    name_key        TEXT,
    reason_pass     TEXT,
    reason_evidence TEXT,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_folded ON entity_aliases (folded);
CREATE INDEX entity_aliases_name_key ON entity_aliases (name_key);

CREATE TABLE mention_entity (
    mention_id BIGINT PRIMARY KEY REFERENCES mentions (id) ON DELETE CASCADE,
    entity_id  BIGINT NOT NULL REFERENCES entities (id) ON DELETE CASCADE
);
CREATE INDEX mention_entity_entity ON mention_entity (entity_id);

-- Analysts' curation; never touched by re-ingest or resolution.
CREATE TABLE decisions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'reject')),
    args       TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
