-- The embedded bus (platform/bus/database_bus.h): every event, every durable
-- consumer's next position, and every delivery not yet acknowledged.
CREATE TABLE bus_stream (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  envelope TEXT NOT NULL,
  published_at BIGINT NOT NULL
);
CREATE TABLE bus_consumers (
  name TEXT PRIMARY KEY,
  filter TEXT NOT NULL,
  next_sequence BIGINT NOT NULL
);
CREATE TABLE bus_deliveries (
  consumer TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  due_at BIGINT NOT NULL,
  PRIMARY KEY (consumer, sequence)
);
CREATE INDEX bus_deliveries_due ON bus_deliveries (consumer, due_at);
