-- linkchart schema 2: entity lookups that cost what the answer holds, not what the store holds.
--
-- folded:   the name/alias as Python's str.lower() folds it (SQLite's lower() folds ASCII
--           only), so a case-insensitive lookup is an index seek.
-- name_key: the alias's transliteration key (linkchart.resolve.names.name_key), for the
--           name-matcher fallback of entity lookups.
-- Both are written by the store with every entity replacement; rows of an older database
-- are filled in by the store when it opens one (SQL cannot compute them).
-- mentions / documents: how many mentions are linked to the entity and in how many
-- documents; kept by the store when entities are replaced or documents deleted.

ALTER TABLE entities ADD COLUMN folded TEXT;
ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN documents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entity_aliases ADD COLUMN folded TEXT;
ALTER TABLE entity_aliases ADD COLUMN name_key TEXT;

UPDATE entities SET
    mentions = (SELECT count(*) FROM mention_entity me WHERE me.entity_id = entities.id),
    documents = (
        SELECT count(DISTINCT a.document_id)
        FROM mention_entity me
        JOIN mentions m ON m.id = me.mention_id
        JOIN articles a ON a.id = m.article_id
        WHERE me.entity_id = entities.id
    );

CREATE INDEX entities_folded ON entities (folded);
CREATE INDEX entities_rank ON entities (mentions DESC, documents DESC, name, id);
CREATE INDEX entity_aliases_folded ON entity_aliases (folded);
CREATE INDEX entity_aliases_name_key ON entity_aliases (name_key);
