"""linkchart's web app: a JSON API over `linkchart.api.Workspace` and the analyst's page.

    from linkchart.web.app import create_app, serve
    app = create_app("linkchart.db", token="s3cret")   # an ASGI app (FastAPI)
    serve("linkchart.db")                               # prints the URL and token, runs uvicorn

Routes are listed at /docs (OpenAPI). Reads are open; every POST (curation) needs the
token in the `X-Linkchart-Token` header: missing → 401, wrong → 403. The token comes
from `create_app(token=…)`, else the `LINKCHART_TOKEN` environment variable, else a
random one. The page learns it this way: `GET /` renders `index.html` with the token in
`<meta name="linkchart-token" content="…">` only when the request comes from the
loopback interface (client 127.0.0.1/::1) *and* names a loopback host (`Host:
127.0.0.1`/`localhost`, which defeats DNS rebinding). Anyone else gets an empty meta and
the page asks for the token before curating.

Every response carries a strict Content-Security-Policy (no inline script, no eval,
nothing from other origins) and `X-Content-Type-Options: nosniff`. The page builds all
document-derived text with `textContent`, never `innerHTML`.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import secrets
import threading
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from linkchart.api import EntitySummary, NotFound, Workspace
from linkchart.store.base import ArticleRow, EntityRow
from linkchart.web import schemas as s

TOKEN_HEADER = "X-Linkchart-Token"
TOKEN_ENV = "LINKCHART_TOKEN"
LOOPBACK_CLIENTS = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
GRAPH_DEFAULT_NODES = 300
GRAPH_MAX_NODES = 2000
EDGE_EVIDENCE = 3
NEIGHBOR_MAX_NODES = 500
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# The API docs page is Swagger UI, vendored (no CDN); FastAPI starts it with an inline script.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs",)
SWAGGER = "/static/vendor/swagger-ui"
T = TypeVar("T")


def static_dir() -> Path:
    """Return the folder of the page's static files (index.html, app.js, app.css, vendor/)."""
    return Path(str(resources.files("linkchart.web") / "static"))


class WebWorkspace(Workspace):
    """A `Workspace` whose entity lookups also accept `#<id>` (the web API names entities by id)."""

    def find_entity(self, name: str) -> EntityRow:
        """Return the entity with id N for '#N', else the entity found by name; raise NotFound."""
        match = re.fullmatch(r"#(\d+)", name.strip())
        if match:
            wanted = int(match.group(1))
            e = self.store.entity(wanted)
            if e is None:
                raise NotFound(f"no entity with id {wanted}")
            return e
        return super().find_entity(name)


