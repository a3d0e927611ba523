#include "checkout/orders_client.h"

#include "platform/error.h"
#include "platform/http/problem.h"

namespace cart {

namespace {

platform::ErrorKind kind_of(int status) {
  switch (status) {
    case 400:
      return platform::ErrorKind::invalid_argument;
    case 404:
      return platform::ErrorKind::not_found;
    case 409:
      return platform::ErrorKind::conflict;
    case 422:
      return platform::ErrorKind::unprocessable;
    default:
      return platform::ErrorKind::internal;
  }
}

// An answer that is not an order: the orders service's refusal passed on
// with its code, or its absence.
[[noreturn]] void refused(const platform::http::Response& response) {
  const auto problem = platform::http::read_problem(response);
  if (response.status >= 500 || response.status == 429) {
    throw platform::unavailable("orders-unavailable",
                                "the orders service answered " + std::to_string(response.status) +
                                    (problem.detail.empty() ? "" : ": " + problem.detail));
  }
  // 401 and 403 mean this service's own credentials are wrong: a
  // deployment fault, not the customer's.
  const auto kind = kind_of(response.status);
  throw platform::Error(kind,
                        kind == platform::ErrorKind::internal ? "orders-refused" : problem.code,
                        "the orders service refused the order (" + std::to_string(response.status) +
                            "): " + problem.detail);
}

boost::json::object order_of(const platform::http::Response& response) {
  try {
    return boost::json::parse(response.body).as_object();
  } catch (const std::exception&) {
    throw platform::unavailable("orders-unavailable", "the orders service sent no readable order");
  }
}

}  // namespace

OrdersClient::OrdersClient(std::string orders_url, platform::http::Client& client,
                           platform::http::AccessTokenSource& tokens,
                           std::chrono::milliseconds timeout)
    : orders_url_(std::move(orders_url)), client_(client), tokens_(tokens), timeout_(timeout) {}

platform::http::Response OrdersClient::send(platform::http::ClientRequest request) {
  request.deadline = std::chrono::steady_clock::now() + timeout_;
  try {
    return platform::http::send_as_service(client_, tokens_, std::move(request));
  } catch (const platform::Error& error) {
    if (error.kind() != platform::ErrorKind::unavailable) throw;
    throw platform::unavailable(
        "orders-unavailable", std::string("the orders service cannot be reached: ") + error.what());
  }
}

PlacementAnswer OrdersClient::place(const std::string& key, const std::string& draft) {
  platform::http::ClientRequest request;
  request.method = platform::http::Method::post;
  request.url = orders_url_ + "/v1/orders";
  request.headers.set("Content-Type", "application/json");
  request.headers.set("Idempotency-Key", key);
  request.body = draft;
  const auto response = send(std::move(request));
  if (response.status != 200 && response.status != 201) refused(response);
  return {order_of(response), response.status == 200};
}

boost::json::object OrdersClient::find(const std::string& order_id) {
  platform::http::ClientRequest request;
  request.url = orders_url_ + "/v1/orders/" + order_id;
  const auto response = send(std::move(request));
  if (response.status != 200) refused(response);
  return order_of(response);
}

}  // namespace cart
