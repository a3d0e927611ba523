-- What the shop's rules need to know of each product, from the catalog's
-- events. The product's own fields and its stock have versions of their
-- own (catalog.product.upserted, catalog.stock.changed), each applied only
-- when newer, so events arriving out of order leave the latest state.
-- A deletion is final: catalog ids are never reused.
CREATE TABLE product_facts (
  product_id TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  on_sale INTEGER NOT NULL,
  product_version BIGINT NOT NULL,
  in_stock INTEGER NOT NULL,
  stock_version BIGINT NOT NULL,
  deleted INTEGER NOT NULL
);
