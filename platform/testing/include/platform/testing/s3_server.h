#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "platform/storage/s3_object_store.h"
#include "platform/testing/child_process.h"
#include "platform/testing/environment.h"

namespace platform::testing {

// Whether the npm packages under platform/tests/storage/s3 (s3rver and the
// AWS SDK's signer) are installed; scripts/test.sh runs npm ci for them.
bool object_store_tools_installed();

// An s3rver (npm, an independent S3 implementation) on a free loopback port
// with one bucket, checking signatures against its own credentials; over
// TLS with a certificate for 127.0.0.1 and *.s3.example.test when asked.
class S3Server {
 public:
  static constexpr const char* bucket = "shop-images";
  static constexpr const char* service_domain = "example.test";  // hosts *.s3.example.test

  explicit S3Server(bool tls = false);

  int port() const noexcept { return port_; }
  // Settings for a client of this server, path-style on 127.0.0.1.
  storage::S3Settings settings() const;
  // Settings for virtual-host style: shop-images.s3.example.test, dialled
  // at the loopback address.
  storage::S3Settings virtual_host_settings() const;
  const std::filesystem::path& certificate() const noexcept { return certificate_; }
  std::string log() const { return process_->log(); }

 private:
  TemporaryDirectory directory_;
  int port_;
  bool tls_;
  std::filesystem::path certificate_;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace platform::testing

// Skips the current test when the object-store tools are missing, or fails
// it when the run requires every piece of test infrastructure.
#define SHOP_REQUIRE_OBJECT_STORE_TOOLS()                                               \
  do {                                                                                  \
    if (!::platform::testing::object_store_tools_installed()) {                         \
      if (::platform::testing::infrastructure_required()) {                             \
        FAIL() << "npm ci --prefix platform/tests/storage/s3 has not been run";         \
      }                                                                                 \
      GTEST_SKIP() << "platform/tests/storage/s3 has no node_modules (npm ci not run)"; \
    }                                                                                   \
  } while (false)
