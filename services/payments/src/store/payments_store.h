#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/payment.h"
#include "domain/payment_method.h"
#include "platform/db/database.h"
#include "platform/http/idempotency.h"

namespace payments {

using OperationRequest = platform::http::KeyedRequest;

// A payment as an operation left it, and how to answer: a replay gets the
// status code of the first answer.
struct Recorded {
  Payment payment;
  int status_code = 200;
  bool replayed = false;
};

// Payments and saved cards in SQL. Every change claims its Idempotency-Key
// in the same transaction, so a key has one effect however often and however
// concurrently it is sent; a change that fails leaves the key unclaimed.
class PaymentsStore {
 public:
  explicit PaymentsStore(platform::db::Database& database) : database_(database) {}

  void save_method(const PaymentMethod& method);
  std::optional<PaymentMethod> find_method(std::string_view id);
  std::vector<PaymentMethod> methods_of(std::string_view owner);

  std::optional<Payment> find(std::string_view id);
  std::vector<Payment> find_by_order(std::string_view order_id);

  // What `request`'s key already produced; nullopt for a new key. Throws
  // Error(unprocessable, "idempotency-key-reused") for a key used for
  // another request.
  std::optional<Recorded> replay(const OperationRequest& request);
  // In one read: what `request`'s key already produced, or else the payment
  // method `method_id` (nullopt when there is none such).
  struct BeforeAuthorizing {
    std::optional<Recorded> earlier;
    std::optional<PaymentMethod> method;
  };
  BeforeAuthorizing before_authorizing(const OperationRequest& request, std::string_view method_id);
  // A new payment (authorized or declined), answered with 201.
  Recorded record_new(const Payment& payment, const OperationRequest& request);
  // Applies `change` (a rule of domain/payment.h) to the payment, locked
  // against concurrent changes; its errors leave everything as it was.
  // Throws Error(not_found) for an unknown payment.
  Recorded record_change(std::string_view payment_id, const OperationRequest& request,
                         const std::function<Payment(Payment)>& change);

 private:
  platform::db::Database& database_;
};

}  // namespace payments
