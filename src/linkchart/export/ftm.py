"""Export the store as FollowTheMoney entities (line-delimited JSON), for Aleph, yente and OpenSanctions tools.

Entities become `Person`, `Organization` (organisations, and groups of people: NORP),
`Address` (places: countries, cities, regions, facilities) or `Event` (named events).
Relations become FtM's interval schemata — `Membership`, `Directorship`, `Employment`,
`Associate`, `Family` (kinship: `relative_of`) — when both ends fit the schema's ranges, else
`UnknownLink` with the predicate as its role. Every interval cites its evidence: the quoted sentences in
`description`, the source articles' URLs in `sourceUrl`, their publishers in `publisher`,
and the articles themselves as `Article` entities in `proof` (with `publishedAt`). Dated
events become `Event`s with their participants (`involved`) and places (`addressEntity`).
Each list entry an entity matched when the store was screened (`linkchart screen`), unless an
analyst rejected the match, is a `Sanction` (authority, programme, the list's id and URL).

FtM has no way to say "not": negated relations are left out. Attributed and hedged ones
keep their status ('according to X', 'alleged'). The `followthemoney` library is not
needed to write this; the tests validate every entity with it (optional extra `ftm`).
Ids are stable across re-ingests: a hash of what the entity is (type and name; a
relation's ends, predicate and modality; an article's source and position).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linkchart import lexicon
from linkchart.export.base import Exporter
from linkchart.export.kept import kept_current, kept_relations
from linkchart.export.screening import all_screening_matches
from linkchart.models import Evidence
from linkchart.resolve.facts import EntityEvent, EntityRelation, entity_events
from linkchart.resolve.sources import SourceIndex
from linkchart.store.base import ArticleRow, Store

PREFIX = "lc"
SCHEMA_OF_TYPE = {"PERSON": "Person", "ORG": "Organization", "NORP": "Organization", "GPE": "Address",
                  "LOC": "Address", "FAC": "Address", "EVENT": "Event"}
# what each schema is, for the range checks of link properties (FtM's schema hierarchy)
IS_A = {"Person": {"Person", "LegalEntity", "Thing"}, "Organization": {"Organization", "LegalEntity", "Thing"},
        "Address": {"Address", "Thing"}, "Event": {"Event", "Interval", "Thing"}}
QUOTE_CHARS = 2000  # FtM text values are meant for reading; one quote is cut here


@dataclass(frozen=True)
class LinkSchema:
    """How a predicate becomes an FtM interval: its schema, the properties of subject and object, their ranges."""

    schema: str
    subject: str
    subject_range: str
    object: str
    object_range: str
    role: str | None = None


LINKS: dict[str, LinkSchema] = {
    "member_of": LinkSchema("Membership", "member", "LegalEntity", "organization", "Organization"),
    "leads": LinkSchema("Directorship", "director", "LegalEntity", "organization", "Organization", "leader"),
    "commands": LinkSchema("Directorship", "director", "LegalEntity", "organization", "Organization", "commander"),
    "spokesperson_of": LinkSchema("Membership", "member", "LegalEntity", "organization", "Organization",
                                  "spokesperson"),
    "employed_by": LinkSchema("Employment", "employee", "Person", "employer", "Organization"),
    "met_with": LinkSchema("Associate", "person", "Person", "associate", "Person", "met with"),
    "allied_with": LinkSchema("Associate", "person", "Person", "associate", "Person", "ally"),
    "associated_with": LinkSchema("Associate", "person", "Person", "associate", "Person", "associate"),
    "handler_of": LinkSchema("Associate", "person", "Person", "associate", "Person", "handler"),
    "exchanged_for": LinkSchema("Associate", "person", "Person", "associate", "Person", "exchanged for"),
    # kinship: used as soon as the predicate vocabulary has it (lexicon/predicates.yaml)
    "relative_of": LinkSchema("Family", "person", "Person", "relative", "Person", "relative"),
}
UNKNOWN = LinkSchema("UnknownLink", "subject", "Thing", "object", "Thing")


def make_id(*parts: object) -> str:
    """Return a stable FtM id from what an entity is."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{PREFIX}-{digest[:24]}"


