"""Read a list from a path: the reader is picked by what the path is.

A folder holding `sdn.csv` (or that file itself) is OFAC's SDN list in its legacy CSV form
(`linkchart.screen.ofac`); any other file is read as FollowTheMoney JSON lines
(`linkchart.screen.ftm_list`).
"""

from __future__ import annotations

from pathlib import Path

from linkchart.screen.ftm_list import read_ftm
from linkchart.screen.lists import ListError, ScreeningList
from linkchart.screen.ofac import read_ofac


def read_list(path: str | Path) -> ScreeningList:
    """Return the list at `path`: a folder with OFAC's sdn.csv (and alt.csv), or an FtM JSON-lines file.

    Raises `ListError` (file and reason) for a path that is neither or cannot be read.
    """
    p = Path(path)
    if p.is_dir():
        return read_ofac(p)
    if p.is_file():
        if p.name.lower() in ("sdn.csv", "alt.csv"):
            return read_ofac(p.parent)
        return read_ftm(p)
    raise ListError(f"{p}: no such file or folder (expected a folder with sdn.csv and alt.csv, "
                    f"or a FollowTheMoney JSON-lines file)")
