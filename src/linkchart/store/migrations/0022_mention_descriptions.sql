-- linkchart schema 19: mentions found by their appositive description.
--
-- An added article's mention may bring a description into a tie for an entity's most frequent one; a full
-- resolution takes the tied description met first (by article). `Store.first_described` finds, through
-- this index, the few mentions giving each tied description, not every mention of a popular entity.

CREATE INDEX IF NOT EXISTS mentions_description ON mentions (description) WHERE description IS NOT NULL;
