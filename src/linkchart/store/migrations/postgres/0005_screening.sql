-- linkchart PostgreSQL schema 5 (as SQLite schema 5): screening against sanctions and watch lists (linkchart.screen).
--
-- screening_matches: what the last screening against one list found (derived data: screening
--   that list again replaces its rows). A match belongs to the entity that goes by
--   `entity_name` (canonical name or alias, compared folded), so it follows the entity
--   through re-ingest and re-resolution, whose ids change.
--   list_source:  the list ('OFAC SDN', or the FtM dataset, e.g. 'us_ofac_sdn')
--   entry_id:     the list's id of the entry (SDN ent_num, FtM entity id)
--   matched_name: the list name or alias that matched; name: the store name that matched it
--   programs, reasons: JSON arrays of strings
-- screening_decisions: the analysts' verdicts on matches (confirm | reject), keyed by list,
--   entry and entity name, never touched by re-ingest, resolution or re-screening.

CREATE TABLE screening_matches (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    list_source   TEXT NOT NULL CHECK (list_source <> ''),
    entry_id      TEXT NOT NULL CHECK (entry_id <> ''),
    entry_name    TEXT NOT NULL,
    entry_schema  TEXT NOT NULL,
    programs      TEXT NOT NULL DEFAULT '[]',
    authority     TEXT,
    source_url    TEXT,
    matched_name  TEXT NOT NULL,
    name          TEXT NOT NULL,
    entity_name   TEXT NOT NULL,
    entity_folded TEXT NOT NULL,
    entity_id     BIGINT,
    score         DOUBLE PRECISION NOT NULL,
    reasons       TEXT NOT NULL DEFAULT '[]',
    screened_at   TEXT NOT NULL
);
CREATE INDEX screening_matches_entity ON screening_matches (entity_folded);
CREATE INDEX screening_matches_list ON screening_matches (list_source, entry_id);

CREATE TABLE screening_decisions (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    verdict       TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject')),
    list_source   TEXT NOT NULL,
    entry_id      TEXT NOT NULL,
    entity_name   TEXT NOT NULL,
    entity_folded TEXT NOT NULL,
    note          TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX screening_decisions_key ON screening_decisions (list_source, entry_id, entity_folded);
