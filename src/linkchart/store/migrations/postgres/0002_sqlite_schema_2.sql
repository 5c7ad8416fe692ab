-- linkchart PostgreSQL schema 2: nothing to change. Schema 1 already holds the tables of SQLite
-- schemas 1 to 3; this step and the next keep the numbers of both back ends' migrations equal,
-- so migration N means the same change on SQLite and PostgreSQL from 0004 on.
SELECT 1;
