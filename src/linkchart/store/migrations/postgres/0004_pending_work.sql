-- linkchart PostgreSQL schema 4: work that must follow a write, recorded in the write's own
-- transaction (as SQLite's migrations/0004_pending_work.sql, whose notes apply).
--
-- task:  'resolve' (entity resolution over the stored mentions, alias statements and decisions)
-- due:   the store version of the latest write that asked for the task (monotonic, never reset)
-- done:  the `due` that the last completed run of the task had read; the task is due while due > done
-- since: when the task fell due (the first such write after the last run), ISO 8601 UTC
-- Rows are changed only by writers holding the `store_version` row lock (`PostgresStore._write`).

CREATE TABLE pending (
    task  TEXT PRIMARY KEY,
    due   BIGINT NOT NULL,
    done  BIGINT NOT NULL,
    since TEXT
);

-- A store from before this schema may have been cut short before resolving: resolve it once.
INSERT INTO pending (task, due, done, since)
SELECT 'resolve', value,
       CASE WHEN EXISTS (SELECT 1 FROM mentions) THEN value - 1 ELSE value END,
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')
FROM meta WHERE key = 'store_version';
