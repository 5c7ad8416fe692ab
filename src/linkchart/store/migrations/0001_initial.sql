-- linkchart schema 1. AUTOINCREMENT ids are never reused, so a decision naming a mention
-- or article id cannot come to mean a different row after re-ingest.
-- Offsets named orig_* point into documents.text (the decoded
-- original); start/end without prefix in `mentions` point into articles.text (clean).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
-- store_version: bumped by every write, so graph caches know when to rebuild.
INSERT INTO meta (key, value) VALUES ('store_version', 0);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source      TEXT NOT NULL UNIQUE CHECK (source <> ''),
    sha256      TEXT NOT NULL CHECK (sha256 <> ''),
    kind        TEXT NOT NULL,
    title       TEXT,
    date        TEXT,
    url         TEXT,
    outlet      TEXT,
    encoding    TEXT,
    warnings    TEXT NOT NULL DEFAULT '[]',     -- JSON list of strings
    page_starts TEXT NOT NULL DEFAULT '[]',     -- JSON list of offsets in text
    text        TEXT NOT NULL,
    added_at    TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents (sha256);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
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
    offsets      TEXT NOT NULL,                 -- OffsetMap.to_json()
    paragraphs   TEXT NOT NULL DEFAULT '[]',    -- JSON [[start, end, language], ...] (clean)
    fingerprint  BLOB,
    duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    similarity   REAL CHECK (similarity IS NULL OR (similarity >= 0 AND similarity <= 1)),
    UNIQUE (document_id, idx),
    CHECK (orig_end >= orig_start)
);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);
CREATE INDEX articles_language ON articles (language);

-- LSH bands of article fingerprints: articles sharing (band, key) are candidate duplicates.
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX article_bands_key ON article_bands (band, key);
CREATE INDEX article_bands_article ON article_bands (article_id);

-- Full-text index over article titles and clean text (external content, kept in sync
-- by the triggers below, which also fire on ON DELETE CASCADE from documents).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE mentions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,           -- clean text
    "end"          INTEGER NOT NULL,
    orig_start     INTEGER NOT NULL,           -- original text
    orig_end       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    label          TEXT NOT NULL,
    sentence_start INTEGER,                    -- original text
    sentence_end   INTEGER,
    role           TEXT,
    description    TEXT,
    CHECK ("end" >= start AND orig_end >= orig_start)
);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE alias_statements (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    alias       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    orig_start  INTEGER NOT NULL,              -- the sentence, original text
    orig_end    INTEGER NOT NULL,
    name_start  INTEGER,
    name_end    INTEGER,
    alias_start INTEGER,
    alias_end   INTEGER,
    sentence    TEXT NOT NULL
);
CREATE INDEX alias_statements_article ON alias_statements (article_id);

CREATE TABLE relations (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
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
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    summary        TEXT NOT NULL,
    date           TEXT,
    participants   TEXT NOT NULL DEFAULT '[]', -- JSON [[orig_start, orig_end], ...]
    negated        INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
    attributed_to  TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (date);

CREATE TABLE claims (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    subject_text   TEXT NOT NULL,
    subject_start  INTEGER NOT NULL,
    subject_end    INTEGER NOT NULL,
    quantity       TEXT NOT NULL,
    value          REAL NOT NULL,
    unit           TEXT NOT NULL,
    approx         TEXT,
    attributed_to  TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  TEXT NOT NULL
);
CREATE INDEX claims_article ON claims (article_id);

-- Resolution output: replaced wholesale by the resolver.
CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,
    description TEXT
);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    count     INTEGER NOT NULL DEFAULT 1,
    reason    TEXT,
    evidence  TEXT,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE mention_entity (
    mention_id INTEGER PRIMARY KEY REFERENCES mentions (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE
);
CREATE INDEX mention_entity_entity ON mention_entity (entity_id);

-- Analysts' curation; never touched by re-ingest or resolution.
CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'rename', 'reject')),
    args       TEXT NOT NULL DEFAULT '{}',     -- JSON object
    created_at TEXT NOT NULL
);
