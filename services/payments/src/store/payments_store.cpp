#include "store/payments_store.h"

#include "platform/clock.h"
#include "platform/error.h"

namespace payments {

namespace {

using platform::db::Dialect;
using platform::db::Row;
using platform::db::Session;

constexpr std::string_view kPaymentColumns =
    "SELECT id, order_id, customer, payment_method, card_brand, card_last4, status, currency, "
    "amount, captured, refunded, decline_code, created_at, updated_at, version FROM payments ";

std::string payment_query(std::string_view condition, bool lock, Dialect dialect) {
  std::string sql(kPaymentColumns);
  sql += condition;
  if (lock && dialect == Dialect::postgres) sql += " FOR UPDATE";
  return sql;
}

std::vector<Operation> load_operations(Session& session, const std::string& payment_id) {
  std::vector<Operation> operations;
  for (const auto& row :
       session.run("SELECT kind, amount, reason, at FROM payment_operations WHERE payment_id = $1 "
                   "ORDER BY sequence",
                   payment_id)) {
    Operation operation;
    operation.kind = parse_operation_kind(row.get<std::string>(0)).value();
    operation.amount = row.get<std::int64_t>(1);
    operation.reason = row.get<std::string>(2);
    operation.at = row.get<std::int64_t>(3);
    operations.push_back(std::move(operation));
  }
  return operations;
}

Payment payment_from(Session& session, const Row& row) {
  Payment payment;
  payment.id = row.get<std::string>(0);
  payment.order_id = row.get<std::string>(1);
  payment.customer = row.get<std::string>(2);
  payment.payment_method = row.get<std::string>(3);
  payment.card_brand = row.get<std::string>(4);
  payment.card_last4 = row.get<std::string>(5);
  const auto status = parse_payment_status(row.get<std::string>(6));
  if (!status)
    throw platform::Error(platform::ErrorKind::internal, "corrupt-payment", "bad status");
  payment.status = *status;
  payment.amount = {row.get<std::int64_t>(8), row.get<std::string>(7)};
  payment.captured = row.get<std::int64_t>(9);
  payment.refunded = row.get<std::int64_t>(10);
  payment.decline_code = row.get<std::optional<std::string>>(11).value_or("");
  payment.created_at = row.get<std::int64_t>(12);
  payment.updated_at = row.get<std::int64_t>(13);
  payment.version = row.get<std::int64_t>(14);
  payment.operations = load_operations(session, payment.id);
  return payment;
}

std::optional<Payment> load(Session& session, std::string_view id, bool lock) {
  const auto rows = session.run(payment_query("WHERE id = $1", lock, session.dialect()), id);
  if (rows.empty()) return std::nullopt;
  return payment_from(session, rows.front());
}

void insert_operations(Session& session, const Payment& payment, std::size_t from) {
  for (std::size_t i = from; i < payment.operations.size(); ++i) {
    const auto& operation = payment.operations[i];
    session.run(
        "INSERT INTO payment_operations (payment_id, sequence, kind, amount, reason, at) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        payment.id, static_cast<std::int64_t>(i), std::string(to_string(operation.kind)),
        operation.amount, operation.reason, operation.at);
  }
}

struct Claimed {
  std::string payment_id;
  int status_code = 0;
};

// What `request`'s key was claimed for, if it was; a key claimed for another
// request is refused.
std::optional<Claimed> earlier_claim(Session& session, const OperationRequest& request) {
  const auto rows = session.run(
      "SELECT request_hash, payment_id, status_code FROM operation_keys "
      "WHERE requester = $1 AND key = $2",
      request.requester, request.key);
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  if (row.get<std::string>(0) != request.request_hash) {
    throw platform::unprocessable("idempotency-key-reused",
                                  "this Idempotency-Key was used for a different request",
                                  "Idempotency-Key");
  }
  return Claimed{row.get<std::string>(1), static_cast<int>(row.get<std::int64_t>(2))};
}

// Takes `request`'s key for `payment_id`; when it was taken before, what it
// produced. Within the transaction: if that transaction rolls back, so does
// the claim, and a concurrent claim of the same key waits for it.
std::optional<Claimed> claim(Session& session, const OperationRequest& request,
                             const std::string& payment_id, int status_code) {
  const auto inserted = session.run(
      "INSERT INTO operation_keys (requester, key, request_hash, payment_id, status_code, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (requester, key) DO NOTHING",
      request.requester, request.key, request.request_hash, payment_id,
      static_cast<std::int64_t>(status_code), platform::now_unix_millis());
  if (inserted.affected_rows() == 1) return std::nullopt;
  if (auto earlier = earlier_claim(session, request)) return earlier;
  // Taken and gone again between the two statements: only a retry can tell.
  throw platform::conflict("idempotency-key-in-use", "the Idempotency-Key is being used; retry");
}

Recorded replayed(Session& session, const Claimed& claimed) {
  auto payment = load(session, claimed.payment_id, false);
  if (!payment) {
    throw platform::Error(platform::ErrorKind::internal, "corrupt-payment",
                          "a key names a payment that does not exist");
  }
  return {std::move(*payment), claimed.status_code, true};
}

PaymentMethod method_from(const Row& row) {
  PaymentMethod method;
  method.id = row.get<std::string>(0);
  method.owner = row.get<std::string>(1);
  method.brand = parse_card_brand(row.get<std::string>(2)).value_or(CardBrand::unknown);
  method.last4 = row.get<std::string>(3);
  method.expiry = {static_cast<int>(row.get<std::int64_t>(4)),
                   static_cast<int>(row.get<std::int64_t>(5))};
  method.holder = row.get<std::string>(6);
  method.behaviour = parse_card_behaviour(row.get<std::string>(7)).value_or(CardBehaviour::approve);
  method.created_at = row.get<std::int64_t>(8);
  return method;
}

constexpr std::string_view kMethodColumns =
    "SELECT id, owner, brand, last4, expiry_month, expiry_year, holder, behaviour, created_at "
    "FROM payment_methods ";

std::optional<PaymentMethod> method_where_id(Session& session, std::string_view id) {
  const auto rows = session.run(std::string(kMethodColumns) + "WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return method_from(rows.front());
}

}  // namespace

void PaymentsStore::save_method(const PaymentMethod& method) {
  database_.write([&](Session& session) {
    session.run(
        "INSERT INTO payment_methods (id, owner, brand, last4, expiry_month, expiry_year, holder, "
        "behaviour, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        method.id, method.owner, std::string(to_string(method.brand)), method.last4,
        static_cast<std::int64_t>(method.expiry.month),
        static_cast<std::int64_t>(method.expiry.year), method.holder,
        std::string(to_string(method.behaviour)), method.created_at);
  });
}

std::optional<PaymentMethod> PaymentsStore::find_method(std::string_view id) {
  return database_.read([&](Session& session) { return method_where_id(session, id); });
}

std::vector<PaymentMethod> PaymentsStore::methods_of(std::string_view owner) {
  return database_.read([&](Session& session) {
    std::vector<PaymentMethod> methods;
    for (const auto& row : session.run(
             std::string(kMethodColumns) + "WHERE owner = $1 ORDER BY id LIMIT 100", owner)) {
      methods.push_back(method_from(row));
    }
    return methods;
  });
}

std::optional<Payment> PaymentsStore::find(std::string_view id) {
  return database_.read([&](Session& session) { return load(session, id, false); });
}

std::vector<Payment> PaymentsStore::find_by_order(std::string_view order_id) {
  return database_.read([&](Session& session) {
    std::vector<Payment> payments;
    for (const auto& row :
         session.run(payment_query("WHERE order_id = $1 ORDER BY created_at, id LIMIT 100", false,
                                   session.dialect()),
                     order_id)) {
      payments.push_back(payment_from(session, row));
    }
    return payments;
  });
}

PaymentsStore::BeforeAuthorizing PaymentsStore::before_authorizing(const OperationRequest& request,
                                                                   std::string_view method_id) {
  return database_.read([&](Session& session) -> BeforeAuthorizing {
    if (const auto earlier = earlier_claim(session, request)) {
      return {replayed(session, *earlier), std::nullopt};
    }
    return {std::nullopt, method_where_id(session, method_id)};
  });
}

std::optional<Recorded> PaymentsStore::replay(const OperationRequest& request) {
  return database_.read([&](Session& session) -> std::optional<Recorded> {
    const auto earlier = earlier_claim(session, request);
    if (!earlier) return std::nullopt;
    return replayed(session, *earlier);
  });
}

Recorded PaymentsStore::record_new(const Payment& payment, const OperationRequest& request) {
  return database_.write([&](Session& session) {
    if (const auto earlier = claim(session, request, payment.id, 201)) {
      return replayed(session, *earlier);
    }
    session.run(
        "INSERT INTO payments (id, order_id, customer, payment_method, card_brand, card_last4, "
        "status, currency, amount, captured, refunded, decline_code, created_at, updated_at, "
        "version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        payment.id, payment.order_id, payment.customer, payment.payment_method, payment.card_brand,
        payment.card_last4, std::string(to_string(payment.status)), payment.amount.currency,
        payment.amount.amount, payment.captured, payment.refunded,
        payment.decline_code.empty() ? std::optional<std::string>()
                                     : std::optional<std::string>(payment.decline_code),
        payment.created_at, payment.updated_at, payment.version);
    insert_operations(session, payment, 0);
    return Recorded{payment, 201, false};
  });
}

Recorded PaymentsStore::record_change(std::string_view payment_id, const OperationRequest& request,
                                      const std::function<Payment(Payment)>& change) {
  return database_.write([&](Session& session) {
    auto current = load(session, payment_id, true);
    if (!current) {
      throw platform::not_found("payment-not-found", "no payment " + std::string(payment_id));
    }
    if (const auto earlier = claim(session, request, current->id, 200)) {
      return replayed(session, *earlier);
    }
    const auto before = current->operations.size();
    auto changed = change(std::move(*current));
    changed.version += 1;
    session.run(
        "UPDATE payments SET status = $2, captured = $3, refunded = $4, updated_at = $5, "
        "version = $6 WHERE id = $1",
        changed.id, std::string(to_string(changed.status)), changed.captured, changed.refunded,
        changed.updated_at, changed.version);
    insert_operations(session, changed, before);
    return Recorded{std::move(changed), 200, false};
  });
}

}  // namespace payments
