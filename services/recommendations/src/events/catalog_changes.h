#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "platform/bus/event.h"

namespace recommendations {

inline constexpr const char* kCatalogEvents = "catalog.>";

// What one catalog event says about a product's facts: its category and
// whether it is on sale (with the product's version), its stock (with the
// stock's version), or that it is gone. Fields an event does not carry
// are empty.
struct CatalogChange {
  std::string product_id;
  std::optional<std::string> category;
  std::optional<bool> on_sale;
  std::int64_t product_version = 0;
  std::optional<bool> in_stock;
  std::int64_t stock_version = 0;
  bool deleted = false;
};

// catalog.product.upserted, catalog.product.deleted, catalog.stock.changed;
// nullopt for the catalog's other events (categories). Throws
// platform::Error(invalid_argument) naming the field for data it cannot
// use.
std::optional<CatalogChange> catalog_change_of(const platform::bus::Event& event);

}  // namespace recommendations
