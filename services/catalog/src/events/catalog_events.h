#pragma once

#include "domain/product.h"
#include "platform/bus/event.h"

namespace catalog {

// catalog.product.upserted: the full product as GET /v1/products/{id} shows it.
platform::bus::Event product_upserted(const Product& product);
// catalog.product.deleted: {"id", "sku"}.
platform::bus::Event product_deleted(const Product& product);
// catalog.stock.changed: {"product_id", "on_hand", "reserved", "available", "in_stock"}.
platform::bus::Event stock_changed(const std::string& product_id, const Stock& stock);

}  // namespace catalog
