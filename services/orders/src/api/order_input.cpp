#include "api/order_input.h"

#include <boost/json.hpp>

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/http/authorization.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"
#include "platform/json.h"

namespace orders {

namespace {

using platform::json::ObjectReader;

// The most one order may be: 1 000 000.00 in a two-decimal currency, as the
// payment service allows.
constexpr std::int64_t kMaximumAmount = 100'000'000;

// An amount in the order's currency.
std::int64_t read_amount(ObjectReader& reader, std::string_view key, const std::string& currency) {
  const auto money = platform::read_money(reader, key, {.minimum = 0, .maximum = kMaximumAmount});
  if (money.currency != currency) {
    throw platform::unprocessable(
        "currency-mismatch",
        reader.field_path(key) + " is in " + money.currency + ", the order in " + currency,
        reader.field_path(key) + ".currency");
  }
  return money.amount;
}

OrderLine read_line(ObjectReader& line, const std::string& currency) {
  OrderLine parsed;
  parsed.product_id = line.required_string("product_id", {1, 64});
  parsed.sku = line.required_string("sku", {1, 64});
  parsed.title = line.required_string("title", {1, 200});
  parsed.quantity = line.required_integer("quantity", {.minimum = 1, .maximum = kMaxQuantity});
  parsed.unit_price = read_amount(line, "unit_price", currency);
  parsed.subtotal = read_amount(line, "subtotal", currency);
  parsed.discount = read_amount(line, "discount", currency);
  parsed.tax = read_amount(line, "tax", currency);
  parsed.total = read_amount(line, "total", currency);
  line.finish();
  return parsed;
}

Shipping read_shipping(ObjectReader shipping) {
  Shipping parsed;
  parsed.address = platform::read_postal_address(shipping.object("address"));
  parsed.speed = shipping.required_string("speed", {1, 32});
  auto estimate = shipping.object("estimate");
  parsed.min_days = static_cast<int>(estimate.required_integer("min_days", {0, 365}));
  parsed.max_days = static_cast<int>(estimate.required_integer("max_days", {parsed.min_days, 365}));
  estimate.finish();
  shipping.finish();
  return parsed;
}

Totals read_totals(ObjectReader totals, const std::string& currency) {
  Totals parsed;
  parsed.merchandise = read_amount(totals, "merchandise", currency);
  parsed.discount = read_amount(totals, "discount", currency);
  parsed.shipping = read_amount(totals, "shipping", currency);
  parsed.shipping_tax = read_amount(totals, "shipping_tax", currency);
  parsed.tax = read_amount(totals, "tax", currency);
  parsed.total = read_amount(totals, "total", currency);
  totals.finish();
  return parsed;
}

std::optional<std::int64_t> time_parameter(const platform::http::Request& request,
                                           std::string_view name) {
  const auto text = request.query_parameter(name);
  if (!text) return std::nullopt;
  const auto time = platform::parse_rfc3339(*text);
  if (!time) {
    throw platform::invalid_field(std::string(name),
                                  std::string(name) + " must be an RFC 3339 time");
  }
  return platform::to_unix_millis(*time);
}

}  // namespace

OrderDraft read_draft(const platform::http::Request& request) {
  const auto object = platform::http::json_object_body(request);
  ObjectReader body(object);
  OrderDraft draft;
  draft.customer_id = body.required_string("customer_id", {36, 36});
  if (!platform::is_uuid(draft.customer_id)) {
    throw platform::invalid_field("customer_id", "customer_id must be a UUID");
  }
  draft.email = body.required_string("email", {3, 254});
  draft.currency = body.required_string("currency", {3, 3});
  if (!platform::is_valid_currency(draft.currency)) {
    throw platform::invalid_field("currency", "currency must be an ISO 4217 code such as EUR");
  }
  const auto* lines = body.raw("lines");
  if (lines == nullptr || !lines->is_array() || lines->get_array().empty() ||
      lines->get_array().size() > kMaxLines) {
    throw platform::invalid_field(
        "lines", "lines must be an array of 1 to " + std::to_string(kMaxLines) + " lines");
  }
  for (std::size_t i = 0; i < lines->get_array().size(); ++i) {
    const auto path = "lines[" + std::to_string(i) + "]";
    const auto& item = lines->get_array()[i];
    if (!item.is_object()) throw platform::invalid_field(path, path + " must be an object");
    ObjectReader line(item.get_object(), path);
    draft.lines.push_back(read_line(line, draft.currency));
  }
  draft.totals = read_totals(body.object("totals"), draft.currency);
  draft.prices_include_tax = body.required_bool("prices_include_tax");
  draft.tax_name = body.optional_string("tax_name", {0, 100}).value_or("");
  draft.coupon = body.optional_string("coupon", {0, 64}).value_or("");
  draft.shipping = read_shipping(body.object("shipping"));
  draft.payment_method = body.required_string("payment_method", {1, 64});
  body.finish();
  check_figures(draft);
  return draft;
}

OrderQuery read_order_query(const platform::http::Request& request) {
  platform::http::reject_unknown_parameters(
      request, {"status", "customer_id", "placed_from", "placed_until", "limit", "cursor"});
  OrderQuery query;
  const auto& caller = platform::http::caller_of(request);
  if (const auto status = request.query_parameter("status")) {
    query.status = parse_order_status(*status);
    if (!query.status) throw platform::invalid_field("status", "unknown order status");
  }
  if (const auto customer = request.query_parameter("customer_id")) {
    if (!caller.is_admin() && *customer != caller.subject) {
      throw platform::Error(platform::ErrorKind::forbidden, "forbidden",
                            "only admins list other customers' orders", "customer_id");
    }
    query.customer_id = std::string(*customer);
  }
  if (!caller.is_admin()) query.customer_id = caller.subject;
  query.placed_from = time_parameter(request, "placed_from");
  query.placed_until = time_parameter(request, "placed_until");
  query.limit =
      static_cast<int>(platform::http::integer_parameter(request, "limit", 1, 100).value_or(20));
  if (const auto cursor = request.query_parameter("cursor")) {
    query.after = platform::decode_cursor(kOrderListCursor, *cursor);
  }
  return query;
}

ShipmentInput read_shipment(const platform::http::Request& request) {
  const auto object = platform::http::json_object_body(request);
  ObjectReader body(object);
  ShipmentInput input;
  input.carrier = body.required_string("carrier", {1, 50});
  input.tracking_number = body.required_string("tracking_number", {1, 64});
  body.finish();
  return input;
}

RefundInput read_refund(const platform::http::Request& request) {
  RefundInput input;
  if (request.body.empty()) return input;
  const auto object = platform::http::json_object_body(request);
  ObjectReader body(object);
  if (body.contains("amount")) {
    input.amount = platform::read_money(body, "amount", {.minimum = 1, .maximum = kMaximumAmount});
  }
  input.reason = body.optional_string("reason", {0, 200}).value_or("");
  body.finish();
  return input;
}

std::string read_cancel_reason(const platform::http::Request& request) {
  if (request.body.empty()) return {};
  const auto object = platform::http::json_object_body(request);
  ObjectReader body(object);
  auto reason = body.optional_string("reason", {0, 200}).value_or("");
  body.finish();
  return reason;
}

}  // namespace orders
