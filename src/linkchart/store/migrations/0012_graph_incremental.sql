-- linkchart schema 10: what keeping the entity graph needs to redo only what a resolution changed
-- (linkchart.graph.regraph), instead of lifting every relation and measuring the whole graph again.
--
-- graph_rows:     each lifted relation row: the entities its subject and object spans name (NULL: none), the
--                 lower-cased text looked up by name where no mention overlapped the span (NULL: a mention
--                 did), and its rank (article id * 2^20 + its place in the article's relations): the id of
--                 an edge is the rank of its first row, so edges keep the order of first statement.
-- graph_articles: the articles whose relations are in graph_rows (an article not here is lifted next time).
-- graph_pending:  what resolutions changed since the graph was kept, written with the entities:
--                 'article' (its mentions changed entity), 'entity' (its mentions changed: documents, degree),
--                 'type' (its type changed: its edges are grouped again), 'name' (a lower-cased alias whose
--                 entities changed: rows looked up by that name are lifted again).
-- graph_state:    'incremental' (1: the kept graph plus graph_pending describe the store; 0: keep it whole),
--                 'metrics_version' (the graph version betweenness, PageRank and communities were computed
--                 at) and 'metrics_changed' (entity pairs whose edges were written again since then).

CREATE TABLE graph_rows (
    relation_id  INTEGER PRIMARY KEY REFERENCES relations (id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL,
    rank         INTEGER NOT NULL,
    subject      INTEGER,
    object       INTEGER,
    subject_name TEXT,
    object_name  TEXT
);
CREATE INDEX graph_rows_pair ON graph_rows (subject, object);
CREATE INDEX graph_rows_object ON graph_rows (object);
CREATE INDEX graph_rows_article ON graph_rows (article_id);
CREATE INDEX graph_rows_subject_name ON graph_rows (subject_name) WHERE subject_name IS NOT NULL;
CREATE INDEX graph_rows_object_name ON graph_rows (object_name) WHERE object_name IS NOT NULL;

CREATE TABLE graph_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

CREATE TABLE graph_pending (
    kind  TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, value)
);

CREATE TABLE graph_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
-- the metrics kept now were computed with the graph they are kept with
INSERT INTO graph_state (key, value) VALUES ('incremental', 0), ('metrics_changed', 0),
    ('metrics_version', COALESCE((SELECT value FROM meta WHERE key = 'graph_version'), -1));
