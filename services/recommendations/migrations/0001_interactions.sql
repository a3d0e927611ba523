-- Written in the SQL that PostgreSQL 15 and SQLite 3.40 share. Times are Unix
-- milliseconds.

-- The interaction log: one row per thing a customer did with a product, as
-- the events told it (a paid order gives a row per line). Models are
-- trained from the recent part of it.
CREATE TABLE interactions (
  event_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  customer_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  signal TEXT NOT NULL CHECK (signal IN ('purchase', 'cart_addition', 'view')),
  occurred_at BIGINT NOT NULL,
  PRIMARY KEY (event_id, position)
);
CREATE INDEX interactions_by_time ON interactions (occurred_at);
-- What a customer bought since the last training, left out of their answers.
CREATE INDEX interactions_by_customer ON interactions (customer_id, occurred_at);
