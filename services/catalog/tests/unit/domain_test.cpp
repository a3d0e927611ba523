#include <gtest/gtest.h>

#include "domain/category.h"
#include "domain/product.h"
#include "domain/product_query.h"
#include "domain/reservation.h"
#include "platform/error.h"

using namespace catalog;

namespace {

ProductChanges valid_changes() {
  ProductChanges changes;
  changes.sku = "LAMP-1";
  changes.title = "Oak Desk Lamp, 40 W";
  changes.brand = "Lumen";
  changes.category_id = "lighting";
  changes.price_amount = 4999;
  changes.price_currency = "EUR";
  return changes;
}

std::string failing_field(const ProductChanges& changes) {
  Product product;
  try {
    apply_changes(product, changes);
  } catch (const platform::Error& error) {
    return error.field();
  }
  return "(accepted)";
}

}  // namespace

TEST(Stock, AvailabilityFlipsOnlyWhenCrossingIntoOrOutOfStock) {
  EXPECT_TRUE(availability_flipped({4, 4}, -4)) << "the last units held";
  EXPECT_FALSE(availability_flipped({6, 2}, -2)) << "some held, some left";
  EXPECT_FALSE(availability_flipped({0, 0}, 0)) << "a confirmation of the last units";
  EXPECT_TRUE(availability_flipped({2, 0}, 2)) << "units back from zero";
  EXPECT_FALSE(availability_flipped({5, 0}, 2)) << "more units while in stock";
  EXPECT_FALSE(availability_flipped({3, 3}, -0)) << "nothing moved";
}

TEST(Product, AppliesChangesAndDerivesSlug) {
  Product product;
  apply_changes(product, valid_changes());
  EXPECT_EQ(product.slug, "oak-desk-lamp-40-w");
  EXPECT_EQ(product.price, (Money{4999, "EUR"}));
  ProductChanges patch;
  patch.attributes["colour"] = "red";
  apply_changes(product, patch);
  patch.attributes["colour"] = std::nullopt;
  patch.attributes["size"] = "L";
  apply_changes(product, patch);
  EXPECT_EQ(product.attributes, (std::map<std::string, std::string>{{"size", "L"}}));
}

TEST(Product, RejectsInvalidFieldsNamingThemAndStaysUnchanged) {
  auto bad_sku = valid_changes();
  bad_sku.sku = "has space";
  EXPECT_EQ(failing_field(bad_sku), "sku");
  auto bad_currency = valid_changes();
  bad_currency.price_currency = "eur";
  EXPECT_EQ(failing_field(bad_currency), "price.currency");
  auto negative = valid_changes();
  negative.price_amount = -1;
  EXPECT_EQ(failing_field(negative), "price.amount");
  auto bad_slug = valid_changes();
  bad_slug.slug = "Not A Slug";
  EXPECT_EQ(failing_field(bad_slug), "slug");
  auto long_title = valid_changes();
  long_title.title = std::string(201, 'x');
  EXPECT_EQ(failing_field(long_title), "title");

  Product product;
  apply_changes(product, valid_changes());
  ProductChanges breaking;
  breaking.title = "";
  EXPECT_THROW(apply_changes(product, breaking), platform::Error);
  EXPECT_EQ(product.title, "Oak Desk Lamp, 40 W");
}

TEST(Product, TaxCategoryAndWeightDefaultAndChange) {
  Product product;
  apply_changes(product, valid_changes());
  EXPECT_EQ(product.tax_category, TaxCategory::standard);
  EXPECT_EQ(product.weight_grams, 0);
  ProductChanges patch;
  patch.tax_category = TaxCategory::reduced;
  patch.weight_grams = kMaxWeightGrams;
  apply_changes(product, patch);
  EXPECT_EQ(product.tax_category, TaxCategory::reduced);
  EXPECT_EQ(product.weight_grams, 1'000'000);

  for (std::int64_t grams : {std::int64_t{-1}, kMaxWeightGrams + 1}) {
    auto bad_weight = valid_changes();
    bad_weight.weight_grams = grams;
    EXPECT_EQ(failing_field(bad_weight), "weight_grams") << grams;
  }
  ProductChanges too_heavy;
  too_heavy.weight_grams = kMaxWeightGrams + 1;
  too_heavy.tax_category = TaxCategory::zero;
  EXPECT_THROW(apply_changes(product, too_heavy), platform::Error);
  EXPECT_EQ(product.tax_category, TaxCategory::reduced) << "a rejected change changes nothing";
}

TEST(Product, TaxCategoryNamesRoundTrip) {
  for (auto category : {TaxCategory::standard, TaxCategory::reduced, TaxCategory::zero}) {
    EXPECT_EQ(parse_tax_category(to_string(category)), category) << to_string(category);
  }
  EXPECT_EQ(to_string(TaxCategory::reduced), "reduced");
  EXPECT_EQ(parse_tax_category("Standard"), std::nullopt);
  EXPECT_EQ(parse_tax_category("luxury"), std::nullopt);
}

TEST(Product, Slugify) {
  EXPECT_EQ(slugify("  Hello,  World!! "), "hello-world");
  EXPECT_EQ(slugify("Chef's Knife 20cm"), "chef-s-knife-20cm");
  EXPECT_TRUE(is_valid_slug(slugify("Ünïcode Lamp")));
}

TEST(Cursor, RoundTripsAndRejectsTampering) {
  Cursor cursor{ProductSort::title, 0, "Lamp | with bar", "0192d3c4-0000-7000-8000-000000000001"};
  const auto decoded = decode_cursor(encode_cursor(cursor));
  EXPECT_EQ(decoded.sort, ProductSort::title);
  EXPECT_EQ(decoded.text_key, "Lamp | with bar");
  EXPECT_EQ(decoded.id, cursor.id);
  for (const char* bad : {"", "!!!", "MXxuZXdlc3R8", "bm90IGEgY3Vyc29y", "Mnxu"}) {
    try {
      decode_cursor(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const platform::Error& error) {
      EXPECT_EQ(error.field(), "cursor");
    }
  }
}

TEST(Reservation, NormalizesLinesInLockOrder) {
  auto lines = normalize_lines({{"b", 2}, {"a", 1}, {"b", 3}});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], (ReservationLine{"a", 1}));
  EXPECT_EQ(lines[1], (ReservationLine{"b", 5}));
  EXPECT_THROW(normalize_lines({}), platform::Error);
  EXPECT_THROW(normalize_lines({{"a", 0}}), platform::Error);
  EXPECT_THROW(normalize_lines({{"a", 600}, {"a", 600}}), platform::Error);
}

TEST(Reservation, StatusNamesRoundTrip) {
  for (auto status :
       {ReservationStatus::held, ReservationStatus::confirmed, ReservationStatus::released,
        ReservationStatus::expired, ReservationStatus::returned}) {
    EXPECT_EQ(parse_reservation_status(to_string(status)), status) << to_string(status);
  }
  EXPECT_EQ(to_string(ReservationStatus::returned), "returned");
  EXPECT_EQ(parse_reservation_status("shipped"), std::nullopt);
}

TEST(Category, PathContainment) {
  EXPECT_EQ(child_path(std::nullopt, "home"), "home");
  EXPECT_EQ(child_path(std::string("home"), "lighting"), "home/lighting");
  EXPECT_TRUE(path_within("home/lighting", "home"));
  EXPECT_TRUE(path_within("home", "home"));
  EXPECT_FALSE(path_within("homeware", "home"));
}