def entity_key(ref: int | str) -> str:
    """Return the `Workspace` lookup key of an entity given by id (int or digits) or by name."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
        return f"#{int(ref)}"
    return str(ref)


def relation_id(r: Any) -> str:
    """Return a stable key of an entity relation (its grouping key, hashed)."""
    key = f"{r.subject}|{r.predicate}|{r.object}|{r.negated}|{r.attributed_to}|{r.hedged}"
    return "r" + hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass
class _Snapshot:
    """Per-store-version lookups the routes share (rebuilt when the store changes)."""

    version: int
    entities: dict[int, EntityRow] = field(default_factory=dict)
    summaries: list[EntitySummary] = field(default_factory=list)
    articles: dict[int, ArticleRow] = field(default_factory=dict)
    by_source: dict[str, list[ArticleRow]] = field(default_factory=dict)
    entity_of_mention: dict[int, int] = field(default_factory=dict)


class WebState:
    """The app's one workspace, its lock and the cached snapshot."""

    def __init__(self, db: str) -> None:
        self.ws = WebWorkspace(db)
        self.lock = threading.RLock()
        self._snap: _Snapshot | None = None
        self._checked = False

    @contextmanager
    def use(self) -> Iterator[WebWorkspace]:
        """Yield the workspace while holding the lock (Workspace calls are not thread-safe)."""
        with self.lock:
            self._checked = False  # the store version is read once per request, not per lookup
            yield self.ws

    def invalidate(self) -> None:
        """Make the next lookup re-read the store version (after a write in this request)."""
        self._checked = False

    def snapshot(self) -> _Snapshot:
        """Return lookups for the current store version (call with the lock held)."""
        if self._snap is not None and self._checked:
            return self._snap
        version = self.ws.store.version()
        self._checked = True
        if self._snap is not None and self._snap.version == version:
            return self._snap
        snap = _Snapshot(version)
        snap.entities = {e.id: e for e in self.ws.store.entities()}
        snap.summaries = self.ws.entities()
        by_source: dict[str, list[ArticleRow]] = defaultdict(list)
        for a in self.ws.store.documents():
            snap.articles[a.id] = a
            by_source[a.source].append(a)
        snap.by_source = dict(by_source)
        snap.entity_of_mention = dict(self.ws.store.mention_links())
        self._snap = snap
        return snap

    # ---- converters (lock held) ---------------------------------------------------------
    def ref(self, entity: int) -> s.EntityRef:
        """Return the reference of an entity id (a placeholder when it no longer exists)."""
        e = self.snapshot().entities.get(entity)
        if e is None:
            return s.EntityRef(id=entity, name=f"#{entity}", type="UNKNOWN")
        return s.EntityRef(id=e.id, name=e.name, type=e.type)

    def article_of(self, source: str, start: int) -> int | None:
        """Return the id of the article of `source` whose span holds offset `start`."""
        rows = self.snapshot().by_source.get(source, [])
        for a in rows:
            if a.start <= start < a.end:
                return a.id
        return rows[0].id if rows else None

    def evidence(self, ev: Any) -> s.Evidence:
        """Return the API form of an `Evidence`, with the article to open it in."""
        article = getattr(ev, "article", 0) or None
        if article is None or article not in self.snapshot().articles:
            article = self.article_of(ev.doc, ev.start)
        return s.Evidence(doc=ev.doc, article_id=article, start=ev.start, end=ev.end, text=ev.text)

    def relation(self, r: Any, max_evidence: int | None = None) -> s.Relation:
        """Return the API form of an `EntityRelation` (with at most `max_evidence` evidences)."""
        shown = r.evidence if max_evidence is None else r.evidence[:max_evidence]
        return s.Relation(
            id=relation_id(r), subject=self.ref(r.subject), predicate=r.predicate, object=self.ref(r.object),
            negated=r.negated, attributed_to=r.attributed_to, hedged=r.hedged, date=r.date,
            rules=list(r.rules), evidence=[self.evidence(e) for e in shown], evidence_count=len(r.evidence),
        )

    def node(self, entity: int, mentions: int | None = None) -> s.Node:
        """Return a graph node for an entity id."""
        ref = self.ref(entity)
        if mentions is None:
            mentions = next((x.mentions for x in self.snapshot().summaries if x.id == entity), 0)
        return s.Node(id=ref.id, name=ref.name, type=ref.type, mentions=mentions)

    def document(self, a: ArticleRow) -> s.DocumentOut:
        """Return the API form of an article row."""
        return s.DocumentOut(
            article_id=a.id, source=a.source, index=a.index, title=a.title, date=a.date, language=a.language,
            words=a.words, duplicate_of=a.duplicate_of, start=a.start, end=a.end, url=a.url, outlet=a.outlet,
        )


def _claim_entity(state: WebState, value: Any) -> s.EntityRef | None:
    """Return the entity a conflict or claim names (an id, 'e<id>', or a name)."""
    if isinstance(value, int):
        return state.ref(value)
    match = re.fullmatch(r"e?(\d+)", str(value))
    if match:
        return state.ref(int(match.group(1)))
    try:
        e = state.ws.find_entity(str(value))
    except NotFound:
        return None
    return state.ref(e.id)


