-- Events waiting to be relayed to the bus, written in the same transaction as
-- the change that caused them.
CREATE TABLE outbox (
  sequence BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  envelope TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  published_at BIGINT
);
CREATE INDEX outbox_unpublished ON outbox (sequence) WHERE published_at IS NULL;
