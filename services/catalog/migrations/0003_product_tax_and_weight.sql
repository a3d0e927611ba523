-- What the cart needs to price a basket: the VAT class of each product (the
-- cart maps it to a destination's rate) and its shipping weight in grams.
-- ALTER TABLE ADD COLUMN with a constant default runs unchanged on both
-- engines and fills existing rows without a rewrite (PostgreSQL 11+ stores the
-- default in the catalog; SQLite reads it for rows written before). Both
-- engines check the CHECKs against existing rows too, which the defaults pass.
-- The bounds repeat the domain's rules (domain/product.cpp) as the last line
-- of defence.
ALTER TABLE products ADD COLUMN tax_category TEXT NOT NULL DEFAULT 'standard'
  CHECK (tax_category IN ('standard', 'reduced', 'zero'));
ALTER TABLE products ADD COLUMN weight_grams BIGINT NOT NULL DEFAULT 0
  CHECK (weight_grams >= 0 AND weight_grams <= 1000000);
