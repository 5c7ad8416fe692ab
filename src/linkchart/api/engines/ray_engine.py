"""The Ray engine: reading, cleaning and extraction as a Ray Data pipeline over files; one writer stores.

The driver (this process) lists the files, loads each one's bytes and skips those whose
content is stored (`filework.plan_file`); the rest go into a Ray dataset of file work.
Two stages run on the cluster, fused by Ray into one task per batch of files where they
can be: reading and cleaning (`filework.prepare_file`, a plain function), then extraction
on a fixed pool of actors, each loading the spaCy pipeline once. The driver takes the
outcomes back in file order and stores them through the ordinary `Store` API, so the
store ends up as the local engine leaves it.

The bytes travel with the work, so a remote cluster needs no shared file system, but its
nodes need linkchart (with its spaCy model) installed. Ray is optional:
`pip install 'linkchart[ray]'`.
"""

from __future__ import annotations

import logging
import os
import pickle
import socket
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from linkchart.api.engines import EngineUnavailable
from linkchart.api.engines.filework import (
    FileOutcome,
    extract_outcomes,
    plan_file,
    prepare_file,
    store_outcome,
)
from linkchart.models import Article, Extraction, IngestReport
from linkchart.store.base import Store

ProgressHook = Callable[[str], None]
RAY_MISSING = "the ray engine needs Ray Data, which is not installed: pip install 'linkchart[ray]'"
OBJECT_STORE_BYTES = 512 * 1024 * 1024  # of a local cluster; Ray's default reserves 30 % of the RAM
BATCH_FILES = 8  # files a worker reads and extracts at once
CONNECT_TIMEOUT = 5.0  # seconds to wait for a cluster's port to answer
LOCAL_START_ATTEMPTS = 3
_LOCAL_ADDRESSES = ("auto", "local")  # Ray's own words for a cluster on this machine
AUTH_HINT = ("; the cluster wants its token: set RAY_AUTH_MODE=token, with the token in ~/.ray/auth_token "
             "or RAY_AUTH_TOKEN")


