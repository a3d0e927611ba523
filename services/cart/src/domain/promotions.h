#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cart {

// A coupon as the shop defines it: a percentage or a fixed amount off the
// merchandise, within a validity window, from a minimum spend, a limited
// number of times.
struct Coupon {
  enum class Kind { percentage, fixed };
  std::string code;
  Kind kind = Kind::percentage;
  std::int32_t percent_bp = 0;  // percentage: 1000 is 10%
  std::int64_t amount = 0;      // fixed: minor units of `currency`
  std::string currency;
  std::int64_t valid_from = 0;     // Unix milliseconds
  std::int64_t valid_until = 0;    // exclusive; 0: no end
  std::int64_t minimum_spend = 0;  // merchandise total, minor units
  int usage_limit = 0;             // 0: unlimited
  int times_used = 0;
};

// Throws Error(unprocessable) naming why the coupon cannot apply to a basket
// of `merchandise` in `currency` at `now`: coupon-not-yet-valid,
// coupon-expired, coupon-used-up, coupon-currency, coupon-minimum-spend.
void check_coupon(const Coupon& coupon, const std::string& currency, std::int64_t merchandise,
                  std::int64_t now);

// The discount on `merchandise`: a percentage rounded half up, a fixed amount
// at most the merchandise.
std::int64_t discount_of(const Coupon& coupon, std::int64_t merchandise);

// Shares `total` among lines in proportion to their amounts, in whole minor
// units that add up to exactly `total` (largest remainders get the rest).
std::vector<std::int64_t> allocate(std::int64_t total, const std::vector<std::int64_t>& amounts);

}  // namespace cart
