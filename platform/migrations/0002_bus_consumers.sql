-- Each durable consumer's next position, and every delivery not yet
-- acknowledged (it comes back when due_at has passed).
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
