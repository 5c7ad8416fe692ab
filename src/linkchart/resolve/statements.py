"""The alias statements a region's resolution can use: those of its articles that name one of its names, and those
that tell whether one of its names is an alias defined as different things.

A region holds every mention of the clusters it pulled in, and with them every alias statement of their articles:
for a popular group, thousands, most about other names of those articles (people, places) that are not in the
region. The passes use a statement in two ways only:

- `passes._join_alias_statements` joins its ends when one of them is a local surface of its article (or a name an
  earlier such statement added there); a statement naming neither is skipped;
- `passes._ambiguous_aliases` finds the aliases defined as different things, and the region asks it only about the
  keys of its own names (and of the names those statements add).

So the statements kept are, in their order: those whose ends the pass can find; those giving a meaning to a key of
the region; the acronym definitions that decide whether one of those counts as a meaning (an alias defined as an
acronym takes no other meaning). The passes then join exactly what they join over all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linkchart.resolve import names
from linkchart.resolve.passes import alias_keys
from linkchart.resolve.surfaces import Key, LocalSurface, clean_surface, written_form


def used_statements(locals_: Mapping[Key, LocalSurface], statements: Iterable[Any]) -> list[Any]:
    """Return, in their order, the alias statements of `statements` that the passes can use with the local surfaces
    `locals_` (see the module docstring): leaving the others out changes no join and no ambiguous key of theirs."""
    statements = list(statements)
    exact: set[tuple[int, str]] = set()
    keyed: set[tuple[int, str]] = set()
    for k, ls in locals_.items():
        exact |= {(k[0], k[1]), (k[0], ls.surface)}
        keyed.add((k[0], names.name_key(ls.surface)))
    region_keys = {key for _, key in keyed}
    joined: set[int] = set()
    for i, st in enumerate(statements):  # in order: a statement may find a name an earlier one added
        ends = [clean_surface(text) for text in (st.name, st.alias)]
        if not any((st.article_id, e) in exact or (st.article_id, names.name_key(e)) in keyed for e in ends):
            continue
        joined.add(i)
        for text in (st.name, st.alias):  # the names it may add (more than it adds: as written or as cleaned)
            for form in (written_form(text), clean_surface(text)):
                exact.add((st.article_id, form))
                keyed.add((st.article_id, names.name_key(form)))
                region_keys.add(names.name_key(form))
    kept = {i for i, st in enumerate(statements) if i in joined or alias_keys(st.alias) & region_keys}
    # an alias defined as an acronym anywhere takes no other meaning: those definitions decide what the kept mean
    cleaned = {names.name_key(clean_surface(statements[i].alias)) for i in kept}
    kept |= {i for i, st in enumerate(statements)
             if st.kind == "acronym" and names.name_key(clean_surface(st.alias)) in cleaned}
    return [st for i, st in enumerate(statements) if i in kept]
