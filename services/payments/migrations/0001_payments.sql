-- Written in the SQL that PostgreSQL 15 and SQLite 3.40 share. Times are Unix
-- milliseconds, ids are UUIDv7 text, amounts are minor units.

-- A saved card: brand, last four digits and expiry only. The full number and
-- the security code are never stored; the simulated processor's behaviour
-- for the card is kept instead.
CREATE TABLE payment_methods (
  id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,  -- the subject (customer) who saved it
  brand TEXT NOT NULL,
  last4 TEXT NOT NULL,
  expiry_month INTEGER NOT NULL,
  expiry_year INTEGER NOT NULL,
  holder TEXT NOT NULL,
  behaviour TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE INDEX payment_methods_owner ON payment_methods (owner, id);

CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  customer TEXT NOT NULL,
  payment_method TEXT NOT NULL REFERENCES payment_methods (id),
  card_brand TEXT NOT NULL,
  card_last4 TEXT NOT NULL,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount > 0),
  captured BIGINT NOT NULL CHECK (captured >= 0 AND captured <= amount),
  refunded BIGINT NOT NULL CHECK (refunded >= 0 AND refunded <= captured),
  decline_code TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL
);

CREATE INDEX payments_order ON payments (order_id, created_at);

-- The ledger: every operation that changed a payment.
CREATE TABLE payment_operations (
  payment_id TEXT NOT NULL REFERENCES payments (id),
  sequence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  amount BIGINT NOT NULL,
  reason TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (payment_id, sequence)
);

-- Idempotency-Key of each operation, per caller, claimed in the transaction
-- that makes the change: a retry, even one racing the first request or
-- coming after a crash, finds the change made once.
CREATE TABLE operation_keys (
  requester TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  payment_id TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (requester, key)
);
