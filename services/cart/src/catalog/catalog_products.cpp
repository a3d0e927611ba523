#include "catalog/catalog_products.h"

#include <algorithm>
#include <boost/json.hpp>

#include "platform/error.h"
#include "platform/http/problem.h"
#include "platform/log.h"

namespace cart {

namespace {

[[noreturn]] void unavailable(const std::string& why) {
  throw platform::unavailable("catalog-unavailable", "the catalog cannot answer: " + why);
}

}  // namespace

ProductSnapshot snapshot_from_json(const boost::json::object& product) {
  try {
    ProductSnapshot snapshot;
    snapshot.product_id = boost::json::value_to<std::string>(product.at("id"));
    snapshot.sku = boost::json::value_to<std::string>(product.at("sku"));
    snapshot.title = boost::json::value_to<std::string>(product.at("title"));
    const auto& price = product.at("price").as_object();
    snapshot.unit_price = price.at("amount").to_number<std::int64_t>();
    snapshot.currency = boost::json::value_to<std::string>(price.at("currency"));
    const auto category = parse_tax_category(product.at("tax_category").as_string());
    if (!category) throw std::invalid_argument("unknown tax category");
    snapshot.tax_category = *category;
    snapshot.weight_grams = product.at("weight_grams").to_number<int>();
    snapshot.active = product.at("status").as_string() == "active";
    snapshot.available = product.at("stock").as_object().at("available").to_number<std::int64_t>();
    return snapshot;
  } catch (const std::exception& error) {
    throw platform::unavailable(
        "catalog-unreadable",
        std::string("the catalog sent a product the cart cannot read: ") + error.what());
  }
}

CatalogProducts::CatalogProducts(std::string catalog_url, platform::http::Client& client,
                                 std::chrono::milliseconds timeout)
    : catalog_url_(std::move(catalog_url)), client_(client), timeout_(timeout) {}

std::vector<ProductSnapshot> CatalogProducts::find(const std::vector<std::string>& product_ids) {
  if (product_ids.empty()) return {};
  std::string ids;
  for (const auto& id : product_ids) ids += (ids.empty() ? "" : ",") + id;
  platform::http::ClientRequest request;
  request.url =
      catalog_url_ + "/v1/products?limit=" + std::to_string(product_ids.size()) + "&ids=" + ids;
  request.deadline = std::chrono::steady_clock::now() + timeout_;
  const auto response = client_.send(std::move(request));
  if (response.status != 200) {
    unavailable("status " + std::to_string(response.status) + " " +
                platform::http::read_problem(response).detail);
  }
  std::vector<ProductSnapshot> products;
  try {
    const auto page = boost::json::parse(response.body);
    for (const auto& item : page.at("items").as_array()) {
      products.push_back(snapshot_from_json(item.as_object()));
    }
  } catch (const platform::Error&) {
    throw;
  } catch (const std::exception& error) {
    unavailable(std::string("an unreadable product list: ") + error.what());
  }
  return products;
}

const ProductSnapshot* find_product(const std::vector<ProductSnapshot>& products,
                                    std::string_view product_id) {
  const auto found = std::find_if(
      products.begin(), products.end(),
      [&](const ProductSnapshot& product) { return product.product_id == product_id; });
  return found == products.end() ? nullptr : &*found;
}

}  // namespace cart
