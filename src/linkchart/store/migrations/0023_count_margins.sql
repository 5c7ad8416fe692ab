-- linkchart schema 23: the margins of the resolver's count decisions (linkchart.resolve.margins).
--
-- Some join passes decide by comparing mention counts (the most named cluster of an organisation core, the
-- dominant full name of a surname). resolver_keys files each such decision under a key ('x:o:', 'x:p:', 'x:s:'
-- and the name part, cluster 0); resolver_margins keeps how many more mentions of names with that part cannot
-- change it. An added article within every margin it touches joins its clusters without resolving them again
-- (linkchart.resolve.attach) and spends the margins; a resolution that decides again sets them anew.
--
-- A store resolved before this schema has no margins: its decisions get -1 (any new mention may change them)
-- until the next full resolution.

CREATE TABLE resolver_margins (
    key    TEXT PRIMARY KEY,
    margin BIGINT NOT NULL
);
INSERT INTO resolver_margins (key, margin)
    SELECT DISTINCT key, -1 FROM resolver_keys WHERE cluster = 0 AND substr(key, 1, 2) = 'x:' AND substr(key, 1, 4) <> 'x:t:';
