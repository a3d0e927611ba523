-- Written in the SQL that PostgreSQL 15 and SQLite 3.40 share. Times are Unix
-- milliseconds, ids are UUIDv7 text, amounts are minor units of the order's
-- currency.

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  email TEXT NOT NULL,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  merchandise BIGINT NOT NULL,
  discount BIGINT NOT NULL,
  shipping BIGINT NOT NULL,
  shipping_tax BIGINT NOT NULL,
  tax BIGINT NOT NULL,
  total BIGINT NOT NULL CHECK (total > 0),
  refunded BIGINT NOT NULL CHECK (refunded >= 0 AND refunded <= total),
  prices_include_tax BOOLEAN NOT NULL,
  tax_name TEXT NOT NULL,
  coupon TEXT NOT NULL,
  -- Where it goes and how: the address as the customer gave it at checkout.
  shipping_address TEXT NOT NULL,  -- JSON
  shipping_speed TEXT NOT NULL,
  delivery_min_days INTEGER NOT NULL,
  delivery_max_days INTEGER NOT NULL,
  carrier TEXT NOT NULL,
  tracking_number TEXT NOT NULL,
  payment_method TEXT NOT NULL,
  cancel_reason TEXT NOT NULL,
  -- Who placed it with which Idempotency-Key and request (a hash): the key
  -- is claimed by inserting the order itself, so it has one effect however
  -- often or concurrently it is sent.
  placed_by TEXT NOT NULL,
  placement_key TEXT NOT NULL,
  placement_hash TEXT NOT NULL,
  -- The checkout saga (domain/checkout_saga.h), and who changes the order
  -- until when (the saga's runner, or a request shipping, cancelling or
  -- refunding it): a process that dies leaves its lease to lapse, then
  -- another resumes.
  saga_step TEXT NOT NULL,
  reservation_id TEXT NOT NULL,
  payment_id TEXT NOT NULL,
  saga_attempts INTEGER NOT NULL,
  step_started_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  lease_owner TEXT NOT NULL,
  lease_until BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (placed_by, placement_key)
);

CREATE INDEX orders_customer ON orders (customer_id, created_at, id);
CREATE INDEX orders_status ON orders (status, created_at, id);
CREATE INDEX orders_created ON orders (created_at, id);
-- The sagas to resume, found without scanning finished orders.
CREATE INDEX orders_saga_due ON orders (next_attempt_at)
  WHERE saga_step NOT IN ('done', 'cancelled');

CREATE TABLE order_lines (
  order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  title TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price BIGINT NOT NULL,
  subtotal BIGINT NOT NULL,
  discount BIGINT NOT NULL,
  tax BIGINT NOT NULL,
  total BIGINT NOT NULL,
  PRIMARY KEY (order_id, position)
);

CREATE INDEX order_lines_product ON order_lines (product_id);

-- The tracking timeline: every status the order took, with what was said.
CREATE TABLE order_status_history (
  order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  sequence INTEGER NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (order_id, sequence)
);

-- Refunds by Idempotency-Key: the key is claimed with the order's change.
CREATE TABLE order_refunds (
  order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  requested_by TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (requested_by, key)
);

CREATE INDEX order_refunds_order ON order_refunds (order_id, at);
