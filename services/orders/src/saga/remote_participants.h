#pragma once

#include <chrono>
#include <string>

#include "platform/http/client.h"
#include "platform/http/service_token.h"
#include "saga/saga_participants.h"

namespace orders {

struct ParticipantEndpoints {
  std::string catalog_url;   // e.g. http://catalog:8081, without a trailing slash
  std::string payments_url;  // e.g. http://payments:8085
  // How long the catalog holds stock for an order whose payment is pending.
  std::int64_t hold_seconds = 900;
  // The longest one call may take; the saga asks again after that.
  std::chrono::milliseconds call_timeout{5000};
};

// The catalog's reservations and the payment service over HTTP, as this
// service (client credentials with scopes catalog.reservations and
// payments.charge).
class RemoteParticipants final : public SagaParticipants {
 public:
  RemoteParticipants(ParticipantEndpoints endpoints, platform::http::Client& client,
                     platform::http::AccessTokenSource& tokens);

  StepResult reserve_stock(const Order& order) override;
  StepResult authorize_payment(const Order& order) override;
  StepResult confirm_stock(const Order& order) override;
  StepResult void_payment(const Order& order) override;
  StepResult release_stock(const Order& order) override;
  StepResult capture_payment(const Order& order) override;
  StepResult refund_payment(const Order& order, std::int64_t amount, const std::string& key,
                            const std::string& reason) override;

 private:
  platform::http::Response post(const std::string& url, std::string body,
                                const std::string& idempotency_key = {});
  platform::http::Response get(const std::string& url);
  StepResult void_one(const std::string& payment_id);
  StepResult release_one(const std::string& reservation_id);

  ParticipantEndpoints endpoints_;
  platform::http::Client& client_;
  platform::http::AccessTokenSource& tokens_;
};

}  // namespace orders
