"""The app's outer guard: which hosts it answers, how much a request may carry, and no crash without an answer.

`Guard` is an ASGI middleware that, before the app sees a request,
- refuses a `Host` header the server does not go by (400): a page on another site whose
  name was re-pointed at 127.0.0.1 (DNS rebinding) cannot read the store through the
  analyst's browser;
- refuses a query string over 8 KB (414) and a body over 64 KB (413), read in full before
  the app sees it, so no request makes the server hold or parse more;
and after it, turns any exception the app lets out into a short 500 JSON answer, logged, that
keeps the connection usable (a server that re-raises makes uvicorn drop the keep-alive
connection, and the client's next request on it fails).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

MAX_BODY = 64 * 1024
MAX_QUERY = 8 * 1024
MAX_PATH = 2 * 1024
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
log = logging.getLogger("linkchart.web")


class Hosts:
    """The `Host` headers a server answers: names at any port, or exact `name:port` pairs; `anything` answers all."""

    def __init__(self, allowed: Iterable[str] = LOOPBACK_NAMES, anything: bool = False) -> None:
        self.anything = anything
        self.allowed = {h.strip().lower().rstrip(".") for h in allowed if h.strip()}

    @classmethod
    def served_at(cls, host: str, port: int, extra: Iterable[str] = ()) -> Hosts:
        """Return the hosts of a server bound to `host:port`: the loopback names and `host` at that port, and `extra`.

        A wildcard address (0.0.0.0, ::) means the admin chose to expose the server: any host.
        """
        if host in ("0.0.0.0", "::", ""):
            return cls(anything=True)
        names = {*LOOPBACK_NAMES, f"[{host}]" if ":" in host and not host.startswith("[") else host}
        allowed = {f"{n}:{port}" for n in names}
        if port == 80:  # browsers leave the default port out of Host
            allowed |= names
        return cls([*allowed, *extra])

    def allows(self, header: str | None) -> bool:
        """Return True when a request with this `Host` header is answered."""
        if self.anything:
            return True
        if not header:
            return False
        host = header.strip().lower()
        if host in self.allowed:
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.rstrip(".") in self.allowed


async def _answer(send: Send, status: int, detail: str, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    """Send a JSON `{"detail": …}` answer with `status`; returns nothing."""
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store"), *headers]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """ASGI middleware: host check, size limits, and a 500 answer for any exception (see the module)."""

    def __init__(self, app: ASGIApp, hosts: Hosts | None = None, max_body: int = MAX_BODY,
                 max_query: int = MAX_QUERY) -> None:
        self.app = app
        self.hosts = hosts or Hosts()
        self.max_body = max_body
        self.max_query = max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        host = headers.get(b"host", b"").decode("latin-1")
        if not self.hosts.allows(host):
            await _answer(send, 400, "unknown Host: this server answers only the names it serves "
                          "(start it with --allow-host NAME to add one)")
            return
        if len(scope.get("query_string", b"")) > self.max_query or len(scope.get("raw_path") or b"") > MAX_PATH:
            await _answer(send, 414, f"URL too long (query string at most {self.max_query // 1024} KB)")
            return
        body = await self._body(scope, receive, headers)
        if body is None:
            await _answer(send, 413, f"request body too large (at most {self.max_body // 1024} KB)",
                          [(b"connection", b"close")])
            return
        await self._run(scope, body, receive, send)

    async def _body(self, scope: Scope, receive: Receive, headers: dict[bytes, bytes]) -> list[Message] | None:
        """Return the request's body messages, read in full; None when it is larger than allowed."""
        declared = headers.get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_body:
            return None
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages
            size += len(message.get("body", b""))
            if size > self.max_body:
                return None
            if not message.get("more_body", False):
                return messages

    async def _run(self, scope: Scope, body: list[Message], receive: Receive, send: Send) -> None:
        """Run the app on the buffered body; an exception it lets out becomes a logged 500 answer."""
        queued = list(body)
        started = False

        async def replay() -> Message:
            return queued.pop(0) if queued else await receive()  # after the body: wait for the disconnect

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, replay, watch)
        except Exception:
            log.exception("error while answering %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _answer(send, 500, "internal error: the request failed (see the server log)")
