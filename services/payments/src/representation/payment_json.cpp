#include "representation/payment_json.h"

#include <boost/json.hpp>

#include "platform/clock.h"

namespace payments {

namespace {

std::string time_text(std::int64_t unix_millis) {
  return platform::format_rfc3339(platform::from_unix_millis(unix_millis));
}

}  // namespace

boost::json::object to_json(const PaymentMethod& method) {
  return {{"id", method.id},
          {"brand", to_string(method.brand)},
          {"last4", method.last4},
          {"expiry_month", method.expiry.month},
          {"expiry_year", method.expiry.year},
          {"holder", method.holder},
          {"created_at", time_text(method.created_at)}};
}

boost::json::object to_json(const Payment& payment) {
  boost::json::array operations;
  for (const auto& operation : payment.operations) {
    boost::json::object item{{"kind", to_string(operation.kind)},
                             {"amount", operation.amount},
                             {"at", time_text(operation.at)}};
    if (!operation.reason.empty()) item["reason"] = operation.reason;
    operations.push_back(std::move(item));
  }
  const auto& currency = payment.amount.currency;
  boost::json::object object{
      {"id", payment.id},
      {"order_id", payment.order_id},
      {"customer", payment.customer},
      {"payment_method", payment.payment_method},
      {"card", {{"brand", payment.card_brand}, {"last4", payment.card_last4}}},
      {"status", to_string(payment.status)},
      {"amount", platform::to_json(payment.amount)},
      {"captured", platform::to_json({payment.captured, currency})},
      {"refunded", platform::to_json({payment.refunded, currency})},
      {"operations", std::move(operations)},
      {"created_at", time_text(payment.created_at)},
      {"updated_at", time_text(payment.updated_at)}};
  object["decline_code"] = payment.decline_code.empty() ? boost::json::value(nullptr)
                                                        : boost::json::value(payment.decline_code);
  return object;
}

}  // namespace payments
