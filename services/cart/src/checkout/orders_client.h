#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <string>

#include "platform/http/client.h"
#include "platform/http/service_token.h"

namespace cart {

// What the orders service answered to a placement.
struct PlacementAnswer {
  boost::json::object order;
  bool replayed = false;  // the key had placed it before
};

// The orders service, called by checkout as the confidential client "cart"
// (scope orders.place).
class OrdersClient {
 public:
  OrdersClient(std::string orders_url, platform::http::Client& client,
               platform::http::AccessTokenSource& tokens,
               std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));

  // POST /v1/orders with `draft` (the JSON body) under `key`: the same key
  // always yields the same order. Throws Error with the orders service's
  // code and status for what it refused (4xx), Error(unavailable,
  // "orders-unavailable") when it could not answer: the order may or may
  // not exist then, and the same key finds out.
  PlacementAnswer place(const std::string& key, const std::string& draft);

  // GET /v1/orders/{id}, an order this client placed.
  boost::json::object find(const std::string& order_id);

 private:
  platform::http::Response send(platform::http::ClientRequest request);

  std::string orders_url_;
  platform::http::Client& client_;
  platform::http::AccessTokenSource& tokens_;
  std::chrono::milliseconds timeout_;
};

}  // namespace cart
