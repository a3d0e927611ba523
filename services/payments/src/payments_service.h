#pragma once

#include <memory>
#include <vector>

#include "platform/auth/token_verifier.h"
#include "platform/db/database.h"
#include "platform/embedded_file.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "processor/card_processor.h"
#include "store/payments_store.h"

namespace payments {

// The migrations of the payments database (compiled in from migrations/).
std::vector<platform::EmbeddedFile> migrations();
// The OpenAPI document (compiled in from openapi.yaml), served at /openapi.yaml.
std::vector<platform::EmbeddedFile> openapi_document();

// The payments service as one object: saved cards, payments and the
// simulated card processor behind them. Hosted by its own executable and by
// apps/shop, both giving it a database that migrate() has prepared.
class PaymentsService {
 public:
  PaymentsService(platform::db::Database& database, platform::metrics::Registry& registry,
                  std::shared_ptr<const platform::auth::TokenVerifier> verifier,
                  ProcessorSettings processor = {});
  PaymentsService(const PaymentsService&) = delete;
  PaymentsService& operator=(const PaymentsService&) = delete;

  // The API plus /healthz, /readyz, /metrics and /openapi.yaml.
  platform::http::Router routes();

  static void migrate(platform::db::Database& database);

 private:
  platform::db::Database& database_;
  platform::metrics::Registry& registry_;
  std::shared_ptr<const platform::auth::TokenVerifier> verifier_;
  PaymentsStore store_;
  CardProcessor processor_;
  platform::metrics::Family<platform::metrics::Counter>& operations_;
};

}  // namespace payments
