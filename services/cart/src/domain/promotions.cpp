#include "domain/promotions.h"

#include <algorithm>
#include <numeric>

#include "platform/error.h"

namespace cart {

namespace {

[[noreturn]] void refuse(std::string code, const std::string& message) {
  throw platform::unprocessable(std::move(code), message, "coupon");
}

}  // namespace

void check_coupon(const Coupon& coupon, const std::string& currency, std::int64_t merchandise,
                  std::int64_t now) {
  if (now < coupon.valid_from) refuse("coupon-not-yet-valid", coupon.code + " is not valid yet");
  if (coupon.valid_until != 0 && now >= coupon.valid_until) {
    refuse("coupon-expired", coupon.code + " has expired");
  }
  if (coupon.usage_limit != 0 && coupon.times_used >= coupon.usage_limit) {
    refuse("coupon-used-up", coupon.code + " has been used as often as it may");
  }
  if (!coupon.currency.empty() && coupon.currency != currency) {
    refuse("coupon-currency", coupon.code + " is for baskets in " + coupon.currency);
  }
  if (merchandise < coupon.minimum_spend) {
    refuse("coupon-minimum-spend", coupon.code + " needs a spend of at least " +
                                       std::to_string(coupon.minimum_spend) + " (minor units)");
  }
}

std::int64_t discount_of(const Coupon& coupon, std::int64_t merchandise) {
  if (coupon.kind == Coupon::Kind::fixed) return std::min(coupon.amount, merchandise);
  return (merchandise * coupon.percent_bp * 2 + 10000) / 20000;
}

std::vector<std::int64_t> allocate(std::int64_t total, const std::vector<std::int64_t>& amounts) {
  std::vector<std::int64_t> shares(amounts.size(), 0);
  const auto sum = std::accumulate(amounts.begin(), amounts.end(), std::int64_t{0});
  if (sum <= 0 || total == 0) return shares;
  std::vector<std::pair<std::int64_t, std::size_t>> remainders;  // (remainder, line)
  std::int64_t given = 0;
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    const auto exact = total * amounts[i];
    shares[i] = exact / sum;
    given += shares[i];
    remainders.emplace_back(exact % sum, i);
  }
  // Largest remainder first; the earlier line on a tie, so the result is
  // the same every time.
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < total && k < remainders.size(); ++k, ++given) {
    shares[remainders[k].second] += 1;
  }
  return shares;
}

}  // namespace cart
