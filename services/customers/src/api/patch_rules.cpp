#include "api/patch_rules.h"

#include "platform/error.h"

namespace customers {

void reject_read_only(const platform::json::ObjectReader& body,
                      std::initializer_list<std::string_view> fields) {
  for (const auto field : fields) {
    if (body.contains(field)) {
      throw platform::invalid_field(body.field_path(field),
                                    body.field_path(field) + " is read-only");
    }
  }
}

void reject_removal(const platform::json::ObjectReader& body,
                    std::initializer_list<std::string_view> fields) {
  for (const auto field : fields) {
    if (body.is_null(field)) {
      throw platform::invalid_field(body.field_path(field),
                                    body.field_path(field) + " cannot be removed");
    }
  }
}

}  // namespace customers
