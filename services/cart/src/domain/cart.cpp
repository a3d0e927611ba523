#include "domain/cart.h"

#include <algorithm>

#include "platform/error.h"

namespace cart {

namespace {

// A const or mutable cart's line for `product_id`, or null.
template <typename SomeCart>
auto* line_in(SomeCart& cart, std::string_view product_id) {
  const auto found = std::find_if(cart.lines.begin(), cart.lines.end(), [&](const CartLine& line) {
    return line.product_id == product_id;
  });
  return found == cart.lines.end() ? nullptr : &*found;
}

void check_quantity(int quantity) {
  if (quantity > kMaxLineQuantity) {
    throw platform::unprocessable(
        "quantity-too-large", "a line holds at most " + std::to_string(kMaxLineQuantity) + " units",
        "quantity");
  }
}

// Whether `wanted` units of `product` may be in a cart in `currency`.
void check_sellable(const ProductSnapshot& product, const std::string& currency,
                    std::int64_t wanted) {
  if (!product.active) {
    throw platform::conflict("product-unavailable",
                             "product " + product.product_id + " is not on sale");
  }
  if (!currency.empty() && product.currency != currency) {
    throw platform::unprocessable("currency-mismatch",
                                  "product " + product.product_id + " is priced in " +
                                      product.currency + ", the cart in " + currency,
                                  "product_id");
  }
  check_quantity(static_cast<int>(std::min<std::int64_t>(wanted, kMaxLineQuantity + 1)));
  if (wanted > product.available) {
    throw platform::conflict("insufficient-stock",
                             "only " +
                                 std::to_string(std::max<std::int64_t>(product.available, 0)) +
                                 " of product " + product.product_id + " are available");
  }
}

void take_figures(CartLine& line, const ProductSnapshot& product) {
  line.sku = product.sku;
  line.title = product.title;
  line.tax_category = product.tax_category;
  line.weight_grams = product.weight_grams;
  line.unit_price = product.unit_price;
}

}  // namespace

const CartLine* find_line(const Cart& cart, std::string_view product_id) {
  return line_in(cart, product_id);
}

void check_room_for(const Cart& cart, std::string_view product_id) {
  if (cart.lines.size() >= kMaxCartLines && !line_in(cart, product_id)) {
    throw platform::unprocessable(
        "cart-full", "a cart holds at most " + std::to_string(kMaxCartLines) + " products");
  }
}

void add_item(Cart& cart, const ProductSnapshot& product, int quantity, std::int64_t now) {
  auto* line = line_in(cart, product.product_id);
  const std::int64_t wanted = static_cast<std::int64_t>(quantity) + (line ? line->quantity : 0);
  check_sellable(product, cart.currency, wanted);
  if (!line) {
    check_room_for(cart, product.product_id);
    line = &cart.lines.emplace_back();
    line->product_id = product.product_id;
    line->added_at = now;
  }
  take_figures(*line, product);
  line->previous_unit_price.reset();
  line->quantity = static_cast<int>(wanted);
  cart.currency = product.currency;
  if (cart.created_at == 0) cart.created_at = now;
  cart.updated_at = now;
}

void set_quantity(Cart& cart, const ProductSnapshot& product, int quantity, std::int64_t now) {
  auto* line = line_in(cart, product.product_id);
  if (!line || quantity == 0) {
    remove_line(cart, product.product_id, now);
    return;
  }
  check_sellable(product, cart.currency, quantity);
  take_figures(*line, product);
  line->previous_unit_price.reset();
  line->quantity = quantity;
  cart.updated_at = now;
}

void remove_line(Cart& cart, std::string_view product_id, std::int64_t now) {
  if (!remove_item(cart, product_id, now)) {
    throw platform::not_found("line-not-found",
                              "product " + std::string(product_id) + " is not in the cart");
  }
}

bool remove_item(Cart& cart, std::string_view product_id, std::int64_t now) {
  const auto before = cart.lines.size();
  std::erase_if(cart.lines, [&](const CartLine& line) { return line.product_id == product_id; });
  if (cart.lines.size() == before) return false;
  if (cart.lines.empty()) cart.currency.clear();
  cart.updated_at = now;
  return true;
}

std::vector<std::string> merge_into(Cart& customer, const Cart& guest, std::int64_t now) {
  std::vector<std::string> left_out;
  for (const auto& guest_line : guest.lines) {
    if (!customer.currency.empty() && guest.currency != customer.currency) {
      left_out.push_back(guest_line.product_id);
      continue;
    }
    if (auto* line = line_in(customer, guest_line.product_id)) {
      line->quantity = std::min(line->quantity + guest_line.quantity, kMaxLineQuantity);
      continue;
    }
    if (customer.lines.size() >= kMaxCartLines) {
      left_out.push_back(guest_line.product_id);
      continue;
    }
    customer.lines.push_back(guest_line);
    customer.currency = guest.currency;
  }
  if (guest.lines.empty()) return left_out;
  if (customer.created_at == 0) customer.created_at = now;
  customer.updated_at = now;
  return left_out;
}

void remove_ordered(Cart& cart, const std::vector<OrderedQuantity>& ordered, std::int64_t now) {
  for (const auto& item : ordered) {
    auto* line = line_in(cart, item.product_id);
    if (!line) continue;
    line->quantity -= item.quantity;
    if (line->quantity <= 0) remove_item(cart, item.product_id, now);
  }
  cart.updated_at = now;
}

bool refresh_prices(Cart& cart, const std::vector<ProductSnapshot>& products) {
  bool changed = false;
  for (const auto& product : products) {
    auto* line = line_in(cart, product.product_id);
    if (!line || product.currency != cart.currency) continue;
    auto refreshed = *line;
    take_figures(refreshed, product);
    if (refreshed.unit_price != line->unit_price) refreshed.previous_unit_price = line->unit_price;
    if (refreshed != *line) {
      *line = std::move(refreshed);
      changed = true;
    }
  }
  return changed;
}

std::optional<std::string_view> line_problem(const Cart& cart, const CartLine& line,
                                             const ProductSnapshot* product) {
  if (!product || !product->active || product->currency != cart.currency) return "unavailable";
  if (product->available <= 0) return "out-of-stock";
  if (product->available < line.quantity) return "insufficient-stock";
  return std::nullopt;
}

}  // namespace cart
