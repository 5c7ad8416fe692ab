-- linkchart schema 11: the near-duplicate candidates of a new article are counted from the band index
-- alone (band, key, article_id), and only the best few articles are read for their fingerprints: at
-- 50,000 articles the query read every candidate article row (its text first) and cost ~11 ms an article.

DROP INDEX article_bands_key;
CREATE INDEX article_bands_key ON article_bands (band, key, article_id);
