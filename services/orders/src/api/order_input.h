#pragma once

#include <optional>
#include <string>

#include "domain/order.h"
#include "platform/http/message.h"
#include "platform/money.h"
#include "store/orders_store.h"

namespace orders {

// The body of POST /v1/orders: a priced basket as checkout quoted it (see
// openapi.yaml), every figure in `currency`; its figures are checked to add
// up (check_figures). Throws Error(invalid_argument | unprocessable) naming
// the field.
OrderDraft read_draft(const platform::http::Request& request);

// GET /v1/orders: status, placed_from, placed_until (RFC 3339), customer_id
// (admins only: customers always see their own), limit, cursor.
OrderQuery read_order_query(const platform::http::Request& request);

struct ShipmentInput {
  std::string carrier;
  std::string tracking_number;
};
ShipmentInput read_shipment(const platform::http::Request& request);

struct RefundInput {
  std::optional<platform::Money> amount;  // what is left when absent
  std::string reason;
};
RefundInput read_refund(const platform::http::Request& request);

// An optional {"reason"} for cancelling; empty when the body is.
std::string read_cancel_reason(const platform::http::Request& request);

}  // namespace orders
