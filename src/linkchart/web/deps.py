"""What the routes are handed: a workspace of the app's pool, and the check of the curation token.

Requests run in the server's thread pool. Each takes a `Workspace` of its own from the app's
`WorkspacePool` (its own SQLite connection: a slow request holds one workspace, never the
others), so reads run side by side; curation steps also take the pool's write lock, one at a
time. What the API refuses becomes an HTTP answer here: no such entity → 404, a name
several entities go by → 409 (the candidates are in the message), bad input → 422.
"""

from __future__ import annotations

import queue
import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from linkchart.api import Ambiguous, InvalidInput, NotFound, Workspace

TOKEN_HEADER = "X-Linkchart-Token"
_DIGITS = re.compile(r"[0-9]+")
POOL_SIZE = 8  # workspaces (SQLite connections) open at once: requests served side by side
POOL_WAIT = 30.0  # seconds a request waits for a free workspace before a 503


def entity_key(ref: int | str) -> str:
    """Return the `Workspace` lookup key of an entity given by id (int or ASCII digits) or by name."""
    if isinstance(ref, int):
        return f"#{ref}"
    digits = ref.strip()
    return f"#{int(digits)}" if _DIGITS.fullmatch(digits) else ref  # not str.isdigit: '¹' is a digit to it


def ambiguity_text(err: Ambiguous) -> str:
    """Return the message of an ambiguous name with its candidates: '#1 Qais al-Khazali (PERSON, 59 mentions); …'."""
    listed = "; ".join(f"#{c.id} {c.name} ({c.type}, {c.mentions} mentions)" for c in err.candidates[:10])
    return f"{err}: {listed}"


def not_found_text(err: NotFound) -> str:
    """Return the message of a name nothing goes by, with the close names and their scores (0-100).

    '…; did you mean #2 Tamsin Roe (score 82), Roe (#4 Vale Foundation, score 57)?'
    """
    if not err.suggestions:
        return str(err)
    offered = [f"#{m.id} {m.name} (score {m.score:.0f})" if m.matched == m.name
               else f"{m.matched} (#{m.id} {m.name}, score {m.score:.0f})" for m in err.suggestions]
    return f"{err}; did you mean " + ", ".join(offered) + "?"


class WorkspacePool:
    """Workspaces over one store, handed to one request at a time each (Workspace calls are not thread-safe)."""

    def __init__(self, db: str, size: int = POOL_SIZE) -> None:
        self.db = db
        self.size = size
        self.write_lock = threading.Lock()
        self._idle: queue.LifoQueue[Workspace] = queue.LifoQueue()
        self._opened: list[Workspace] = []
        self._lock = threading.Lock()
        self._closed = False
        self._idle.put(self._open())  # a store that cannot be opened fails now, not at the first request

    def _open(self) -> Workspace:
        ws = Workspace(self.db, extract=False, create=False)
        with self._lock:
            self._opened.append(ws)
        return ws

    def _take(self) -> Workspace:
        """Return an idle workspace, a new one while fewer than `size` are open, else wait (503 after POOL_WAIT)."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            room = len(self._opened) < self.size
        if room:
            return self._open()
        try:
            return self._idle.get(timeout=POOL_WAIT)
        except queue.Empty:
            raise HTTPException(503, "the server is busy: try again") from None

    @contextmanager
    def use(self, write: bool = False) -> Iterator[Workspace]:
        """Yield a workspace for one request (with the write lock when `write`); API refusals become HTTP errors."""
        if self._closed:
            raise HTTPException(503, "the server is shutting down")
        ws = self._take()
        try:
            with self.write_lock if write else nullcontext():
                yield ws
        except Ambiguous as err:
            raise HTTPException(409, ambiguity_text(err)) from err
        except NotFound as err:
            raise HTTPException(404, not_found_text(err)) from err
        except InvalidInput as err:
            raise HTTPException(422, str(err)) from err
        finally:
            self._idle.put(ws)

    def close(self) -> None:
        """Close every workspace of the pool; returns nothing."""
        self._closed = True
        with self._lock:
            opened, self._opened = self._opened, []
        for ws in opened:
            ws.close()


def workspace_pool(request: Request) -> WorkspacePool:
    """Return the workspace pool of the app serving the request."""
    return request.app.state.web


Shared = Annotated[WorkspacePool, Depends(workspace_pool)]


def require_token(request: Request, x_linkchart_token: str | None = Header(None)) -> None:
    """Refuse a request without the app's curation token (401) or with a wrong one (403)."""
    if not x_linkchart_token:
        raise HTTPException(401, f"missing {TOKEN_HEADER} header")
    if not secrets.compare_digest(x_linkchart_token.encode(), request.app.state.token.encode()):
        raise HTTPException(403, "wrong token")
