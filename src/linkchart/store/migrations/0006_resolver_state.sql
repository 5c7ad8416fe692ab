-- linkchart schema 6: what the resolver keeps between runs, so that a resolution after articles were
-- added re-resolves only the clusters their names touch (linkchart.resolve.incremental).
--
-- All of it is derived from the last stored resolution; `resolver_state.valid` = 0 means it does not
-- describe the stored entities (a document was deleted or replaced, or entities were written without
-- it) and the next resolution is a full one.
--
-- resolver_articles: the articles the stored resolution read (an article not here is new)
-- resolver_clusters: each resolved mention's cluster; a cluster is the entity of the same id, or a
--                    cluster without an entity (rejected by an analyst)
-- resolver_keys:     the keys through which a new name can affect a cluster (linkchart.resolve.region)
-- resolver_names:    the names the name matcher judged; resolver_matches: the pairs of them that matched
-- resolver_state:    'valid' (0/1) and 'next_cluster' (the next free cluster id)

CREATE TABLE resolver_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);

CREATE TABLE resolver_clusters (
    mention_id INTEGER PRIMARY KEY REFERENCES mentions (id) ON DELETE CASCADE,
    cluster    INTEGER NOT NULL
);
CREATE INDEX resolver_clusters_cluster ON resolver_clusters (cluster);

CREATE TABLE resolver_keys (
    key     TEXT NOT NULL,
    cluster INTEGER NOT NULL,
    PRIMARY KEY (key, cluster)
);
CREATE INDEX resolver_keys_cluster ON resolver_keys (cluster);

CREATE TABLE resolver_names (
    name TEXT PRIMARY KEY
);

CREATE TABLE resolver_matches (
    a        TEXT NOT NULL,
    b        TEXT NOT NULL,
    score    REAL NOT NULL,
    features TEXT NOT NULL,  -- JSON list of the matcher's reasons
    PRIMARY KEY (a, b)
);

CREATE TABLE resolver_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO resolver_state (key, value) VALUES ('valid', 0), ('next_cluster', 1);
