-- linkchart PostgreSQL schema 3: nothing to change (see 0002): schema 1 already holds SQLite's schema 3.
SELECT 1;
