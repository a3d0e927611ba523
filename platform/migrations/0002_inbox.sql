-- Events this service has already acted on, per consumer: redeliveries of
-- them are acknowledged without acting twice.
CREATE TABLE inbox (
  consumer TEXT NOT NULL,
  event_id TEXT NOT NULL,
  processed_at BIGINT NOT NULL,
  PRIMARY KEY (consumer, event_id)
);
