"""The caches the resolver keeps of pure functions of names, and how a full resolution empties them.

Each cached function of `names`, `name_parts`, `compare` and `surfaces` is a pure function of
its text, so emptying the caches changes no result, only what is computed again. A full
resolution of a large store empties them before the name matcher (which fills them again with
only the names it compares) and before the store writes: held over a million local surfaces,
the entries of the earlier passes are memory the matcher and the writes would otherwise add to.
"""

from __future__ import annotations

from linkchart.resolve import compare, name_parts, names, surfaces


def clear_name_caches() -> None:
    """Empty the caches of the name functions and of name-part pairs (the lexicon tables stay loaded)."""
    for module in (names, name_parts, compare, surfaces):
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and (info().maxsize or 0) > 1:
                value.cache_clear()
    compare.clear_pair_caches()
