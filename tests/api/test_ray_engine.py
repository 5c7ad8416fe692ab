"""The Ray engine on a real local Ray cluster of 2 CPUs: the same export as the local engine on the sample
corpus, nothing done again on a second run, and one clear line when Ray or its cluster is missing."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from linkchart.api import Workspace, sample_corpus_path
from linkchart.api.engines.ray_engine import EngineUnavailable, check_reachable

TIMESTAMP_KEYS = frozenset({"created", "created_at", "updated_at", "exported_at"})


def comparable(export: dict[str, Any]) -> Any:
    """Return a `linkchart/1` export without ids or timestamps: a document or entity id becomes what it stands
    for (source and offset, name and type), every key `id` goes, and every list is sorted."""
    names = {d["id"]: f"{d['source']}@{d['start']}" for d in export["documents"]}
    names.update({e["id"]: f"{e['name']}/{e['type']}" for e in export["entities"]})

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items() if k != "id" and k not in TIMESTAMP_KEYS}
        if isinstance(value, list):
            return sorted((walk(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
        if isinstance(value, str):
            return names.get(value, value)
        return value

    return walk(export)


@pytest.mark.slow
@pytest.mark.sqlite_only(reason="the engine stores through the Store API as the local engine does; "
                                "one back end keeps the Ray cluster's start-up to one")
def test_the_ray_engine_exports_what_the_local_engine_does(sample_ws: Workspace, new_store) -> None:
    pytest.importorskip("ray.data", reason="Ray Data is not installed (pip install -e '.[ray]')")
    url = new_store("sqlite")
    with Workspace(url, processes=2, engine="ray") as ws:
        report = ws.ingest([str(sample_corpus_path())])
        assert report.ok, report.failed
        assert report.articles == sum(1 for _ in sample_ws.documents())
        got = comparable(ws.export_json())
        again = ws.ingest([str(sample_corpus_path())])  # every file unchanged: Ray is not even started
        assert again.added == [] and len(again.unchanged) == len(report.added)
        assert comparable(ws.export_json()) == got
    expected = comparable(sample_ws.export_json())
    assert got["documents"] == expected["documents"]
    assert got["entities"] == expected["entities"]
    assert got == expected


def free_port() -> int:
    """Return a local TCP port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_cluster_is_one_clear_line() -> None:
    port = free_port()
    with pytest.raises(EngineUnavailable, match=rf"^cannot reach the Ray cluster at ray://127.0.0.1:{port}: "):
        check_reachable(f"ray://127.0.0.1:{port}", timeout=2)
    with pytest.raises(EngineUnavailable, match="not a Ray address"):
        check_reachable("ray://nowhere")


def test_the_cli_says_in_one_line_when_the_cluster_cannot_be_reached(tmp_path: Path) -> None:
    pytest.importorskip("ray.data", reason="Ray Data is not installed (pip install -e '.[ray]')")
    port = free_port()
    code = ("from linkchart.cli import app; "
            f"app(['ingest', {str(sample_corpus_path())!r}, '--db', {str(tmp_path / 'x.db')!r}, "
            f"'--engine', 'ray', '--address', '127.0.0.1:{port}', '-q'])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert lines == [f"error: cannot reach the Ray cluster at 127.0.0.1:{port}: Connection refused"], run.stderr


def test_the_cli_says_in_one_line_when_ray_is_missing(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['ray'] = None; from linkchart.cli import app; "
            f"app(['ingest', {str(sample_corpus_path())!r}, '--db', {str(tmp_path / 'x.db')!r}, "
            "'--engine', 'ray', '-q'])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "error: the ray engine needs Ray Data, which is not installed: pip install 'linkchart[ray]'"], run.stderr


def test_an_unknown_engine_is_refused_before_anything_is_done(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from linkchart.cli import app

    result = CliRunner().invoke(app, ["ingest", str(sample_corpus_path()), "--db", str(tmp_path / "x.db"),
                                      "--engine", "spark"])
    assert result.exit_code == 2
    assert "unknown --engine 'spark' (local or ray)" in result.output
    assert not (tmp_path / "x.db").exists()
