#include <optional>
#include <thread>

#include "cart_fixture.h"
#include "platform/ids.h"

namespace cart::testing {
namespace {

using platform::http::Method;

class Carts : public CartTest {};

boost::json::value item(const std::string& product_id, int quantity) {
  return {{"product_id", product_id}, {"quantity", quantity}};
}

TEST_P(Carts, AGuestFillsChangesAndEmptiesACart) {
  const auto lamp = create_product({.sku = "LAMP-1", .price = 2999, .stock = 5});
  const auto book = create_product({.sku = "BOOK-1", .price = 1200, .tax_category = "reduced"});
  const auto guest = new_guest();
  ASSERT_EQ(guest.size(), 43u);

  const auto empty = as_guest(guest, Method::get, "/v1/cart");
  ASSERT_EQ(empty.status, 200);
  EXPECT_EQ(empty.body.at("owner"), "guest");
  EXPECT_TRUE(empty.body.at("lines").as_array().empty());

  auto body = item(lamp, 2);
  ASSERT_EQ(as_guest(guest, Method::post, "/v1/cart/items", &body).status, 200);
  body = item(book, 1);
  const auto filled = as_guest(guest, Method::post, "/v1/cart/items", &body);
  ASSERT_EQ(filled.status, 200) << boost::json::serialize(filled.body);
  EXPECT_EQ(filled.body.at("item_count"), 3);
  EXPECT_EQ(filled.body.at("merchandise").at("amount"), 2 * 2999 + 1200);
  const auto& first = filled.body.at("lines").at(0);
  EXPECT_EQ(first.at("product_id").as_string(), lamp);
  EXPECT_EQ(first.at("sku"), "LAMP-1");
  EXPECT_EQ(first.at("subtotal").at("amount"), 5998);
  EXPECT_EQ(first.at("available"), 5);
  EXPECT_EQ(filled.body.at("lines").at(1).at("tax_category"), "reduced");

  const boost::json::value four{{"quantity", 4}};
  const auto changed = as_guest(guest, Method::put, "/v1/cart/items/" + lamp, &four);
  ASSERT_EQ(changed.status, 200);
  EXPECT_EQ(changed.body.at("lines").at(0).at("quantity"), 4);

  const auto removed = as_guest(guest, Method::delete_, "/v1/cart/items/" + book);
  ASSERT_EQ(removed.status, 200);
  EXPECT_EQ(removed.body.at("lines").as_array().size(), 1u);
  expect_problem(as_guest(guest, Method::delete_, "/v1/cart/items/" + book), 404, "line-not-found");

  EXPECT_EQ(as_guest(guest, Method::delete_, "/v1/cart").status, 204);
  EXPECT_TRUE(as_guest(guest, Method::get, "/v1/cart").body.at("lines").as_array().empty());
}

TEST_P(Carts, LinesAreCheckedAgainstTheCatalog) {
  const auto lamp = create_product({.sku = "LAMP-2", .price = 2999, .stock = 2});
  const auto guest = new_guest();
  auto body = item(lamp, 3);
  const auto too_many = as_guest(guest, Method::post, "/v1/cart/items", &body);
  expect_problem(too_many, 409, "insufficient-stock");
  body = item(platform::new_uuid_v7(), 1);
  expect_problem(as_guest(guest, Method::post, "/v1/cart/items", &body), 409,
                 "product-unavailable");

  ASSERT_EQ(admin_catalog_.patch("/v1/products/" + lamp, {{"status", "archived"}}).status, 200);
  body = item(lamp, 1);
  expect_problem(as_guest(guest, Method::post, "/v1/cart/items", &body), 409,
                 "product-unavailable");
}

TEST_P(Carts, ALineShowsWhenItsPriceMovedOrItCannotBeBought) {
  const auto lamp = create_product({.sku = "LAMP-3", .price = 2999, .stock = 3});
  const auto customer = platform::new_uuid_v7();
  ASSERT_EQ(add_item(customer, lamp, 2).status, 200);
  set_price(lamp, 2499);
  const auto cart = as_customer(customer, Method::get, "/v1/cart");
  ASSERT_EQ(cart.status, 200);
  const auto& line = cart.body.at("lines").at(0);
  EXPECT_EQ(line.at("unit_price").at("amount"), 2499);
  EXPECT_EQ(line.at("previous_unit_price").at("amount"), 2999);
  EXPECT_FALSE(line.as_object().contains("problem"));

  ASSERT_EQ(admin_catalog_.post("/v1/products/" + lamp + "/inventory/adjustments", {{"delta", -2}})
                .status,
            200);
  const auto short_cart = as_customer(customer, Method::get, "/v1/cart");
  EXPECT_EQ(short_cart.body.at("lines").at(0).at("problem"), "insufficient-stock");
  ASSERT_EQ(admin_catalog_.patch("/v1/products/" + lamp, {{"status", "archived"}}).status, 200);
  const auto gone = as_customer(customer, Method::get, "/v1/cart");
  EXPECT_EQ(gone.body.at("lines").at(0).at("problem"), "unavailable");
}

TEST_P(Carts, TheGuestCartJoinsTheCustomersAtSignIn) {
  const auto lamp = create_product({.sku = "LAMP-4", .price = 2999});
  const auto book = create_product({.sku = "BOOK-4", .price = 1200});
  const auto customer = platform::new_uuid_v7();
  ASSERT_EQ(add_item(customer, lamp, 1).status, 200);
  const auto guest = new_guest();
  auto body = item(lamp, 2);
  ASSERT_EQ(as_guest(guest, Method::post, "/v1/cart/items", &body).status, 200);
  body = item(book, 1);
  ASSERT_EQ(as_guest(guest, Method::post, "/v1/cart/items", &body).status, 200);

  platform::http::Headers headers;
  headers.set("Cart-Token", guest);
  const auto merged = as_customer(customer, Method::post, "/v1/cart/merge", nullptr, headers);
  ASSERT_EQ(merged.status, 200) << boost::json::serialize(merged.body);
  EXPECT_EQ(merged.body.at("owner"), "customer");
  EXPECT_EQ(merged.body.at("item_count"), 4);
  EXPECT_TRUE(merged.body.at("left_out").as_array().empty());
  EXPECT_TRUE(as_guest(guest, Method::get, "/v1/cart").body.at("lines").as_array().empty())
      << "the guest cart is gone";
  const auto again = as_customer(customer, Method::post, "/v1/cart/merge", nullptr, headers);
  EXPECT_EQ(again.body.at("item_count"), 4) << "merging twice changes nothing";

  expect_problem(as_customer(customer, Method::post, "/v1/cart/merge"), 401, "cart-token-required");
}

TEST_P(Carts, EveryoneHasTheirOwnCart) {
  const auto lamp = create_product({.sku = "LAMP-5", .price = 2999});
  const auto ada = platform::new_uuid_v7();
  const auto bob = platform::new_uuid_v7();
  ASSERT_EQ(add_item(ada, lamp, 1).status, 200);
  EXPECT_TRUE(as_customer(bob, Method::get, "/v1/cart").body.at("lines").as_array().empty());
  EXPECT_TRUE(as_guest(new_guest(), Method::get, "/v1/cart").body.at("lines").as_array().empty());
}

TEST_P(Carts, WhoseCartItIsMustBeClear) {
  acting_as("");
  expect_problem(get("/v1/cart"), 401, "cart-token-required");
  expect_problem(as_guest("not-a-token", Method::get, "/v1/cart"), 400, "invalid-field");
  acting_as("forged.token.here");
  expect_problem(get("/v1/cart"), 401, "invalid-token");
  acting_as(issuer_.service_token("search", "catalog.read"));
  expect_problem(get("/v1/cart"), 403, "forbidden");
}

TEST_P(Carts, BadBodiesAreNamedProblems) {
  const auto guest = new_guest();
  const auto customer = platform::new_uuid_v7();
  const std::vector<std::pair<std::string, std::string>> cases{
      {"{", "malformed-json"},
      {R"({"product_id": 7})", "invalid-field"},
      {R"({"product_id": "not-a-uuid"})", "invalid-field"},
      {R"({"product_id": ")" + platform::new_uuid_v7() + R"(", "quantity": 0})", "invalid-field"},
      {R"({"product_id": ")" + platform::new_uuid_v7() + R"(", "quantity": 1001})",
       "invalid-field"},
      {R"({"product_id": ")" + platform::new_uuid_v7() + R"(", "colour": "red"})",
       "unknown-field"}};
  for (const auto& [body, code] : cases) {
    acting_as(issuer_.user_token(customer));
    const auto reply = call(Method::post, "/v1/cart/items", body);
    expect_problem(reply, 400, code);
  }
  acting_as(issuer_.user_token(customer));
  expect_problem(call(Method::post, "/v1/cart/items", "product_id=1", "text/plain"), 415,
                 "unsupported-media-type");
  const boost::json::value negative{{"quantity", -1}};
  expect_problem(
      as_guest(guest, Method::put, "/v1/cart/items/" + platform::new_uuid_v7(), &negative), 400,
      "invalid-field");
}

TEST_P(Carts, SimultaneousAddsToOneCartAllLand) {
  const auto lamp = create_product({.sku = "LAMP-6", .price = 2999, .stock = 100});
  const auto customer = platform::new_uuid_v7();
  const auto token = issuer_.user_token(customer);
  const auto replies = platform::testing::at_once(8, [&](int) {
    platform::testing::ApiClient client(cart_.url());
    client.acting_as(token);
    return client.post("/v1/cart/items", {{"product_id", lamp}, {"quantity", 1}});
  });
  for (const auto& reply : replies) EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(as_customer(customer, Method::get, "/v1/cart").body.at("item_count"), 8);
}

TEST_P(Carts, AddingPublishesCartItemAdded) {
  const auto lamp = create_product({.sku = "LAMP-7", .price = 2999});
  const auto customer = platform::new_uuid_v7();
  ASSERT_EQ(add_item(customer, lamp, 2).status, 200);
  // The stream holds other tests' events too.
  const auto of_lamp = [&] {
    for (const auto& event : cart_events()) {
      if (event.at("product_id").as_string() == lamp) return std::optional(event);
    }
    return std::optional<boost::json::object>();
  };
  ASSERT_TRUE(platform::testing::eventually([&] { return of_lamp().has_value(); }));
  const auto event = *of_lamp();
  EXPECT_EQ(event.at("cart"), "customer");
  EXPECT_EQ(event.at("customer_id").as_string(), customer);
  EXPECT_EQ(event.at("product_id").as_string(), lamp);
  EXPECT_EQ(event.at("quantity"), 2);
  EXPECT_EQ(event.at("unit_price").at("amount"), 2999);
}

TEST_P(Carts, CartsLeftAloneExpire) {
  auto options = test_options();
  options.lifetimes.guest = std::chrono::milliseconds(1000);
  restart_cart(std::move(options));
  const auto lamp = create_product({.sku = "LAMP-8", .price = 2999});
  const auto guest = new_guest();
  const auto body = item(lamp, 1);
  ASSERT_EQ(as_guest(guest, Method::post, "/v1/cart/items", &body).status, 200);
  for (int i = 0; i < 3; ++i) {  // reading keeps it alive
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ASSERT_EQ(as_guest(guest, Method::get, "/v1/cart").body.at("item_count"), 1) << i;
  }
  // Polling would keep it alive: one look after its lifetime.
  std::this_thread::sleep_for(std::chrono::milliseconds(1600));
  EXPECT_EQ(as_guest(guest, Method::get, "/v1/cart").body.at("item_count"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Carts,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace cart::testing
