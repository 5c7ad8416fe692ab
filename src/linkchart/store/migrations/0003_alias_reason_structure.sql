-- linkchart schema 3: why an alias belongs to its entity, as structure beside its text.
--
-- reason_pass:     the resolver's join pass that attached the alias (e.g. 'partial_names'),
--                  'decisions' for an analyst's, NULL for the entity builder's own
--                  ('canonical name', 'written with a title').
-- reason_evidence: JSON object of the evidence that pass used: {"kind": ..., fields of that kind}
--                  (linkchart.resolve.reasons). `reason` keeps the text rendered from it.
-- Rows of an older database stay NULL until the next resolution rewrites them.

ALTER TABLE entity_aliases ADD COLUMN reason_pass TEXT;
ALTER TABLE entity_aliases ADD COLUMN reason_evidence TEXT;
