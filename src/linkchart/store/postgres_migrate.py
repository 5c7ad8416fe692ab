"""Forward-only schema migrations for the PostgreSQL store.

Migrations are numbered files `NNNN_name.sql` in `linkchart/store/migrations/postgres`.
The schema version lives in the table `linkchart_schema`; each migration runs in its
one transaction that also records the versions, under an advisory lock, so two processes
opening a new database at once migrate it once and a failed step leaves the database as it was.
"""

from __future__ import annotations

from typing import Any

from psycopg.rows import tuple_row

from linkchart.store.migrate import Migration, SchemaVersionError, available, latest_version

MIGRATIONS_FOLDER = "migrations/postgres"
_LOCK_KEY = 0x6C696E6B  # advisory lock id of schema changes ('link')


def postgres_migrations() -> list[Migration]:
    """Return the PostgreSQL migrations shipped with the package, in order."""
    return available(MIGRATIONS_FOLDER)


def schema_version(conn: Any) -> int:
    """Return the database's linkchart schema version (0 for an empty database)."""
    cur = conn.cursor(row_factory=tuple_row)
    if not cur.execute("SELECT to_regclass('linkchart_schema') IS NOT NULL").fetchone()[0]:
        return 0
    return int(cur.execute("SELECT coalesce(max(version), 0) FROM linkchart_schema").fetchone()[0])


def migrate_postgres(conn: Any, migrations: list[Migration] | None = None) -> list[int]:
    """Apply every migration newer than the database's schema version; return the versions applied.

    `conn` is a psycopg connection in autocommit mode. Raises `SchemaVersionError` when
    the database is newer than the newest migration.
    """
    migrations = postgres_migrations() if migrations is None else migrations
    latest = latest_version(migrations)
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        conn.execute("CREATE TABLE IF NOT EXISTS linkchart_schema (version INTEGER PRIMARY KEY)")
        current = schema_version(conn)
        if current > latest:
            raise SchemaVersionError(
                f"database schema version {current} is newer than this linkchart supports "
                f"({latest}); upgrade linkchart to open it"
            )
        for migration in migrations:
            if migration.version <= current:
                continue
            conn.execute(migration.sql)
            conn.execute("INSERT INTO linkchart_schema (version) VALUES (%s)", (migration.version,))
            applied.append(migration.version)
    return applied
