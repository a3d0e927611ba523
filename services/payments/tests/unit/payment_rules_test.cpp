#include <gtest/gtest.h>

#include "domain/payment.h"
#include "platform/error.h"

namespace payments {
namespace {

Payment authorized(std::int64_t amount) {
  Payment payment;
  payment.id = "p";
  payment.amount = {amount, "EUR"};
  payment.status = PaymentStatus::authorized;
  payment.operations.push_back({OperationKind::authorize, amount, {}, 1});
  return payment;
}

// The code of the Error `change` throws, or "none".
template <class Change>
std::string refusal(Change change) {
  try {
    change();
  } catch (const platform::Error& error) {
    return error.code();
  }
  return "none";
}

TEST(PaymentRules, CapturesAllOrPartOfAnAuthorization) {
  const auto whole = capture(authorized(5000), std::nullopt, 2);
  EXPECT_EQ(whole.status, PaymentStatus::captured);
  EXPECT_EQ(whole.captured, 5000);
  ASSERT_EQ(whole.operations.size(), 2u);
  EXPECT_EQ(whole.operations.back().kind, OperationKind::capture);
  EXPECT_EQ(capture(authorized(5000), 1200, 2).captured, 1200);
  EXPECT_EQ(refusal([] { capture(authorized(5000), 5001, 2); }), "amount-exceeds-authorization");
  EXPECT_EQ(refusal([] { capture(authorized(5000), 0, 2); }), "amount-exceeds-authorization");
  EXPECT_EQ(refusal([&] { capture(whole, std::nullopt, 3); }), "payment-not-capturable")
      << "a second capture";
}

TEST(PaymentRules, VoidsOnlyAnUncapturedAuthorization) {
  EXPECT_EQ(void_authorization(authorized(10), 2).status, PaymentStatus::voided);
  const auto captured = capture(authorized(10), std::nullopt, 2);
  EXPECT_EQ(refusal([&] { void_authorization(captured, 3); }), "payment-not-voidable");
  auto declined = authorized(10);
  declined.status = PaymentStatus::declined;
  EXPECT_EQ(refusal([&] { void_authorization(declined, 3); }), "payment-not-voidable");
  EXPECT_EQ(refusal([&] { capture(declined, std::nullopt, 3); }), "payment-not-capturable");
}

TEST(PaymentRules, RefundsInPartsUpToWhatWasCaptured) {
  auto payment = capture(authorized(10000), 8000, 2);
  payment = refund(payment, 3000, "damaged", 3);
  EXPECT_EQ(payment.status, PaymentStatus::partially_refunded);
  EXPECT_EQ(payment.refunded, 3000);
  EXPECT_EQ(payment.operations.back().reason, "damaged");
  EXPECT_EQ(refusal([&] { refund(payment, 5001, "", 4); }), "amount-exceeds-captured");
  payment = refund(payment, std::nullopt, "", 4);  // the rest
  EXPECT_EQ(payment.status, PaymentStatus::refunded);
  EXPECT_EQ(payment.refunded, 8000);
  EXPECT_EQ(refusal([&] { refund(payment, 1, "", 5); }), "payment-not-refundable");
  EXPECT_EQ(refusal([] { refund(authorized(10), 1, "", 5); }), "payment-not-refundable")
      << "nothing captured yet";
}

TEST(PaymentRules, StatusNamesRoundTrip) {
  for (const auto status :
       {PaymentStatus::authorized, PaymentStatus::declined, PaymentStatus::captured,
        PaymentStatus::partially_refunded, PaymentStatus::refunded, PaymentStatus::voided}) {
    EXPECT_EQ(parse_payment_status(to_string(status)), status);
  }
  EXPECT_EQ(parse_payment_status("paid"), std::nullopt);
  EXPECT_EQ(to_string(OperationKind::void_authorization), "void");
}

}  // namespace
}  // namespace payments
