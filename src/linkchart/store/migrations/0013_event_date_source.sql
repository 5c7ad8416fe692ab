-- linkchart schema 12: an event may take its date from its article, and may have none.
--
-- date_source: 'article' when `date` is the date of the article that reports the happening
-- ('X said', 'Y resigned' with no date of their own), NULL when the text states the date
-- (or the event is undated). Stores from before this schema read NULL: every date they hold
-- was stated in the text.

ALTER TABLE events ADD COLUMN date_source TEXT;
