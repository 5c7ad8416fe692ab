"""Opening a store from what the user gave as `--db`: a file path, or a URL whose scheme names a back end.

    store = open_store("case.db")                  # an existing SQLite file, else StoreNotFound
    store = open_store("case.db", create=True)     # ingest: made when missing
    store = open_store("sqlite:///case.db")         # the same, as a URL
    open_store("postgresql://user@host/db")         # PostgreSQL (psycopg, the `postgres` extra)
    open_store("mysql://host/db")                   # UnsupportedStore: no back end registered

A back end is one `register_backend(scheme, opener)` call; `open_store` is the one place
that reads `--db`, so every command refuses a mistyped store the same way and none creates
files or folders it was not asked to (only `create=True` does).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from linkchart.store.base import Store, StoreError
from linkchart.store.sqlite import SQLiteStore

Opener = Callable[[str, bool], Store]  # (location after the scheme, create when missing) → an open store
_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://(.*)", re.DOTALL)
_BACKENDS: dict[str, Opener] = {}


class StoreUnavailable(Exception):
    """The store named by `--db` cannot be opened; the message names it and says why."""


class StoreNotFound(StoreUnavailable):
    """No store at that path (and the caller did not ask to create one)."""


class UnsupportedStore(StoreUnavailable):
    """A URL whose scheme no back end handles."""


def register_backend(scheme: str, opener: Opener) -> None:
    """Make `open_store` hand URLs `scheme://…` to `opener(location, create)`; returns nothing."""
    _BACKENDS[scheme.lower()] = opener


def backends() -> list[str]:
    """Return the URL schemes a store can be opened with, sorted."""
    return sorted(_BACKENDS)


def split_url(url: str) -> tuple[str, str]:
    """Return (scheme, location) of `--db`: a plain path is ('sqlite', path); 'sqlite:///x.db' is ('sqlite', 'x.db').

    As in SQLAlchemy, `sqlite:///relative.db` and `sqlite:////absolute.db`.
    """
    match = _URL.fullmatch(url)
    if not match:
        return "sqlite", url
    scheme, rest = match.group(1).lower(), match.group(2)
    return scheme, rest[1:] if scheme == "sqlite" and rest.startswith("/") else rest


def open_store(url: str | Path, create: bool = False) -> Store:
    """Return the open store named by `url` (a path or `scheme://…`); raise StoreUnavailable.

    Without `create`, a store that does not exist is refused and nothing is made on disk.
    A URL's credentials never appear in a message (only its scheme does).
    """
    scheme, location = split_url(str(url))
    opener = _BACKENDS.get(scheme)
    if opener is None:
        known = ", ".join(f"{s}://…" for s in backends())
        raise UnsupportedStore(f"unsupported store URL scheme {scheme + '://'!r}: give a file path or {known}")
    return opener(location, create)


def _open_sqlite(location: str, create: bool) -> Store:
    """Return the SQLite store in the file `location`; raise StoreNotFound unless it exists or `create`."""
    if not location:
        raise StoreNotFound("no store path given")
    path = Path(location)
    if path.is_dir():
        raise StoreNotFound(f"{location}: is a folder, not a store file")
    if not create and not path.is_file():
        raise StoreNotFound(f"{location}: no such store (create one with 'linkchart ingest FILES --db {location}')")
    try:
        return SQLiteStore(path)
    except sqlite3.DatabaseError as e:
        raise StoreUnavailable(f"{location}: not a linkchart store ({e})") from e
    except OSError as e:
        raise StoreUnavailable(f"{location}: cannot open ({e.strerror or e})") from e


def _open_postgres(location: str, _create: bool) -> Store:
    """Return the PostgreSQL store at `postgresql://location` (the database must exist; its schema is migrated)."""
    from linkchart.store.open import open_store as open_backend

    try:
        return open_backend(f"postgresql://{location}")
    except StoreError as e:
        raise StoreUnavailable(f"postgresql://…: {e}") from e
    except Exception as e:  # psycopg's connection errors carry the host, never the password
        raise StoreUnavailable(f"postgresql://…: cannot connect ({type(e).__name__})") from e


register_backend("sqlite", _open_sqlite)
register_backend("postgresql", _open_postgres)
register_backend("postgres", _open_postgres)
