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
  platform::testing::expect_operational_routes(url(""));
}

INSTANTIATE_TEST_SUITE_P(Backends, Contract,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace payments::testing
