// The distributed shop as plain processes on loopback, for development:
// every service its own executable on PostgreSQL, Redis and NATS JetStream
// (from SHOP_TEST_*: scripts/run-distributed.sh starts them), the gateway
// in front on SHOP_PORT serving the web app. Runs until SIGINT or SIGTERM,
// then stops every process it started.
#include <stdlib.h>

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "distributed_shop.h"
#include "platform/config.h"
#include "platform/http/server.h"
#include "platform/log.h"

namespace {

std::filesystem::path new_temporary_folder() {
  auto pattern = (std::filesystem::temp_directory_path() / "distributed-shop-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make " + pattern);
  return pattern;
}

}  // namespace

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "distributed-shop",
                          "Runs every service of the shop as its own process on loopback, with "
                          "the gateway in front (development; see scripts/run-distributed.sh).");
  const auto port =
      static_cast<int>(config.integer("SHOP_PORT", 8080, "the gateway's port", 1, 65535));
  const auto public_url = config.text("SHOP_PUBLIC_URL", "",
                                      "where browsers reach the gateway; http://localhost:<port> "
                                      "when empty");
  const auto web_root =
      config.text("SHOP_WEB_ROOT", "", "the built web app (web/dist); none when empty");
  const auto directory = config.text(
      "SHOP_DISTRIBUTED_DIR", "", "where the services' logs go; a new temporary folder when empty");
  const bool seed = config.flag("SHOP_SEED_DEMO", true, "fill the catalog with the demo shop");
  config.finish();
  platform::log::set_service("distributed-shop");

  try {
    const std::filesystem::path logs =
        directory.empty() ? new_temporary_folder() : std::filesystem::path(directory);
    std::filesystem::create_directories(logs);
    shop::testing::DistributedShop::Options options;
    options.gateway_port = port;
    options.public_url =
        public_url.empty() ? "http://localhost:" + std::to_string(port) : public_url;
    options.web_root = web_root;
    options.seed_demo = seed;
    shop::testing::DistributedShop shop(logs, options);
    platform::log::info("the distributed shop is ready",
                        {{"url", options.public_url}, {"logs", logs.string()}});
    std::cout << "The distributed shop is ready on " << options.public_url << "\n"
              << "  admin: " << shop::testing::DistributedShop::kAdminEmail << " / "
              << shop::testing::DistributedShop::kAdminPassword << "\n"
              << "  each service's log: " << logs.string() << "/<service>.log\n"
              << "Ctrl-C stops it." << std::endl;
    const char* signal = signals.wait();
    platform::log::info("stopping", {{"signal", signal}});
  } catch (const std::exception& error) {
    platform::log::error("the distributed shop did not start", {{"error", error.what()}});
    return 1;
  }
  return 0;
}
