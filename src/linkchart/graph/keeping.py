"""Keeping the whole entity graph in bounded memory (`stored.keep_graph`).

1. The store's relation rows are lifted to entities a batch of whole documents at a time
   (`lifting.lift_rows`) and spilled to temporary files: each row between two entities, with its
   relation, to the bucket of its entity pair (one bucket per `BUCKET_ARTICLES` articles), every
   lifted row to one more file.
2. Each bucket holds every row of its pairs, in rank order: its rows are grouped
   (`RelationGroups`, exactly as the in-memory keeping groups them), its edges spilled, and it is
   forgotten before the next bucket is read. So the evidence held at once is about a bucket's,
   whatever the size of the store.
3. The whole-graph metrics need the links only (entity pairs, weights): they are added to the
   links graph in order of first statement, as `metrics.links_graph` adds them.

The store then reads the edges and lifted rows back from the files in the one transaction that
replaces the kept graph (`Store.replace_entity_graph`).
"""

from __future__ import annotations

import dataclasses
import pickle
import tempfile
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from linkchart.graph.lifting import BatchIndex, edge_of, lift_rows, share_strings
from linkchart.graph.metrics import add_link, compute_metrics, links_graph
from linkchart.resolve.facts import RelationGroups
from linkchart.resolve.sources import SourceIndex
from linkchart.store.base import EntityEdgeRow, EntityMetricsRow, LiftedRow, RelationRow, Store

BUCKET_ARTICLES = 2000  # the rows are parted among one bucket per this many articles: a bucket is grouped at once


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


_LIFTED_FIELDS = tuple(f.name for f in dataclasses.fields(LiftedRow))
_RELATION_FIELDS = tuple(f.name for f in dataclasses.fields(RelationRow))


def _fields(row: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    """Return the fields of a dataclass row as a tuple (the row is `type(row)(*tuple)` again)."""
    return tuple(getattr(row, name) for name in names)


def lift_and_spill(store: Store, batches: list[list[int]], by_name: dict[str, int], buckets: list[Spill],
                   lifted: Spill) -> None:
    """Lift every relation row of the batches, spilling each (lifted row, relation) between two entities to the
    bucket of its entity pair (so a bucket holds every row of its pairs, in rank order) and every lifted row to
    `lifted`, as tuples."""
    for batch in batches:
        index = BatchIndex(store.linked_spans(batch), by_name)
        shared: dict[str, str] = {}  # a batch holds whole documents: their repeated texts are met within it
        pairs = lift_rows(index, store.relations_in(batch), by_name.get)
        # tuples, not the dataclasses: pickled and read back several times faster
        lifted_rows = [_fields(x, _LIFTED_FIELDS) for x, _ in pairs]
        parts: list[list[Any]] = [[] for _ in buckets]
        for x, (_, r) in zip(lifted_rows, pairs, strict=True):
            s, o = x[3], x[4]
            if s is not None and o is not None and s != o:  # else no relation between entities: never grouped
                row = _fields(share_strings(r, shared), _RELATION_FIELDS)
                parts[(s * 1_000_003 + o) % len(buckets)].append((x, row))
        for bucket, part in zip(buckets, parts, strict=True):
            if part:
                bucket.add(part)
        lifted.add(lifted_rows)


def group_buckets(store: Store, buckets: list[Spill], edges: Spill) -> nx.Graph:
    """Group the rows of each bucket into entity relations (`RelationGroups`, in rank order) and spill their edges
    (`edge_of`, id the rank of each one's first row) before the next bucket is read; return the links graph of
    `metrics.links_graph` (every entity, no filter), its links added in order of first statement."""
    entities = store.entities()
    types = {e.id: e.type for e in entities}
    sources = SourceIndex(store)
    firsts, subjects, objects, negated = array("q"), array("q"), array("q"), bytearray()
    for bucket in buckets:
        groups = RelationGroups(store, types)
        for rows in bucket.lists():
            for (_, _, rank, s, o, _, _), fields in rows:
                groups.add(RelationRow(*fields), s, o, rank)
        bucket.path.unlink()
        done: list[EntityEdgeRow] = []
        for rank, rel in zip(groups.first, groups.relations(sources), strict=True):
            done.append(edge_of(rank, rel))  # type: ignore[arg-type]
            firsts.append(rank)  # type: ignore[arg-type]
            subjects.append(rel.subject)
            objects.append(rel.object)
            negated.append(rel.negated)
        edges.add(done)
    graph = links_graph((e.id for e in entities), ())
    for i in sorted(range(len(firsts)), key=firsts.__getitem__):
        add_link(graph, subjects[i], objects[i], bool(negated[i]))
    return graph


def keep_whole(store: Store, batches: list[list[int]], by_name: dict[str, int]) -> bool:
    """Compute the entity graph of these batches of articles and its metrics and keep them; return whether stored
    (False when the store changed meanwhile)."""
    version = store.version()
    articles = sum(len(b) for b in batches)
    with tempfile.TemporaryDirectory(prefix="linkchart-keep-") as folder:
        buckets = [Spill(Path(folder) / f"rows{i}") for i in range(max(1, -(-articles // BUCKET_ARTICLES)))]
        lifted, edges = Spill(Path(folder) / "lifted"), Spill(Path(folder) / "edges")
        lift_and_spill(store, batches, by_name, buckets, lifted)
        graph = group_buckets(store, buckets, edges)
        metrics = compute_metrics(graph)
        del graph
        rows_out = (EntityMetricsRow(n, m.degree, m.betweenness, m.pagerank, m.community)
                    for n, m in metrics.nodes.items())
        return store.replace_entity_graph(version, edges.items(), rows_out,
                                          (LiftedRow(*x) for x in lifted.items()))
