#include "domain/coupon_book.h"

#include <algorithm>
#include <boost/json.hpp>

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/json.h"
#include "platform/money.h"

namespace cart {

namespace {

using platform::json::ObjectReader;

std::int64_t read_time(ObjectReader& reader, std::string_view key) {
  const auto text = reader.optional_string(key, {1, 40});
  if (!text) return 0;
  const auto time = platform::parse_rfc3339(*text);
  if (!time) throw platform::invalid_field(reader.field_path(key), "must be an RFC 3339 time");
  return platform::to_unix_millis(*time);
}

Coupon read_coupon(ObjectReader reader) {
  Coupon coupon;
  coupon.code = normalize_coupon_code(reader.required_string("code", {1, 64}));
  const auto kind = reader.required_string("kind", {1, 20});
  if (kind == "percentage") {
    coupon.kind = Coupon::Kind::percentage;
    coupon.percent_bp = static_cast<std::int32_t>(
        reader.required_integer("percent_basis_points", {.minimum = 1, .maximum = 10000}));
  } else if (kind == "fixed") {
    coupon.kind = Coupon::Kind::fixed;
    const auto amount = platform::read_money(reader, "amount", {.minimum = 1});
    coupon.amount = amount.amount;
    coupon.currency = amount.currency;
  } else {
    throw platform::invalid_field(reader.field_path("kind"), "kind must be percentage or fixed");
  }
  coupon.valid_from = read_time(reader, "valid_from");
  coupon.valid_until = read_time(reader, "valid_until");
  if (reader.contains("minimum_spend")) {
    const auto minimum = platform::read_money(reader, "minimum_spend", {.minimum = 0});
    if (!coupon.currency.empty() && minimum.currency != coupon.currency) {
      throw platform::invalid_field(reader.field_path("minimum_spend"),
                                    "minimum_spend must be in the coupon's currency");
    }
    coupon.minimum_spend = minimum.amount;
    coupon.currency = minimum.currency;
  }
  coupon.usage_limit = static_cast<int>(
      reader.optional_integer("usage_limit", {.minimum = 0, .maximum = 1'000'000'000}).value_or(0));
  reader.finish();
  return coupon;
}

}  // namespace

std::string normalize_coupon_code(std::string_view code) {
  std::string normalized(code);
  std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return normalized;
}

CouponBook::CouponBook(std::vector<Coupon> coupons) : coupons_(std::move(coupons)) {}

CouponBook CouponBook::from_json(std::string_view document) {
  const auto root = platform::json::parse_object(document);
  ObjectReader reader(root);
  const auto* list = reader.raw("coupons");
  if (list == nullptr || !list->is_array()) {
    throw platform::invalid_field("coupons", "coupons must be an array");
  }
  reader.finish();
  std::vector<Coupon> coupons;
  for (std::size_t i = 0; i < list->get_array().size(); ++i) {
    const auto path = "coupons[" + std::to_string(i) + "]";
    const auto& item = list->get_array()[i];
    if (!item.is_object()) throw platform::invalid_field(path, path + " must be an object");
    auto coupon = read_coupon(ObjectReader(item.get_object(), path));
    const bool repeated = std::any_of(coupons.begin(), coupons.end(), [&](const Coupon& other) {
      return other.code == coupon.code;
    });
    if (repeated) throw platform::invalid_field(path + ".code", coupon.code + " appears twice");
    coupons.push_back(std::move(coupon));
  }
  return CouponBook(std::move(coupons));
}

const Coupon* CouponBook::find(std::string_view code) const {
  const auto normalized = normalize_coupon_code(code);
  const auto found = std::find_if(coupons_.begin(), coupons_.end(),
                                  [&](const Coupon& coupon) { return coupon.code == normalized; });
  return found == coupons_.end() ? nullptr : &*found;
}

}  // namespace cart
