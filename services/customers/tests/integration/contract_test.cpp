#include "customers_fixture.h"
#include "platform/testing/openapi.h"

namespace customers::testing {
namespace {

class Contract : public CustomersTest {};

TEST_P(Contract, EveryRouteIsDocumentedWithItsAccess) {
  platform::testing::expect_router_matches_document(service_->routes(),
                                                    openapi_document().front().content);
}

TEST_P(Contract, ServesItsDocumentAndOperationalRoutes) {
  acting_as("");
  const auto document = call(platform::http::Method::get, "/openapi.yaml", {}, {});
  EXPECT_EQ(document.status, 200);
  EXPECT_EQ(document.content_type, "application/yaml");
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(get("/readyz").status, 200);
  EXPECT_EQ(get("/metrics").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, Contract,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace customers::testing