def _is_local(request: Request) -> bool:
    """Return True when the request comes from loopback and names a loopback host."""
    client = request.client.host if request.client else ""
    host = (request.headers.get("host") or "").lower()
    hostname = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
    return client in LOOPBACK_CLIENTS and hostname in LOOPBACK_HOSTS


def create_app(db: str, token: str | None = None) -> FastAPI:
    """Return the FastAPI app serving the JSON API and the page over the store at `db`."""
    token = token or os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    state = WebState(str(db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        with state.use() as ws:
            ws.close()

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
    app.state.web = state
    index_html = (static_dir() / "index.html").read_text(encoding="utf-8")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        docs = request.url.path.startswith(DOCS_PATHS)
        response.headers["Content-Security-Policy"] = DOCS_CSP if docs else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    def require_token(x_linkchart_token: str | None = Header(None)) -> None:
        if not x_linkchart_token:
            raise HTTPException(401, f"missing {TOKEN_HEADER} header")
        if not secrets.compare_digest(x_linkchart_token.encode(), token.encode()):
            raise HTTPException(403, "wrong token")

    def run(fn: Callable[[WebWorkspace], T]) -> T:
        """Return fn(workspace) under the lock, mapping NotFound to 404."""
        with state.use() as ws:
            try:
                return fn(ws)
            except NotFound as err:
                raise HTTPException(404, str(err)) from err

    # ---- page ---------------------------------------------------------------------------
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

    # ---- search -------------------------------------------------------------------------
    def hits(ws: WebWorkspace, q: str, limit: int) -> list[s.SearchHit]:
        return [
            s.SearchHit(article_id=h.article_id, source=h.source, title=h.title, date=h.date,
                        snippet_text=h.snippet_text, highlights=list(h.highlights), start=h.start, end=h.end)
            for h in ws.search(q, limit=limit)
        ]

    @app.get("/api/search", response_model=list[s.SearchHit], tags=["search"])
    def search(q: str = Query(..., max_length=500), limit: int = Query(20, ge=1, le=200)) -> list[s.SearchHit]:
        """Return full-text hits (articles) for every word of `q`, best first."""
        return run(lambda ws: hits(ws, q, limit))

    @app.get("/api/suggest", response_model=s.Suggestions, tags=["search"])
    def suggest(q: str = Query(..., max_length=500), limit: int = Query(8, ge=1, le=50)) -> s.Suggestions:
        """Return entities whose name or alias (or a word of it) starts with `q`, and the top text hits.

        Text hits treat the last word as a prefix ('khaz' finds 'Khazali'), as the user is still typing.
        """
        wanted = " ".join(q.lower().split())

        def go(ws: WebWorkspace) -> s.Suggestions:
            if not wanted:
                return s.Suggestions(entities=[], documents=[])
            found: list[tuple[tuple[int, int, str], s.EntitySuggestion]] = []
            for e in state.snapshot().summaries:
                best: tuple[int, str] | None = None
                for cand in [e.name, *e.aliases]:
                    low = cand.lower()
                    words = re.split(r"[\s\-'’]+", low)
                    rank = 0 if low.startswith(wanted) else 1 if any(w.startswith(wanted) for w in words) else 2
                    if rank < 2 and (best is None or rank < best[0]):
                        best = (rank, cand)
                if best is not None:
                    sug = s.EntitySuggestion(id=e.id, name=e.name, type=e.type, mentions=e.mentions, matched=best[1])
                    found.append(((best[0], -e.mentions, e.name), sug))
            found.sort(key=lambda x: x[0])
            typed = q.strip() if q.strip().endswith("*") else q.strip() + "*"  # the last word is still being typed
            return s.Suggestions(entities=[x[1] for x in found[:limit]], documents=hits(ws, typed, 5))

        return run(go)

    # ---- entities -----------------------------------------------------------------------
    @app.get("/api/stats", response_model=s.Stats, tags=["documents"])
    def stats() -> s.Stats:
        """Return counts of documents, articles, mentions, relations, entities, languages."""
        return run(lambda ws: s.Stats(counts=ws.stats()))

    @app.get("/api/entities", response_model=list[s.EntitySummary], tags=["entities"])
    def entities(type: str | None = Query(None, max_length=20),
                 limit: int = Query(200, ge=1, le=10000)) -> list[s.EntitySummary]:
        """Return entities ranked by mentions (optionally of one type: PERSON, ORG, GPE…)."""
        def go(ws: WebWorkspace) -> list[s.EntitySummary]:
            rows = [e for e in state.snapshot().summaries if type is None or e.type == type.upper()]
            return [s.EntitySummary(id=e.id, name=e.name, type=e.type, mentions=e.mentions, documents=e.documents,
                                    aliases=e.aliases) for e in rows[:limit]]
        return run(go)

    @app.get("/api/entities/{entity_id}", response_model=s.Profile, tags=["entities"])
    def profile(entity_id: int, mentions: int = Query(200, ge=0, le=5000)) -> s.Profile:
        """Return an entity's profile: aliases with why each was attached, description, documents, mentions."""
        def go(ws: WebWorkspace) -> s.Profile:
            p = ws.profile(f"#{entity_id}", mentions=mentions)
            snap = state.snapshot()
            docs = []
            for source in p.documents:
                rows = snap.by_source.get(source, [])
                ids = p.articles.get(source, [])
                first = snap.articles.get(ids[0]) if ids else (rows[0] if rows else None)
                docs.append(s.DocumentRef(source=source, title=first.title if first else None,
                                          date=first.date if first else None, article_ids=ids))
            return s.Profile(
                id=p.id, name=p.name, type=p.type, description=p.description,
                aliases=[s.Alias(alias=a.alias, count=a.count, reason=a.reason, evidence=a.evidence,
                                 reason_pass=a.reason_pass, reason_evidence=a.reason_evidence)
                         for a in sorted(p.aliases, key=lambda a: -a.count)],
                documents=docs,
                mentions=[s.Mention(doc=m.doc, article_id=m.article_id or state.article_of(m.doc, m.start),
                                    start=m.start, end=m.end, text=m.text, sentence=m.sentence) for m in p.mentions],
                mention_count=p.mention_count,
            )
        return run(go)

    @app.get("/api/entities/{entity_id}/relations", response_model=list[s.Relation], tags=["entities"])
    def relations(entity_id: int, predicate: str | None = Query(None, max_length=100)) -> list[s.Relation]:
        """Return the entity's relations (optionally of one predicate) with their quoted evidence."""
        return run(lambda ws: [state.relation(r) for r in ws.relations(f"#{entity_id}", predicate)])

    def graph_of(nodes: list[s.Node], rels: list[Any], cap: int, center: int | None) -> s.Graph:
        truncated = len(nodes) > cap
        if truncated:
            nodes = sorted(nodes, key=lambda n: (n.id != center, -n.mentions))[:cap]
        keep = {n.id for n in nodes}
        # an edge carries its first evidences only: the whole list comes with the entity's relations
        edges = [state.relation(r, EDGE_EVIDENCE) for r in rels if r.subject in keep and r.object in keep]
        return s.Graph(nodes=nodes, edges=edges, center=center, truncated=truncated)

    @app.get("/api/entities/{entity_id}/neighbors", response_model=s.Graph, tags=["graph"])
    def neighbors(entity_id: int, depth: int = Query(1, ge=1, le=3),
                  limit: int = Query(NEIGHBOR_MAX_NODES, ge=1, le=GRAPH_MAX_NODES)) -> s.Graph:
        """Return the ego network of an entity: entities within `depth` hops and the relations among them."""
        def go(ws: WebWorkspace) -> s.Graph:
            summaries, rels = ws.neighbors(f"#{entity_id}", depth)
            nodes = [state.node(x.id, x.mentions) for x in summaries]
            return graph_of(nodes, rels, limit, entity_id)
        return run(go)

    @app.get("/api/graph", response_model=s.Graph, tags=["graph"])
    def graph(limit: int = Query(GRAPH_DEFAULT_NODES, ge=1, le=GRAPH_MAX_NODES),
              type: str | None = Query(None, max_length=20)) -> s.Graph:
        """Return the whole store as nodes and edges: the `limit` most-mentioned entities and their relations."""
        def go(ws: WebWorkspace) -> s.Graph:
            summaries = [e for e in state.snapshot().summaries if type is None or e.type == type.upper()]
            nodes = [s.Node(id=e.id, name=e.name, type=e.type, mentions=e.mentions) for e in summaries]
            return graph_of(nodes, ws.relations(), limit, None)
        return run(go)

    @app.get("/api/path", response_model=s.PathResult, tags=["graph"])
    def path(a: str = Query(..., max_length=300, description="Entity id or name."),
             b: str = Query(..., max_length=300, description="Entity id or name."),
             max_hops: int = Query(4, ge=1, le=8), limit: int = Query(5, ge=1, le=20)) -> s.PathResult:
        """Return the shortest chains of asserted (not negated) relations linking a to b."""
        def go(ws: WebWorkspace) -> s.PathResult:
            ea, eb = ws.find_entity(entity_key(a)), ws.find_entity(entity_key(b))
            found = ws.path(f"#{ea.id}", f"#{eb.id}", max_hops=max_hops, limit=limit)
            return s.PathResult(
                a=state.ref(ea.id), b=state.ref(eb.id),
                paths=[[s.Hop(source=h.source, target=h.target, relation=state.relation(h.relation)) for h in p]
                       for p in found],
            )
        return run(go)

    @app.get("/api/timeline", response_model=list[s.TimelineEvent], tags=["events"])
    def timeline(entity: str | None = Query(None, max_length=300, description="Entity id or name."),
                 date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
                 date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
                 ) -> list[s.TimelineEvent]:
        """Return dated events in order (corpus-wide, or of one entity), within [from, to]."""
        def go(ws: WebWorkspace) -> list[s.TimelineEvent]:
            name = entity_key(entity) if entity else None
            return [
                s.TimelineEvent(kind=e.kind, date=e.date, summary=e.summary,
                                participants=[state.ref(p) for p in e.participants], negated=e.negated,
                                attributed_to=e.attributed_to, evidence=[state.evidence(x) for x in e.evidence])
                for e in ws.timeline(name, date_from, date_to)
            ]
        return run(go)

    @app.get("/api/conflicts", response_model=list[s.ConflictOut], tags=["events"])
    def conflicts() -> list[s.ConflictOut]:
        """Return where sources disagree (numbers, dates), with every side's claim and evidence."""
        def go(ws: WebWorkspace) -> list[s.ConflictOut]:
            found, claims = ws.conflicts()
            out = []
            for c in found:
                sides = []
                for cid in c.claims:
                    cl = claims.get(cid)
                    if cl is None:
                        continue
                    sides.append(s.Claim(
                        id=cl.id, entity=_claim_entity(state, cl.entity), quantity=cl.quantity, value=str(cl.value),
                        unit=cl.unit, approx=cl.approx, attributed_to=cl.attributed_to,
                        evidence=[state.evidence(x) for x in cl.evidence]))
                out.append(s.ConflictOut(kind=c.kind, entity=_claim_entity(state, c.entity), quantity=c.quantity,
                                         note=c.note, values=list(c.values), claims=sides))
            return out
        return run(go)

    # ---- documents ----------------------------------------------------------------------
    @app.get("/api/documents", response_model=list[s.DocumentOut], tags=["documents"])
    def documents(limit: int | None = Query(None, ge=1), offset: int = Query(0, ge=0)) -> list[s.DocumentOut]:
        """Return one row per stored article (source, title, date, language, words, duplicate_of), by source."""
        def go(ws: WebWorkspace) -> list[s.DocumentOut]:
            rows = list(state.snapshot().articles.values())[offset:]
            return [state.document(a) for a in (rows[:limit] if limit else rows)]
        return run(go)

    @app.get("/api/documents/{article_id}", response_model=s.DocumentText, tags=["documents"])
    def document(article_id: int) -> s.DocumentText:
        """Return an article's original text and its mentions (offsets relative to the returned text)."""
        def go(ws: WebWorkspace) -> s.DocumentText:
            snap = state.snapshot()
            a = snap.articles.get(article_id)
            if a is None:
                raise HTTPException(404, f"no article {article_id}")
            original = ws.store.document_text(a.source)
            text = original[a.start:a.end]
            spans = []
            for m in ws.store.mentions(article_id):
                start, end = max(m.start, a.start) - a.start, min(m.end, a.end) - a.start
                if end <= start:
                    continue
                entity = snap.entity_of_mention.get(m.id)
                ref = state.ref(entity) if entity is not None and entity in snap.entities else None
                spans.append(s.MentionSpan(start=start, end=end, text=text[start:end], label=m.label, entity=ref))
            spans.sort(key=lambda x: (x.start, -x.end))
            return s.DocumentText(article=state.document(a), text=text, offset=a.start, mentions=spans)
        return run(go)

    # ---- curation -----------------------------------------------------------------------
    def curated(action: str, fn: Callable[[WebWorkspace], EntityRow | None], message: str) -> s.CurationResult:
        def go(ws: WebWorkspace) -> s.CurationResult:
            row = fn(ws)
            state.invalidate()
            return s.CurationResult(ok=True, action=action, entity=state.ref(row.id) if row else None, message=message)
        return run(go)

    auth = [Depends(require_token)]

    @app.post("/api/curation/merge", response_model=s.CurationResult, dependencies=auth, tags=["curation"])
    def merge(req: s.MergeRequest) -> s.CurationResult:
        """Merge entity b into entity a (stored as a decision); return the merged entity."""
        if entity_key(req.a) == entity_key(req.b):
            raise HTTPException(422, "cannot merge an entity into itself")
        return curated("merge", lambda ws: ws.merge(entity_key(req.a), entity_key(req.b)), "merged")

    @app.post("/api/curation/split", response_model=s.CurationResult, dependencies=auth, tags=["curation"])
    def split(req: s.SplitRequest) -> s.CurationResult:
        """Split the mentions named `alias` off an entity; return the new entity."""
        return curated("split", lambda ws: ws.split(entity_key(req.entity), req.alias), f"split off {req.alias!r}")

    @app.post("/api/curation/rename", response_model=s.CurationResult, dependencies=auth, tags=["curation"])
    def rename(req: s.RenameRequest) -> s.CurationResult:
        """Give an entity a new canonical name; return it."""
        name = " ".join(req.name.split())
        if not name:
            raise HTTPException(422, "empty name")
        return curated("rename", lambda ws: ws.rename(entity_key(req.entity), name), f"renamed to {name!r}")

    @app.post("/api/curation/reject", response_model=s.CurationResult, dependencies=auth, tags=["curation"])
    def reject(req: s.RejectRequest) -> s.CurationResult:
        """Reject an entity (not an actor, or junk): it no longer appears anywhere."""
        return curated("reject", lambda ws: ws.reject(entity_key(req.entity)), "rejected")

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the web app with uvicorn until interrupted, printing the URL and the curation token; returns None."""
    import uvicorn

    token = os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(24)
    app = create_app(db, token)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"linkchart: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)")
    print(f"curation token ({TOKEN_HEADER} header; the page on this machine gets it by itself): {token}")
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {host}: anyone who can reach it can read the store; "
              "pages opened from other machines must be given the token")
    uvicorn.run(app, host=host, port=port, log_level="warning")
