#include "events/interaction_events.h"

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/ids.h"
#include "platform/json.h"

namespace recommendations {
namespace {

using platform::json::ObjectReader;

[[noreturn]] void invalid(const std::string& field, const std::string& why) {
  throw platform::Error(platform::ErrorKind::invalid_argument, "invalid-event", why, field);
}

std::string customer_of(ObjectReader& data) {
  auto id = data.required_string("customer_id", {36, 36});
  if (!platform::is_uuid(id)) invalid("customer_id", "customer_id must be a UUID");
  return id;
}

// Catalog ids are UUIDs today; anything printable up to 64 characters is
// accepted so that a catalog with other ids still feeds the models.
std::string product_of(ObjectReader& data) {
  auto id = data.required_string("product_id", {1, 64});
  if (!platform::is_opaque_id(id, 64)) {
    invalid(data.field_path("product_id"),
            data.field_path("product_id") + " must be visible ASCII");
  }
  return id;
}

platform::SystemTime time_of(std::string_view text, const std::string& field) {
  const auto time = platform::parse_rfc3339(text);
  if (!time) invalid(field, field + " must be an RFC 3339 time");
  return *time;
}

std::vector<LoggedInteraction> purchases(ObjectReader& data, platform::SystemTime at) {
  const auto customer = customer_of(data);
  const auto* lines = data.raw("lines");
  if (lines == nullptr || !lines->is_array()) invalid("lines", "lines must be an array");
  std::vector<LoggedInteraction> bought;
  for (std::size_t index = 0; index < lines->as_array().size(); ++index) {
    const auto& line = lines->as_array()[index];
    const auto path = "lines[" + std::to_string(index) + "]";
    if (!line.is_object()) invalid(path, path + " must be an object");
    ObjectReader reader(line.as_object(), path);
    bought.push_back({customer, product_of(reader), Signal::purchase, at});
  }
  return bought;
}

}  // namespace

std::vector<LoggedInteraction> interactions_of(const platform::bus::Event& event) {
  const auto object = platform::json::parse_object(event.data);
  ObjectReader data(object);
  const auto occurred_at = time_of(event.occurred_at, "occurred_at");
  if (event.subject == kOrderPaid) return purchases(data, occurred_at);
  if (event.subject == kProductViewed) {
    auto customer = customer_of(data);
    auto product = product_of(data);
    const auto viewed_at = data.optional_string("viewed_at", {1, 64});
    return {{std::move(customer), std::move(product), Signal::view,
             viewed_at ? time_of(*viewed_at, "viewed_at") : occurred_at}};
  }
  if (event.subject == kCartItemAdded) {
    if (!data.contains("customer_id") || data.is_null("customer_id")) return {};
    auto customer = customer_of(data);
    return {{std::move(customer), product_of(data), Signal::cart_addition, occurred_at}};
  }
  invalid("subject", "recommendations do not read " + event.subject);
}

}  // namespace recommendations
