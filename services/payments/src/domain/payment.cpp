#include "domain/payment.h"

#include "platform/enum_names.h"
#include "platform/error.h"

namespace payments {

namespace {

constexpr platform::EnumNames<PaymentStatus, 6> kStatusNames{{{
    {PaymentStatus::authorized, "authorized"},
    {PaymentStatus::declined, "declined"},
    {PaymentStatus::captured, "captured"},
    {PaymentStatus::partially_refunded, "partially_refunded"},
    {PaymentStatus::refunded, "refunded"},
    {PaymentStatus::voided, "voided"},
}}};

constexpr platform::EnumNames<OperationKind, 4> kOperationNames{{{
    {OperationKind::authorize, "authorize"},
    {OperationKind::capture, "capture"},
    {OperationKind::void_authorization, "void"},
    {OperationKind::refund, "refund"},
}}};

platform::Error not_allowed(std::string code, const Payment& payment, std::string_view what) {
  return platform::conflict(std::move(code), "a payment that is " +
                                                 std::string(to_string(payment.status)) +
                                                 " cannot be " + std::string(what));
}

platform::Error amount_does_not_fit(std::string code, const std::string& message) {
  return platform::unprocessable(std::move(code), message, "amount");
}

}  // namespace

std::string_view to_string(PaymentStatus status) { return kStatusNames.name(status); }
std::optional<PaymentStatus> parse_payment_status(std::string_view text) {
  return kStatusNames.parse(text);
}
std::string_view to_string(OperationKind kind) { return kOperationNames.name(kind); }
std::optional<OperationKind> parse_operation_kind(std::string_view text) {
  return kOperationNames.parse(text);
}

Payment capture(Payment payment, std::optional<std::int64_t> amount, std::int64_t now) {
  if (payment.status != PaymentStatus::authorized) {
    throw not_allowed("payment-not-capturable", payment, "captured");
  }
  const auto captured = amount.value_or(payment.amount.amount);
  if (captured <= 0 || captured > payment.amount.amount) {
    throw amount_does_not_fit("amount-exceeds-authorization",
                              "a capture takes 1 to " + std::to_string(payment.amount.amount) +
                                  " (the authorized amount)");
  }
  payment.captured = captured;
  payment.status = PaymentStatus::captured;
  payment.updated_at = now;
  payment.operations.push_back({OperationKind::capture, captured, {}, now});
  return payment;
}

Payment void_authorization(Payment payment, std::int64_t now) {
  if (payment.status != PaymentStatus::authorized) {
    throw not_allowed("payment-not-voidable", payment, "voided");
  }
  payment.status = PaymentStatus::voided;
  payment.updated_at = now;
  payment.operations.push_back({OperationKind::void_authorization, 0, {}, now});
  return payment;
}

Payment refund(Payment payment, std::optional<std::int64_t> amount, std::string reason,
               std::int64_t now) {
  if (payment.status != PaymentStatus::captured &&
      payment.status != PaymentStatus::partially_refunded) {
    throw not_allowed("payment-not-refundable", payment, "refunded");
  }
  const auto refundable = payment.captured - payment.refunded;
  const auto refunded = amount.value_or(refundable);
  if (refunded <= 0 || refunded > refundable) {
    throw amount_does_not_fit(
        "amount-exceeds-captured",
        "a refund takes 1 to " + std::to_string(refundable) + " (captured and not yet refunded)");
  }
  payment.refunded += refunded;
  payment.status = payment.refunded == payment.captured ? PaymentStatus::refunded
                                                        : PaymentStatus::partially_refunded;
  payment.updated_at = now;
  payment.operations.push_back({OperationKind::refund, refunded, std::move(reason), now});
  return payment;
}

}  // namespace payments
