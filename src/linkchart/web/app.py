"""linkchart's web app: a JSON API over `linkchart.api.Workspace` and the analyst's page.

    from linkchart.web.app import create_app, serve
    app = create_app("linkchart.db", token="s3cret")   # an ASGI app (FastAPI)
    serve("linkchart.db")                               # prints the URL and token, runs uvicorn

Routes are listed at /docs (OpenAPI); they live in `linkchart.web.routers`, one router per
concern, and ask `linkchart.api` for everything. Reads are open; every POST (curation) needs the
token in the `X-Linkchart-Token` header: missing → 401, wrong → 403. The token comes
from `create_app(token=…)`, else the `LINKCHART_TOKEN` environment variable, else a
random one. The page learns it this way: `GET /` renders `index.html` with the token in
`<meta name="linkchart-token" content="…">` only when the request comes from the
loopback interface (client 127.0.0.1/::1) *and* names a loopback host (`Host:
127.0.0.1`/`localhost`, which defeats DNS rebinding). Anyone else gets an empty meta and
the page asks for the token before curating.

Every request first passes `linkchart.web.guard.Guard`: a `Host` the server does not go by
→ 400 (DNS rebinding: by default the loopback names; `serve` adds the address it binds),
a query string over 8 KB → 414, a body over 64 KB → 413; an exception becomes a short 500
that keeps the connection usable. A request the schema refuses gets a 422 whose inputs are
shortened (`linkchart.web.errors`). Requests are served side by side, each with a workspace
of its own (`linkchart.web.deps.WorkspacePool`).

Every response carries a strict Content-Security-Policy (no inline script, no eval,
nothing from other origins) and `X-Content-Type-Options: nosniff`. The page builds all
document-derived text with `textContent`, never `innerHTML`.
"""

from __future__ import annotations

import errno
import html
import os
import secrets
import socket
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from linkchart.web.deps import TOKEN_HEADER, WorkspacePool
from linkchart.web.errors import validation_error
from linkchart.web.guard import Guard, Hosts
from linkchart.web.routers import curation, documents, entities, graph, relations, reports, screening, search

TOKEN_ENV = "LINKCHART_TOKEN"
LOOPBACK_CLIENTS = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# The API docs page is Swagger UI, vendored (no CDN); FastAPI starts it with an inline script.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs",)
# A dossier is a document of its own: its styles are inline, its pictures inline SVG, it runs no script at all.
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; object-src 'none'; base-uri 'none'; "
              "form-action 'none'; frame-ancestors 'none'")
SWAGGER = "/static/vendor/swagger-ui"
ROUTERS = (search.router, documents.router, entities.router, relations.router, graph.router, curation.router,
           reports.router, screening.router)


def static_dir() -> Path:
    """Return the folder of the page's static files (index.html, app.js, app.css, vendor/)."""
    return Path(str(resources.files("linkchart.web") / "static"))


def _is_local(request: Request) -> bool:
    """Return True when the request comes from loopback and names a loopback host."""
    client = request.client.host if request.client else ""
    host = (request.headers.get("host") or "").lower()
    hostname = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
    return client in LOOPBACK_CLIENTS and hostname in LOOPBACK_HOSTS


async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
    """Return the response with the page's security headers (CSP, nosniff, no framing, no referrer)."""
    response: Response = await call_next(request)
    docs = request.url.path.startswith(DOCS_PATHS)
    response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
    if reports.REPORT_PATH.match(request.url.path):
        response.headers["Content-Security-Policy"] = REPORT_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    if request.url.path.startswith("/api/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def create_app(db: str, token: str | None = None, hosts: Hosts | None = None) -> FastAPI:
    """Return the FastAPI app serving the JSON API and the page over the store at `db` (which must exist).

    `hosts` are the `Host` headers it answers (default: the loopback names, any port). Raises
    `linkchart.api.StoreUnavailable` when the store cannot be opened.
    """
    token = token or os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    shared = WorkspacePool(str(db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        shared.close()

    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        title="linkchart",
        version="1",
        summary="Sourced map of who is who, who is tied to whom and what happened when.",
        description=__doc__,
    )
    app.state.token = token
    app.state.web = shared
    app.middleware("http")(security_headers)
    app.add_middleware(Guard, hosts=hosts or Hosts())  # added last: runs first
    app.add_exception_handler(RequestValidationError, validation_error)
    _add_page(app, token)
    for router in ROUTERS:
        app.include_router(router)
    return app


def _add_page(app: FastAPI, token: str) -> None:
    """Add the analyst's page, its static files and the API docs page to `app`; returns nothing."""
    index_html = (static_dir() / "index.html").read_text(encoding="utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        value = html.escape(token, quote=True) if _is_local(request) else ""
        page = index_html.replace('<meta name="linkchart-token" content="">',
                                  f'<meta name="linkchart-token" content="{value}">', 1)
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})

    app.mount("/static", StaticFiles(directory=str(static_dir())), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """Return the API documentation page (Swagger UI served from this app, works offline)."""
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="linkchart API",
                                   swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{SWAGGER}/swagger-ui.css", swagger_favicon_url="data:,")


class ServeError(OSError):
    """The server cannot listen where it was asked to (port taken, address not of this machine)."""


def listen(host: str, port: int) -> socket.socket:
    """Return a socket bound to `host:port`, ready for uvicorn; raise ServeError (e.g. the port is taken)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                              flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as e:
        raise ServeError(f"cannot listen on {host}:{port}: {e.strerror}") from e
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as e:
        sock.close()
        reason = "the port is in use" if e.errno == errno.EADDRINUSE else e.strerror or str(e)
        raise ServeError(f"cannot listen on {host}:{port}: {reason}") from e
    return sock


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, allow_hosts: Iterable[str] = ()) -> None:
    """Run the web app with uvicorn until interrupted, printing the URL and the curation token; returns None.

    The store is opened and the port bound before anything is printed: a missing store raises
    `linkchart.api.StoreUnavailable`, a taken port `ServeError`. The app answers the loopback
    names and `host` at `port`, and `allow_hosts`; any host when bound to 0.0.0.0 or ::.
    """
    import uvicorn

    token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    app = create_app(db, token, hosts=Hosts.served_at(host, port, allow_hosts))
    try:
        sock = listen(host, port)
    except ServeError:
        app.state.web.close()
        raise
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else f"[{host}]" if ":" in host else host
    print(f"linkchart: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)", flush=True)
    print(f"curation token ({TOKEN_HEADER} header; the page on this machine gets it by itself): {token}", flush=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {host}: anyone who can reach it can read the store; "
              "pages opened from other machines must be given the token", flush=True)
    try:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
    finally:
        sock.close()
