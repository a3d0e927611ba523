// Must-show of the gateway: two catalog instances (real executables, one
// PostgreSQL database) behind the real gateway executable. Load spreads over
// both; one is killed with SIGKILL in the middle of a steady stream of GETs;
// clients see at most a handful of failures, the dead instance is taken out
// of rotation, and it gets traffic again once restarted.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <fstream>
#include <regex>
#include <thread>

#include "platform/http/client.h"
#include "platform/testing/child_process.h"
#include "platform/testing/databases.h"
#include "platform/testing/environment.h"
#include "platform/testing/tokens.h"

namespace {

using namespace std::chrono_literals;
using platform::testing::ChildProcess;

// The value of a Prometheus sample whose line starts with `series`, or -1.
double sample(const std::string& metrics, const std::string& series) {
  const auto at = metrics.find(series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(metrics.substr(at + series.size() + 1));
}

class GatewayFailover : public ::testing::Test {
 protected:
  void SetUp() override {
    SHOP_REQUIRE_BACKEND(platform::testing::postgres_admin_url(),
                         "PostgreSQL (SHOP_TEST_POSTGRES_URL)");
    database_ =
        platform::testing::open_fresh_database(platform::testing::DatabaseBackend::postgres);
    ASSERT_TRUE(database_);
    ports_ = {platform::testing::free_port(), platform::testing::free_port()};
    instances_[0] = start_catalog(0, true);
    instances_[1] = start_catalog(1, false);

    gateway_port_ = platform::testing::free_port();
    const auto config = directory_.path() / "gateway.json";
    std::ofstream(config) << R"({"upstreams": [{"name": "catalog", "static": ["127.0.0.1:)"
                          << ports_[0] << R"(", "127.0.0.1:)" << ports_[1] << R"("],
        "health_check": {"interval_ms": 300, "timeout_ms": 300, "unhealthy_after": 1},
        "outlier": {"consecutive_failures": 2, "ejection_ms": 2000},
        "connect_timeout_ms": 300}],
      "routes": [{"prefix": "/api/catalog", "upstream": "catalog", "auth": "none"}],
      "rate_limits": {"enabled": false}})";
    auto environment = gateway_jwks_.environment();
    environment.merge(
        std::map<std::string, std::string>{{"GATEWAY_PORT", std::to_string(gateway_port_)},
                                           {"GATEWAY_CONFIG_FILE", config.string()},
                                           {"GATEWAY_ACCESS_LOG", "false"}});
    gateway_ = std::make_unique<ChildProcess>(GATEWAY_BINARY, environment,
                                              directory_.path() / "gateway.log");
    ASSERT_TRUE(platform::testing::wait_for_http_ok(gateway_port_, "/healthz", 15s))
        << gateway_->log();
  }

  std::unique_ptr<ChildProcess> start_catalog(int index, bool seed) {
    auto environment = jwks_.environment();
    environment.merge(
        std::map<std::string, std::string>{{"CATALOG_PORT", std::to_string(ports_[index])},
                                           {"CATALOG_DATABASE_URL", database_->url()},
                                           {"CATALOG_SEED_DEMO", seed ? "true" : "false"},
                                           {"CATALOG_ACCESS_LOG", "false"}});
    auto process = std::make_unique<ChildProcess>(
        CATALOG_BINARY, environment,
        directory_.path() / ("catalog-" + std::to_string(index) + ".log"));
    EXPECT_TRUE(platform::testing::wait_for_http_ok(ports_[index], "/readyz", 20s))
        << process->log();
    return process;
  }

  // Requests the instance itself answered, by its own metrics.
  double served_by(int index) {
    const auto metrics =
        client_.get("http://127.0.0.1:" + std::to_string(ports_[index]) + "/metrics").body;
    double total = 0;
    static const std::regex line(
        R"re(http_requests_total\{method="GET",route="/v1/products",status="200"\} ([0-9.e+]+))re");
    std::smatch match;
    if (std::regex_search(metrics, match, line)) total = std::stod(match[1]);
    return total;
  }

  std::string gateway_metrics() {
    return client_.get("http://127.0.0.1:" + std::to_string(gateway_port_) + "/metrics").body;
  }

  platform::testing::TestIssuer issuer_;
  platform::testing::JwksServer jwks_{issuer_};
  // The gateway's own: every route is public, so it must never be asked.
  platform::testing::JwksServer gateway_jwks_{issuer_};
  platform::testing::TemporaryDirectory directory_;
  std::unique_ptr<platform::testing::FreshDatabase> database_;
  std::array<int, 2> ports_{};
  std::array<std::unique_ptr<ChildProcess>, 2> instances_;
  int gateway_port_ = 0;
  std::unique_ptr<ChildProcess> gateway_;
  platform::http::Client client_;
};

TEST_F(GatewayFailover, SurvivesTheLossOfAnInstanceAndTakesItBack) {
  const auto products =
      "http://127.0.0.1:" + std::to_string(gateway_port_) + "/api/catalog/v1/products?limit=5";
  platform::http::ClientOptions single;
  single.max_attempts = 1;  // the client does not retry: the gateway must
  single.timeout = 5s;

  // A steady stream of GETs from two clients until told to stop.
  std::atomic<bool> stop{false};
  std::atomic<int> succeeded{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> shoppers;
  for (int i = 0; i < 2; ++i) {
    shoppers.emplace_back([&] {
      platform::http::Client client(single);
      while (!stop) {
        try {
          const auto response = client.get(products);
          (response.status == 200 ? succeeded : failed)++;
        } catch (const std::exception&) {
          ++failed;
        }
      }
    });
  }

  std::this_thread::sleep_for(1500ms);
  const double before_first = served_by(0);
  const double before_second = served_by(1);
  EXPECT_GT(before_first, 20) << "load reaches the first instance";
  EXPECT_GT(before_second, 20) << "load reaches the second instance";

  instances_[1]->stop(SIGKILL);
  std::this_thread::sleep_for(2000ms);
  const auto during = gateway_metrics();
  EXPECT_EQ(sample(during, R"(gateway_upstream_instances{upstream="catalog",state="available"})"),
            1)
      << during;

  instances_[1] = start_catalog(1, false);
  double after_restart = 0;
  for (int i = 0; i < 50 && after_restart < 10; ++i) {
    std::this_thread::sleep_for(100ms);
    after_restart = served_by(1);
  }
  stop = true;
  for (auto& shopper : shoppers) shopper.join();

  EXPECT_GE(after_restart, 10) << "traffic returns to the restarted instance";
  EXPECT_GT(succeeded, 500);
  EXPECT_LE(failed, 3) << "at most the requests in flight at the kill may fail; " << succeeded
                       << " succeeded";
  EXPECT_EQ(sample(gateway_metrics(),
                   R"(gateway_upstream_instances{upstream="catalog",state="available"})"),
            2);
  EXPECT_EQ(gateway_jwks_.requests(), 0) << "no route checks tokens: no keys are fetched";
}

}  // namespace
