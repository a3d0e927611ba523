// Bytes as catalog request bodies and cursors: decoding may only ever end in
// a value or a platform::Error naming what is wrong; anything else (another
// exception type, a crash, a sanitizer report) is a finding.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "api/product_input.h"
#include "domain/product_query.h"
#include "platform/error.h"
#include "platform/json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto object = platform::json::parse_object(text);
    try {
      auto input = catalog::parse_product_create(object);
      catalog::Product product;
      catalog::apply_changes(product, input.changes);
    } catch (const platform::Error&) {
    }
    try {
      auto changes = catalog::parse_product_patch(object);
      catalog::Product product;
      product.sku = "SKU";
      product.title = "Title";
      product.brand = "Brand";
      product.category_id = "c";
      product.price = {100, "EUR"};
      catalog::apply_changes(product, changes);
    } catch (const platform::Error&) {
    }
  } catch (const platform::Error& error) {
    if (error.kind() == platform::ErrorKind::internal) std::abort();
  }
  try {
    const auto cursor = catalog::decode_cursor(text);
    if (catalog::decode_cursor(catalog::encode_cursor(cursor)).id != cursor.id) std::abort();
  } catch (const platform::Error&) {
  }
  return 0;
}
