#include "cart_fixture.h"
#include "platform/testing/openapi.h"

namespace cart::testing {
namespace {

class Contract : public CartTest {};

TEST_P(Contract, EveryRouteIsDocumentedWithItsAccess) {
  platform::testing::expect_router_matches_document(cart_.service->routes(),
                                                    openapi_document().front().content);
}

TEST_P(Contract, ServesItsDocumentAndOperationalRoutes) {
  acting_as("");
  const auto document = get("/openapi.yaml");
  EXPECT_EQ(document.status, 200);
  EXPECT_EQ(document.content_type, "application/yaml");
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(get("/readyz").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, Contract,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace cart::testing
