#include "events/interaction_events.h"

#include <gtest/gtest.h>

#include "platform/bus/event.h"
#include "platform/clock.h"
#include "platform/error.h"

namespace recommendations {
namespace {

constexpr const char* kAda = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

platform::bus::Event event(const std::string& subject, const std::string& data) {
  auto made = platform::bus::make_event(subject, data);
  made.occurred_at = "2026-11-30T12:00:00Z";
  return made;
}

std::string field_of_error(const platform::bus::Event& bad) {
  try {
    interactions_of(bad);
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::invalid_argument);
    return error.field();
  }
  ADD_FAILURE() << "accepted " << bad.data;
  return "";
}

TEST(InteractionsOf, APaidOrderIsAPurchasePerLineAtItsTime) {
  const auto interactions = interactions_of(
      event(kOrderPaid,
            std::string(R"({"order_id":"o-1","customer_id":")") + kAda +
                R"(","lines":[{"product_id":"lamp","quantity":2},{"product_id":"kettle"}]})"));
  ASSERT_EQ(interactions.size(), 2u);
  EXPECT_EQ(interactions[0].customer, kAda);
  EXPECT_EQ(interactions[0].product, "lamp");
  EXPECT_EQ(interactions[1].product, "kettle");
  EXPECT_EQ(interactions[1].signal, Signal::purchase);
  EXPECT_EQ(interactions[1].at, *platform::parse_rfc3339("2026-11-30T12:00:00Z"));
}

TEST(InteractionsOf, AViewAtTheTimeItWasSeen) {
  const auto interactions = interactions_of(
      event(kProductViewed, std::string(R"({"customer_id":")") + kAda +
                                R"(","product_id":"lamp","viewed_at":"2026-11-29T08:00:00Z"})"));
  ASSERT_EQ(interactions.size(), 1u);
  EXPECT_EQ(interactions[0].signal, Signal::view);
  EXPECT_EQ(interactions[0].at, *platform::parse_rfc3339("2026-11-29T08:00:00Z"));
}

TEST(InteractionsOf, ACustomersCartAdditionCountsAndAGuestsTeachesNothing) {
  const auto customer =
      interactions_of(event(kCartItemAdded, std::string(R"({"cart":"customer","customer_id":")") +
                                                kAda + R"(","product_id":"lamp","quantity":1})"));
  ASSERT_EQ(customer.size(), 1u);
  EXPECT_EQ(customer[0].signal, Signal::cart_addition);
  EXPECT_TRUE(
      interactions_of(event(kCartItemAdded, R"({"cart":"guest","product_id":"lamp","quantity":1})"))
          .empty());
}

TEST(InteractionsOf, BadDataNamesItsField) {
  EXPECT_EQ(field_of_error(event(kOrderPaid, R"({"customer_id":"not-a-uuid","lines":[]})")),
            "customer_id");
  EXPECT_EQ(field_of_error(event(
                kOrderPaid, std::string(R"({"customer_id":")") + kAda + R"(","lines":"lamp"})")),
            "lines");
  EXPECT_EQ(field_of_error(event(kOrderPaid, std::string(R"({"customer_id":")") + kAda +
                                                 R"(","lines":[{"product_id":"a b"}]})")),
            "lines[0].product_id");
  EXPECT_EQ(field_of_error(
                event(kProductViewed, std::string(R"({"customer_id":")") + kAda +
                                          R"(","product_id":"lamp","viewed_at":"yesterday"})")),
            "viewed_at");
  EXPECT_EQ(field_of_error(event("catalog.product.upserted", "{}")), "subject");
  auto late = event(kProductViewed, "{}");
  late.occurred_at = "soon";
  EXPECT_EQ(field_of_error(late), "occurred_at");
}

}  // namespace
}  // namespace recommendations
