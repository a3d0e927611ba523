-- See 0001_outbox.postgres.sql; AUTOINCREMENT keeps sequences from being
-- reused after deletes, as a PostgreSQL sequence would.
CREATE TABLE outbox (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  envelope TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  published_at BIGINT
);
CREATE INDEX outbox_unpublished ON outbox (sequence) WHERE published_at IS NULL;
