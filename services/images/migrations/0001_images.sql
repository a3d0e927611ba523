-- Written in the SQL that PostgreSQL 15 and SQLite 3.40 share. Times are Unix
-- milliseconds.

-- One row per stored original. The id is the SHA-256 of the stored bytes
-- (after orientation and metadata stripping), so the same picture uploaded
-- twice is one image.
CREATE TABLE images (
  id TEXT PRIMARY KEY,
  uploaded_format TEXT NOT NULL,
  stored_format TEXT NOT NULL,
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  bytes BIGINT NOT NULL CHECK (bytes > 0),
  has_alpha INTEGER NOT NULL,
  dominant_color TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
