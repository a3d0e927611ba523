-- A confirmed reservation whose paid order was cancelled before shipment is
-- returned: its stock goes back on hand. The domain status `returned` is
-- derived from returned_at (status stays 'confirmed'), rather than stored in
-- status, because widening the CHECK of 0001 is not portable: PostgreSQL can
-- drop and re-add the constraint, but SQLite can only rebuild the table, and
-- dropping reservations there would cascade into reservation_lines. A nullable
-- column added with ALTER TABLE ADD COLUMN runs unchanged on both engines,
-- needs no backfill, and returned stays a sub-state of confirmed: stock left
-- on confirmation, came back on return. The CHECK (enforced by both engines on
-- new and existing rows) keeps returned_at on confirmed reservations only.
ALTER TABLE reservations ADD COLUMN returned_at BIGINT
  CHECK (returned_at IS NULL OR status = 'confirmed');
