#include "store/coupon_usage.h"

#include <charconv>
#include <chrono>

#include "platform/error.h"

namespace cart {

namespace {

// Counts outlive any campaign; the store wants a lifetime for every key.
constexpr std::chrono::milliseconds kCountLifetime = std::chrono::hours(24 * 3650);
constexpr int kAttempts = 16;

std::string key_of(std::string_view code) { return "coupon-uses:" + std::string(code); }

int parse_count(std::string_view text) {
  int count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (error != std::errc() || end != text.data() + text.size() || count < 0) {
    throw platform::Error(platform::ErrorKind::internal, "coupon-count-unreadable",
                          "a stored coupon count is not a count");
  }
  return count;
}

}  // namespace

int CouponUsage::times_used(std::string_view code) {
  const auto entry = store_.get(key_of(code));
  return entry ? parse_count(entry->value) : 0;
}

void CouponUsage::take(const Coupon& coupon) {
  if (!add(coupon.code, 1, coupon.usage_limit)) {
    throw platform::unprocessable("coupon-used-up",
                                  coupon.code + " has been used as often as it may", "coupon");
  }
}

void CouponUsage::give_back(std::string_view code) { add(code, -1, 0); }

bool CouponUsage::add(std::string_view code, int delta, int limit) {
  const auto key = key_of(code);
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const auto entry = store_.get(key);
    const int count = entry ? parse_count(entry->value) : 0;
    const int next = std::max(count + delta, 0);
    if (delta > 0 && limit != 0 && next > limit) return false;
    if (store_.put_if_version(key, std::to_string(next), entry ? entry->version : 0,
                              kCountLifetime)) {
      return true;
    }
  }
  throw platform::conflict(
      "coupon-busy",
      "coupon " + std::string(code) + " is being used by many checkouts at once; try again");
}

}  // namespace cart
