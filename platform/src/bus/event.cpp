#include "platform/bus/event.h"

#include <boost/json.hpp>

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/trace_context.h"

namespace platform::bus {
namespace {

std::string required_string(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) {
    throw Error(ErrorKind::invalid_argument, "invalid-event",
                std::string("event envelope needs a string \"") + key + "\"", key);
  }
  return std::string(value->as_string());
}

}  // namespace

std::string Event::to_json() const {
  boost::json::object envelope;
  envelope["id"] = id;
  envelope["type"] = subject;
  envelope["occurred_at"] = occurred_at;
  envelope["trace_id"] = trace_id;
  boost::system::error_code error;
  auto payload = boost::json::parse(data, error);
  if (error) {
    // The producer built the payload; invalid JSON here is a bug, not input.
    throw Error(ErrorKind::internal, "invalid-event-data", "event data is not JSON: " + subject);
  }
  envelope["data"] = std::move(payload);
  return boost::json::serialize(envelope);
}

Event Event::from_json(std::string_view json) {
  boost::system::error_code error;
  auto parsed = boost::json::parse(json, error);
  if (error || !parsed.is_object()) {
    throw Error(ErrorKind::invalid_argument, "invalid-event",
                "event envelope is not a JSON object");
  }
  const auto& object = parsed.as_object();
  Event event;
  event.id = required_string(object, "id");
  event.subject = required_string(object, "type");
  event.occurred_at = required_string(object, "occurred_at");
  if (const auto* trace = object.if_contains("trace_id"); trace && trace->is_string()) {
    event.trace_id = std::string(trace->as_string());
  }
  const auto* data = object.if_contains("data");
  event.data = data ? boost::json::serialize(*data) : "null";
  return event;
}

Event make_event(std::string subject, std::string data_json) {
  Event event;
  event.id = new_uuid_v7();
  event.subject = std::move(subject);
  event.occurred_at = now_rfc3339();
  if (const auto* trace = current_trace()) event.trace_id = trace->trace_id;
  event.data = std::move(data_json);
  return event;
}

}  // namespace platform::bus
