-- linkchart PostgreSQL schema 14 (as SQLite schema 14): the names of each kept cluster, summed over their mentions, so
-- that a new article whose names are all known joins the clusters holding them without its resolution reading those
-- clusters' mentions (linkchart.resolve.attach).
--
-- resolver_surfaces: one row per cluster and cleaned name: its transliteration key, type, whether it was
--                    joined by spelling only within an article (scoped), where it was first mentioned, how
--                    often, and the JSON counters of its mentions' labels, roles, titled forms, descriptions.
-- A kept state from before this schema has no such rows: it is marked invalid, so the next resolution is full.

CREATE TABLE resolver_surfaces (
    cluster       BIGINT NOT NULL,
    surface       TEXT NOT NULL,
    name_key      TEXT NOT NULL,
    type          TEXT NOT NULL,
    scoped        BIGINT NOT NULL,
    first_article BIGINT NOT NULL,
    first_start   BIGINT NOT NULL,
    mentions      BIGINT NOT NULL,
    labels        TEXT NOT NULL,
    roles         TEXT NOT NULL,
    titled        TEXT NOT NULL,
    descriptions  TEXT NOT NULL,
    PRIMARY KEY (cluster, surface)
);
CREATE INDEX resolver_surfaces_key ON resolver_surfaces (name_key);

UPDATE resolver_state SET value = 0 WHERE key = 'valid';
