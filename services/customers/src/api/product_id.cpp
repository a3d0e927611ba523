#include "api/product_id.h"

#include "domain/text_rules.h"
#include "platform/error.h"

namespace customers {

void check_product_id(const std::string& product_id) {
  if (!is_opaque_id(product_id)) {
    throw platform::invalid_field("product_id",
                                  "product_id must be 1 to 64 visible ASCII characters");
  }
}

const std::string& product_id_of(const platform::http::Request& request) {
  const auto& product_id = request.path_parameter("product_id");
  check_product_id(product_id);
  return product_id;
}

}  // namespace customers
