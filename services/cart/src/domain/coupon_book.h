#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/promotions.h"

namespace cart {

// The shop's coupons, as data: a JSON document (coupons.json describes the
// format) read at start. Codes are matched without regard to case.
class CouponBook {
 public:
  CouponBook() = default;
  explicit CouponBook(std::vector<Coupon> coupons);
  // Throws Error(invalid_argument) naming the first field that breaks a rule.
  static CouponBook from_json(std::string_view document);

  // Null for a code the shop does not have.
  const Coupon* find(std::string_view code) const;
  const std::vector<Coupon>& all() const noexcept { return coupons_; }

 private:
  std::vector<Coupon> coupons_;
};

// "welcome10" -> "WELCOME10": how codes are stored and compared.
std::string normalize_coupon_code(std::string_view code);

}  // namespace cart
