-- linkchart schema 17: a generic mention may stand for a named thing.
--
-- refers_to: the name of what a generic phrase stands for ('the government' of an article
-- about Chile → 'Chile government'); the resolver groups the mention by it, while `text`
-- stays what the article wrote. NULL for a name (every mention stored before this schema).

ALTER TABLE mentions ADD COLUMN refers_to TEXT;
