-- The embedded bus (platform/bus/database_bus.h): every event published.
CREATE TABLE bus_stream (
  sequence BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  envelope TEXT NOT NULL,
  published_at BIGINT NOT NULL
);
