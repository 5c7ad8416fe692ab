"""What the routes are handed: the app's shared workspace, and the check of the curation token."""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from linkchart.api import EntityRow, NotFound, Workspace

TOKEN_HEADER = "X-Linkchart-Token"


class WebWorkspace(Workspace):
    """A `Workspace` whose entity lookups also accept `#<id>` (the web API names entities by id)."""

    def find_entity(self, name: str) -> EntityRow:
        """Return the entity with id N for '#N', else the entity found by name; raise NotFound."""
        match = re.fullmatch(r"#(\d+)", name.strip())
        if match:
            return self.entity(int(match.group(1)))
        return super().find_entity(name)


def entity_key(ref: int | str) -> str:
    """Return the `Workspace` lookup key of an entity given by id (int or digits) or by name."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
        return f"#{int(ref)}"
    return str(ref)


class SharedWorkspace:
    """The app's one workspace, shared by the request threads under one lock (Workspace calls are not thread-safe)."""

    def __init__(self, db: str) -> None:
        self.workspace = WebWorkspace(db)
        self.lock = threading.RLock()

    @contextmanager
    def use(self) -> Iterator[WebWorkspace]:
        """Yield the workspace while holding the lock; an entity or article not found becomes a 404."""
        with self.lock:
            try:
                yield self.workspace
            except NotFound as err:
                raise HTTPException(404, str(err)) from err

    def close(self) -> None:
        """Close the workspace (waiting for the request that uses it); returns nothing."""
        with self.lock:
            self.workspace.close()


def shared_workspace(request: Request) -> SharedWorkspace:
    """Return the workspace of the app serving the request."""
    return request.app.state.web


Shared = Annotated[SharedWorkspace, Depends(shared_workspace)]


def require_token(request: Request, x_linkchart_token: str | None = Header(None)) -> None:
    """Refuse a request without the app's curation token (401) or with a wrong one (403)."""
    if not x_linkchart_token:
        raise HTTPException(401, f"missing {TOKEN_HEADER} header")
    if not secrets.compare_digest(x_linkchart_token.encode(), request.app.state.token.encode()):
        raise HTTPException(403, "wrong token")
