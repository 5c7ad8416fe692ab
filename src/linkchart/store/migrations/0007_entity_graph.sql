-- linkchart schema 7: the entity graph kept by the store (derived data), so that a request reads
-- the edges at a few entities instead of building the whole graph from every mention and relation.
--
-- entity_edges: the relations lifted to resolved entities (linkchart.resolve.facts.entity_relations),
--   one row per (subject, predicate, object, polarity, attribution, hedging); `id` is its rank in
--   that list (its order of first statement). head: JSON {"rules": [...], "evidence": [the first
--   EDGE_HEAD evidences as [doc, start, end, text, article_id]]}; more: JSON {"evidence": [the rest],
--   "dates": [[date, source], ...]}, read only when asked (an edge of a big store has thousands).
-- entity_metrics: degree, betweenness, PageRank and community of every entity over all asserted
--   relations (linkchart.graph.metrics, no filter).
-- entity_documents: the documents naming each entity (through its linked mentions), so that a
--   profile pages through them by source without reading every mention of a much-named entity.
-- meta 'graph_version': the store version both were computed at (-1: never); they are current
--   while it equals 'store_version' (writing them leaves the store version as it is).

CREATE TABLE entity_edges (
    id                  INTEGER PRIMARY KEY,
    subject             INTEGER NOT NULL,
    predicate           TEXT NOT NULL,
    object              INTEGER NOT NULL,
    negated             INTEGER NOT NULL,
    attributed_to       TEXT,
    hedged              INTEGER NOT NULL,
    date                TEXT,
    independent_sources INTEGER NOT NULL,
    evidence_count      INTEGER NOT NULL,
    head                TEXT NOT NULL,
    more                TEXT NOT NULL
);
CREATE INDEX entity_edges_subject ON entity_edges (subject, id);
CREATE INDEX entity_edges_object ON entity_edges (object, id);

CREATE TABLE entity_metrics (
    entity_id   INTEGER PRIMARY KEY,
    degree      INTEGER NOT NULL,
    betweenness REAL NOT NULL,
    pagerank    REAL NOT NULL,
    community   INTEGER
);

CREATE TABLE entity_documents (
    entity_id   INTEGER NOT NULL,
    source      TEXT NOT NULL,
    document_id INTEGER NOT NULL,
    PRIMARY KEY (entity_id, source)
);

DELETE FROM meta WHERE key = 'graph_version';  -- a database rebuilt from an older schema may still hold it
INSERT INTO meta (key, value) VALUES ('graph_version', -1);
