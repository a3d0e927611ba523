// Pictures in the distributed shop: an admin uploads one through the
// gateway, the images service (its own process, PostgreSQL, S3 on an
// s3rver) keeps it, a product names it, and a shopper's browser gets it at
// the size and in the format it asks for, from S3.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo/demo_picture.h"
#include "distributed_shop.h"
#include "domain/image_record.h"
#include "platform/storage/s3_object_store.h"
#include "platform/testing/api_client.h"

namespace {

TEST(DistributedImages, AnUploadedPictureReachesTheProductPageFromS3) {
  SHOP_REQUIRE_BACKEND(shop::testing::DistributedShop::infrastructure_configured(),
                       "PostgreSQL, Redis and NATS (SHOP_TEST_*)");
  SHOP_REQUIRE_OBJECT_STORE_TOOLS();
  platform::testing::TemporaryDirectory directory;
  shop::testing::DistributedShop shop(directory.path(), {.argon2_memory_kib = 8192});
  ASSERT_NE(shop.s3(), nullptr);

  platform::testing::ApiClient admin(shop.url());
  admin.acting_as(shop.admin_token());
  const auto picture = images::draw_demo_picture("E2E-LANTERN", 1200, 900);
  const auto uploaded =
      admin.call(platform::http::Method::post, "/api/images/v1/images", picture, "image/jpeg");
  ASSERT_EQ(uploaded.status, 201) << boost::json::serialize(uploaded.body) << shop.log("images");
  const std::string id(uploaded.body.at("id").as_string());
  EXPECT_EQ(uploaded.body.at("width"), 1200);

  ASSERT_EQ(
      admin.post("/api/catalog/v1/categories", {{"slug", "garden"}, {"name", "Garden"}}).status,
      201);
  const auto product =
      admin.post("/api/catalog/v1/products", {{"sku", "E2E-LANTERN"},
                                              {"title", "Garden lantern"},
                                              {"brand", "Acme"},
                                              {"category", "garden"},
                                              {"price", {{"amount", 1999}, {"currency", "EUR"}}},
                                              {"image_ids", boost::json::array{id}}});
  ASSERT_EQ(product.status, 201) << boost::json::serialize(product.body);

  platform::testing::ApiClient visitor(shop.url());
  const auto page =
      visitor.get("/api/catalog/v1/products/" + std::string(product.body.at("id").as_string()));
  ASSERT_EQ(page.body.at("image_ids").at(0).as_string(), id);

  platform::http::Client browser({.max_attempts = 1});
  platform::http::Headers accept;
  accept.set("Accept", "image/avif,image/webp,*/*;q=0.8");
  const auto card =
      browser.get(shop.url() + "/api/images/v1/images/" + id + "?preset=card", accept);
  ASSERT_EQ(card.status, 200) << card.body;
  EXPECT_EQ(card.headers.get("Content-Type"), "image/avif");
  EXPECT_EQ(card.headers.get("Vary"), "Accept");

  // Both the kept picture and the variant are objects in the bucket.
  platform::storage::S3ObjectStore bucket(shop.s3()->settings());
  EXPECT_GT(bucket.size(images::original_key(id)).value_or(0), 0U);
  EXPECT_EQ(bucket.size(images::variant_key(id, "w320-h320-cover-q80.avif")), card.body.size());

  // Another admin uploading the same bytes gets the same image.
  const auto again =
      admin.call(platform::http::Method::post, "/api/images/v1/images", picture, "image/jpeg");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body.at("id"), uploaded.body.at("id"));
}

}  // namespace
