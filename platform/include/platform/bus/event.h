#pragma once

#include <string>
#include <string_view>

namespace platform::bus {

// The envelope every event travels in. `subject` is <service>.<entity>.<verb>
// and doubles as the event type; `data` is the JSON payload as text.
struct Event {
  std::string id;           // UUIDv7; consumers dedupe on it
  std::string subject;      // e.g. "catalog.product.upserted"
  std::string occurred_at;  // RFC 3339 UTC
  std::string trace_id;     // W3C trace id of the request that caused it, or empty
  std::string data;         // JSON document

  // {"id":..,"type":subject,"occurred_at":..,"trace_id":..,"data":{...}}
  std::string to_json() const;
  // Throws platform::Error(invalid_argument) on a malformed envelope.
  static Event from_json(std::string_view json);
};

// A new event with a fresh UUIDv7 id, the current time and the trace id of the
// request being served on this thread (if any).
Event make_event(std::string subject, std::string data_json);

}  // namespace platform::bus
