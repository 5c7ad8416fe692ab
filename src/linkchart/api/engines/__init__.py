"""Ingest engines: where reading, cleaning and extraction run.

`local` (the default) runs them in this process and its forked workers
(`linkchart.api.pipeline`); `ray` runs them as a Ray Data pipeline on a local or remote
Ray cluster (`ray_engine`). Both keep the file-level contract of `filework`: the driver
lists the files and skips those whose content is stored, a worker turns one file's bytes
into cleaned, extracted documents, and the driver alone stores them.
"""

ENGINES = ("local", "ray")


class EngineUnavailable(RuntimeError):
    """The engine cannot run: Ray is not installed, or its cluster cannot be reached (a one-line reason)."""
