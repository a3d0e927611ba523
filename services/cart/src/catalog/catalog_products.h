#pragma once

#include <boost/json/fwd.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "domain/cart.h"
#include "platform/http/client.h"

namespace cart {

// The catalog as the cart sees it: current prices, stock and tax figures of
// the products in a cart, in one call however many there are.
class CatalogProducts {
 public:
  CatalogProducts(std::string catalog_url, platform::http::Client& client,
                  std::chrono::milliseconds timeout = std::chrono::milliseconds(3000));

  // Products on sale among `product_ids` (at most kMaxCartLines; others are
  // absent: unknown, or off sale). Throws Error(unavailable,
  // "catalog-unavailable") when the catalog cannot answer.
  std::vector<ProductSnapshot> find(const std::vector<std::string>& product_ids);

 private:
  std::string catalog_url_;
  platform::http::Client& client_;
  std::chrono::milliseconds timeout_;
};

// `product_id` among `products`, or null.
const ProductSnapshot* find_product(const std::vector<ProductSnapshot>& products,
                                    std::string_view product_id);

// A snapshot of a product as the catalog's JSON shows it (see the catalog's
// openapi.yaml). Throws Error(unavailable, "catalog-unreadable") for a
// document without the fields the cart needs.
ProductSnapshot snapshot_from_json(const boost::json::object& product);

}  // namespace cart
