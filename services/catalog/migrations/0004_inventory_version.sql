-- Every change of a product's inventory bumps its version, so a reader of
-- catalog.stock.changed can tell a newer figure from an older one whatever
-- order the events reach it in: two catalog replicas' outbox relays publish
-- independently, and a redelivered event arrives after later ones. The
-- search index keeps the version it applied and ignores older figures.
-- ALTER TABLE ADD COLUMN with a constant default runs unchanged on both
-- engines (see 0003).
ALTER TABLE inventory ADD COLUMN version BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0);
