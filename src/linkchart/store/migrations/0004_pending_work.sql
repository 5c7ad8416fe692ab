-- linkchart schema 4: work that must follow a write, recorded in the write's own transaction.
--
-- A document committed but not yet resolved into entities (a run killed between the two) is
-- not forgotten: the write that stored it also marked 'resolve' due, and the next run does it.
--
-- task:  'resolve' (entity resolution over the stored mentions, alias statements and decisions)
-- due:   the store version of the latest write that asked for the task (monotonic, never reset)
-- done:  the `due` that the last completed run of the task had read; the task is due while due > done
-- since: when the task fell due (the first such write after the last run), ISO 8601 UTC
-- A run writes its result only if `due` is still what it read, so a document stored meanwhile
-- (by another process) is never left out.

CREATE TABLE pending (
    task  TEXT PRIMARY KEY,
    due   INTEGER NOT NULL,
    done  INTEGER NOT NULL,
    since TEXT
);

-- A store from before this schema may have been cut short before resolving: resolve it once.
INSERT INTO pending (task, due, done, since)
SELECT 'resolve', value,
       CASE WHEN EXISTS (SELECT 1 FROM mentions) THEN value - 1 ELSE value END,
       strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM meta WHERE key = 'store_version';
