// A service asked to stop with SIGTERM (what Kubernetes and docker-compose
// send) finishes what it is doing and exits cleanly.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include "platform/http/client.h"
#include "platform/testing/child_process.h"
#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;

TEST(GracefulShutdown, CatalogExitsCleanlyOnSigterm) {
  platform::testing::TemporaryDirectory directory;
  const int port = platform::testing::free_port();
  platform::testing::ChildProcess catalog(
      CATALOG_BINARY,
      {{"CATALOG_PORT", std::to_string(port)},
       {"CATALOG_DATABASE_URL", "sqlite:" + (directory.path() / "catalog.db").string()},
       {"CATALOG_SEED_DEMO", "true"}},
      directory.path() / "catalog.log");
  ASSERT_TRUE(platform::testing::wait_for_http_ok(port, "/readyz", 15s)) << catalog.log();
  platform::http::Client client;
  EXPECT_EQ(client.get("http://127.0.0.1:" + std::to_string(port) + "/v1/products?limit=5").status,
            200);

  const int status = catalog.stop(SIGTERM);
  ASSERT_TRUE(WIFEXITED(status)) << catalog.log();
  EXPECT_EQ(WEXITSTATUS(status), 0) << catalog.log();
  EXPECT_NE(catalog.log().find("\"signal\":\"SIGTERM\""), std::string::npos) << catalog.log();
}

TEST(Configuration, InvalidValuesStopTheServiceWithAReason) {
  platform::testing::TemporaryDirectory directory;
  platform::testing::ChildProcess catalog(CATALOG_BINARY, {{"CATALOG_PORT", "not-a-port"}},
                                          directory.path() / "catalog.log");
  const int status = catalog.stop(0);  // signal 0: just wait for it to end
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_NE(catalog.log().find("CATALOG_PORT=not-a-port"), std::string::npos) << catalog.log();
}

}  // namespace
