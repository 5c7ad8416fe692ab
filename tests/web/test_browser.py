"""The page in a real browser (Playwright driving Debian's chromium) against a live uvicorn.

Screenshots go to artifacts/screenshots/ (git-ignored) for a human look.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from linkchart.api import Workspace

pytestmark = pytest.mark.browser
# Journeys that only read run once: the page reads the same API over either back end, and
# tests/web/test_api.py runs every route on both. Curation and ingest journeys run on both.
SAME_PAGE_ON_EITHER_BACKEND = pytest.mark.sqlite_only(reason="read-only page journey; the API tests cover both")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
XSS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '<a href="javascript:window.__xss=1">click</a>',
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Return a headless chromium (skips when Debian's chromium or Playwright is missing)."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) for browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """Return a fresh page that records console errors and page errors in `page.errors`."""
    context = browser.new_context(viewport={"width": 1600, "height": 950})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


@pytest.fixture(scope="module")
def base(live_server: Callable[[str], str], web_db: str) -> str:
    """Return the URL of a live server over the session's sample store."""
    return live_server(web_db)


def shot(page: Any, name: str) -> None:
    """Save a screenshot of the page to artifacts/screenshots/<name>.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def open_page(page: Any, url: str) -> None:
    """Open the page and wait until its first data has loaded."""
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20000)


def counts(url: str) -> dict[str, Any]:
    """Return the store's counts from the API."""
    return httpx.get(url + "/api/stats").json()["counts"]


def needs(url: str, what: str) -> None:
    """Skip when the store holds none of `what` (a stage of extraction not in this build)."""
    if not counts(url).get(what):
        pytest.skip(f"the sample store has no {what}: that extraction stage is missing from this build")


def normal(text: str) -> str:
    """Return text with runs of whitespace folded to one space."""
    return " ".join(text.split())


def unwrapped(text: str) -> str:
    """Return `text` folded as `normal` with every hyphen and the space around it dropped.

    Evidence quotes the repaired text, where a word hyphenated across a line break
    ('south-' / 'ern') is whole again; the reader shows the document as written.
    """
    return re.sub(r"\s*[-\u00ad]\s*", "", normal(text))


MARKED = "() => Array.from(document.querySelectorAll('mark.evidence')).map(m => m.textContent).join('')"


def top_entity_of(url: str, q: str) -> dict[str, Any]:
    """Return the most mentioned entity whose name holds `q`."""
    return next(e for e in httpx.get(url + "/api/entities", params={"limit": 1000}).json() if q in e["name"])


def other_end(r: dict[str, Any], entity: dict[str, Any]) -> int:
    """Return the id of the end of relation `r` that is not `entity`."""
    return r["object"]["id"] if r["subject"]["id"] == entity["id"] else r["subject"]["id"]


def tap_edge_and_check_evidence(page: Any) -> None:
    """Tap the first edge of the centred entity and check the reader highlights that edge's evidence."""
    expected = page.evaluate("""() => {
        const edge = window.linkchartGraph.nodes('.center').connectedEdges()[0];
        edge.emit('tap');
        return edge.data('relation').evidence[0].text;
    }""")
    page.wait_for_selector("mark.evidence")
    marked = page.evaluate("Array.from(document.querySelectorAll('mark.evidence')).map(m => m.textContent).join('')")
    assert unwrapped(marked) == unwrapped(expected)