def ingest_files(
    store: Store,
    files: Iterable[tuple[str, str | None]],
    report: IngestReport,
    on_file: ProgressHook | None = None,
    address: str | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Return `report` with the outcome of ingesting the listed (path, notice) files on Ray.

    `address` is a Ray cluster ('ray://host:10001', 'host:6379' or 'auto'); without one,
    `RAY_ADDRESS` when set, else a local cluster of `workers` CPUs (all cores by default).
    `workers` extraction actors run (the cluster's CPUs by default). Raise
    `EngineUnavailable` when Ray is missing or the cluster cannot be reached.
    """
    works: list[bytes] = []  # pickled: the bytes are held once, not again by the dataset's rows
    for path, notice in files:
        work = plan_file(store, path, notice, report)
        if work is None:
            if on_file is not None:
                on_file(path)
        else:
            works.append(pickle.dumps(work))
    if not works:
        return report
    with ray_session(address, workers) as ray:
        size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        for outcome in run_pipeline(ray, works, size):
            store_outcome(store, outcome, report)
            if on_file is not None:
                on_file(outcome.path)
    return report


def run_pipeline(ray: Any, works: list[bytes], workers: int,
                 batch_files: int = BATCH_FILES) -> Iterator[FileOutcome]:
    """Yield the outcome of each file work (pickled `FileWork`s), in order: read, cleaned and extracted on the
    cluster by `workers` actors. `works` is emptied once the dataset holds them."""
    from ray.data import ActorPoolStrategy, DataContext

    context = DataContext.get_current()
    context.execution_options.preserve_order = True  # the store gets documents in the local engine's order
    context.enable_progress_bars = False
    blocks = max(1, -(-len(works) // batch_files))
    source = ray.data.from_items([{"work": w} for w in works], override_num_blocks=blocks)
    works.clear()
    dataset = (
        source
        .map_batches(_prepare_batch, batch_size=batch_files)
        .map_batches(_ExtractWorker, batch_size=batch_files, compute=ActorPoolStrategy(size=workers), num_cpus=1)
    )
    for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
        for blob in batch["outcome"]:
            yield pickle.loads(blob)


def _prepare_batch(batch: dict[str, Any]) -> dict[str, list[bytes]]:
    """Return the outcomes (pickled) of reading and cleaning a batch of pickled file works."""
    return {"outcome": [pickle.dumps(prepare_file(pickle.loads(blob))) for blob in batch["work"]]}


class _ExtractWorker:
    """A Ray actor that extracts the documents of batches of file outcomes; loads the spaCy pipeline once."""

    def __init__(self) -> None:
        from linkchart.extract.nlp import load_pipeline

        self.nlp = load_pipeline()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[bytes]]:
        """Return the batch's outcomes (pickled) with their extractions filled in."""
        outcomes = [pickle.loads(blob) for blob in batch["outcome"]]
        extract_outcomes(outcomes, self.extract)
        return {"outcome": [pickle.dumps(o) for o in outcomes]}

    def extract(self, articles: list[Article]) -> list[Extraction]:
        """Return the extractions of `articles`, parsed in this worker."""
        from linkchart.extract.pipeline import extract_many

        return extract_many([(a.text, a.english_spans(), a.anchor_date()) for a in articles], self.nlp)


@contextmanager
def ray_session(address: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """Yield the `ray` module connected to a cluster (see `ingest_files`), disconnected after.

    A session already open in this process is used as it is and left open. Raise
    `EngineUnavailable` when Ray Data is not installed or the cluster cannot be reached.
    """
    try:
        import ray
        import ray.data  # noqa: F401  # plain `ray` lacks it
    except ImportError as err:
        raise EngineUnavailable(RAY_MISSING) from err
    if ray.is_initialized():
        yield ray
        return
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")  # the core worker's notes would flood stderr
    os.environ.setdefault("RAY_agent_register_timeout_ms", "120000")  # agents start slowly on a loaded machine
    for name in ("ray", "ray.data"):  # Ray's notes (token set up, progress bars off) are not the user's business
        logging.getLogger(name).setLevel(logging.ERROR)
    target = address or os.environ.get("RAY_ADDRESS") or None
    try:
        if target is None:
            _start_local(ray, workers or os.cpu_count() or 1)
        else:
            check_reachable(target)
            ray.init(address=target, logging_level=logging.ERROR, log_to_driver=False)
    except EngineUnavailable:
        raise
    except Exception as err:  # Ray raises many kinds; the user needs one line
        where = f"the Ray cluster at {target}" if target else "a local Ray cluster"
        hint = AUTH_HINT if _refused_token(err) else ""
        raise EngineUnavailable(f"cannot start or reach {where}: {_one_line(err)}{hint}") from err
    try:
        yield ray
    finally:
        ray.shutdown()


def _start_local(ray: Any, cpus: int, attempts: int = LOCAL_START_ATTEMPTS) -> None:
    """Start a new local Ray cluster of `cpus` CPUs and connect to it; returns nothing.

    On a loaded machine Ray's node manager can give up waiting for its agents to start (their
    Python imports are slow while the page cache is cold); the next attempt usually succeeds.
    """
    for attempt in range(attempts):
        try:
            ray.init(address="local", num_cpus=cpus,  # always a new cluster, never another's
                     object_store_memory=OBJECT_STORE_BYTES, include_dashboard=False,
                     logging_level=logging.ERROR, log_to_driver=False)
            return
        except Exception:
            ray.shutdown()
            if attempt == attempts - 1:
                raise


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """Return when the host and port of a Ray address answer a TCP connection; raise `EngineUnavailable` otherwise.

    'auto' and 'local' (a cluster on this machine) are left to Ray.
    """
    if address in _LOCAL_ADDRESSES:
        return
    parts = urlsplit(address if "://" in address else f"ray-gcs://{address}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError as err:  # a port that is not a number
        raise EngineUnavailable(f"not a Ray address: {address!r} ({err})") from err
    if not host or port is None:
        raise EngineUnavailable(f"not a Ray address: {address!r} (expected ray://HOST:PORT or HOST:PORT)")
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise EngineUnavailable(f"cannot reach the Ray cluster at {address}: {reason}") from err


def _refused_token(err: BaseException | None) -> bool:
    """Return True when `err` or an exception behind it is Ray refusing a missing or wrong token."""
    seen = 0
    while err is not None and seen < 10:
        if type(err).__name__ == "AuthenticationError" or "InvalidAuthToken" in str(err):
            return True
        err, seen = err.__cause__ or err.__context__, seen + 1
    return False


def _one_line(err: BaseException) -> str:
    """Return the first line of an exception's message, with its type."""
    lines = str(err).strip().splitlines()
    return f"{type(err).__name__}: {lines[0]}" if lines else type(err).__name__