def link_schema(predicate: str, subject_schema: str, object_schema: str) -> LinkSchema:
    """Return the interval schema of a relation: its predicate's when both ends fit the ranges, else UnknownLink."""
    link = LINKS.get(predicate)
    if link and link.subject_range in IS_A[subject_schema] and link.object_range in IS_A[object_schema]:
        return link
    return UNKNOWN


def _entity(schema: str, id_: str, props: dict[str, list[Any]]) -> dict[str, Any]:
    """Return an FtM entity dict, leaving out empty properties and repeated values."""
    clean: dict[str, list[Any]] = {}
    for key, values in props.items():
        kept = list(dict.fromkeys(str(v) for v in values if v not in (None, "")))
        if kept:
            clean[key] = kept
    return {"id": id_, "schema": schema, "properties": clean}


def _quote(ev: Evidence, article: ArticleRow | None) -> str:
    """Return one evidence as a cited quote: “sentence” — publisher, date, url or file [start:end]."""
    text = " ".join(ev.text.split())[:QUOTE_CHARS]
    where = [x for x in (article.outlet if article else None, article.date if article else None) if x]
    where.append((article.url if article and article.url else None) or f"{Path(ev.doc).name} [{ev.start}:{ev.end}]")
    return f"“{text}” — {', '.join(where)}"


class _Sources:
    """The articles evidence comes from, as FtM `Article` entities (made once each)."""

    def __init__(self, store: Store) -> None:
        self.index = SourceIndex(store)
        self.articles = {a.id: a for a in store.documents()}
        self.used: dict[int, dict[str, Any]] = {}

    def url(self, article_id: int) -> str | None:
        """Return the URL of an article, if it has one."""
        a = self.articles.get(article_id)
        return a.url if a else None

    def article(self, ev: Evidence) -> ArticleRow | None:
        """Return the article row of an evidence, if known."""
        article_id = self.index.article_of(ev)
        return self.articles.get(article_id) if article_id is not None else None

    def proof(self, ev: Evidence) -> str | None:
        """Return the id of the `Article` entity of an evidence's article (made on first use)."""
        a = self.article(ev)
        if a is None:
            return None
        if a.id not in self.used:
            self.used[a.id] = _entity("Article", make_id("article", a.source, a.index), {
                "title": [a.title or Path(a.source).name], "fileName": [Path(a.source.split("#")[0]).name],
                # an inferred date is no publication date to hand on as a fact
                "publishedAt": [a.date] if not a.date_inferred else [], "publisher": [a.outlet],
                "sourceUrl": [a.url], "author": [a.byline],
            })
        return str(self.used[a.id]["id"])

    def cite(self, evidence: Iterable[Evidence]) -> dict[str, list[Any]]:
        """Return the citing properties of an interval: description, sourceUrl, publisher, proof, date of reports."""
        evs = list(evidence)
        articles = [self.article(e) for e in evs]
        return {
            "description": ["\n".join(_quote(e, a) for e, a in zip(evs, articles, strict=True))],
            "sourceUrl": [a.url for a in articles if a and a.url],
            "publisher": [a.outlet for a in articles if a and a.outlet],
            "proof": [self.proof(e) for e in evs],
        }


def _status(item: EntityRelation | EntityEvent) -> str | None:
    """Return 'according to X' or 'alleged' for a fact that the text does not assert itself."""
    hedged = getattr(item, "hedged", False)
    if item.attributed_to:
        return f"according to {item.attributed_to}" + (", alleged" if hedged else "")
    return "alleged" if hedged else None



def _dates(value: str | None) -> dict[str, list[str | None]]:
    """Return the FtM date properties of an ISO date, or of a span of years ('2006/2011': start and end)."""
    if value and "/" in value:
        start, end = value.split("/", 1)
        return {"startDate": [start], "endDate": [end]}
    return {"date": [value]}

