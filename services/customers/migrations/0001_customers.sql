-- Written in the SQL that PostgreSQL 15 and SQLite 3.40 share. Times are Unix
-- milliseconds, ids are UUIDv7 text, JSON is stored as text. A customer's id
-- is the auth service's user id.

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,  -- '' until auth.user.registered arrives
  name TEXT NOT NULL,
  phone TEXT,
  preferences TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX customers_email ON customers (email);

-- Ids of erased customers, and nothing else about them: a late event or a
-- still-valid token must not bring an erased customer back.
CREATE TABLE erased_customers (
  id TEXT PRIMARY KEY,
  erased_at BIGINT NOT NULL
);

CREATE TABLE addresses (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  label TEXT,
  recipient TEXT NOT NULL,
  line1 TEXT NOT NULL,
  line2 TEXT,
  city TEXT NOT NULL,
  region TEXT,
  postal_code TEXT NOT NULL,
  country TEXT NOT NULL,
  phone TEXT,
  is_default_shipping BOOLEAN NOT NULL,
  is_default_billing BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX addresses_customer ON addresses (customer_id, id);
-- At most one default of each kind per customer, whatever the code does.
CREATE UNIQUE INDEX addresses_default_shipping ON addresses (customer_id)
  WHERE is_default_shipping;
CREATE UNIQUE INDEX addresses_default_billing ON addresses (customer_id)
  WHERE is_default_billing;

CREATE TABLE wishlist_items (
  customer_id TEXT NOT NULL REFERENCES customers (id),
  product_id TEXT NOT NULL,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (customer_id, product_id)
);

CREATE TABLE recently_viewed (
  customer_id TEXT NOT NULL REFERENCES customers (id),
  product_id TEXT NOT NULL,
  viewed_at BIGINT NOT NULL,
  PRIMARY KEY (customer_id, product_id)
);

CREATE INDEX recently_viewed_newest ON recently_viewed (customer_id, viewed_at);

-- A read model of the orders service's events. `updated_at` is the
-- occurred_at of the event that set the row: older events do not overwrite it.
CREATE TABLE order_history (
  order_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  status TEXT NOT NULL,
  total_amount BIGINT NOT NULL,
  currency TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  placed_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX order_history_customer ON order_history (customer_id, placed_at, order_id);
