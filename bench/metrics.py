"""Time of the graph metrics (degree, betweenness, PageRank, communities) on random entity graphs.

    .venv/bin/python bench/metrics.py [--sizes 300:500,3000:6000,20000:40000]

Prints, per graph size (entities:links), the seconds `linkchart.graph.metrics.compute_metrics`
takes, whether betweenness was exact or sampled, and which community method ran. The web
page's whole-store view pays this once per store version (the result is cached). No assertions.
"""

from __future__ import annotations

import argparse
import time

import networkx as nx

from linkchart.graph import metrics


def main() -> None:
    """Print the time of compute_metrics on random graphs of the given sizes."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="300:500,3000:6000,20000:40000", help="entities:links, comma-separated")
    args = parser.parse_args()
    for size in args.sizes.split(","):
        n, m = (int(x) for x in size.split(":"))
        g = nx.gnm_random_graph(n, m, seed=1)
        nx.set_edge_attributes(g, 1, "weight")
        linked = sum(1 for x in g if g.degree(x))
        exact = linked * (linked + m) <= metrics.BETWEENNESS_BUDGET or linked <= metrics.MIN_BETWEENNESS_SAMPLE
        method = "Louvain" if linked <= metrics.LOUVAIN_MAX_NODES else "label propagation"
        start = time.perf_counter()
        result = metrics.compute_metrics(g)
        took = time.perf_counter() - start
        print(f"{n:>7} entities {m:>7} links  {took:6.2f} s  betweenness {'exact' if exact else 'sampled'}, "
              f"{len(result.communities)} communities ({method})")


if __name__ == "__main__":
    main()
