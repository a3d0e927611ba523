#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "platform/http/client.h"
#include "platform/testing/child_process.h"
#include "platform/testing/databases.h"
#include "platform/testing/s3_server.h"

namespace shop::testing {

// The whole shop distributed, as it runs in production but on loopback:
// auth, catalog, customers, payments, orders, cart, search and images each
// as its own process on a fresh PostgreSQL database (the cart on Redis,
// search on an index of its own, images' pictures on S3: an s3rver on
// loopback, or a directory when the npm tools are not installed), all on
// NATS JetStream, and the gateway in front of them. The infrastructure
// comes from the SHOP_TEST_* environment (scripts/test-infra.sh); services
// call each other as the confidential clients "orders" and "cart". For the
// end-to-end system tests and the checkout benchmark.
class DistributedShop {
 public:
  struct Options {
    // Lighter password hashing for tests that sign many people up; the
    // service's own defaults when 0.
    int argon2_memory_kib = 0;
    // The gateway's port; a free one when 0.
    int gateway_port = 0;
    // Where browsers reach the gateway (the token issuer and the storefront's
    // redirect name it); http://127.0.0.1:<gateway port> when empty.
    std::string public_url = {};
    // The built web app for the gateway to serve; none when empty.
    std::filesystem::path web_root = {};
    // The catalog fills itself with the demo shop on its first start.
    bool seed_demo = false;
  };

  // Starts everything and waits until every service is ready. Throws
  // std::runtime_error naming the service that did not start (and its log).
  DistributedShop(const std::filesystem::path& directory, Options options);
  ~DistributedShop();
  DistributedShop(const DistributedShop&) = delete;
  DistributedShop& operator=(const DistributedShop&) = delete;

  // Whether PostgreSQL, Redis and NATS are configured.
  static bool infrastructure_configured();

  // The gateway: http://127.0.0.1:<port>, the API under /api/<service>.
  // (Options::public_url is what browsers are told, which may differ.)
  const std::string& url() const noexcept { return gateway_url_; }
  // A service reached directly, bypassing the gateway.
  std::string service_url(const std::string& service) const;
  std::string log(const std::string& service) const;
  // Where the images service keeps pictures; null when it uses a directory.
  const platform::testing::S3Server* s3() const noexcept { return s3_.get(); }
  // The PostgreSQL database of a service that has one.
  const std::string& database_url(const std::string& service) const;

  // The running process of a service, e.g. to wait for a line in its log.
  platform::testing::ChildProcess& process(const std::string& service);
  // Stops a service with `signal` (SIGKILL: a crash) and starts it again on
  // the same port and database, with `extra_environment` set over its
  // environment (PLATFORM_FAULTS, shorter leases; kept for later restarts:
  // set a variable empty to drop it); waits until it is ready.
  void restart(const std::string& service, int signal,
               const std::map<std::string, std::string>& extra_environment = {});

  // Signs a person up through the auth pages; their access token.
  std::string sign_up(const std::string& email, const std::string& password);
  // The admin's access token (signed in through the pages).
  std::string admin_token();

  static constexpr const char* kAdminEmail = "admin@shop.local";
  static constexpr const char* kAdminPassword = "correct horse battery staple 42";

 private:
  void start(const std::string& service, const std::string& binary,
             std::map<std::string, std::string> environment);
  void launch(const std::string& service);

  std::filesystem::path directory_;
  std::unique_ptr<platform::testing::S3Server> s3_;
  std::map<std::string, int> ports_;
  std::map<std::string, std::unique_ptr<platform::testing::FreshDatabase>> databases_;
  std::map<std::string, std::unique_ptr<platform::testing::ChildProcess>> processes_;
  // How each service is started, for restarts.
  struct Launch {
    std::string binary;
    std::map<std::string, std::string> environment;
  };
  std::map<std::string, Launch> launches_;
  std::map<std::string, int> runs_;
  std::string gateway_url_;
  platform::http::Client client_;
};

}  // namespace shop::testing