def ftm_entities(store: Store) -> Iterator[dict[str, Any]]:
    """Yield the store as FtM entity dicts: entities, relation intervals, events, then the source articles."""
    kept_current(store)  # relations are read from the kept graph, a page at a time
    sources = _Sources(store)
    gazetteer = lexicon.countries().names
    countries = {c.casefold() for c in gazetteer.values()} | set(gazetteer)
    ids: dict[int, str] = {}
    schemata: dict[int, str] = {}
    seen_ids: set[str] = set()
    aliases: dict[int, list[str]] = {}
    listed = all_screening_matches(store)
    for a in store.entity_aliases():
        aliases.setdefault(a.entity_id, []).append(a.alias)
    names: dict[int, str] = {}
    for e in store.entities():
        names[e.id] = e.name
        schema = SCHEMA_OF_TYPE.get(e.type, "Organization")
        id_ = make_id("entity", schema, e.name)
        if id_ in seen_ids:  # two entities of one name (a split kept apart by an analyst)
            id_ = make_id("entity", schema, e.name, e.id)
        seen_ids.add(id_)
        ids[e.id], schemata[e.id] = id_, schema
        props: dict[str, list[Any]] = {"name": [e.name], "alias": [x for x in aliases.get(e.id, []) if x != e.name],
                                       "description": [e.description],
                                       "sourceUrl": sorted({u for _, a in store.entity_articles(e.id)
                                                            if (u := sources.url(a))})}
        if schema == "Address":
            props["full"] = [e.name]
            if e.name.replace(".", "").casefold() in countries:
                props["summary"] = ["country"]
        yield _entity(schema, id_, props)
        for match in listed.get(e.id, []):
            yield _entity("Sanction", make_id("sanction", id_, match.list_source, match.entry_id), {
                "entity": [id_], "authority": [match.authority], "authorityId": [match.entry_id],
                "program": match.programs or [match.list_source], "sourceUrl": [match.source_url],
                "summary": [f"listed: {match.list_name}"], "description": [match.detail]})
    for r in kept_relations(store):
        if r.negated or r.subject not in ids or r.object not in ids:
            continue  # FtM cannot say 'not'
        link = link_schema(r.predicate, schemata[r.subject], schemata[r.object])
        label = r.predicate.replace("_", " ")
        props = {link.subject: [ids[r.subject]], link.object: [ids[r.object]],
                 "summary": [f"{names.get(r.subject, r.subject)} {label} {names.get(r.object, r.object)} "
                             f"({len(r.evidence)} evidence, {r.independent_sources} independent sources)"],
                 **_dates(r.date), **sources.cite(r.evidence)}
        role = link.role if link is not UNKNOWN else label
        if link.schema not in ("Associate", "Family"):
            props["role"], props["status"] = [role], [_status(r)]
        else:
            props["relationship"] = [role if not _status(r) else f"{role} ({_status(r)})"]
        yield _entity(link.schema, make_id("relation", r.subject, r.predicate, r.object, r.attributed_to, r.hedged,
                                           ids[r.subject], ids[r.object]), props)
    for ev in entity_events(store, undated=True):
        if ev.negated or not ev.date:
            continue
        involved = [ids[p] for p in ev.participants if p in ids and "LegalEntity" in IS_A[schemata[p]]]
        places = [p for p in ev.participants if p in ids and schemata[p] == "Address"]
        name = " ".join(ev.summary.split())[:200] or ev.kind
        props = {"name": [name], **_dates(ev.date), "involved": involved,
                 "addressEntity": [ids[p] for p in places], "location": [names.get(p) for p in places],
                 "summary": [f"{ev.kind} ({len(ev.evidence)} evidence, {ev.independent_sources} independent sources)"
                             + (f", {_status(ev)}" if _status(ev) else "")],
                 "keywords": [ev.kind], **sources.cite(ev.evidence)}
        yield _entity("Event", make_id("event", ev.kind, ev.date, name, *sorted(involved)), props)
    yield from sources.used.values()


class FtmExporter(Exporter):
    """FollowTheMoney entities, one JSON object a line (`alephclient write-entities`, `yente`, `ftm` tools)."""

    name = "ftm"
    suffix = ".ftm.json"
    description = "FollowTheMoney entities (line-delimited JSON) for Aleph or yente"

    def render(self, store: Store) -> str:
        """Return one FtM entity per line."""
        return "".join(ftm_lines(store))

    def pieces(self, store: Store) -> dict[str, Iterable[str]]:
        """Return the entities as their lines, computed as they are written."""
        return {"": ftm_lines(store)}


def ftm_lines(store: Store) -> Iterator[str]:
    """Yield one FtM entity per line (JSON, keys sorted)."""
    for e in ftm_entities(store):
        yield json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n"
