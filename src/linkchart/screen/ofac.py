"""OFAC's SDN list in its legacy CSV form: a folder with `sdn.csv` and `alt.csv`.

The format, as OFAC's data specification for the legacy flat files describes it (checked
against the files the Sanctions List Service publishes):

- no header row; fields separated by ',' and quoted with '"' where needed; a null value
  is written `-0-` (sometimes with a trailing space); the file may end with a lone
  Ctrl-Z (0x1A) line.
- `sdn.csv`, one row per entry: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
  Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks. SDN_Type is 'individual',
  'vessel', 'aircraft', or null for an entity (an organisation). Several programmes are
  written 'SDGT] [IRGC' (the list's own '[...]' brackets, outermost dropped).
- `alt.csv`, one row per other name: ent_num, alt_num, alt_type ('aka', 'fka', 'nka'),
  alt_name, alt_remarks.
- individuals' names are written 'SURNAME, Given Names' (surname in capitals); here they
  are turned into 'Given Names Surname', the order the name matcher expects.
- `add.csv` (addresses) and `sdn_comments.csv` are not read.

Files are UTF-8; older releases were Windows-1252, which is read when UTF-8 fails.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from linkchart.screen.lists import ListEntry, ListError, ScreeningList

SOURCE = "OFAC SDN"
AUTHORITY = "US Treasury, Office of Foreign Assets Control (OFAC)"
DETAIL_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"
SCHEMA_OF_TYPE = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization"}
NULL = "-0-"
SDN_FIELDS = 12  # fields of an sdn.csv row; rows with at least the first four are read
ALT_FIELDS = 5


def _value(field: str) -> str:
    """Return a field without spaces around it, '' for OFAC's null."""
    v = field.strip()
    return "" if v == NULL else v


def _text(path: Path) -> str:
    """Return the text of a list file (UTF-8, else Windows-1252); raises ListError when unreadable."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ListError(f"{path}: cannot read ({e.strerror or e})") from e
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _rows(path: Path, least: int) -> list[tuple[int, list[str]]]:
    """Return (line number, fields) of each row of a headerless OFAC CSV file; ListError for a malformed row."""
    text = _text(path)
    if "\x00" in text:
        raise ListError(f"{path}: not a text file (NUL bytes)")
    out = []
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            if not row or all(not f.strip() or f.strip() == "\x1a" for f in row):
                continue
            if len(row) < least:
                raise ListError(f"{path}: line {reader.line_num}: {len(row)} fields, expected at least {least} "
                                f"(is this OFAC's legacy CSV?)")
            out.append((reader.line_num, row))
    except csv.Error as e:
        raise ListError(f"{path}: not CSV ({e})") from e
    return out


def person_name(name: str) -> str:
    """Return an SDN individual's 'SURNAME, Given Names' as 'Given Names Surname'."""
    surname, sep, given = name.partition(",")
    if not sep or not given.strip():
        return name.strip()
    surname = " ".join(_capitalised(w) if w.isupper() else w for w in surname.split())
    return f"{given.strip()} {surname}"


def _capitalised(word: str) -> str:
    """Return an upper-case word with each hyphen piece capitalised ('AL-KHAZALI' → 'Al-Khazali')."""
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def programs(field: str) -> list[str]:
    """Return the programmes of an SDN row's Program field ('SDGT] [IRGC' → ['SDGT', 'IRGC'])."""
    return [p.strip(" []") for p in _value(field).split("] [") if p.strip(" []")]


def read_ofac(folder: Path) -> ScreeningList:
    """Return the SDN list from `folder` (sdn.csv, and alt.csv when present); raises ListError."""
    sdn = folder / "sdn.csv"
    if not sdn.is_file():
        raise ListError(f"{sdn}: missing (an OFAC list folder holds sdn.csv and alt.csv)")
    entries: dict[str, ListEntry] = {}
    for line, row in _rows(sdn, 4):
        ent_num, name, kind = _value(row[0]), _value(row[1]), _value(row[2]).lower()
        if not ent_num.isdigit():
            raise ListError(f"{sdn}: line {line}: ent_num {row[0]!r} is not a number (is this OFAC's legacy CSV?)")
        if not name:
            raise ListError(f"{sdn}: line {line}: entry {ent_num} has no name")
        schema = SCHEMA_OF_TYPE.get(kind, "LegalEntity")
        entries[ent_num] = ListEntry(ent_num, schema, [person_name(name) if schema == "Person" else name],
                                     programs(row[3]), AUTHORITY, DETAIL_URL.format(ent_num))
    if not entries:
        raise ListError(f"{sdn}: no entries")
    alt = folder / "alt.csv"
    if alt.is_file():
        for _line, row in _rows(alt, 4):
            entry = entries.get(_value(row[0]))
            name = _value(row[3])
            if entry is None or not name:
                continue
            name = person_name(name) if entry.schema == "Person" else name
            if name not in entry.names:
                entry.names.append(name)
    return ScreeningList(SOURCE, str(folder), list(entries.values()))
