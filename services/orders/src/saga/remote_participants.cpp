#include "saga/remote_participants.h"

#include <boost/json.hpp>
#include <functional>

#include "platform/error.h"
#include "platform/http/problem.h"
#include "platform/log.h"
#include "platform/money.h"

namespace orders {

namespace {

using platform::http::Response;

const StepResult kSucceeded{StepOutcome::succeeded, {}, {}};

StepResult failed(std::string why) { return {StepOutcome::failed, {}, std::move(why)}; }

StepResult refused(std::string reason) { return {StepOutcome::refused, {}, std::move(reason)}; }

StepResult succeeded(std::string id) { return {StepOutcome::succeeded, std::move(id), {}}; }

boost::json::object body_of(const Response& response) {
  boost::system::error_code error;
  auto value = boost::json::parse(response.body, error);
  if (error || !value.is_object()) return {};
  return std::move(value.get_object());
}

std::string member(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

// An answer the saga cannot act on: a server error, or a refusal of our own
// request that says this service is misconfigured (401, 403). Asked again
// later; logged so that an operator sees why the saga does not move.
StepResult unexpected(std::string_view call, const Response& response) {
  const auto problem = platform::http::read_problem(response);
  if (response.status < 500) {
    platform::log::warn(
        "unexpected answer to a saga call",
        {{"call", std::string(call)}, {"status", response.status}, {"problem", problem.code}});
  }
  return failed(std::string(call) + " answered " + std::to_string(response.status) +
                (problem.code.empty() ? "" : " " + problem.code));
}

std::string json_text(const boost::json::object& object) { return boost::json::serialize(object); }

// Undoes, one by one, the items of a lookup by order ({"items": [...]})
// that `wanted` picks; stops at the first that does not succeed.
StepResult undo_each(std::string_view lookup, const Response& response,
                     const std::function<bool(const boost::json::object&)>& wanted,
                     const std::function<StepResult(const std::string& id)>& undo) {
  if (response.status != 200) return unexpected(lookup, response);
  const auto body = body_of(response);
  const auto* items = body.if_contains("items");
  if (items == nullptr || !items->is_array()) return failed(std::string(lookup) + ": no items");
  for (const auto& item : items->get_array()) {
    if (!item.is_object() || !wanted(item.get_object())) continue;
    auto result = undo(member(item.get_object(), "id"));
    if (result.outcome != StepOutcome::succeeded) return result;
  }
  return kSucceeded;
}

// A 404 that the service itself gave about the thing: a wrong base URL
// answers 404 too, and must not pass for "nothing left to undo".
bool not_found(const Response& response, std::string_view code) {
  return response.status == 404 && platform::http::read_problem(response).code == code;
}

}  // namespace

RemoteParticipants::RemoteParticipants(ParticipantEndpoints endpoints,
                                       platform::http::Client& client,
                                       platform::http::AccessTokenSource& tokens)
    : endpoints_(std::move(endpoints)), client_(client), tokens_(tokens) {}

Response RemoteParticipants::post(const std::string& url, std::string body,
                                  const std::string& idempotency_key) {
  platform::http::ClientRequest request;
  request.method = platform::http::Method::post;
  request.url = url;
  request.body = std::move(body);
  request.headers.set("Content-Type", "application/json");
  if (!idempotency_key.empty()) request.headers.set("Idempotency-Key", idempotency_key);
  request.deadline = std::chrono::steady_clock::now() + endpoints_.call_timeout;
  return platform::http::send_as_service(client_, tokens_, std::move(request));
}

Response RemoteParticipants::get(const std::string& url) {
  platform::http::ClientRequest request;
  request.url = url;
  request.deadline = std::chrono::steady_clock::now() + endpoints_.call_timeout;
  return platform::http::send_as_service(client_, tokens_, std::move(request));
}

// Every call below lets Error(unavailable) through: no answer, or no token.
// The saga runner counts that as failed, like a 5xx.

StepResult RemoteParticipants::reserve_stock(const Order& order) {
  boost::json::array lines;
  for (const auto& line : order.draft.lines) {
    lines.push_back({{"product_id", line.product_id}, {"quantity", line.quantity}});
  }
  const auto response = post(endpoints_.catalog_url + "/v1/reservations",
                             json_text({{"order_id", order.id},
                                        {"lines", std::move(lines)},
                                        {"hold_seconds", endpoints_.hold_seconds}}));
  if (response.status == 200 || response.status == 201) {
    const auto reservation = body_of(response);
    // A replay finds the order's reservation as it is now. Confirmed: only
    // this order's own saga confirms it, so the hold is there (confirming
    // again is a no-op). Ended (released, expired): it holds nothing any
    // more.
    const auto status = member(reservation, "status");
    if (status != "held" && status != "confirmed") {
      return refused("the stock hold of this order ended");
    }
    return succeeded(member(reservation, "id"));
  }
  // Out of stock, no longer for sale, unknown product: the basket cannot be had.
  if (response.status == 409 || response.status == 400 || response.status == 422) {
    const auto problem = platform::http::read_problem(response);
    if (problem.code == "insufficient-stock") return refused("not enough stock: " + problem.detail);
    return refused("the basket cannot be reserved: " + problem.detail);
  }
  return unexpected("catalog reservation", response);
}

StepResult RemoteParticipants::authorize_payment(const Order& order) {
  const auto response = post(
      endpoints_.payments_url + "/v1/payments",
      json_text({{"order_id", order.id},
                 {"customer", order.draft.customer_id},
                 {"payment_method", order.draft.payment_method},
                 {"amount", platform::to_json({order.draft.totals.total, order.draft.currency})}}),
      "authorize:" + order.id);
  if (response.status == 200 || response.status == 201) {
    const auto payment = body_of(response);
    if (member(payment, "status") == "authorized") return succeeded(member(payment, "id"));
    const auto code = member(payment, "decline_code");
    return refused("the card was declined" + (code.empty() ? "" : " (" + code + ")"));
  }
  // 400/422: the payment service will never take this request as it is.
  if (response.status == 422 || response.status == 400) {
    return refused("the payment cannot be made: " + platform::http::read_problem(response).detail);
  }
  return unexpected("payment authorization", response);
}

StepResult RemoteParticipants::confirm_stock(const Order& order) {
  const auto response = post(
      endpoints_.catalog_url + "/v1/reservations/" + order.saga.reservation_id + "/confirm", "{}");
  if (response.status == 200) return kSucceeded;
  const auto problem = platform::http::read_problem(response);
  // Gone, expired or released meanwhile: the stock may be gone. (A
  // concurrent change, reservation-changed, is asked again; so is any other
  // 404, such as a misrouted address: it says nothing of the reservation.)
  if (not_found(response, "reservation-not-found") || problem.code == "reservation-expired" ||
      problem.code == "reservation-released" || problem.code == "reservation-returned") {
    return refused("the stock hold ended before payment: " + problem.detail);
  }
  return unexpected("catalog confirmation", response);
}

StepResult RemoteParticipants::void_one(const std::string& payment_id) {
  const auto response = post(endpoints_.payments_url + "/v1/payments/" + payment_id + "/void", "{}",
                             "void:" + payment_id);
  if (response.status == 200 || not_found(response, "payment-not-found")) return kSucceeded;
  if (response.status != 409) return unexpected("payment void", response);
  // Not authorized any more. Declined or voided: nothing is held. Captured
  // (a shipment that crashed before it was recorded, then a cancellation):
  // the money goes back.
  const auto current = get(endpoints_.payments_url + "/v1/payments/" + payment_id);
  if (current.status != 200) return unexpected("payment lookup", current);
  const auto payment = body_of(current);
  const auto status = member(payment, "status");
  if (status != "captured" && status != "partially_refunded") return kSucceeded;
  const auto refunded =
      post(endpoints_.payments_url + "/v1/payments/" + payment_id + "/refunds",
           json_text({{"reason", "order cancelled"}}), "refund-on-cancel:" + payment_id);
  if (refunded.status == 200) return kSucceeded;
  return unexpected("payment refund on cancellation", refunded);
}

StepResult RemoteParticipants::void_payment(const Order& order) {
  if (!order.saga.payment_id.empty()) return void_one(order.saga.payment_id);
  return undo_each(
      "payment lookup", get(endpoints_.payments_url + "/v1/payments?order_id=" + order.id),
      [](const boost::json::object& payment) { return member(payment, "status") == "authorized"; },
      [this](const std::string& id) { return void_one(id); });
}

StepResult RemoteParticipants::release_one(const std::string& reservation_id) {
  const auto base = endpoints_.catalog_url + "/v1/reservations/" + reservation_id;
  const auto response = post(base + "/release", "{}");
  if (response.status == 200 || not_found(response, "reservation-not-found")) return kSucceeded;
  const auto problem = platform::http::read_problem(response);
  if (problem.code == "reservation-returned") return kSucceeded;
  if (problem.code == "reservation-confirmed") {
    // Paid and confirmed, then cancelled: the goods go back on hand.
    const auto returned = post(base + "/return", "{}");
    if (returned.status == 200) return kSucceeded;
    return unexpected("catalog return", returned);
  }
  return unexpected("catalog release", response);
}

StepResult RemoteParticipants::release_stock(const Order& order) {
  if (!order.saga.reservation_id.empty()) return release_one(order.saga.reservation_id);
  return undo_each(
      "reservation lookup", get(endpoints_.catalog_url + "/v1/reservations?order_id=" + order.id),
      [](const boost::json::object&) { return true; },
      [this](const std::string& id) { return release_one(id); });
}

StepResult RemoteParticipants::capture_payment(const Order& order) {
  const auto response =
      post(endpoints_.payments_url + "/v1/payments/" + order.saga.payment_id + "/capture", "{}",
           "capture:" + order.id);
  if (response.status == 200) return kSucceeded;
  if (response.status == 409 || response.status == 422) {
    return refused("the payment cannot be captured: " +
                   platform::http::read_problem(response).detail);
  }
  return unexpected("payment capture", response);
}

StepResult RemoteParticipants::refund_payment(const Order& order, std::int64_t amount,
                                              const std::string& key, const std::string& reason) {
  const auto response =
      post(endpoints_.payments_url + "/v1/payments/" + order.saga.payment_id + "/refunds",
           json_text(
               {{"amount", platform::to_json({amount, order.draft.currency})}, {"reason", reason}}),
           "refund:" + order.id + ":" + key);
  if (response.status == 200) return kSucceeded;
  if (response.status == 409 || response.status == 422) {
    return refused("the payment cannot be refunded: " +
                   platform::http::read_problem(response).detail);
  }
  return unexpected("payment refund", response);
}

}  // namespace orders
