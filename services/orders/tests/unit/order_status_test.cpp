#include "domain/order_status.h"

#include <gtest/gtest.h>

namespace orders {
namespace {

using S = OrderStatus;
constexpr S kAll[] = {S::pending,   S::awaiting_payment,   S::paid,    S::shipped, S::delivered,
                      S::cancelled, S::partially_refunded, S::refunded};

TEST(OrderStatus, TheHappyPathMovesOneStepAtATime) {
  EXPECT_TRUE(may_move(S::pending, S::awaiting_payment));
  EXPECT_TRUE(may_move(S::awaiting_payment, S::paid));
  EXPECT_TRUE(may_move(S::paid, S::shipped));
  EXPECT_TRUE(may_move(S::shipped, S::delivered));
  EXPECT_FALSE(may_move(S::pending, S::paid)) << "no step is skipped";
  EXPECT_FALSE(may_move(S::awaiting_payment, S::shipped));
  EXPECT_FALSE(may_move(S::paid, S::delivered));
  EXPECT_FALSE(may_move(S::shipped, S::paid)) << "no step back";
}

TEST(OrderStatus, CancellingEndsAnOrderBeforeItShipsOnly) {
  EXPECT_TRUE(is_cancellable(S::pending));
  EXPECT_TRUE(is_cancellable(S::awaiting_payment));
  EXPECT_TRUE(is_cancellable(S::paid));
  EXPECT_FALSE(is_cancellable(S::shipped));
  EXPECT_FALSE(is_cancellable(S::delivered));
  EXPECT_FALSE(is_cancellable(S::cancelled));
  for (const auto to : kAll) EXPECT_FALSE(may_move(S::cancelled, to)) << to_string(to);
}

TEST(OrderStatus, RefundsFollowShipmentAndMayComeInParts) {
  EXPECT_TRUE(may_move(S::shipped, S::partially_refunded));
  EXPECT_TRUE(may_move(S::delivered, S::refunded));
  EXPECT_TRUE(may_move(S::partially_refunded, S::partially_refunded));
  EXPECT_TRUE(may_move(S::partially_refunded, S::refunded));
  EXPECT_TRUE(may_move(S::partially_refunded, S::delivered));  // refunded in transit
  EXPECT_FALSE(may_move(S::paid, S::refunded)) << "an uncaptured payment is voided, not refunded";
  for (const auto to : kAll) EXPECT_FALSE(may_move(S::refunded, to)) << to_string(to);
}

TEST(OrderStatus, NamesRoundTripAndFinalStatesHaveNoWayOnButRefunds) {
  for (const auto status : kAll) {
    EXPECT_EQ(parse_order_status(to_string(status)), status);
    if (status == S::cancelled || status == S::refunded) {
      EXPECT_TRUE(next_statuses(status).empty());
    }
  }
  EXPECT_EQ(parse_order_status("fulfilled"), std::nullopt);
  EXPECT_TRUE(is_final(S::delivered));
  EXPECT_FALSE(is_final(S::shipped));
}

}  // namespace
}  // namespace orders
