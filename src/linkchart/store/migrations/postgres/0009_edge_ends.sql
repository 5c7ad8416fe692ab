-- linkchart schema 9: the ends of the kept entity edges indexed by either end, so that the
-- neighbours of an entity, the edges between it and a few others, and a path search's frontier
-- are read from the index alone (a hub's edge rows, with their evidences, are not touched).

CREATE INDEX entity_edges_subject_ends ON entity_edges (subject, object, negated, id);
CREATE INDEX entity_edges_object_ends ON entity_edges (object, subject, negated, id);
