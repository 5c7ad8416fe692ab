"""A list as FollowTheMoney JSON lines, the form OpenSanctions publishes (`entities.ftm.json`).

One entity a line: {"id", "schema", "properties": {name: [values]}, "datasets": [...],
"target": bool, ...}. Read here:

- targets of schema Person, Organization, Company, PublicBody or LegalEntity (an entity
  marked `"target": false`, such as a listed person's relative, is not itself listed);
  other schemata (Vessel, Address, Identification, ...) are skipped;
- their names: `name`, then `alias` and `previousName`; `weakAlias` (a short or common
  byname, which OpenSanctions marks weak) is kept apart (`ListEntry.weak_names`);
- their programmes: `programId` / `program` of the entity, and of each `Sanction` entity
  whose `entity` names it (with its `authority` and `sourceUrl`); else the entity's
  `topics` (e.g. 'sanction');
- the list's name: the one dataset all entities share, else the file's name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from linkchart.screen.lists import ListEntry, ListError, ScreeningList

TARGET_SCHEMATA = frozenset({"Person", "Organization", "Company", "PublicBody", "LegalEntity"})
NAME_PROPS = ("name", "alias", "previousName")


def _values(props: dict[str, Any], key: str) -> list[str]:
    """Return the string values of one property (an FtM property is a list of strings)."""
    vals = props.get(key) or []
    if isinstance(vals, str):
        vals = [vals]
    return [v.strip() for v in vals if isinstance(v, str) and v.strip()]


def _entity(path: Path, number: int, line: str) -> dict[str, Any] | None:
    """Return one line's entity, None for a blank line; raises ListError for a line that is not one."""
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise ListError(f"{path}: line {number}: not JSON ({e.msg}); expected one FollowTheMoney entity a line") from e
    if not isinstance(data, dict) or not isinstance(data.get("schema"), str) or not data.get("id"):
        raise ListError(f"{path}: line {number}: not a FollowTheMoney entity (an object with 'id' and 'schema')")
    if not isinstance(data.get("properties", {}), dict):
        raise ListError(f"{path}: line {number}: 'properties' is not an object")
    return data


def read_ftm(path: Path) -> ScreeningList:
    """Return the list in an FtM JSON-lines file (targets with names and programmes); raises ListError."""
    entries: dict[str, ListEntry] = {}
    sanctions: dict[str, list[dict[str, Any]]] = {}
    datasets: set[str] | None = None
    try:
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                if "\x00" in line:
                    raise ListError(f"{path}: not a text file (NUL bytes)")
                data = _entity(path, number, line)
                if data is None:
                    continue
                props = data.get("properties") or {}
                if data["schema"] == "Sanction":
                    for target in _values(props, "entity"):
                        sanctions.setdefault(target, []).append(props)
                    continue
                if data["schema"] not in TARGET_SCHEMATA or data.get("target") is False:
                    continue
                names = list(dict.fromkeys(n for key in NAME_PROPS for n in _values(props, key)))
                if not names:
                    continue
                own = set(d for d in data.get("datasets") or [] if isinstance(d, str))
                datasets = own if datasets is None else datasets & own
                entry = ListEntry(str(data["id"]), data["schema"], names,
                                  _values(props, "programId") or _values(props, "program") or _values(props, "topics"),
                                  None, (_values(props, "sourceUrl") or [None])[0],
                                  [n for n in _values(props, "weakAlias") if n not in names])
                entries[entry.id] = entry
    except UnicodeDecodeError as e:
        raise ListError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    except OSError as e:
        raise ListError(f"{path}: cannot read ({e.strerror or e})") from e
    if not entries:
        raise ListError(f"{path}: no listed Person, Organization, Company or LegalEntity entities")
    for entity_id, found in sanctions.items():
        entry = entries.get(entity_id)
        if entry is None:
            continue
        listed = [p for s in found for p in (_values(s, "programId") or _values(s, "program"))]
        entry.programs = list(dict.fromkeys(listed or entry.programs))
        entry.authority = entry.authority or next((a for s in found for a in _values(s, "authority")), None)
        entry.source_url = entry.source_url or next((u for s in found for u in _values(s, "sourceUrl")), None)
    source = min(datasets) if datasets and len(datasets) == 1 else path.name.split(".")[0]
    return ScreeningList(source, str(path), list(entries.values()))
