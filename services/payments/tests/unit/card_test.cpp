#include "domain/card.h"

#include <gtest/gtest.h>

#include "processor/card_processor.h"

namespace payments {
namespace {

TEST(Card, ReadsNumbersAsPeopleTypeThem) {
  EXPECT_EQ(card_digits("4242 4242 4242 4242"), "4242424242424242");
  EXPECT_EQ(card_digits("4242-4242-4242-4242"), "4242424242424242");
  EXPECT_EQ(card_digits("4242x4242424242424"), std::nullopt);
  EXPECT_EQ(card_digits("42424242424"), std::nullopt) << "11 digits";
  EXPECT_EQ(card_digits("42424242424242424242"), std::nullopt) << "20 digits";
  EXPECT_EQ(card_digits(""), std::nullopt);
}

TEST(Card, EveryTestCardPassesTheLuhnCheckAndATypoDoesNot) {
  for (const char* number : {"4242424242424242", "5555555555554444", "378282246310005",
                             "6011111111111117", "4000000000000002", "4000000000009995",
                             "4000000000000119", "4000000000000259", "4000000000000341"}) {
    EXPECT_TRUE(passes_luhn(number)) << number;
  }
  EXPECT_FALSE(passes_luhn("4242424242424241"));
  EXPECT_FALSE(passes_luhn("4242424242424224")) << "two digits swapped";
  EXPECT_FALSE(passes_luhn(""));
}

TEST(Card, KnowsTheBrandByItsPrefix) {
  EXPECT_EQ(brand_of("4242424242424242"), CardBrand::visa);
  EXPECT_EQ(brand_of("5555555555554444"), CardBrand::mastercard);
  EXPECT_EQ(brand_of("2223003122003222"), CardBrand::mastercard) << "the 2-series";
  EXPECT_EQ(brand_of("378282246310005"), CardBrand::amex);
  EXPECT_EQ(brand_of("6011111111111117"), CardBrand::discover);
  EXPECT_EQ(brand_of("3530111333300000"), CardBrand::unknown) << "JCB is not accepted";
}

TEST(Card, IsValidThroughTheLastDayOfItsExpiryMonth) {
  EXPECT_FALSE(has_expired({11, 2026}, 2026, 11));
  EXPECT_TRUE(has_expired({10, 2026}, 2026, 11));
  EXPECT_TRUE(has_expired({12, 2025}, 2026, 1));
  EXPECT_FALSE(has_expired({1, 2027}, 2026, 12));
  using namespace std::chrono;
  const auto last_day = sys_days{2026y / November / 30} + 23h;
  EXPECT_FALSE(has_expired({11, 2026}, last_day));
  EXPECT_TRUE(has_expired({11, 2026}, sys_days{2026y / December / 1}));
}

TEST(Card, TestCardsDecideWhatTheProcessorAnswers) {
  EXPECT_EQ(behaviour_of("4242424242424242"), CardBehaviour::approve);
  EXPECT_EQ(behaviour_of("4000000000000002"), CardBehaviour::decline);
  EXPECT_EQ(behaviour_of("4000000000009995"), CardBehaviour::insufficient_funds);
  EXPECT_EQ(behaviour_of("4000000000000119"), CardBehaviour::processing_error);
  EXPECT_EQ(behaviour_of("4000000000000259"), CardBehaviour::slow);
  EXPECT_EQ(behaviour_of("4000000000000341"), CardBehaviour::capture_fails);
  for (const auto behaviour :
       {CardBehaviour::approve, CardBehaviour::decline, CardBehaviour::insufficient_funds,
        CardBehaviour::processing_error, CardBehaviour::slow, CardBehaviour::capture_fails}) {
    EXPECT_EQ(parse_card_behaviour(to_string(behaviour)), behaviour) << "stored and read back";
  }
}

TEST(Processor, AnswersByCardExpiryAndChaos) {
  EXPECT_EQ(decide_authorization(CardBehaviour::approve, false, false).decision,
            Decision::approved);
  EXPECT_EQ(decide_authorization(CardBehaviour::slow, false, false).decision, Decision::approved);
  EXPECT_EQ(decide_authorization(CardBehaviour::approve, true, false).decline_code, "expired_card");
  EXPECT_EQ(decide_authorization(CardBehaviour::decline, false, false).decline_code,
            "card_declined");
  EXPECT_EQ(decide_authorization(CardBehaviour::insufficient_funds, false, false).decline_code,
            "insufficient_funds");
  EXPECT_EQ(decide_authorization(CardBehaviour::processing_error, false, false).decision,
            Decision::failed);
  EXPECT_EQ(decide_authorization(CardBehaviour::approve, false, true).decision, Decision::failed)
      << "chaos fails even a good card";
  EXPECT_EQ(decide_capture(CardBehaviour::capture_fails, false).decision, Decision::declined);
  EXPECT_EQ(decide_capture(CardBehaviour::approve, false).decision, Decision::approved);
  EXPECT_EQ(decide_capture(CardBehaviour::approve, true).decision, Decision::failed);
  EXPECT_EQ(decide_other(false).decision, Decision::approved);
  EXPECT_EQ(decide_other(true).decision, Decision::failed);
}

TEST(Processor, FailsTheConfiguredShareOfCalls) {
  ProcessorSettings settings;
  settings.failure_rate = 0.3;
  CardProcessor processor(settings);
  int failed = 0;
  for (int i = 0; i < 2000; ++i) {
    if (processor.void_or_refund().decision == Decision::failed) ++failed;
  }
  EXPECT_GT(failed, 450);
  EXPECT_LT(failed, 750);
  CardProcessor reliable(ProcessorSettings{});
  for (int i = 0; i < 200; ++i)
    EXPECT_EQ(reliable.capture(CardBehaviour::approve).decision, Decision::approved);
}

}  // namespace
}  // namespace payments
