"""How the app answers a request its schema refuses: 422 with each error's place and reason, inputs shortened.

FastAPI's own answer repeats every refused input whole (a 100 KB query comes back as a
100 KB error); this one keeps at most `SHOWN_CHARS` characters of it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

SHOWN_CHARS = 80
MAX_ERRORS = 20
_SURROGATE = re.compile("[\ud800-\udfff]")  # not encodable as UTF-8: shown as its escape


def shortened(value: Any, limit: int = SHOWN_CHARS) -> Any:
    """Return `value` as JSON can carry it, cut to about `limit` characters when it is longer (then as text)."""
    if isinstance(value, str):
        short = value if len(value) <= limit else value[:limit] + f"… ({len(value):,} characters)"
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", short)
    try:
        encoded = jsonable_encoder(value)
        text = json.dumps(encoded, ensure_ascii=False)
    except (TypeError, ValueError):
        return shortened(repr(value), limit)
    return encoded if len(text) <= limit and not _SURROGATE.search(text) else shortened(text, limit)


async def validation_error(_: Request, exc: Exception) -> JSONResponse:
    """Return the 422 answer to a request the schema refuses: loc, msg, type and a shortened input per error."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [
        {"loc": [shortened(x) for x in e.get("loc", ())], "msg": shortened(str(e.get("msg", "")), 300),
         "type": e.get("type", ""), "input": shortened(e.get("input"))}
        for e in errors[:MAX_ERRORS]
    ]
    return JSONResponse({"detail": detail}, status_code=422)
