"""Keeping the whole entity graph in bounded memory (`stored.keep_graph`).

Two passes over the store's relation rows, a batch of whole documents at a time:

1. each row is lifted to entities (`lifting.lift_rows`) and spilled, with its relation, to a
   temporary file; only the last batch holding each entity pair is remembered;
2. the spilled rows are grouped again in the same order (`RelationGroups`, as the in-memory
   keeping groups them), and an edge is written to a second temporary file, and forgotten, as
   soon as the batch holding its pair's last row is grouped.

So at any moment only the edges still open (their pair met again in a later batch) hold their
evidence. The whole-graph metrics need the links only (entity pairs and weights): they are built
as each edge opens, in the order of first statement, as `metrics.links_graph` builds them. The
store then reads the edges and lifted rows back from the files in the one transaction that
replaces the kept graph (`Store.replace_entity_graph`).
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from linkchart.graph.lifting import BatchIndex, edge_of, lift_rows, share_strings
from linkchart.graph.metrics import add_link, compute_metrics, links_graph
from linkchart.resolve.facts import RelationGroups
from linkchart.resolve.sources import SourceIndex
from linkchart.store.base import EntityEdgeRow, EntityMetricsRow, LiftedRow, RelationRow, Store


class Spill:
    """Lists pickled one after another into a file, read back in the order written."""

    def __init__(self, path: Path) -> None:  # noqa: D107
        self.path = path
        self._out: BinaryIO | None = path.open("wb")

    def add(self, items: list[Any]) -> None:
        """Append one list to the file."""
        assert self._out is not None, "spill already read"
        pickle.dump(items, self._out, protocol=pickle.HIGHEST_PROTOCOL)

    def lists(self) -> Iterator[list[Any]]:
        """Yield the lists written, in order (closing the file for writing first)."""
        if self._out is not None:
            self._out.close()
            self._out = None
        with self.path.open("rb") as f:
            while True:
                try:
                    yield pickle.load(f)
                except EOFError:
                    return

    def items(self) -> Iterator[Any]:
        """Yield the items of every list written, in order."""
        for items in self.lists():
            yield from items


def _pair(s: int, o: int) -> int:
    """Return one int naming the entity pair (s, o) (a small dict key; ids stay below 2**32)."""
    return s << 32 | o


def lift_and_spill(store: Store, batches: list[list[int]], by_name: dict[str, int], rows: Spill,
                   lifted: Spill) -> dict[int, int]:
    """Lift every relation row of the batches, spilling (lifted row, relation) pairs to `rows` and the lifted rows
    as tuples to `lifted`; return the index of the last batch holding each entity pair (`_pair`)."""
    last: dict[int, int] = {}
    for i, batch in enumerate(batches):
        index = BatchIndex(store.linked_spans(batch), by_name)
        shared: dict[str, str] = {}  # a batch holds whole documents: their repeated texts are met within it
        pairs: list[tuple[LiftedRow, RelationRow]] = []
        for x, r in lift_rows(index, store.relations_in(batch), by_name.get):
            pairs.append((x, share_strings(r, shared)))
            if x.subject is not None and x.object is not None and x.subject != x.object:
                last[_pair(x.subject, x.object)] = i
        rows.add(pairs)
        lifted.add([(x.relation_id, x.article_id, x.rank, x.subject, x.object, x.subject_name, x.object_name)
                    for x, _ in pairs])
    return last


def group_and_spill(store: Store, rows: Spill, last: dict[int, int], edges: Spill) -> nx.Graph:
    """Group the spilled rows into entity relations, spilling each edge (`edge_of`, id the rank of its first row)
    once its pair's last batch is grouped; return the links graph of `metrics.links_graph` (every entity, no
    filter)."""
    groups = RelationGroups(store)
    sources = SourceIndex(store)
    graph = links_graph((e.id for e in store.entities()), ())
    first: dict[tuple[Any, ...], int] = {}  # open group → rank of its first row
    closing: dict[int, list[tuple[Any, ...]]] = {}  # batch index → open groups whose pair is last met there
    for i, pairs in enumerate(rows.lists()):
        for x, r in pairs:
            opened, s, o = len(groups.first), x.subject, x.object
            groups.add(r, s, o, x.rank)
            if len(groups.first) > opened and s is not None and o is not None:  # a new group (first statement)
                key = (s, r.predicate, o, r.negated)
                first[key] = x.rank
                closing.setdefault(last[_pair(s, o)], []).append(key)
                add_link(graph, s, o, r.negated)
        groups.first.clear()
        done: list[EntityEdgeRow] = []
        for key in closing.pop(i, ()):
            rel = groups.grouped.pop(key)
            groups.seen.difference_update((*key, ev.doc, ev.start) for ev in rel.evidence)
            rel.independent_sources = sources.independent(rel.evidence)
            done.append(edge_of(first.pop(key), rel))
        edges.add(done)
    assert not groups.grouped and not closing, "an edge was left open"
    return graph


def keep_whole(store: Store, batches: list[list[int]], by_name: dict[str, int]) -> bool:
    """Compute the entity graph of these batches of articles and its metrics and keep them; return whether stored
    (False when the store changed meanwhile)."""
    version = store.version()
    with tempfile.TemporaryDirectory(prefix="linkchart-keep-") as folder:
        rows, lifted, edges = (Spill(Path(folder) / name) for name in ("rows", "lifted", "edges"))
        last = lift_and_spill(store, batches, by_name, rows, lifted)
        graph = group_and_spill(store, rows, last, edges)
        del last
        rows.path.unlink()
        metrics = compute_metrics(graph)
        del graph
        rows_out = (EntityMetricsRow(n, m.degree, m.betweenness, m.pagerank, m.community)
                    for n, m in metrics.nodes.items())
        return store.replace_entity_graph(version, edges.items(), rows_out,
                                          (LiftedRow(*x) for x in lifted.items()))
