-- linkchart schema 20: alias statements found by their alias.
--
-- An added article that defines an acronym again ('KRB' for one more group) is resolved
-- from the earlier meanings of that acronym (`Store.alias_meanings`), not by re-reading every
-- cluster that uses it; this index finds those statements without reading them all.

CREATE INDEX IF NOT EXISTS alias_statements_alias ON alias_statements (alias);
