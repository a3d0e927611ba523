#include <boost/json.hpp>

#include "api/cart_input.h"
#include "api/routes.h"
#include "platform/clock.h"
#include "platform/error.h"
#include "platform/http/authorization.h"
#include "platform/http/json_response.h"
#include "representation/cart_json.h"

namespace cart {

namespace {

using platform::http::Access;
using platform::http::Request;
using platform::http::Response;

platform::http::RouteOptions guests_and_customers() {
  return platform::http::requires_access(Access::guest_or_user());
}

Response cart_response(const CartOwner& owner, const CurrentCart& current) {
  return platform::http::json_response(200, to_json(owner, current));
}

// Changes a cart knowing the catalog's current figures of its lines and of
// `product_id` (one call), which the change may use; the lines take the
// current prices on the way.
CurrentCart change_cart(ApiContext& context, const CartOwner& owner, const std::string& product_id,
                        const std::function<void(Cart&, const ProductSnapshot*)>& change) {
  auto before = context.carts.read(owner);
  check_room_for(before.cart, product_id);  // before asking the catalog for one id too many
  std::vector<std::string> ids{product_id};
  for (const auto& line : before.cart.lines) {
    if (line.product_id != product_id) ids.push_back(line.product_id);
  }
  auto products = context.catalog.find(ids);
  auto stored = context.carts.update(
      owner,
      [&](Cart& cart) {
        refresh_prices(cart, products);
        change(cart, find_product(products, product_id));
        return true;
      },
      std::move(before));
  return {std::move(stored), std::move(products)};
}

[[noreturn]] void unavailable_product(const std::string& product_id) {
  throw platform::conflict("product-unavailable",
                           "product " + product_id + " does not exist or is not on sale");
}

}  // namespace

void add_cart_routes(platform::http::Router& router, ApiContext context) {
  // A guest's cart exists from its first item; the token is its only key.
  router.post(
      "/v1/cart-tokens",
      [context](Request&) {
        return platform::http::json_response(
            201, boost::json::object{
                     {"cart_token", new_cart_token()},
                     {"expires_in_seconds",
                      std::chrono::duration_cast<std::chrono::seconds>(context.lifetimes.guest)
                          .count()}});
      },
      platform::http::public_route());

  router.get(
      "/v1/cart",
      [context](Request& request) mutable {
        const auto owner = cart_owner_of(request);
        return cart_response(owner, context.pricing.current(owner));
      },
      guests_and_customers());

  router.remove(
      "/v1/cart",
      [context](Request& request) {
        context.carts.clear(cart_owner_of(request));
        return Response::empty(204);
      },
      guests_and_customers());

  router.post(
      "/v1/cart/items",
      [context](Request& request) mutable {
        const auto owner = cart_owner_of(request);
        const auto input = read_new_item(request);
        const auto now = platform::now_unix_millis();
        auto current = change_cart(context, owner, input.product_id,
                                   [&](Cart& cart, const ProductSnapshot* product) {
                                     if (!product) unavailable_product(input.product_id);
                                     add_item(cart, *product, input.quantity, now);
                                   });
        const auto& cart = current.stored.cart;
        context.events.item_added(owner, *find_line(cart, input.product_id), input.quantity,
                                  cart.currency);
        return cart_response(owner, current);
      },
      guests_and_customers());

  router.put(
      "/v1/cart/items/{product_id}",
      [context](Request& request) mutable {
        const auto owner = cart_owner_of(request);
        const auto input = read_item_quantity(request);
        const auto now = platform::now_unix_millis();
        return cart_response(
            owner, change_cart(context, owner, input.product_id,
                               [&](Cart& cart, const ProductSnapshot* product) {
                                 // A line may go even when its product has.
                                 if (input.quantity == 0 || !find_line(cart, input.product_id)) {
                                   remove_line(cart, input.product_id, now);
                                   return;
                                 }
                                 if (!product) unavailable_product(input.product_id);
                                 set_quantity(cart, *product, input.quantity, now);
                               }));
      },
      guests_and_customers());

  router.remove(
      "/v1/cart/items/{product_id}",
      [context](Request& request) mutable {
        const auto owner = cart_owner_of(request);
        const auto product_id = product_id_of(request);
        context.carts.update(owner, [&](Cart& cart) {
          remove_line(cart, product_id, platform::now_unix_millis());
          return true;
        });
        return cart_response(owner, context.pricing.current(owner));
      },
      guests_and_customers());

  // At sign-in the web app hands over the guest's token: the guest cart's
  // lines join the customer's, and the guest cart is emptied first (by a
  // versioned write), so that a retry, or two merges at once, move each line
  // once; a crash in between loses the guest's lines rather than doubling
  // them.
  router.post(
      "/v1/cart/merge",
      [context](Request& request) mutable {
        const auto customer = CartOwner::customer(platform::http::caller_of(request).subject);
        const auto guest = guest_of(request);
        const auto guest_cart = context.carts.clear(guest);
        std::vector<std::string> left_out;
        if (!guest_cart.lines.empty()) {
          context.carts.update(customer, [&](Cart& cart) {
            left_out = merge_into(cart, guest_cart, platform::now_unix_millis());
            return true;
          });
        }
        auto body = to_json(customer, context.pricing.current(customer));
        boost::json::array left;
        for (const auto& id : left_out) left.push_back(boost::json::value(id));
        body["left_out"] = std::move(left);
        return platform::http::json_response(200, body);
      },
      platform::http::requires_access(Access::user()));
}

}  // namespace cart
