"""A private PostgreSQL cluster in a temporary folder, for the tests and the benchmarks.

    with PostgresCluster.start() as cluster:
        url = cluster.create_database("case")   # postgresql://postgres@127.0.0.1:PORT/case

initdb refuses to run as root: as root the cluster belongs to the `postgres` user (Debian's
package creates it) and its programs run through `runuser`. The server listens on
127.0.0.1 only, on a free port, with trust authentication; the folder is removed on stop.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import psycopg
from psycopg import sql

# Settings for throwaway test databases: durability off (a crash loses the cluster anyway).
FAST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server programs on this machine (install Debian's `postgresql`)."""


def server_bin_dir() -> Path:
    """Return the folder of initdb and pg_ctl (on PATH or Debian's /usr/lib/postgresql/N/bin); raise if none."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if not candidates:
        raise PostgresUnavailable("initdb not found: install the PostgreSQL server (apt-get install postgresql)")
    return Path(candidates[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresCluster:
    """A running private cluster; `create_database` hands out databases on it."""

    def __init__(self, folder: Path, port: int, bin_dir: Path, as_user: str | None) -> None:
        self.folder = folder
        self.port = port
        self.bin_dir = bin_dir
        self.as_user = as_user
        self._names = 0

    @classmethod
    def start(cls, settings: dict[str, str] | None = None, prefix: str = "linkchart-pg-") -> PostgresCluster:
        """Return a new cluster, initialised and started with `settings` (postgresql.conf lines)."""
        bin_dir = server_bin_dir()
        as_user = "postgres" if os.geteuid() == 0 else None
        folder = Path(tempfile.mkdtemp(prefix=prefix))
        if as_user:
            shutil.chown(folder, as_user, as_user)
        cluster = cls(folder, _free_port(), bin_dir, as_user)
        data = folder / "data"
        cluster._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8",
                     "--locale=C.UTF-8")
        conf = {"listen_addresses": "'127.0.0.1'", "port": str(cluster.port), "unix_socket_directories": f"'{folder}'",
                "max_connections": "100", **(settings or {})}
        with open(data / "postgresql.conf", "a", encoding="utf-8") as f:
            f.writelines(f"{k} = {v}\n" for k, v in conf.items())
        cluster._run("pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "60", "start")
        cluster._wait()
        return cluster

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def _wait(self) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.url("postgres"), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def url(self, database: str) -> str:
        """Return the URL of `database` on this cluster."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        """Return the URL of a new empty database (a copy of `template` when given), named `name` or numbered."""
        if name is None:
            self._names += 1
            name = f"db{self._names}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {} STRATEGY FILE_COPY").format(sql.Identifier(template))
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(statement)
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database of this cluster, disconnecting whoever still uses it; returns nothing."""
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def database_size(self, name: str) -> int:
        """Return the size of a database on disk, in bytes."""
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            return int(conn.execute("SELECT pg_database_size(%s)", (name,)).fetchone()[0])

    def stop(self) -> None:
        """Stop the server and remove its folder; returns nothing.

        A folder already gone (a /tmp cleaner, another process) means the server lost its data
        directory and is stopping on its own: nothing is left to stop or remove.
        """
        if not (self.folder / "data").is_dir():
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PostgresCluster:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
