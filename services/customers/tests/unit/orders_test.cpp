#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "domain/order_summary.h"
#include "domain/page_cursor.h"
#include "events/inbound_events.h"
#include "platform/clock.h"
#include "platform/error.h"

using namespace customers;

namespace {

OrderSummary at(std::int64_t updated_at, OrderStatus status) {
  OrderSummary order;
  order.updated_at = updated_at;
  order.status = status;
  return order;
}

platform::bus::Event order_event(const std::string& data,
                                 std::string occurred_at = "2026-01-02T03:04:05.678Z") {
  platform::bus::Event event;
  event.id = "e1";
  event.subject = "orders.order.paid";
  event.occurred_at = std::move(occurred_at);
  event.data = data;
  return event;
}

constexpr const char* kPaid =
    R"({"order_id":"o-1","customer_id":"0190d5a0-0000-7000-8000-000000000001","status":"paid",)"
    R"("total":{"amount":4999,"currency":"EUR"},"item_count":2,)"
    R"("placed_at":"2026-01-02T03:00:00Z","coupon":"extra fields are tolerated"})";

}  // namespace

TEST(OrderStatus, RoundTrips) {
  for (auto status : {OrderStatus::placed, OrderStatus::paid, OrderStatus::shipped,
                      OrderStatus::delivered, OrderStatus::cancelled, OrderStatus::refunded}) {
    EXPECT_EQ(parse_order_status(to_string(status)), status);
  }
  EXPECT_FALSE(parse_order_status("lost"));
  EXPECT_FALSE(parse_order_status("PAID"));
}

TEST(OrderRecency, AnOlderEventNeverOverwritesANewerState) {
  EXPECT_TRUE(supersedes(at(200, OrderStatus::paid), at(100, OrderStatus::placed)));
  EXPECT_FALSE(supersedes(at(100, OrderStatus::placed), at(200, OrderStatus::paid)));
  // Time wins over the lifecycle: a later cancellation of a shipped order...
  EXPECT_TRUE(supersedes(at(300, OrderStatus::cancelled), at(200, OrderStatus::shipped)));
  // ...and a late "paid" does not undo a delivery.
  EXPECT_FALSE(supersedes(at(250, OrderStatus::paid), at(300, OrderStatus::delivered)));
}

TEST(OrderRecency, AtTheSameInstantTheFurtherStatusWinsWhateverTheArrivalOrder) {
  EXPECT_TRUE(supersedes(at(100, OrderStatus::paid), at(100, OrderStatus::placed)));
  EXPECT_FALSE(supersedes(at(100, OrderStatus::placed), at(100, OrderStatus::paid)));
  EXPECT_TRUE(supersedes(at(100, OrderStatus::paid), at(100, OrderStatus::paid)))
      << "a redelivery of the stored state changes nothing but is not older";
}

TEST(OrderEvents, ReadTheSummaryVersionedByOccurredAt) {
  const auto order = parse_order_event(order_event(kPaid));
  EXPECT_EQ(order.order_id, "o-1");
  EXPECT_EQ(order.customer_id, "0190d5a0-0000-7000-8000-000000000001");
  EXPECT_EQ(order.status, OrderStatus::paid);
  EXPECT_EQ(order.total_amount, 4999);
  EXPECT_EQ(order.currency, "EUR");
  EXPECT_EQ(order.item_count, 2);
  EXPECT_EQ(order.placed_at,
            platform::to_unix_millis(*platform::parse_rfc3339("2026-01-02T03:00:00Z")));
  EXPECT_EQ(order.updated_at,
            platform::to_unix_millis(*platform::parse_rfc3339("2026-01-02T03:04:05.678Z")));
}

TEST(OrderEvents, RefuseWhatCanNeverBeApplied) {
  auto broken = [](std::string_view from, std::string_view to) {
    std::string data = kPaid;
    data.replace(data.find(from), from.size(), to);
    return order_event(data);
  };
  EXPECT_THROW(parse_order_event(broken("\"paid\"", "\"lost\"")), platform::Error);
  EXPECT_THROW(parse_order_event(broken("0190d5a0-0000-7000-8000-000000000001", "someone")),
               platform::Error);
  EXPECT_THROW(parse_order_event(broken("4999", "-1")), platform::Error);
  EXPECT_THROW(parse_order_event(broken("\"EUR\"", "\"eur\"")), platform::Error);
  EXPECT_THROW(parse_order_event(broken("2026-01-02T03:00:00Z", "yesterday")), platform::Error);
  EXPECT_THROW(parse_order_event(broken("\"o-1\"", "\"o 1\"")), platform::Error);
  EXPECT_THROW(parse_order_event(order_event("[1]")), platform::Error);
  EXPECT_THROW(parse_order_event(order_event(kPaid, "not a time")), platform::Error);
  try {
    parse_order_event(broken("\"item_count\":2", "\"item_count\":\"2\""));
    FAIL() << "accepted";
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::invalid_argument);
    EXPECT_EQ(error.field(), "item_count");
  }
}

TEST(RegistrationEvents, ReadTheUser) {
  platform::bus::Event event;
  event.data = R"({"user_id":"0190d5a0-0000-7000-8000-000000000002","email":"ada@example.com",)"
               R"("name":"Ada","registered_at":"2026-01-02T03:04:05Z"})";
  const auto registered = parse_user_registered(event);
  EXPECT_EQ(registered.user_id, "0190d5a0-0000-7000-8000-000000000002");
  EXPECT_EQ(registered.email, "ada@example.com");
  EXPECT_EQ(registered.name, "Ada");
  event.data =
      R"({"user_id":"u","email":"ada@example.com","registered_at":"2026-01-02T03:04:05Z"})";
  EXPECT_THROW(parse_user_registered(event), platform::Error);
}

TEST(PageCursor, RoundTripsAndRefusesForeignCursors) {
  const PageCursor cursor{1234567890123, "0190d5a0-0000-7000-8000-000000000001"};
  const auto text = encode_cursor(ListKind::orders, cursor);
  EXPECT_EQ(decode_cursor(ListKind::orders, text), cursor);
  auto refused = [](ListKind kind, const std::string& candidate) {
    try {
      decode_cursor(kind, candidate);
    } catch (const platform::Error& error) {
      return error.field() == "cursor";
    }
    return false;
  };
  EXPECT_TRUE(refused(ListKind::customers, text)) << "another list's cursor";
  EXPECT_TRUE(refused(ListKind::orders, ""));
  EXPECT_TRUE(refused(ListKind::orders, "%%%"));
  EXPECT_TRUE(refused(ListKind::orders, "bm9wZQ"));  // "nope"
  EXPECT_TRUE(refused(ListKind::orders, std::string(300, 'A')));
}
