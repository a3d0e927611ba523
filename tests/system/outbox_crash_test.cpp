// Must-show of the outbox: the catalog process is killed with SIGKILL between
// committing a change and publishing its event (and, separately, between
// publishing and marking it published). After a restart the event reaches
// NATS JetStream subscribers exactly once.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json.hpp>
#include <mutex>

#include "platform/bus/nats_bus.h"
#include "platform/http/client.h"
#include "platform/ids.h"
#include "platform/testing/child_process.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace {

using namespace std::chrono_literals;
using platform::testing::ChildProcess;

class OutboxCrash : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    nats_url_ = platform::testing::nats_url().value_or("");
    SHOP_REQUIRE_BACKEND(platform::testing::nats_url(), "NATS (SHOP_TEST_NATS_URL)");
    SHOP_REQUIRE_BACKEND(platform::testing::postgres_admin_url(),
                         "PostgreSQL (SHOP_TEST_POSTGRES_URL)");
    database_ =
        platform::testing::open_fresh_database(platform::testing::DatabaseBackend::postgres);
    ASSERT_TRUE(database_);
    port_ = platform::testing::free_port();
    sku_ = "CRASH-" + platform::random_hex(4);
  }

  std::unique_ptr<ChildProcess> start_catalog(const std::string& faults) {
    std::map<std::string, std::string> environment = {
        {"CATALOG_PORT", std::to_string(port_)},
        {"CATALOG_DATABASE_URL", database_->url()},
        {"CATALOG_NATS_URL", nats_url_},
        {"CATALOG_ACCESS_LOG", "false"},
        {"PLATFORM_FAULTS", faults},
    };
    environment.merge(jwks_.environment());
    auto process = std::make_unique<ChildProcess>(CATALOG_BINARY, environment,
                                                  directory_.path() / "catalog.log");
    EXPECT_TRUE(platform::testing::wait_for_http_ok(port_, "/readyz", 15s)) << process->log();
    return process;
  }

  platform::http::Response post(const std::string& path, const boost::json::value& body) {
    return client_.post_json("http://127.0.0.1:" + std::to_string(port_) + path,
                             boost::json::serialize(body),
                             platform::testing::TestIssuer::bearer(issuer_.admin_token()));
  }

  platform::testing::TestIssuer issuer_;
  platform::testing::JwksServer jwks_{issuer_};
  platform::testing::TemporaryDirectory directory_;
  std::unique_ptr<platform::testing::FreshDatabase> database_;
  std::string nats_url_;
  int port_ = 0;
  std::string sku_;
  platform::http::Client client_;
};

TEST_P(OutboxCrash, EventIsDeliveredOnceAfterRestart) {
  const std::string fault_point = GetParam();

  // A subscriber of the platform stream, counting this test's product events.
  platform::bus::NatsBusOptions options;
  options.url = nats_url_;
  options.connection_name = "outbox-crash-test";
  platform::bus::NatsBus bus(options);
  std::mutex mutex;
  std::map<std::string, int> deliveries;  // event id -> times delivered
  auto subscription =
      bus.subscribe({.durable_name = "crash-" + platform::random_hex(4),
                     .subject_filter = "catalog.product.upserted"},
                    [&](const platform::bus::Event& event) {
                      if (boost::json::parse(event.data).at("sku").as_string() != sku_) return;
                      std::lock_guard lock(mutex);
                      ++deliveries[event.id];
                    });
  auto count = [&] {
    std::lock_guard lock(mutex);
    return deliveries;
  };

  auto catalog = start_catalog(fault_point + "=pause");
  ASSERT_EQ(post("/v1/categories", {{"slug", "crash-" + sku_.substr(6)}, {"name", "Crash"}}).status,
            201);
  const auto created = post("/v1/products", {{"sku", sku_},
                                             {"title", "Crash test lamp"},
                                             {"brand", "Lumen"},
                                             {"category", "crash-" + sku_.substr(6)},
                                             {"price", {{"amount", 100}, {"currency", "EUR"}}}});
  ASSERT_EQ(created.status, 201) << created.body;  // committed
  ASSERT_TRUE(catalog->wait_for_log("fault injected", 10s)) << catalog->log();
  catalog->stop(SIGKILL);

  std::this_thread::sleep_for(500ms);
  if (fault_point == "outbox.before_publish") {
    EXPECT_TRUE(count().empty()) << "nothing was published before the crash";
  }

  auto restarted = start_catalog("");
  const auto until = std::chrono::steady_clock::now() + 20s;
  while (count().empty() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(20ms);
  std::this_thread::sleep_for(1500ms);  // room for a duplicate to show up, if there were one
  const auto seen = count();
  ASSERT_EQ(seen.size(), 1u) << "one event for the one product";
  EXPECT_EQ(seen.begin()->second, 1) << "delivered exactly once";
}

INSTANTIATE_TEST_SUITE_P(CrashPoints, OutboxCrash,
                         ::testing::Values("outbox.before_publish", "outbox.after_publish"),
                         [](const auto& point) {
                           return std::string(point.param) == "outbox.before_publish"
                                      ? "BetweenCommitAndPublish"
                                      : "BetweenPublishAndMark";
                         });

}  // namespace
