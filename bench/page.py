"""Benchmark the page in a real browser: time to draw the whole-store graph and to answer clicks.

    .venv/bin/python bench/page.py --db STORE [--nodes 500] [--clicks 10]

Serves STORE with uvicorn on a free local port, opens the page in Debian's chromium
(Playwright, headless) with ?nodes=N, and prints: the time until the graph is drawn, the
number of nodes and edges shown, and for --clicks node taps the time until the profile and
the expanded neighbourhood are on screen (median and max). No assertions.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time

import uvicorn
from playwright.sync_api import sync_playwright

from linkchart.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"]


def serve(db: str) -> str:
    """Start the app on a free port in a background thread; return its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, token="bench"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}"


def main() -> None:
    """Open the page on the store and print the drawing and click timings."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--nodes", type=int, default=500)
    ap.add_argument("--clicks", type=int, default=10)
    args = ap.parse_args()
    base = serve(args.db)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 950})
        for run in ("cold server (graph built on first request)", "warm server"):
            start = time.perf_counter()
            page.goto(f"{base}/?nodes={args.nodes}")
            page.wait_for_selector("body[data-ready='1']", timeout=120_000)
            drawn = time.perf_counter() - start
            nodes = page.evaluate("window.linkchartGraph.nodes().length")
            edges = page.evaluate("window.linkchartGraph.edges().length")
            print(f"whole-store graph, {run}: {nodes} nodes, {edges} edges drawn in {drawn * 1000:.0f} ms "
                  "(page load included)")
        ids = page.evaluate(f"window.linkchartGraph.nodes().slice(0, {args.clicks}).map(n => n.id())")
        times = []
        for node_id in ids:
            t = time.perf_counter()
            # what a tap on a node does: open its profile, add its neighbourhood, lay out, draw a frame
            page.evaluate("""async (id) => {
                const entity = window.linkchartGraph.getElementById(id).data('entity');
                await window.linkchart.openProfile(entity);
                await window.linkchart.loadNeighbourhood(entity, { replace: false });
                await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
            }""", node_id)
            times.append((time.perf_counter() - t) * 1000)
        if times:
            print(f"node tap -> profile and neighbourhood: median {statistics.median(times):.0f} ms, "
                  f"max {max(times):.0f} ms over {len(times)} taps")
        browser.close()


if __name__ == "__main__":
    main()
