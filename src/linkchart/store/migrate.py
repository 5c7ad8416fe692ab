"""Forward-only schema migrations for the SQLite store.

Migrations are numbered files `NNNN_name.sql` in `linkchart/store/migrations` (package
data, read with importlib.resources). Migration N brings a database from the previous
shipped version to `PRAGMA user_version` N; each runs in its own transaction that also sets
user_version, so a failed migration leaves the database at the previous version.
Numbers are reserved per piece of work while several are under way, so the shipped
numbers may skip one (a number reserved for work not merged yet): they must only rise.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class SchemaVersionError(RuntimeError):
    """The database's schema is newer than this version of linkchart knows."""


@dataclass(frozen=True)
class Migration:
    """One numbered schema step."""

    version: int
    name: str
    sql: str


def available(folder_name: str = "migrations") -> list[Migration]:
    """Return the migrations shipped in `folder_name` of the store package, in order.

    The default folder holds SQLite's; `migrations/postgres` PostgreSQL's. Raises when the
    first is not number 1 or two share a number.
    """
    folder = resources.files("linkchart.store").joinpath(folder_name)
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and entry.is_file():
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    for previous, migration in zip([0, *[m.version for m in found]], found, strict=False):
        if migration.version <= previous or (previous == 0 and migration.version != 1):
            raise RuntimeError(f"migration {migration.version:04d}_{migration.name} out of sequence")
    return found


def latest_version(migrations: list[Migration] | None = None) -> int:
    """Return the schema version the given (default: shipped) migrations lead to."""
    migrations = available() if migrations is None else migrations
    return migrations[-1].version if migrations else 0


def user_version(conn: sqlite3.Connection) -> int:
    """Return the database's `PRAGMA user_version`."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()
    ):
        raise ValueError(f"incomplete SQL statement at end of migration: {buffer.strip()[:80]!r}")
    return statements


def _check_not_newer(conn: sqlite3.Connection, latest: int) -> None:
    current = user_version(conn)
    if current > latest:
        raise SchemaVersionError(
            f"database schema version {current} is newer than this linkchart supports "
            f"({latest}); upgrade linkchart to open it"
        )


def migrate(conn: sqlite3.Connection, migrations: list[Migration] | None = None) -> list[int]:
    """Apply every migration newer than the database's user_version; return the versions applied.

    `conn` must be in autocommit mode (`isolation_level=None`). Raises `SchemaVersionError`
    when the database is newer than the newest migration.
    """
    migrations = available() if migrations is None else migrations
    latest = latest_version(migrations)
    _check_not_newer(conn, latest)
    applied: list[int] = []
    for migration in migrations:
        if migration.version <= user_version(conn):
            continue
        # Statements run one by one (executescript would commit our transaction), and the
        # version is re-read under the write lock in case another process migrated first.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(conn) >= migration.version:
                conn.execute("COMMIT")
                continue
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
