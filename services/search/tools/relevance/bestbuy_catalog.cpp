#include "bestbuy_catalog.h"

#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <stdexcept>

#include "domain/text_analysis.h"
#include "platform/files.h"

namespace search::relevance {
namespace {

std::string slug_of(const std::string& name) {
  std::string slug;
  for (const auto& word : analyse(name)) slug += (slug.empty() ? "" : "-") + word;
  return slug;
}

std::string text_of(const boost::json::object& product, std::string_view key) {
  const auto* value = product.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

}  // namespace

std::vector<IndexedProduct> read_bestbuy_catalog(const std::filesystem::path& file) {
  const auto document = boost::json::parse(platform::read_file(file));
  static const std::regex kSku(R"(/(\d+)_[^/]*$)");
  std::vector<IndexedProduct> products;
  for (const auto& item : document.as_array()) {
    const auto& object = item.as_object();
    IndexedProduct product;
    std::smatch sku;
    const auto image = text_of(object, "image");
    if (!std::regex_search(image, sku, kSku)) {
      throw std::runtime_error("a product without a SKU in its image: " + text_of(object, "name"));
    }
    product.id = product.sku = sku[1];
    product.slug = "bestbuy-" + product.id;
    product.title = text_of(object, "name");
    product.description = text_of(object, "description");
    product.brand = text_of(object, "brand");
    for (const auto& category : object.at("categories").as_array()) {
      const auto slug = slug_of(std::string(category.as_string()));
      if (!slug.empty()) product.category_path += (product.category_path.empty() ? "" : "/") + slug;
    }
    product.price = {std::llround(object.at("price").to_number<double>() * 100), "USD"};
    product.popularity = object.at("popularity").to_number<std::int64_t>();
    product.version = 1;
    product.stock = {1, 1};
    products.push_back(std::move(product));
  }
  return products;
}

std::filesystem::path bestbuy_catalog_path() {
  if (const char* configured = std::getenv("SHOP_BESTBUY_DATA"); configured && *configured) {
    return configured;
  }
  return std::filesystem::path(SHOP_SOURCE_DIR) / ".." / "shared" / "data" / "bestbuy-cellphones" /
         "ecommerce.json";
}

}  // namespace search::relevance