@SAME_PAGE_ON_EITHER_BACKEND
def test_search_profile_graph_and_evidence(page: Any, base: str) -> None:
    needs(base, "relations")
    open_page(page, base)
    shot(page, "01-whole-store")
    page.fill("#search", "Khazali")
    page.wait_for_selector("#suggestions .item")
    shot(page, "02-suggestions")
    page.click("#suggestions .item >> nth=0")
    page.wait_for_selector(".profile-name")
    assert "Khazali" in page.text_content(".profile-name")
    page.wait_for_function("() => window.linkchartGraph.nodes().length > 1")
    center = page.evaluate("window.linkchartGraph.nodes('.center').map(n => n.data('label'))")
    assert center and "Khazali" in center[0]
    assert page.locator(".relation-group").count() > 0
    shot(page, "03-profile-and-neighbours")

    tap_edge_and_check_evidence(page)
    visible = page.evaluate("""() => {
        const m = document.querySelector('mark.evidence').getBoundingClientRect();
        const r = document.querySelector('#tab-reader').getBoundingClientRect();
        return m.top >= r.top && m.bottom <= r.bottom;
    }""")
    assert visible, "the evidence was not scrolled into view"
    assert page.locator(".relation-card").count() == 1
    shot(page, "04-reader-evidence")

    # a mention in the reader links to its entity's profile
    page.click("#tab-reader a.mention[data-entity] >> nth=0")
    page.wait_for_selector("#tab-profile.active .profile-name")
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_evidence_quote_opens_reader(page: Any, base: str) -> None:
    needs(base, "relations")
    open_page(page, base)
    page.fill("#search", "Khazali")
    page.wait_for_selector("#suggestions .item")
    page.keyboard.press("Enter")
    page.wait_for_selector(".evidence-quote")
    quote = page.text_content(".relation .evidence-quote span")
    page.click(".relation .evidence-quote >> nth=0")
    page.wait_for_selector("mark.evidence")
    marked = page.evaluate("Array.from(document.querySelectorAll('mark.evidence')).map(m => m.textContent).join('')")
    assert unwrapped(marked) == unwrapped(quote)
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_path_from_khazali_to_soleimani(page: Any, base: str) -> None:
    needs(base, "relations")
    open_page(page, base)
    page.fill("#path-a", "Khazali")
    page.fill("#path-b", "Soleimani")
    page.click("#path-go")
    page.wait_for_selector("#path-result .path-line")
    drawn = page.evaluate("""() => {
        const cy = window.linkchartGraph;
        return {edges: cy.edges('.path').length, nodes: cy.nodes('.path').map(n => n.data('label'))};
    }""")
    assert drawn["edges"] >= 1
    assert any("Khazali" in n for n in drawn["nodes"]) and any("Soleimani" in n for n in drawn["nodes"])
    shot(page, "05-path")
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_a_path_search_that_stopped_early_says_so(page: Any, base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    needs(base, "relations")
    from linkchart.graph import stored

    monkeypatch.setattr(stored, "PATH_FRONTIER_MAX", 0)  # the server runs in this process: every search stops
    open_page(page, base)
    page.fill("#path-a", "Khazali")
    page.fill("#path-b", "Soleimani")
    page.click("#path-go")
    page.wait_for_selector("#path-result .partial")
    text = normal(page.text_content("#path-result"))
    assert "Search stopped early" in text and "Khazali" in text and "one may exist" in text
    assert not page.locator("#path-result .path-line").count()
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_neighbours_say_how_many_are_shown_and_show_more(page: Any, base: str) -> None:
    needs(base, "relations")
    open_page(page, base)
    entity = httpx.get(base + "/api/entities", params={"limit": 1}).json()[0]
    total = httpx.get(base + f"/api/entities/{entity['id']}/neighbors").json()["total"]
    assert total > 3
    page.evaluate(f"window.linkchart.loadNeighbourhood({entity['id']}, {{ limit: 3 }})")
    page.wait_for_selector("#graph-more:not(.hidden) #graph-more-link")
    assert f"showing 2 of {total - 1} neighbours of {entity['name']}" in normal(page.text_content("#graph-more"))
    assert page.evaluate("window.linkchartGraph.nodes().length") == 3
    page.click("#graph-more-link")  # the next step (100) holds them all
    page.wait_for_selector("#graph-more.hidden", state="attached")
    page.wait_for_function(f"() => window.linkchartGraph.nodes().length === {total}")
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_a_profile_reads_its_documents_a_page_at_a_time(page: Any, base: str) -> None:
    entity = httpx.get(base + "/api/entities", params={"limit": 1}).json()[0]
    count = httpx.get(base + f"/api/entities/{entity['id']}", params={"documents": 1}).json()["document_count"]
    assert count >= 2
    page.goto(base + "/?docs=1")  # one document a page
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    page.evaluate(f"window.linkchart.openProfile({entity['id']})")
    page.wait_for_selector("#more-documents")
    assert page.locator("#tab-profile .doc-refs li").count() == 1
    assert f"Documents ({count})" in page.text_content("#tab-profile")
    for shown in range(2, count + 1):
        page.click("#more-documents")
        page.wait_for_function(f"() => document.querySelectorAll('#tab-profile .doc-refs li').length === {shown}")
    assert not page.locator("#more-documents").count()
    sources = page.evaluate("Array.from(document.querySelectorAll('#tab-profile .doc-refs li .muted'))"
                            ".map(e => e.textContent)")
    assert len(set(sources)) == count
    assert not page.errors, page.errors


def evidence_of(base: str, r: dict[str, Any]) -> list[dict[str, Any]]:
    """Return every evidence of relation `r` from the API."""
    return httpx.get(base + f"/api/relations/{r['id']}/evidence", params={
        "subject": r["subject"]["id"], "object": r["object"]["id"], "limit": 1000}).json()["evidence"]


@SAME_PAGE_ON_EITHER_BACKEND
def test_an_edge_shows_its_first_evidence_and_reads_the_others_on_asking(page: Any, base: str) -> None:
    needs(base, "relations")
    open_page(page, base)
    entity = top_entity_of(base, "Khazali")
    page.evaluate(f"window.linkchart.openEntity({entity['id']})")
    page.wait_for_function("() => window.linkchartGraph.nodes('.center').length === 1")
    edge = page.evaluate("""() => {  // the edge stated most often: it came with its first evidence only
        const edges = window.linkchartGraph.edges().map(e => e.data('relation'));
        const r = edges.reduce((a, b) => (b.evidence_count > a.evidence_count ? b : a));
        window.linkchartGraph.getElementById(r.id).emit('tap');
        return r;
    }""")
    assert len(edge["evidence"]) == 1 and edge["evidence_count"] > 1
    page.wait_for_selector("mark.evidence")
    assert unwrapped(page.evaluate(MARKED)) == unwrapped(edge["evidence"][0]["text"])
    card = ".relation-card .source-list"
    assert f"{edge['evidence_count']} sources" in page.text_content(card)
    assert page.locator(f"{card} .source-links a").count() == 1
    page.click(f"{card} .more-evidence")  # read from the relation's evidence route
    page.wait_for_function(f"() => document.querySelectorAll('{card} .source-links a').length === "
                           f"{min(edge['evidence_count'], 51)}")
    every = evidence_of(base, edge)
    assert len(every) == edge["evidence_count"]
    page.click(f"{card} .source-links a >> nth=1")  # a source that came on asking opens in the reader
    page.wait_for_function(f"(t) => ({MARKED})().replace(/[\\s\\-\u00ad]+/g, '') === t",
                           arg=unwrapped(every[1]["text"]).replace(" ", ""))
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_a_profile_reads_more_sources_relations_and_mentions_on_asking(page: Any, base: str) -> None:
    needs(base, "relations")
    entity = top_entity_of(base, "Khazali")
    rels = httpx.get(base + f"/api/entities/{entity['id']}/relations", params={"evidence": 1000}).json()
    many = max(rels, key=lambda r: r["evidence_count"])
    assert many["evidence_count"] > 3
    page.goto(base + "/?rels=2")  # two relations a page
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    page.evaluate(f"window.linkchart.openProfile({entity['id']})")
    page.wait_for_selector("#more-relations")
    assert f"Relations ({len(rels)})" in page.text_content("#tab-profile")
    assert page.locator("#tab-profile .relation").count() == 2
    for shown in range(4, len(rels) + 2, 2):
        page.click("#more-relations")
        page.wait_for_function(f"() => document.querySelectorAll('#tab-profile .relation').length === "
                               f"{min(shown, len(rels))}")
    assert not page.locator("#more-relations").count()
    heads = page.evaluate("Array.from(document.querySelectorAll('#tab-profile .relation-group')).map(g => "
                          "g.querySelector('.predicate').textContent + g.querySelector('.count').textContent)")
    assert len(heads) == len({r["predicate"] for r in rels})  # one group a predicate, across pages
    box = page.locator("#tab-profile .relation").nth(rels.index(many))  # grouped by predicate: the API's order
    assert other_end(many, entity) == int(box.locator(".entity-link").get_attribute("title").split("#")[-1])
    assert box.locator(".evidence-quote").count() == 3
    box.locator(".more-evidence").click()
    page.wait_for_function("(n) => Array.from(document.querySelectorAll('#tab-profile .relation'))"
                           ".some(b => b.querySelectorAll('.evidence-quote').length === n)", arg=many["evidence_count"])
    quotes = [normal(q) for q in box.locator(".evidence-quote span").all_text_contents()]
    assert quotes == [normal(e["text"]) for e in evidence_of(base, many)]

    profile = httpx.get(base + f"/api/entities/{entity['id']}", params={"mentions": 5000}).json()
    assert profile["mention_count"] > 20
    page.click("#tab-profile details.mentions summary")
    assert page.locator("#tab-profile .mentions .evidence-quote").count() == 20
    while page.locator("#more-mentions").count():
        before = page.locator("#tab-profile .mentions .evidence-quote").count()
        page.click("#more-mentions")
        page.wait_for_function(f"() => document.querySelectorAll('#tab-profile .mentions .evidence-quote').length"
                               f" > {before}")
    shown = page.locator("#tab-profile .mentions .evidence-quote span").all_text_contents()
    assert [normal(x) for x in shown] == [normal(m["sentence"]) for m in profile["mentions"]]
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_timeline_shows_2007(page: Any, base: str) -> None:
    needs(base, "events")
    open_page(page, base)
    page.click("button[data-tab=timeline]")
    page.wait_for_selector(".timeline .event")
    years = page.evaluate("Array.from(document.querySelectorAll('.timeline h3.year')).map(h => h.textContent)")
    assert "2007" in years
    page.fill("#timeline-from", "2007")
    page.fill("#timeline-to", "2007")
    page.click("#timeline-go")
    page.wait_for_function("""() => Array.from(document.querySelectorAll('.timeline h3.year'))
        .every(h => h.textContent === '2007')""")
    shot(page, "06-timeline-2007")
    page.click(".timeline .evidence-quote >> nth=0")
    page.wait_for_selector("mark.evidence")
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_conflicts_and_documents(page: Any, base: str) -> None:
    open_page(page, base)
    page.click("button[data-tab=conflicts]")
    page.wait_for_selector("#conflicts > *")
    shot(page, "07-conflicts")
    page.click("#document-list li >> nth=0")
    page.wait_for_selector("#tab-reader.active .reader-text")
    assert page.locator("#tab-reader a.mention").count() > 0
    assert not page.errors, page.errors


def test_curation_from_the_page(page: Any, live_server: Callable[[str], str], web_db_copy: str) -> None:
    url = live_server(web_db_copy)
    open_page(page, url)
    assert page.evaluate("document.querySelector('meta[name=linkchart-token]').content")  # served to 127.0.0.1
    page.fill("#search", "Khazali")
    page.wait_for_selector("#suggestions .item")
    page.keyboard.press("Enter")
    page.wait_for_selector(".curation")
    page.fill(".curation input[aria-label='new name']", "Qais the Renamed")
    page.click(".curation button[type=submit] >> text=Rename")
    page.wait_for_function("() => document.querySelector('.profile-name').textContent === 'Qais the Renamed'")
    page.wait_for_function("""() => Array.from(document.querySelectorAll('#entity-list .name'))
        .some(n => n.textContent === 'Qais the Renamed')""")
    shot(page, "08-curation-rename")
    assert not page.errors, page.errors


def test_untrusted_text_and_names_stay_text(page: Any, live_server: Callable[[str], str], tmp_path: Path,
                                            auth: dict[str, str], ingest_store: Callable[..., str],
                                            backend: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "payload.txt").write_text(
        f"Report on Commander Omar Haddad {XSS[0]} in Beirut.\n\n"
        f"Omar Haddad met officials of the Hezbollah group in Beirut on 3 March 2019 {XSS[1]}. "
        f"The Lebanese army said Omar Haddad was not in Sidon. See {XSS[2]}.\n", encoding="utf-8")
    (docs / "payload.md").write_text(
        f"# {XSS[1]} General Karim Nasser in Baghdad\n\n*March 3, 2019*\n\n"
        f"General Karim Nasser {XSS[0]} visited Baghdad in 2019 and met Omar Haddad there. {XSS[2]}\n",
        encoding="utf-8")
    (docs / "feed.jsonl").write_text(json.dumps({
        "title": XSS[0], "date": "2020-01-01", "url": "javascript:window.__xss=1", "source": XSS[1],
        "text": f"Omar Haddad {XSS[1]} spoke in Beirut about Karim Nasser. {XSS[0]}",
    }) + "\n", encoding="utf-8")
    db = ingest_store([str(docs)], backend)
    url = live_server(db)

    entities = httpx.get(url + "/api/entities").json()
    assert entities, "nothing was extracted from the payload documents"
    target = entities[0]
    payload_name = f'{XSS[1]}{XSS[0]}Omar'
    r = httpx.post(url + "/api/curation/rename", json={"entity": target["id"], "name": payload_name}, headers=auth)
    assert r.status_code == 200, r.text
    renamed = r.json()["entity"]["id"]

    open_page(page, url)
    page.evaluate(f"window.linkchart.openEntity({renamed})")
    page.wait_for_selector(".profile-name")
    assert page.text_content(".profile-name") == payload_name
    page.fill("#search", "script")
    page.wait_for_timeout(600)
    for article in httpx.get(url + "/api/documents").json():
        page.evaluate(f"window.linkchart.openDocument({article['article_id']})")
        page.wait_for_function(
            "(id) => document.querySelector('#tab-reader .reader-text') && window.linkchart.state.document"
            " && window.linkchart.state.document.article.article_id === id", arg=article["article_id"])
        text = page.inner_text("#tab-reader")
        assert "window.__xss=1" in text  # the payload is shown, as text
    page.evaluate("window.linkchart.loadTimeline()")
    page.wait_for_timeout(300)
    shot(page, "09-xss-as-text")
    assert page.evaluate("typeof window.__xss") == "undefined"
    injected = page.evaluate("""document.querySelectorAll(
        '.panel img, .panel script, .centre img, .centre script, a[href^="javascript"]').length""")
    assert injected == 0
    labels = page.evaluate("window.linkchartGraph.nodes().map(n => n.data('label'))")
    assert payload_name in labels
    page.click("#tab-reader a.mention >> nth=0")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"


@pytest.fixture(scope="module")
def shared_base(live_server: Callable[[str], str], shared_corpus: Path,
                tmp_path_factory: pytest.TempPathFactory) -> str:
    """Return the URL of a live server over a store of ../shared/corpus (skips where absent)."""
    db = tmp_path_factory.mktemp("shared-web") / "shared.db"
    with Workspace(db, processes=1) as ws:  # no fork while test servers run in threads
        assert ws.ingest([str(shared_corpus)]).ok
    return live_server(str(db))


def test_main_journeys_on_the_shared_corpus(page: Any, shared_base: str) -> None:
    open_page(page, shared_base)
    page.fill("#search", "Khazali")
    page.wait_for_selector("#suggestions .item")
    page.click("#suggestions .item >> nth=0")
    page.wait_for_selector(".profile-name")
    assert "Khazali" in page.text_content(".profile-name")
    page.wait_for_function("() => window.linkchartGraph.nodes().length > 3")
    tap_edge_and_check_evidence(page)
    shot(page, "10-shared-corpus-evidence")
    page.fill("#path-a", "Khazali")
    page.fill("#path-b", "Soleimani")
    page.click("#path-go")
    page.wait_for_selector("#path-result .path-line")
    assert page.evaluate("window.linkchartGraph.edges('.path').length") >= 1
    shot(page, "11-shared-corpus-path")
    page.click("button[data-tab=timeline]")
    page.wait_for_selector(".timeline .event")
    years = page.evaluate("Array.from(document.querySelectorAll('.timeline h3.year')).map(h => h.textContent)")
    assert "2007" in years
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_api_docs_render_offline_from_vendored_swagger(page: Any, base: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20000)
    paths = page.evaluate("Array.from(document.querySelectorAll('.opblock-summary-path')).map(e => e.textContent)")
    assert any("/api/entities/{entity_id}" in p or "/api/entities" in p for p in paths)
    assert all(u.startswith(base) or u.startswith("data:") for u in requests), requests
    shot(page, "12-api-docs")


# ---- the whole-store view: who matters, legibly -------------------------------------------------
LEGIBILITY = """() => {
    const cy = window.linkchartGraph;
    const shown = cy.nodes().not('.filtered').not('.unlinked');
    const edges = cy.edges().not('.filtered');
    const isolated = shown.filter(n => !n.hasClass('center') && n.connectedEdges().not('.filtered').length === 0);
    const labelled = shown.filter('.labelled').not('.crowded');
    const onlyLabel = {includeNodes: false, includeEdges: false, includeLabels: true};
    const boxes = labelled.map(n => n.renderedBoundingBox(onlyLabel));
    let overlapping = 0;
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping += 1;
    }));
    const graph = document.querySelector('#graph').getBoundingClientRect();
    const legend = document.querySelector('#legend').getBoundingClientRect();
    const outside = shown.filter(n => {
        const p = n.renderedPosition();
        return p.x < 0 || p.y < 0 || p.x > graph.width || p.y > graph.height;
    }).length;
    const byRank = shown.sort((a, b) => b.data('pagerank') - a.data('pagerank'));
    return {
        nodes: shown.length, edges: edges.length, isolated: isolated.length, labelled: labelled.length,
        overlapping, outside, legendBelow: legend.top >= graph.bottom - 1, legendText: legend.height > 0,
        colours: new Set(shown.map(n => n.style('background-color'))).size,
        topLabelled: byRank[0].hasClass('labelled'),
        topBiggest: byRank[0].width() >= Math.max(...shown.map(n => n.width())),
    };
}"""


def check_whole_store_view(page: Any, url: str, name: str) -> None:
    """Open the whole-store view and check it is legible; save a screenshot for a human look."""
    open_page(page, url)
    page.wait_for_timeout(300)
    seen = page.evaluate(LEGIBILITY)
    shot(page, name)
    assert seen["nodes"] > 5 and seen["edges"] > 5, seen
    assert seen["isolated"] == 0, "unlinked entities are hidden until asked for"
    assert 5 <= seen["labelled"] <= 30 and seen["overlapping"] == 0, seen
    assert seen["topLabelled"] and seen["topBiggest"], "the best-ranked entity is the biggest and labelled"
    assert seen["outside"] == 0 and seen["legendBelow"] and seen["legendText"], "the legend never covers a node"
    assert seen["colours"] >= 3, "communities are coloured apart"
    assert "unlinked hidden" in page.text_content("#graph-info")
    page.check("#graph-isolated")
    page.wait_for_function("(n) => window.linkchartGraph.nodes().not('.filtered').not('.unlinked').length > n",
                           arg=seen["nodes"])
    page.uncheck("#graph-isolated")
    page.fill("#graph-sources", "2")
    page.wait_for_function("() => document.body.dataset.metrics")
    fewer = page.evaluate(LEGIBILITY)
    assert fewer["edges"] < seen["edges"] and fewer["isolated"] == 0
    page.fill("#graph-sources", "1")
    page.select_option("#graph-colour", "type")
    page.select_option("#graph-size", "betweenness")
    assert "size = betweenness" in page.text_content("#legend")
    assert not page.errors, page.errors


def test_whole_store_view_is_legible_on_the_sample(page: Any, base: str) -> None:
    needs(base, "relations")
    check_whole_store_view(page, base, "13-whole-store-sample")


def test_whole_store_view_is_legible_on_the_shared_corpus(page: Any, shared_base: str) -> None:
    check_whole_store_view(page, shared_base, "14-whole-store-shared-corpus")


def test_profile_dossier_button_opens_the_report(page: Any, base: str) -> None:
    needs(base, "relations")
    open_page(page, base)
    page.fill("#search", "Khazali")
    page.wait_for_selector("#suggestions .item")
    page.keyboard.press("Enter")
    page.wait_for_selector(".profile-head a.dossier")
    assert page.locator(".relation .badge.sources").count() > 0, "relations say how many independent sources"
    with page.context.expect_page() as opened:
        page.click(".profile-head a.dossier")
    dossier = opened.value
    dossier.wait_for_load_state()
    assert dossier.title() == "Dossier: Qais al-Khazali"
    assert dossier.locator("svg").count() == 2 and dossier.locator("#source-1").count() == 1
    dossier.set_viewport_size({"width": 1000, "height": 1400})
    SHOTS.mkdir(parents=True, exist_ok=True)
    dossier.screenshot(path=str(SHOTS / "15-dossier.png"))
    assert not page.errors, page.errors


@SAME_PAGE_ON_EITHER_BACKEND
@pytest.mark.parametrize("typed", ["Tamsen Rowe", "تامسين رو"])
def test_the_search_box_finds_an_entity_by_another_spelling_or_script(
        page: Any, live_server: Callable[[str], str], invented_db: Path, typed: str) -> None:
    # the invented store names 'Tamsin Roe'; neither spelling typed here is a name or alias of it
    open_page(page, live_server(str(invented_db)))
    page.fill("#search", typed)
    page.wait_for_selector("#suggestions .item")
    assert "Tamsin Roe" in page.text_content("#suggestions .item >> nth=0")
    page.click("#suggestions .item >> nth=0")
    page.wait_for_selector(".profile-name")
    assert "Tamsin Roe" in page.text_content(".profile-name")
    assert not page.errors


@SAME_PAGE_ON_EITHER_BACKEND
def test_the_reader_marks_the_name_a_pronoun_of_the_evidence_refers_back_to(
        page: Any, live_server: Callable[[str], str], tmp_path: Path, ingest_store: Callable[..., str],
        backend: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "front.txt").write_text("Front Attacks the Coast\n\nThe Vessa Liberation Front is an armed group.\n\n"
                                    "It attacked the Coastal Guard in 2015.\n", encoding="utf-8")
    (docs / "police.txt").write_text("Police Detain Two Men\n\nMay 9, 2021\n\nThe police chief, Mara Quist, told "
                                     "reporters that the Vessa Liberation Front attacked the Coastal Guard.\n",
                                     encoding="utf-8")
    url = live_server(ingest_store([str(docs)], backend))
    open_page(page, url)
    page.fill("#search", "Vessa Liberation Front")
    page.wait_for_selector("#suggestions .item")
    page.click("#suggestions .item >> nth=0")
    page.wait_for_selector(".referent-note")
    notes = page.evaluate("Array.from(document.querySelectorAll('.referent-note')).map(n => n.textContent)")
    assert any("refers back to “Vessa Liberation Front”" in n for n in notes)
    assert any(n.startswith("according to") and "Mara Quist" in n for n in notes)
    page.locator(".evidence-quote", has_text="It attacked the Coastal Guard").first.click()
    page.wait_for_selector("mark.referent")
    marked = "Array.from(document.querySelectorAll('mark.{}')).map(m => m.textContent).join('')"
    assert page.evaluate(marked.format("referent")) == "Vessa Liberation Front"
    assert normal(page.evaluate(marked.format("evidence"))) == "It attacked the Coastal Guard in 2015."
    assert not page.errors, page.errors


def test_the_reader_links_a_nation_nested_in_a_national_body_to_the_nation(
        page: Any, live_server: Callable[[str], str], tmp_path: Path, ingest_store: Callable[..., str],
        backend: str) -> None:
    docs = tmp_path / "nested"
    docs.mkdir()
    (docs / "report.txt").write_text(
        "Invented report\n\nTom Vale met officials of the United States in March. The U.S. government later "
        "sanctioned the Velna Mining Company, the firm Vale founded.\n", encoding="utf-8")
    url = live_server(ingest_store([str(docs)], backend))
    by_name = {e["name"]: e["id"] for e in httpx.get(url + "/api/entities").json()}
    body = next(i for name, i in by_name.items() if name.endswith("government"))
    open_page(page, url)
    article = httpx.get(url + "/api/documents").json()[0]["article_id"]
    page.evaluate(f"window.linkchart.openDocument({article})")
    page.wait_for_selector("#tab-reader .reader-text a.mention")
    links = page.evaluate("""[...document.querySelectorAll('#tab-reader .reader-text a.mention')]
        .map(a => [a.textContent, Number(a.dataset.entity)])""")
    assert ["U.S.", by_name["United States"]] in links  # the innermost mention: the nation
    assert [" government", body] in links  # the rest of the body's name: the body
