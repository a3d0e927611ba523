#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/money.h"

namespace payments {

// authorized --capture--> captured --refund--> partially_refunded --> refunded
//     \--void--> voided
// declined is final: the attempt is kept, nothing can be done with it.
enum class PaymentStatus { authorized, declined, captured, partially_refunded, refunded, voided };

std::string_view to_string(PaymentStatus status);
std::optional<PaymentStatus> parse_payment_status(std::string_view text);

enum class OperationKind { authorize, capture, void_authorization, refund };

std::string_view to_string(OperationKind kind);
std::optional<OperationKind> parse_operation_kind(std::string_view text);

// One step in a payment's life, in the order it happened.
struct Operation {
  OperationKind kind = OperationKind::authorize;
  std::int64_t amount = 0;  // minor units; 0 for a void
  std::string reason;       // refunds may say why
  std::int64_t at = 0;      // Unix milliseconds
};

struct Payment {
  std::string id;
  std::string order_id;
  std::string customer;        // the subject the payment method belongs to
  std::string payment_method;  // its id
  std::string card_brand;
  std::string card_last4;
  PaymentStatus status = PaymentStatus::authorized;
  platform::Money amount;       // authorized
  std::int64_t captured = 0;    // minor units
  std::int64_t refunded = 0;    // minor units
  std::string decline_code;     // when declined
  std::int64_t created_at = 0;  // Unix milliseconds
  std::int64_t updated_at = 0;
  std::int64_t version = 0;
  std::vector<Operation> operations;
};

// The rules of each operation, without I/O: each returns the payment as it
// is afterwards, or throws platform::Error (conflict when the payment's state
// does not allow it, unprocessable when the amount does not fit).

// Captures `amount` (all of it when absent) of an authorization; the rest
// of the authorization is released, as card networks do.
Payment capture(Payment payment, std::optional<std::int64_t> amount, std::int64_t now);
Payment void_authorization(Payment payment, std::int64_t now);
// Refunds `amount` (what is left when absent) of what was captured.
Payment refund(Payment payment, std::optional<std::int64_t> amount, std::string reason,
               std::int64_t now);

}  // namespace payments
