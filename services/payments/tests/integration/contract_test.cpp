#include "payments_fixture.h"
#include "platform/testing/openapi.h"

namespace payments::testing {
namespace {

class Contract : public PaymentsTest {};

TEST_P(Contract, EveryRouteIsDocumentedWithItsAccess) {
  platform::testing::expect_router_matches_document(service_->routes(),
                                                    openapi_document().front().content);
}

TEST_P(Contract, ServesItsDocumentAndOperationalRoutes) {
  api_.acting_as("");
  const auto document = api_.get("/openapi.yaml");
  EXPECT_EQ(document.status, 200);
  EXPECT_EQ(document.content_type, "application/yaml");
  EXPECT_EQ(api_.get("/healthz").status, 200);
  EXPECT_EQ(api_.get("/readyz").status, 200);
  EXPECT_NE(api_.get("/metrics").headers.get("Content-Type").find("text/plain"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, Contract,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace payments::testing
