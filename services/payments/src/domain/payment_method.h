#pragma once

#include <cstdint>
#include <string>

#include "domain/card.h"

namespace payments {

struct PaymentMethod {
  std::string id;
  std::string owner;  // the subject who saved it
  CardBrand brand = CardBrand::unknown;
  std::string last4;
  Expiry expiry;
  std::string holder;
  CardBehaviour behaviour = CardBehaviour::approve;
  std::int64_t created_at = 0;
};

}  // namespace payments
