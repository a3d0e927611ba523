-- Written in the SQL that PostgreSQL 15 and SQLite 3.40 share. Times are Unix
-- milliseconds, ids are UUIDv7 text, JSON is stored as text.

CREATE TABLE categories (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  parent_id TEXT REFERENCES categories (id),
  path TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  brand TEXT NOT NULL,
  category_id TEXT NOT NULL REFERENCES categories (id),
  category_path TEXT NOT NULL,
  attributes TEXT NOT NULL,
  price_amount BIGINT NOT NULL CHECK (price_amount >= 0),
  currency TEXT NOT NULL,
  image_ids TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
  popularity BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- One index per sort order, led by status because listings filter on it.
CREATE INDEX products_newest ON products (status, created_at, id);
CREATE INDEX products_price ON products (status, price_amount, id);
CREATE INDEX products_title ON products (status, title, id);
CREATE INDEX products_popularity ON products (status, popularity, id);
CREATE INDEX products_category ON products (category_path);
CREATE INDEX products_brand ON products (brand);

CREATE TABLE inventory (
  product_id TEXT PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
  on_hand BIGINT NOT NULL CHECK (on_hand >= 0),
  reserved BIGINT NOT NULL CHECK (reserved >= 0 AND reserved <= on_hand),
  updated_at BIGINT NOT NULL
);

CREATE TABLE reservations (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'released', 'expired')),
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE INDEX reservations_due ON reservations (status, expires_at);

CREATE TABLE reservation_lines (
  reservation_id TEXT NOT NULL REFERENCES reservations (id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES products (id),
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (reservation_id, product_id)
);

CREATE INDEX reservation_lines_product ON reservation_lines (product_id);
