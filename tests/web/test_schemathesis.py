"""Schemathesis against /openapi.json: generated requests, valid and invalid, to every operation; no 5xx.

The app serves a private copy of the session's sample store (curation changes it) and the
token is sent, so POSTs reach the curation steps rather than stopping at 401. A bounded run:
`EXAMPLES` per operation and generation mode (LINKCHART_SCHEMATHESIS_EXAMPLES sets more, on
demand). The requests made and the status codes seen are printed (`pytest -s`).
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from linkchart.web.app import create_app
from linkchart.web.guard import Hosts

TOKEN = "schemathesis-token"
EXAMPLES = int(os.environ.get("LINKCHART_SCHEMATHESIS_EXAMPLES", "8"))


@pytest.mark.sqlite_only(reason="the fuzzed store is a copy made with SQLite's backup API")
def test_no_generated_request_gets_a_server_error(web_db: str, tmp_path: Path) -> None:
    db = str(tmp_path / "fuzzed.db")
    with sqlite3.connect(web_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    app = create_app(db, token=TOKEN, hosts=Hosts(["testserver"]))  # the host name of schemathesis' ASGI client
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    seen: Counter[int] = Counter()
    server_errors: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 16
    for operation in operations:
        for mode in GenerationMode:

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            def call(case: schemathesis.Case) -> None:
                response = case.call(headers={"X-Linkchart-Token": TOKEN})
                seen[response.status_code] += 1
                if response.status_code >= 500:
                    server_errors.append(f"{case.method} {case.formatted_path} {case.query} {case.body!r:.200}: "
                                         f"{response.status_code} {response.text[:200]}")

            try:
                call()
            except Unsatisfiable:  # nothing to make invalid (an operation without parameters)
                assert mode is GenerationMode.NEGATIVE
    print(f"\nschemathesis: {len(operations)} operations, {sum(seen.values())} requests, "
          f"status codes {dict(sorted(seen.items()))}")
    assert sum(seen.values()) >= len(operations) * 2
    assert not server_errors, "\n".join(server_errors[:10])
