"""The dossier's short summary: sentences filled from the entity's facts by templates (no language model).

Each sentence states what the facts below it show, so a reader can check every word: who
or what it is and how often it is named, what it is related to (asserted relations only;
attributed, hedged and denied ones are counted), how many of those more than one
independent source states, its dated events, its place in the graph, disagreements
between sources, and screening matches.
"""

from __future__ import annotations

from linkchart.export.report.dossier import Dossier, RelationItem

TYPE_NOUNS = {"PERSON": "a person", "ORG": "an organisation", "GPE": "a country, city or region",
              "LOC": "a place", "FAC": "a facility", "EVENT": "an event", "NORP": "a nationality or group"}
NAMES_PER_PREDICATE = 4
PREDICATES_IN_SUMMARY = 4
ALIASES_IN_SUMMARY = 4


def enumerate_names(names: list[str], limit: int) -> str:
    """Return 'A', 'A and B', 'A, B and C', or 'A, B, C and 2 others' for more than `limit`."""
    unique = list(dict.fromkeys(names))
    shown, rest = unique[:limit], len(unique) - limit
    if rest > 0:
        return f"{', '.join(shown)} and {rest} other{'s' if rest > 1 else ''}"
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _asserted(items: list[RelationItem]) -> list[RelationItem]:
    return [r for r in items if not r.negated and not r.attributed_to and not r.hedged]


def summarise(d: Dossier) -> list[str]:
    """Return the summary sentences of a dossier."""
    out = [_identity(d)]
    if d.description:
        out.append(f"Sources describe {d.name} as “{d.description}”.")
    out += _relations(d)
    if d.events:
        dated = sorted(d.events, key=lambda e: e.date)
        last = dated[-1]
        span = dated[0].date if len(dated) == 1 else f"{dated[0].date} to {last.date}"
        out.append(f"{len(dated)} dated event{'s' if len(dated) > 1 else ''} involve {d.name} ({span}); "
                   f"the latest: {last.kind} on {last.date}.")
    if d.standing and d.standing.degree:
        s = d.standing
        text = (f"In the whole graph {d.name} is linked to {s.degree} entit{'ies' if s.degree > 1 else 'y'} and "
                f"ranks {s.rank} of {s.of} by PageRank")
        if s.community_peers:
            text += f"; its community also holds {enumerate_names(s.community_peers, 3)}"
        out.append(text + ".")
    if d.conflicts:
        out.append(f"Sources disagree on {enumerate_names([c.quantity for c in d.conflicts], 3)}.")
    if d.badges:
        out.append(f"Screening matched {enumerate_names([b.list_name for b in d.badges], 3)}.")
    return out


def _identity(d: Dossier) -> str:
    noun = TYPE_NOUNS.get(d.type, "an entity")
    text = f"{d.name} is {noun}, named {d.mentions} time{'s' if d.mentions != 1 else ''} in {d.documents} " \
           f"document{'s' if d.documents != 1 else ''}"
    if d.first_seen and d.last_seen:
        text += f" dated {d.first_seen}" if d.first_seen == d.last_seen else f" dated {d.first_seen} to {d.last_seen}"
    others = [a.alias for a in sorted(d.aliases, key=lambda a: -a.count) if a.alias != d.name]
    if others:
        text += f"; it also appears as {enumerate_names(others, ALIASES_IN_SUMMARY)}"
    return text + "."


def _relations(d: Dossier) -> list[str]:
    out = []
    by_label: dict[str, list[str]] = {}  # 'leads' and 'led by' of one predicate are two clauses
    for items in d.relations.values():
        for r in _asserted(items):
            by_label.setdefault(r.label, []).append(r.other.name)
    clauses = [f"{label} {enumerate_names(names, NAMES_PER_PREDICATE)}" for label, names in by_label.items()]
    if clauses:
        shown = clauses[:PREDICATES_IN_SUMMARY]
        more = len(clauses) - len(shown)
        text = f"Relations the sources state as fact: {'; '.join(shown)}"
        out.append(text + (f"; and {more} more kinds below." if more > 0 else "."))
    every = [r for items in d.relations.values() for r in items]
    reported = [r for r in every if not r.negated and (r.attributed_to or r.hedged)]
    denied = [r for r in every if r.negated]
    if reported or denied:
        parts = []
        if reported:
            parts.append(f"{len(reported)} relation{'s are' if len(reported) > 1 else ' is'} only attributed to a "
                         "speaker or hedged")
        if denied:
            parts.append(f"{len(denied)} {'are' if len(denied) > 1 else 'is'} denied by the text")
        out.append(" and ".join(parts) + ".")
    if every:
        corroborated = sum(1 for r in every if r.independent_sources >= 2)
        out.append(f"{corroborated} of its {len(every)} relation{'s' if len(every) > 1 else ''} "
                   f"{'are' if corroborated != 1 else 'is'} stated by two or more independent sources.")
    return out
