"""The one place that maps a store URL to a back end: a file path is SQLite, postgresql:// is PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

from linkchart.store.base import Store, StoreError

BACKENDS = ("sqlite", "postgresql")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_POSTGRES_SCHEMES = ("postgresql", "postgres")


def backend_of(url: str | Path) -> str:
    """Return the back end a store URL names: 'postgresql' for postgresql:// (or postgres://), else 'sqlite'.

    A plain path (or sqlite:///path) is SQLite. Raises ValueError for any other URL scheme.
    """
    match = _SCHEME.match(str(url))
    if match is None:
        return "sqlite"
    scheme = match.group(1).lower()
    if scheme in _POSTGRES_SCHEMES:
        return "postgresql"
    if scheme == "sqlite":
        return "sqlite"
    raise ValueError(f"{url}: unknown store URL scheme {scheme!r} (use a file path or postgresql://USER@HOST/DB)")


def sqlite_path(url: str | Path) -> str:
    """Return the file path of a SQLite store URL (a path, or sqlite:///path)."""
    text = str(url)
    return text[len("sqlite://"):] if text.lower().startswith("sqlite://") else text


def open_store(url: str | Path) -> Store:
    """Return the store at `url` opened (created and migrated when new): SQLite for a path, PostgreSQL for a URL.

    Raises ValueError for an unknown URL scheme and StoreError when the PostgreSQL driver is missing.
    """
    if backend_of(url) == "postgresql":
        try:
            from linkchart.store.postgres import PostgresStore
        except ImportError as exc:  # psycopg is an extra
            raise StoreError(f"PostgreSQL store needs psycopg: pip install 'linkchart[postgres]' ({exc})") from exc
        return PostgresStore(str(url))
    from linkchart.store.sqlite import SQLiteStore

    return SQLiteStore(sqlite_path(url))
