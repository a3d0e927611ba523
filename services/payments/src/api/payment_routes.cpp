#include <boost/json.hpp>
#include <chrono>

#include "api/routes.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/http/idempotency.h"
#include "platform/http/json_response.h"
#include "platform/ids.h"
#include "platform/json.h"
#include "platform/money.h"
#include "representation/payment_json.h"

namespace payments {

namespace {

using platform::http::Request;
using platform::http::Response;

// The most one payment may be: 1 000 000.00 in a two-decimal currency.
constexpr std::int64_t kMaximumAmount = 100'000'000;

struct AuthorizationInput {
  std::string order_id;
  std::string customer;
  std::string payment_method;
  platform::Money amount;
};

AuthorizationInput read_authorization(const Request& request) {
  platform::http::require_content_type(request, {"application/json"});
  const auto object = platform::json::parse_object(request.body);
  platform::json::ObjectReader body(object);
  AuthorizationInput input;
  input.order_id = body.required_string("order_id", {1, 64});
  input.customer = body.required_string("customer", {1, 128});
  input.payment_method = body.required_string("payment_method", {1, 64});
  input.amount = platform::read_money(body, "amount", {.minimum = 1, .maximum = kMaximumAmount});
  body.finish();
  if (!platform::is_uuid(input.order_id)) {
    throw platform::invalid_field("order_id", "order_id must be a UUID");
  }
  return input;
}

// A capture's or a refund's optional amount (the whole when absent) and, for
// refunds, the reason.
struct ChangeInput {
  std::optional<platform::Money> amount;
  std::string reason;
};

ChangeInput read_change(const Request& request, bool takes_reason) {
  ChangeInput input;
  if (request.body.empty()) return input;
  platform::http::require_content_type(request, {"application/json"});
  const auto object = platform::json::parse_object(request.body);
  platform::json::ObjectReader body(object);
  if (body.contains("amount")) {
    input.amount = platform::read_money(body, "amount", {.minimum = 1, .maximum = kMaximumAmount});
  }
  if (takes_reason) input.reason = body.optional_string("reason", {0, 200}).value_or("");
  body.finish();
  return input;
}

std::optional<std::int64_t> amount_in(const Payment& payment, const ChangeInput& input) {
  if (!input.amount) return std::nullopt;
  if (input.amount->currency != payment.amount.currency) {
    throw platform::unprocessable(
        "currency-mismatch",
        "the payment is in " + payment.amount.currency + ", not " + input.amount->currency,
        "amount.currency");
  }
  return input.amount->amount;
}

Response answer(const Recorded& recorded) {
  auto response = platform::http::json_response(recorded.status_code, to_json(recorded.payment));
  if (recorded.status_code == 201) {
    response.headers.set("Location", "/v1/payments/" + recorded.payment.id);
  }
  if (recorded.replayed) response.headers.set("Idempotent-Replayed", "true");
  return response;
}

std::string_view outcome_name(Decision decision) {
  switch (decision) {
    case Decision::approved:
      return "approved";
    case Decision::declined:
      return "declined";
    case Decision::failed:
      break;
  }
  return "failed";
}

void require_processed(const Outcome& outcome) {
  if (outcome.decision == Decision::failed) {
    throw platform::unavailable("processor-unavailable",
                                "the card processor failed; the same request may be retried");
  }
}

// The shared course of capture, void and refund: a replay answers at once;
// otherwise the rule is checked on the payment as it is (so a refused
// operation never reaches the processor), the processor is asked, and the
// rule is applied again under lock with the key claimed.
Response change_payment(ApiContext& context, Request& request, std::string_view operation_name,
                        const std::function<Outcome(const PaymentMethod&)>& ask_processor,
                        const std::function<Payment(Payment)>& rule) {
  const auto operation = platform::http::keyed_request(request);
  if (const auto earlier = context.store.replay(operation)) {
    context.operations.with({std::string(operation_name), "replayed"}).increment();
    return answer(*earlier);
  }
  const auto& id = request.path_parameter("id");
  const auto payment = context.store.find(id);
  if (!payment) throw platform::not_found("payment-not-found", "no payment " + id);
  rule(*payment);
  const auto method = context.store.find_method(payment->payment_method);
  if (!method) throw platform::Error(platform::ErrorKind::internal, "corrupt-payment", "no card");
  const auto outcome = ask_processor(*method);
  context.operations
      .with({std::string(operation_name), std::string(outcome_name(outcome.decision))})
      .increment();
  require_processed(outcome);
  if (outcome.decision == Decision::declined) {
    throw platform::unprocessable("capture-declined",
                                  "the card issuer declined the " + std::string(operation_name) +
                                      " (" + outcome.decline_code + ")",
                                  "");
  }
  return answer(context.store.record_change(id, operation, rule));
}

}  // namespace

void add_payment_routes(platform::http::Router& router, ApiContext context) {
  // Authorization: holds the amount on the customer's saved card. A decline
  // is a payment too (status declined, with the reason), so the attempt is
  // on record and a retry with the same key gets the same answer.
  router.post(
      "/v1/payments",
      [context](Request& request) {
        const auto operation = platform::http::keyed_request(request);
        const auto input = read_authorization(request);
        const auto before = context.store.before_authorizing(operation, input.payment_method);
        if (before.earlier) {
          context.operations.with({"authorize", "replayed"}).increment();
          return answer(*before.earlier);
        }
        const auto& method = before.method;
        if (!method || method->owner != input.customer) {
          throw platform::unprocessable(
              "payment-method-not-found",
              "the customer has no payment method " + input.payment_method, "payment_method");
        }
        const auto outcome = context.processor.authorize(
            method->behaviour, has_expired(method->expiry, std::chrono::system_clock::now()));
        context.operations.with({"authorize", std::string(outcome_name(outcome.decision))})
            .increment();
        require_processed(outcome);
        const auto now = platform::now_unix_millis();
        Payment payment;
        payment.id = platform::new_uuid_v7();
        payment.order_id = input.order_id;
        payment.customer = input.customer;
        payment.payment_method = method->id;
        payment.card_brand = std::string(to_string(method->brand));
        payment.card_last4 = method->last4;
        payment.amount = input.amount;
        payment.status = outcome.decision == Decision::approved ? PaymentStatus::authorized
                                                                : PaymentStatus::declined;
        payment.decline_code = outcome.decline_code;
        payment.created_at = now;
        payment.updated_at = now;
        payment.operations.push_back({OperationKind::authorize, input.amount.amount, {}, now});
        return answer(context.store.record_new(payment, operation));
      },
      payment_handlers());

  router.get(
      "/v1/payments",
      [context](Request& request) {
        platform::http::reject_unknown_parameters(request, {"order_id"});
        const auto order_id = request.query_parameter("order_id");
        if (!order_id || order_id->empty()) {
          throw platform::invalid_field("order_id", "order_id is required");
        }
        boost::json::array items;
        for (const auto& payment : context.store.find_by_order(*order_id)) {
          items.push_back(to_json(payment));
        }
        return platform::http::json_response(200, boost::json::object{{"items", std::move(items)}});
      },
      payment_handlers());

  router.get(
      "/v1/payments/{id}",
      [context](Request& request) {
        const auto& id = request.path_parameter("id");
        const auto payment = context.store.find(id);
        if (!payment) throw platform::not_found("payment-not-found", "no payment " + id);
        return platform::http::json_response(200, to_json(*payment));
      },
      payment_handlers());

  router.post(
      "/v1/payments/{id}/capture",
      [context](Request& request) mutable {
        const auto input = read_change(request, false);
        return change_payment(
            context, request, "capture",
            [&](const PaymentMethod& method) {
              return context.processor.capture(method.behaviour);
            },
            [&](Payment payment) {
              const auto amount = amount_in(payment, input);
              return capture(std::move(payment), amount, platform::now_unix_millis());
            });
      },
      payment_handlers());

  router.post(
      "/v1/payments/{id}/void",
      [context](Request& request) mutable {
        if (!request.body.empty()) {  // nothing to say but {}: any field is unknown
          platform::http::require_content_type(request, {"application/json"});
          const auto object = platform::json::parse_object(request.body);
          platform::json::ObjectReader(object).finish();
        }
        return change_payment(
            context, request, "void",
            [&](const PaymentMethod&) { return context.processor.void_or_refund(); },
            [](Payment payment) {
              return void_authorization(std::move(payment), platform::now_unix_millis());
            });
      },
      payment_handlers());

  router.post(
      "/v1/payments/{id}/refunds",
      [context](Request& request) mutable {
        const auto input = read_change(request, true);
        return change_payment(
            context, request, "refund",
            [&](const PaymentMethod&) { return context.processor.void_or_refund(); },
            [&](Payment payment) {
              const auto amount = amount_in(payment, input);
              return refund(std::move(payment), amount, input.reason, platform::now_unix_millis());
            });
      },
      payment_handlers());
}

}  // namespace payments
