"""The profile page's list badges in a real browser: shown, and rejected with the button (stored as a verdict)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from linkchart.api import Workspace

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only(reason="one page journey; the API tests cover both")]
CHROMIUM = "/usr/bin/chromium"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    """Return a page of a headless chromium (skips when Debian's chromium or Playwright is missing)."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is missing")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        yield pg
        browser.close()


def test_a_badge_is_shown_and_rejected_from_the_profile(page: Any, backend: str, new_store: Callable[[str], str],
                                                        live_server: Callable[[str], str]) -> None:
    url = new_store(backend)
    with Workspace(url, processes=1) as ws:
        assert ws.ingest([str(FIXTURES / "screening")]).ok
        ws.screen(str(FIXTURES / "lists" / "ofac"))
        entity = ws.find_entity("Haidar al-Qassimi").id
    base = live_server(url)
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    page.evaluate(f"window.linkchart.openEntity({entity})")
    page.wait_for_selector(".listing .badge.listed")
    assert page.text_content(".listing .badge.listed") == "listed: OFAC SDN 10001 (SDGT, IRGC)"
    page.click(".listing button.danger")  # reject
    page.wait_for_function("() => !document.querySelector('.listing') && document.querySelector('.profile-name')")
    statuses = {m["entry_id"]: m["status"] for m in httpx.get(base + "/api/screening").json()}
    assert statuses["10001"] == "rejected" and statuses["10002"] == "unreviewed"
    assert page.errors == []
