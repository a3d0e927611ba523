-- The key-value store of embedded mode (Redis in distributed mode): each
-- key's value, its version for conditional writes, and when it expires
-- (Unix milliseconds). Expired rows are invisible and swept now and then.
CREATE TABLE key_values (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  version BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE INDEX key_values_expiry ON key_values (expires_at);
