-- linkchart schema 8: an article that states no date may carry an inferred one.
--
-- date_inferred: why `date` was inferred rather than read from the article's header
-- ('between articles dated 2019-11-16 and 2019-11-11', 'no earlier than 2024-08-16, the
-- latest date it states'); NULL when the article states its date, or has none.
-- Stores from before this schema keep their dates as they were until re-ingested.

ALTER TABLE articles ADD COLUMN date_inferred TEXT;
